// First-sign-in step: the account must use TOTP. Ends on the home page once the recovery codes
// have been saved.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Screen } from '../components/Screen';
import { TotpSetup } from '../components/TotpSetup';
import { useSession } from '../session';

export function TotpSetupStep() {
  const { t } = useTranslation();
  const { updateUser } = useSession();
  const navigate = useNavigate();
  return (
    <div className="narrow">
      <Screen title={t('console.steps.totpSetup.title')}>
        <p>{t('console.steps.totpSetup.intro')}</p>
        <TotpSetup
          headingLevel={2}
          onDone={(user) => {
            updateUser(user);
            navigate('/');
          }}
        />
      </Screen>
    </div>
  );
}
