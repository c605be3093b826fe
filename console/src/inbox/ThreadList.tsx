// The helpline mailbox: threads awaiting a reply first, then the rest, newest message first;
// a status filter kept in the address (so going back from a thread returns to the same view)
// and paging to older threads. No addresses here: they are shown only in an opened thread.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { EMAIL_THREAD_STATUSES, type EmailThreadStatus } from '../../../common/schemas/inbox';
import type { ApiError } from '../api';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TableWrap } from '../components/TableWrap';
import { formatDateTimeShort, useLanguage } from '../i18n';
import { asApiError } from '../session';
import { inboxApi, type ThreadPage, type ThreadSummary } from './api';

const PAGE_SIZE = '50';

function statusFrom(params: URLSearchParams): EmailThreadStatus | '' {
  const status = params.get('status') ?? '';
  return (EMAIL_THREAD_STATUSES as readonly string[]).includes(status) ? (status as EmailThreadStatus) : '';
}

export function ThreadList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = statusFrom(params);
  const [threads, setThreads] = useState<ThreadSummary[]>([]);
  const [counts, setCounts] = useState<ThreadPage['counts'] | null>(null);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [isConfigured, setIsConfigured] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  /** Only the answer to the latest request is shown. */
  const latestRequest = useRef(0);

  const load = useCallback(async (filter: EmailThreadStatus | '', before?: string) => {
    const request = ++latestRequest.current;
    setIsLoading(true);
    setError(null);
    try {
      const page = await inboxApi.list({ status: filter || undefined, before, limit: PAGE_SIZE });
      if (request !== latestRequest.current) return;
      setThreads((shown) => (before ? [...shown, ...page.threads] : page.threads));
      setCounts(page.counts);
      setNextBefore(page.nextBefore);
      setIsConfigured(page.isConfigured);
    } catch (reason) {
      if (request === latestRequest.current) setError(asApiError(reason));
    } finally {
      if (request === latestRequest.current) setIsLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(status);
  }, [status, load]);

  const choose = (next: EmailThreadStatus | '') => setParams(next ? { status: next } : {});
  const label = (s: EmailThreadStatus) => (counts ? t('inbox.list.statusCount', { status: t(`inbox.statuses.${s}`), count: counts[s] }) : t(`inbox.statuses.${s}`));

  return (
    <Screen title={t('inbox.list.title')}>
      <p>{t('inbox.list.intro')}</p>
      <div className="status-filter" role="group" aria-label={t('inbox.list.statusFilter')}>
        {(['', ...EMAIL_THREAD_STATUSES] as const).map((s) => (
          <button key={s || 'all'} type="button" className="status-tab" aria-pressed={status === s} data-testid={`inbox-filter-${s || 'all'}`} onClick={() => choose(s)}>
            {s ? label(s) : t('inbox.list.all')}
          </button>
        ))}
      </div>
      <ErrorAlert error={error} />
      <p role="status">{isLoading ? t('console.loading') : t('inbox.list.shown', { count: threads.length })}</p>
      {!isLoading && !error && threads.length === 0 && <p>{t(isConfigured ? 'inbox.list.empty' : 'inbox.list.notConfigured')}</p>}
      {threads.length > 0 && <ThreadTable threads={threads} />}
      {nextBefore && (
        <p>
          <button type="button" disabled={isLoading} data-testid="inbox-older" onClick={() => void load(status, nextBefore)}>
            {t('inbox.list.older')}
          </button>
        </p>
      )}
    </Screen>
  );
}

function ThreadTable({ threads }: { threads: readonly ThreadSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <TableWrap label={t('inbox.list.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('inbox.list.number')}</th>
            <th scope="col">{t('inbox.list.subject')}</th>
            <th scope="col">{t('inbox.list.status')}</th>
            <th scope="col">{t('inbox.list.lastMessage')}</th>
            <th scope="col">{t('inbox.list.messages')}</th>
          </tr>
        </thead>
        <tbody>
          {threads.map((thread) => (
            <tr key={thread.id} data-testid="inbox-thread-row" data-thread-id={thread.id}>
              <th scope="row" className="nowrap">
                {thread.number}
              </th>
              <td>
                <Link to={`/inbox/threads/${thread.id}`}>{thread.subject || t('inbox.noSubject')}</Link>
              </td>
              <td>{thread.status === 'awaiting' ? <strong>{t(`inbox.statuses.${thread.status}`)}</strong> : t(`inbox.statuses.${thread.status}`)}</td>
              <td className="nowrap">
                <time dateTime={thread.lastMessageAt}>{formatDateTimeShort(thread.lastMessageAt, language)}</time>
              </td>
              <td>{thread.messageCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
