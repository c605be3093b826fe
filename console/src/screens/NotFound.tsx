// An address the console does not know.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Screen } from '../components/Screen';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Screen title={t('console.errors.pageNotFound')}>
      <p>{t('errors.notFound')}</p>
      <p>
        <Link to="/">{t('console.errors.toHome')}</Link>
      </p>
    </Screen>
  );
}
