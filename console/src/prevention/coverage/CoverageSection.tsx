// (Being written.)
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/Screen';

export function CoverageSection() {
  const { t } = useTranslation();
  return <Screen title={t('prevention.nav.coverage')}>{null}</Screen>;
}
