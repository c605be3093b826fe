// (Being written.)
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/Screen';

export function RequestsSection() {
  const { t } = useTranslation();
  return <Screen title={t('prevention.nav.requests')}>{null}</Screen>;
}
