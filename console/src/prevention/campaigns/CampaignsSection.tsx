// (Being written.)
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/Screen';

export function CampaignsSection() {
  const { t } = useTranslation();
  return <Screen title={t('prevention.nav.campaigns')}>{null}</Screen>;
}
