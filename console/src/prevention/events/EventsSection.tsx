// (Being written.)
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/Screen';

export function EventsSection() {
  const { t } = useTranslation();
  return <Screen title={t('prevention.nav.events')}>{null}</Screen>;
}
