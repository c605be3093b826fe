// One e-mail thread: the correspondent's address, the messages both ways with their
// attachments (plain download links), a link to the helpline contact, the reply form and
// closing. Opening it is audited on the server.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { REPLY_MAX_LENGTH } from '../../../common/schemas/inbox';
import type { ApiError } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { TextAreaField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { Screen } from '../components/Screen';
import { formatDateTimeShort, personName, useLanguage } from '../i18n';
import { formatBytes } from '../reports/format';
import { asApiError } from '../session';
import { useLoad } from '../useLoad';
import { NotFound } from '../screens/NotFound';
import { inboxApi, type Thread, type ThreadMessage } from './api';

export function ThreadView() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, isLoading, reload } = useLoad(() => inboxApi.get(id), [id]);
  if (error?.status === 404) return <NotFound />;
  const thread = data?.thread;
  const title = thread ? t('inbox.thread.title', { number: thread.number, subject: thread.subject || t('inbox.noSubject') }) : t('inbox.list.title');
  return (
    <Screen title={title} headingTestId="inbox-thread-title">
      <p>
        <Link to="/inbox">{t('inbox.thread.back')}</Link>
      </p>
      <ErrorAlert error={error} />
      {isLoading && !thread && <p role="status">{t('console.loading')}</p>}
      {thread && (
        <>
          <ThreadFacts thread={thread} onChanged={reload} />
          <section aria-labelledby="inbox-messages">
            <h2 id="inbox-messages">{t('inbox.thread.messages')}</h2>
            <ol className="message-thread">
              {thread.messages.map((message) => (
                <MessageItem key={message.id} threadId={thread.id} message={message} />
              ))}
            </ol>
          </section>
          {thread.canReply ? <ReplyForm threadId={thread.id} onSent={reload} /> : thread.correspondent === '' && <p className="alert alert-info">{t('inbox.thread.noAddress')}</p>}
        </>
      )}
    </Screen>
  );
}

function ThreadFacts({ thread, onChanged }: { thread: Thread; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [error, setError] = useState<ApiError | null>(null);
  const close = async () => {
    setError(null);
    try {
      await inboxApi.close(thread.id);
      onChanged();
    } catch (reason) {
      setError(asApiError(reason));
    }
  };
  return (
    <div>
      <dl className="facts">
        <dt>{t('inbox.thread.correspondent')}</dt>
        <dd data-testid="inbox-correspondent">{thread.correspondent || t('inbox.thread.unknownAddress')}</dd>
        <dt>{t('inbox.thread.status')}</dt>
        <dd data-testid="inbox-thread-status">{t(`inbox.statuses.${thread.status}`)}</dd>
        <dt>{t('inbox.thread.started')}</dt>
        <dd>
          <time dateTime={thread.createdAt}>{formatDateTimeShort(thread.createdAt, language)}</time>
        </dd>
        <dt>{t('inbox.thread.contact')}</dt>
        <dd>{thread.contactId ? <Link to={`/helpline/contacts/${thread.contactId}`}>{t('inbox.thread.openContact')}</Link> : t('inbox.thread.noContact')}</dd>
      </dl>
      <ErrorAlert error={error} />
      {thread.status === 'closed' ? (
        <p>{t('inbox.thread.closed')}</p>
      ) : (
        <div className="button-row">
          <ConfirmButton label={t('inbox.thread.close')} onConfirm={close} testId="inbox-close" />
        </div>
      )}
    </div>
  );
}

function MessageItem({ threadId, message }: { threadId: string; message: ThreadMessage }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const isOut = message.direction === 'out';
  const who = isOut
    ? message.authorName
      ? t('inbox.thread.outgoingNamed', { name: personName(message.authorName, language) })
      : t('inbox.thread.outgoing')
    : t('inbox.thread.incoming');
  return (
    <li className={`message ${isOut ? 'message-centre' : 'message-reporter'}`} data-testid="inbox-message" data-direction={message.direction}>
      <p className="message-meta">
        <strong>{who}</strong> <time dateTime={message.at}>{formatDateTimeShort(message.at, language)}</time>
        {isOut && message.delivery && <span>{t('inbox.thread.deliveryState', { state: t(`inbox.delivery.${message.delivery}`) })}</span>}
      </p>
      {message.subject && <p className="message-meta">{message.subject}</p>}
      <p className="pre-wrap">{message.body}</p>
      {message.attachments.length > 0 && (
        <>
          <p className="message-meta">{t('inbox.thread.attachments')}</p>
          <ul>
            {message.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={inboxApi.attachmentUrl(threadId, attachment.id)} download={attachment.filename} data-testid="inbox-attachment">
                  {t('inbox.thread.download', { filename: attachment.filename, size: formatBytes(attachment.byteSize, language) })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

function ReplyForm({ threadId, onSent }: { threadId: string; onSent: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    setError(null);
    if (!body.trim()) {
      setProblem(t('inbox.reply.bodyRequired'));
      return;
    }
    setProblem(null);
    setIsBusy(true);
    try {
      await inboxApi.reply(threadId, body.trim());
      setBody('');
      setMessage(t('inbox.reply.sent'));
      onSent();
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="inbox-reply">
      <h2 id="inbox-reply">{t('inbox.reply.title')}</h2>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <StatusMessage message={message} />
        <ErrorAlert error={problem ? null : error} message={problem ? t('console.errors.validation') : null} knownFields={['body']} />
        <TextAreaField
          label={t('inbox.reply.body')}
          hint={t('inbox.reply.hint')}
          name="body"
          rows={8}
          maxLength={REPLY_MAX_LENGTH}
          required
          value={body}
          onChange={(event) => setBody(event.target.value)}
          error={problem ?? error?.fieldError('body')}
        />
        <button type="submit" className="button-primary" disabled={isBusy} data-testid="inbox-send-reply">
          {isBusy ? t('inbox.reply.sending') : t('inbox.reply.send')}
        </button>
      </form>
    </section>
  );
}
