// Declining a request: the reason goes to the requester by e-mail, in the request's language
// (the form says which), so it is written for them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { TextAreaField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { asApiError } from '../../session';
import { requestsApi, type PresentationRequest } from './api';

const MIN_REASON = 10;

export function DeclineForm({ request, onDeclined, onConflict }: { request: PresentationRequest; onDeclined: () => void; onConflict: (error: ApiError) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (reason.trim().length < MIN_REASON) {
      setProblem(t(reason.trim() ? 'prevention.requests.console.reasonTooShort' : 'prevention.requests.console.required'));
      return;
    }
    setProblem(null);
    setIsBusy(true);
    try {
      await requestsApi.decline(request.id, { reason: reason.trim() });
      onDeclined();
    } catch (reason) {
      const failure = asApiError(reason);
      if (failure.status === 409) return onConflict(failure);
      setProblem(failure.fieldError('reason') ?? null);
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="form decline-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="decline-title" data-testid="decline-form">
      <h3 id="decline-title">{t('prevention.requests.console.declineTitle')}</h3>
      <ErrorAlert error={error} knownFields={['reason']} />
      <TextAreaField
        label={t('prevention.requests.console.reason')}
        hint={t('prevention.requests.console.reasonHint', { language: t(`prevention.requests.languages.${request.language}`) })}
        name="reason"
        required
        minLength={MIN_REASON}
        maxLength={2000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={problem ?? undefined}
      />
      <div className="button-row">
        <button type="submit" className="button-danger" disabled={isBusy} data-testid="decline-request">
          {t('prevention.requests.console.decline')}
        </button>
      </div>
    </form>
  );
}
