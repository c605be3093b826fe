// The signed-in person's own account: name, password, TOTP and signing out everywhere.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { toLatin } from '../../../common/i18n/translit';
import type { ApiError } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { TextField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { Screen } from '../components/Screen';
import { TotpSetup } from '../components/TotpSetup';
import { accountApi } from '../endpoints';
import { localName, useLanguage } from '../i18n';
import { asApiError, useSession, useUser } from '../session';

export function Account() {
  const { t } = useTranslation();
  const user = useUser();
  const { updateUser } = useSession();
  const language = useLanguage();
  return (
    <Screen title={t('console.account.title')}>
      <section aria-labelledby="account-details">
        <h2 id="account-details">{t('console.account.details')}</h2>
        <dl className="facts">
          <dt>{t('console.account.username')}</dt>
          <dd>{user.username}</dd>
          <dt>{t('console.account.email')}</dt>
          <dd>{user.email ?? t('console.common.none')}</dd>
          <dt>{t('console.account.roles')}</dt>
          <dd>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</dd>
          {user.institutionName && (
            <>
              <dt>{t('console.account.institution')}</dt>
              <dd>{localName(user.institutionName, toLatin(user.institutionName), language)}</dd>
            </>
          )}
        </dl>
        <DisplayNameForm />
      </section>
      <section aria-labelledby="account-password">
        <h2 id="account-password">{t('console.account.password')}</h2>
        <PasswordChangeForm onChanged={updateUser} />
      </section>
      <TotpSection />
      <SignOutEverywhere />
    </Screen>
  );
}

function DisplayNameForm() {
  const { t } = useTranslation();
  const user = useUser();
  const { updateUser } = useSession();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setMessage(null);
    try {
      updateUser((await accountApi.update({ displayName: displayName.trim() })).user);
      setMessage(t('console.common.saved'));
    } catch (reason) {
      setError(asApiError(reason));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form">
      <ErrorAlert error={error} knownFields={['displayName']} />
      <TextField
        label={t('console.account.displayName')}
        name="displayName"
        autoComplete="name"
        required
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={error?.fieldError('displayName')}
      />
      <StatusMessage message={message} />
      <button type="submit">{t('console.account.saveName')}</button>
    </form>
  );
}

function TotpSection() {
  const { t } = useTranslation();
  const user = useUser();
  const { updateUser } = useSession();
  const [isSettingUp, setIsSettingUp] = useState(false);
  return (
    <section aria-labelledby="account-totp">
      <h2 id="account-totp">{t('console.account.totp')}</h2>
      {user.hasTotp ? (
        <p data-testid="totp-status">{t('console.account.totpOn')}</p>
      ) : isSettingUp ? (
        <TotpSetup
          headingLevel={3}
          onDone={(confirmedUser) => {
            setIsSettingUp(false);
            updateUser(confirmedUser);
          }}
        />
      ) : (
        <>
          <p data-testid="totp-status">{t('console.account.totpOff')}</p>
          <button type="button" data-testid="totp-start" onClick={() => setIsSettingUp(true)}>
            {t('console.account.totpStart')}
          </button>
        </>
      )}
    </section>
  );
}

function SignOutEverywhere() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <section aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t('console.account.sessions')}</h2>
      <p>{t('console.account.sessionsHint')}</p>
      <ErrorAlert error={error} />
      <ConfirmButton
        label={t('console.account.signOutEverywhere')}
        testId="sign-out-everywhere"
        onConfirm={async () => {
          try {
            await signOut(true);
            navigate('/');
          } catch (reason) {
            setError(asApiError(reason));
          }
        }}
      />
    </section>
  );
}
