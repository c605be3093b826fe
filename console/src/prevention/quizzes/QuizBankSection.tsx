// (Being written.)
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/Screen';

export function QuizBankSection() {
  const { t } = useTranslation();
  return <Screen title={t('prevention.nav.quizzes')}>{null}</Screen>;
}
