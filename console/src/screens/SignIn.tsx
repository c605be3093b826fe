// Signing in: username and password, then the TOTP or recovery code when the server asks for it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TextField } from '../components/Field';
import { sessionApi } from '../endpoints';
import { asApiError, useSession, type SignedOutReason } from '../session';

const REASON_MESSAGES: Record<SignedOutReason, string> = {
  expired: 'console.signIn.sessionExpired',
  'signed-out': 'console.signIn.signedOut',
  'signed-out-everywhere': 'console.signIn.signedOutEverywhere',
};

export function SignIn({ reason }: { reason: SignedOutReason | null }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [needsOtp, setNeedsOtp] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const otpInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needsOtp) otpInput.current?.focus();
  }, [needsOtp]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const code = otp.trim();
      signedIn(await sessionApi.signIn({ username, password, ...(needsOtp && code ? { otp: code } : {}) }));
    } catch (reason) {
      const failure = asApiError(reason);
      if (failure.code === 'otp_required') {
        setNeedsOtp(true);
      } else {
        setError(failure);
        setOtp('');
      }
      setIsBusy(false);
    }
  };

  const wrongDetails = error?.status === 401 ? t('console.signIn.invalidCredentials') : null;
  return (
    <div className="narrow">
      <Screen title={t('console.signIn.title')}>
        <p>{t('console.signIn.intro')}</p>
        {reason && !error && <p className="alert alert-info">{t(REASON_MESSAGES[reason])}</p>}
        <StatusMessage message={needsOtp && !error ? t('console.signIn.otpRequired') : null} />
        <ErrorAlert error={error} message={wrongDetails} knownFields={['username', 'password', 'otp']} />
        <form onSubmit={(event) => void submit(event)} noValidate className="form">
          <TextField
            label={t('console.signIn.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            error={error?.fieldError('username')}
          />
          <TextField
            label={t('console.signIn.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={error?.fieldError('password')}
          />
          {needsOtp && (
            <TextField
              label={t('console.signIn.otp')}
              hint={t('console.signIn.otpHint')}
              name="otp"
              inputRef={otpInput}
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={14}
              required
              value={otp}
              onChange={(event) => setOtp(event.target.value)}
              error={error?.fieldError('otp')}
            />
          )}
          <button type="submit" className="button-primary" disabled={isBusy}>
            {isBusy ? t('console.signIn.submitting') : t('console.signIn.submit')}
          </button>
        </form>
      </Screen>
    </div>
  );
}
