// The conversation between the centre and the institution about one referral.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { referralsApi, type ReferralDetail } from '../endpoints';
import { formatDateTimeShort, personName, useLanguage } from '../i18n';
import { useReferralAction, type OnReferralChanged } from './useReferralAction';

export function ReferralMessages({ referral, onChanged }: { referral: ReferralDetail; onChanged: OnReferralChanged }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="referral-messages">
      <h2 id="referral-messages">{t('console.referrals.messages.title')}</h2>
      {referral.messages.length === 0 ? (
        <p>{t('console.referrals.messages.none')}</p>
      ) : (
        <ol className="message-thread">
          {referral.messages.map((message) => (
            <li key={message.id} className={`message message-${message.side}`} data-testid="referral-message">
              <p className="message-meta">
                <strong>
                  {message.side === 'centre'
                    ? t('console.referrals.messages.fromCentre', { name: personName(message.authorName, language) })
                    : t('console.referrals.messages.fromInstitution', { name: personName(message.authorName, language) })}
                </strong>{' '}
                <time dateTime={message.sentAt}>{formatDateTimeShort(message.sentAt, language)}</time>
              </p>
              <p className="pre-wrap">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      <MessageForm referralId={referral.id} onChanged={onChanged} />
    </section>
  );
}

function MessageForm({ referralId, onChanged }: { referralId: string; onChanged: OnReferralChanged }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { run, error, message, isBusy, reset } = useReferralAction(onChanged);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    if (!body.trim()) {
      setProblem(t('console.referrals.messages.bodyRequired'));
      return;
    }
    setProblem(null);
    if (await run(() => referralsApi.message(referralId, body.trim()), t('console.referrals.messages.sent'))) setBody('');
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <StatusMessage message={message} />
      <ErrorAlert error={problem ? null : error} message={problem ? t('console.errors.validation') : null} knownFields={['body']} />
      <TextAreaField
        label={t('console.referrals.messages.body')}
        hint={t('console.referrals.messages.hint')}
        name="body"
        rows={4}
        maxLength={3000}
        required
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={problem ?? error?.fieldError('body')}
      />
      <button type="submit" className="button-primary" disabled={isBusy} data-testid="send-referral-message">
        {isBusy ? t('console.referrals.messages.sending') : t('console.referrals.messages.send')}
      </button>
    </form>
  );
}
