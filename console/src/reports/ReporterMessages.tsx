// The conversation with the reporter (who reads it with their receipt) and, for those who work
// the report, the form to write to them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { reportsApi, type ReportDetail } from '../endpoints';
import { formatDateTimeShort, personName, useLanguage } from '../i18n';
import { useReportAction, type OnReportChanged } from './useReportAction';

interface Props {
  report: ReportDetail;
  canWrite: boolean;
  onChanged: OnReportChanged;
}

export function ReporterMessages({ report, canWrite, onChanged }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="report-messages">
      <h2 id="report-messages">{t('console.hotline.messages.title')}</h2>
      {report.messages.length === 0 ? (
        <p>{t('console.hotline.messages.none')}</p>
      ) : (
        <ol className="message-thread">
          {report.messages.map((message) => (
            <li key={message.id} className={`message message-${message.author}`} data-testid="report-message">
              <p className="message-meta">
                <strong>
                  {message.author === 'reporter'
                    ? t('console.hotline.messages.fromReporter')
                    : message.authorName
                      ? t('console.hotline.messages.fromCentreNamed', { name: personName(message.authorName, language) })
                      : t('console.hotline.messages.fromCentre')}
                </strong>{' '}
                <time dateTime={message.sentAt}>{formatDateTimeShort(message.sentAt, language)}</time>
              </p>
              <p className="pre-wrap">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite &&
        (report.status === 'closed' ? <p>{t('console.hotline.messages.closed')}</p> : <MessageForm reportId={report.id} onChanged={onChanged} />)}
    </section>
  );
}

function MessageForm({ reportId, onChanged }: { reportId: string; onChanged: OnReportChanged }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { run, error, message, isBusy, reset } = useReportAction(onChanged);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    if (!body.trim()) {
      setProblem(t('console.hotline.messages.bodyRequired'));
      return;
    }
    setProblem(null);
    if (await run(() => reportsApi.message(reportId, body.trim()), () => t('console.hotline.messages.sent'))) setBody('');
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <StatusMessage message={message} />
      <ErrorAlert error={problem ? null : error} message={problem ? t('console.errors.validation') : null} knownFields={['body']} />
      <TextAreaField
        label={t('console.hotline.messages.body')}
        hint={t('console.hotline.messages.hint')}
        name="body"
        rows={5}
        maxLength={3000}
        required
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={problem ?? error?.fieldError('body')}
      />
      <button type="submit" className="button-primary" disabled={isBusy} data-testid="send-message">
        {isBusy ? t('console.hotline.messages.sending') : t('console.hotline.messages.send')}
      </button>
    </form>
  );
}
