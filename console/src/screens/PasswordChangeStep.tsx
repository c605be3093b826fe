// First-sign-in step: replace the temporary password an administrator issued.
import { useTranslation } from 'react-i18next';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { Screen } from '../components/Screen';
import { useSession } from '../session';

export function PasswordChangeStep() {
  const { t } = useTranslation();
  const { updateUser } = useSession();
  return (
    <div className="narrow">
      <Screen title={t('console.steps.passwordChange.title')}>
        <p>{t('console.steps.passwordChange.intro')}</p>
        <PasswordChangeForm onChanged={updateUser} />
      </Screen>
    </div>
  );
}
