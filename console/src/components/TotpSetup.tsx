// Turning on TOTP: fetch a secret, show the QR code and the secret, confirm with a code, then
// show the recovery codes once. Used by the first-sign-in step and the Account page.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { accountApi, type SessionUser, type TotpConfirmed, type TotpSetup as Secret } from '../endpoints';
import { asApiError } from '../session';
import { TextField } from './Field';
import { ErrorAlert } from './Messages';
import { RecoveryCodes } from './RecoveryCodes';

interface Props {
  /** Called after the person confirms they saved the recovery codes. */
  onDone: (user: SessionUser) => void;
  headingLevel: 2 | 3;
}

/** "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP", easier to type by hand. */
function groupedInFours(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

export function TotpSetup({ onDone, headingLevel }: Props) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<Secret | null>(null);
  const [confirmed, setConfirmed] = useState<TotpConfirmed | null>(null);
  const [otp, setOtp] = useState('');
  const [codeProblem, setCodeProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const hasStarted = useRef(false);
  const Heading = `h${headingLevel}` as const;

  const start = () => {
    setError(null);
    accountApi.startTotp().then(setSecret, (reason: unknown) => setError(asApiError(reason)));
  };

  useEffect(() => {
    // Each call makes a new secret; start once even when React runs effects twice in development.
    if (hasStarted.current) return;
    hasStarted.current = true;
    start();
  }, []);

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const code = otp.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) {
      setCodeProblem(t('console.totp.codeInvalid'));
      return;
    }
    setCodeProblem(null);
    setIsBusy(true);
    try {
      setConfirmed(await accountApi.confirmTotp(code));
    } catch (reason) {
      setError(asApiError(reason));
      setOtp('');
    } finally {
      setIsBusy(false);
    }
  };

  if (confirmed) {
    return (
      <RecoveryCodes codes={confirmed.recoveryCodes} headingLevel={headingLevel} onDone={() => onDone(confirmed.user)} />
    );
  }
  if (!secret) {
    return error ? (
      <>
        <ErrorAlert error={error} />
        <button type="button" onClick={start}>
          {t('console.retry')}
        </button>
      </>
    ) : (
      <p role="status">{t('console.totp.preparing')}</p>
    );
  }
  const wrongCode = error?.status === 401 ? t('console.totp.codeInvalid') : undefined;
  return (
    <div className="totp-setup">
      <Heading>{t('console.totp.howTo')}</Heading>
      <ol className="steps">
        <li>{t('console.totp.step1')}</li>
        <li>
          {t('console.totp.step2')}
          <div className="totp-secret">
            <img className="qr-code" src={secret.qrCodeDataUrl} alt={t('console.totp.qrAlt')} width={200} height={200} />
            <p>
              {t('console.totp.secretLabel')}:{' '}
              <code data-testid="totp-secret" className="secret">
                {groupedInFours(secret.secret)}
              </code>
            </p>
          </div>
        </li>
        <li>{t('console.totp.step3')}</li>
      </ol>
      <ErrorAlert error={codeProblem ? null : error} message={codeProblem ?? wrongCode ?? null} knownFields={['otp']} />
      <form onSubmit={(event) => void confirm(event)} noValidate className="form">
        <TextField
          label={t('console.totp.code')}
          hint={t('console.totp.codeHint')}
          name="otp"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          value={otp}
          onChange={(event) => setOtp(event.target.value)}
          error={codeProblem ?? wrongCode ?? error?.fieldError('otp')}
        />
        <button type="submit" className="button-primary" disabled={isBusy}>
          {t('console.totp.submit')}
        </button>
      </form>
    </div>
  );
}
