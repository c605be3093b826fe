// The queue of presentation requests: by status (new ones by default, with counts), oldest or
// newest first, how long each has waited, and paging. The filters live in the address, so going
// back from a request returns to the same view. No contact details here (only on the request).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { unitName } from '../../../../common/geography';
import { REQUEST_STATUSES } from '../../../../common/schemas/prevention/requests';
import type { ApiError } from '../../api';
import { SelectField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { TableWrap } from '../../components/TableWrap';
import { formatDateTimeShort, useLanguage } from '../../i18n';
import { calendarDay } from '../../helpline/format';
import { asApiError } from '../../session';
import { requestsApi, type RequestPage, type RequestSummary } from './api';
import { audienceLines, audienceTotal, waitingText } from './format';

const PAGE_SIZE = '50';
const ORDERS = ['oldest', 'newest'] as const;

interface View {
  status: string;
  order: string;
}

/** New requests, oldest first, unless the address says otherwise ('all' shows every status). */
function viewFrom(params: URLSearchParams): View {
  return { status: params.get('status') ?? 'new', order: params.get('order') ?? 'oldest' };
}

export function RequestQueue() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const appliedKey = params.toString();
  const view = viewFrom(params);
  const [requests, setRequests] = useState<RequestSummary[]>([]);
  const [counts, setCounts] = useState<RequestPage['counts'] | null>(null);
  const [nextCursor, setNextCursor] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  /** Only the answer to the latest request is shown (the view can change faster than answers come). */
  const latestRequest = useRef(0);

  const load = useCallback(async (shown: View, cursor?: number) => {
    const request = ++latestRequest.current;
    setIsLoading(true);
    setError(null);
    try {
      const page = await requestsApi.list({
        status: shown.status === 'all' ? undefined : shown.status,
        order: shown.order,
        cursor: cursor ? String(cursor) : undefined,
        limit: PAGE_SIZE,
      });
      if (request !== latestRequest.current) return;
      setRequests((before) => (cursor ? [...before, ...page.requests] : page.requests));
      setCounts(page.counts);
      setNextCursor(page.nextCursor);
    } catch (reason) {
      if (request === latestRequest.current) setError(asApiError(reason));
    } finally {
      if (request === latestRequest.current) setIsLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(viewFrom(new URLSearchParams(appliedKey)));
  }, [appliedKey, load]);

  const show = (next: Partial<View>) => {
    const merged = { ...view, ...next };
    setParams(new URLSearchParams({ status: merged.status, order: merged.order }));
  };

  return (
    <Screen title={t('prevention.requests.console.title')} headingTestId="requests-heading">
      <div className="status-filter" role="group" aria-label={t('prevention.requests.console.status')}>
        {(['all', ...REQUEST_STATUSES] as const).map((status) => (
          <button key={status} type="button" className="status-tab" aria-pressed={view.status === status} data-testid={`request-status-${status}`} onClick={() => show({ status })}>
            {status === 'all'
              ? t('prevention.requests.console.allStatuses')
              : counts
                ? t('prevention.requests.console.statusCount', { status: t(`prevention.requests.statusTabs.${status}`), count: counts[status] })
                : t(`prevention.requests.statusTabs.${status}`)}
          </button>
        ))}
      </div>
      <div className="form form-inline request-order">
        <SelectField label={t('prevention.requests.console.order')} name="order" value={view.order} onChange={(event) => show({ order: event.target.value })}>
          {ORDERS.map((order) => (
            <option key={order} value={order}>
              {t(`prevention.requests.console.${order}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorAlert error={error} />
      <p role="status">{isLoading ? t('console.loading') : t('prevention.requests.console.shown', { count: requests.length })}</p>
      {!isLoading && !error && requests.length === 0 && <p>{t('prevention.requests.console.empty')}</p>}
      {requests.length > 0 && <QueueTable requests={requests} />}
      {nextCursor && (
        <p>
          <button type="button" disabled={isLoading} onClick={() => void load(view, nextCursor)}>
            {t('prevention.requests.console.more')}
          </button>
        </p>
      )}
    </Screen>
  );
}

function QueueTable({ requests }: { requests: readonly RequestSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const column = (name: string) => <th scope="col">{t(`prevention.requests.console.columns.${name}`)}</th>;
  return (
    <TableWrap label={t('prevention.requests.console.title')}>
      <table className="report-table request-table">
        <thead>
          <tr>
            {column('number')}
            {column('organisation')}
            {column('place')}
            {column('audience')}
            {column('firstDate')}
            {column('received')}
            {column('waiting')}
            {column('status')}
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.id} data-testid="request-row" data-request-id={request.id}>
              <th scope="row">
                <Link to={`/prevention/requests/${request.id}`}>{request.number}</Link>
              </th>
              <td>
                <Link to={`/prevention/requests/${request.id}`}>{request.organisation}</Link>
                <br />
                <span className="muted">{t(`prevention.codes.organisationTypes.${request.organisationType}`)}</span>
              </td>
              <td>{unitName(request.municipality, language)}</td>
              <td>
                {t('prevention.requests.console.people', { count: audienceTotal(request.audience) })}
                <br />
                <span className="muted small">{audienceLines(t, request.audience).join(' · ')}</span>
              </td>
              <td className="nowrap">{request.firstPreferredDate ? calendarDay(request.firstPreferredDate, language) : t('prevention.requests.console.none')}</td>
              <td className="nowrap">
                <time dateTime={request.createdAt}>{formatDateTimeShort(request.createdAt, language)}</time>
              </td>
              <td className={request.status === 'new' ? 'nowrap waiting' : 'nowrap muted'}>{waitingText(t, request)}</td>
              <td>
                <span className={`tag request-status-${request.status}`}>{t(`prevention.requests.statuses.${request.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
