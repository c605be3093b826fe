// Changing one's own password: on the first-sign-in step and on the Account page.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../common/schemas/session';
import type { ApiError } from '../api';
import { accountApi, type SessionUser } from '../endpoints';
import { asApiError } from '../session';
import { TextField } from './Field';
import { ErrorAlert, StatusMessage } from './Messages';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };
type Values = typeof EMPTY;

export function PasswordChangeForm({ onChanged }: { onChanged: (user: SessionUser) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(EMPTY);
  const [localErrors, setLocalErrors] = useState<Partial<Values>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isChanged, setIsChanged] = useState(false);

  const set = (name: keyof Values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setIsChanged(false);
    const problems: Partial<Values> = {};
    if (values.newPassword.length < PASSWORD_MIN_LENGTH) {
      problems.newPassword = t('console.password.tooShort', { min: PASSWORD_MIN_LENGTH });
    }
    if (values.confirmPassword !== values.newPassword) problems.confirmPassword = t('console.password.mismatch');
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;

    setIsBusy(true);
    try {
      const { user } = await accountApi.changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      setValues(EMPTY);
      setIsChanged(true);
      onChanged(user);
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };

  const wrongCurrent = error?.status === 401 ? t('console.password.currentWrong') : undefined;
  const fieldError = (name: keyof Values) => localErrors[name] ?? error?.fieldError(name);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form">
      <StatusMessage message={isChanged ? t('console.password.changed') : null} />
      <ErrorAlert
        error={error}
        message={wrongCurrent ?? (Object.keys(localErrors).length > 0 ? t('console.errors.validation') : null)}
        knownFields={['currentPassword', 'newPassword']}
      />
      <TextField
        label={t('console.password.current')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={wrongCurrent ?? fieldError('currentPassword')}
      />
      <TextField
        label={t('console.password.new')}
        hint={t('console.password.hint', { min: PASSWORD_MIN_LENGTH })}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        required
        value={values.newPassword}
        onChange={set('newPassword')}
        error={fieldError('newPassword')}
      />
      <TextField
        label={t('console.password.confirm')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        value={values.confirmPassword}
        onChange={set('confirmPassword')}
        error={fieldError('confirmPassword')}
      />
      <button type="submit" className="button-primary" disabled={isBusy}>
        {isBusy ? t('console.common.saving') : t('console.password.submit')}
      </button>
    </form>
  );
}
