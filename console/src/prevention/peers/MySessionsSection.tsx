// (Being written.)
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/Screen';

export function MySessionsSection() {
  const { t } = useTranslation();
  return <Screen title={t('prevention.nav.mySessions')}>{null}</Screen>;
}
