// A screen the signed-in person's abilities do not include (the server would refuse it anyway).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Screen } from '../components/Screen';

export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Screen title={t('console.errors.noAccess')}>
      <p>
        <Link to="/">{t('console.errors.toHome')}</Link>
      </p>
    </Screen>
  );
}
