// The hotline queue: open reports by status (with counts), filters by category, assignee, words
// and dates, urgent reports first, and paging to older ones. Filters live in the address, so
// going back from a report returns to the same view.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { REPORT_CATEGORIES, REPORT_STATUSES, type ReportStatus } from '../../../common/hotline';
import type { ApiError } from '../api';
import { SelectField, TextField } from '../components/Field';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TableWrap } from '../components/TableWrap';
import { reportsApi, type ReportCounts, type ReportQuery, type ReportSummary } from '../endpoints';
import { formatDateTimeShort, personName, useLanguage } from '../i18n';
import { ExposureNote, useExposure } from '../reports/Exposure';
import { isoFromLocalDay } from '../reports/format';
import { asApiError, useUser } from '../session';

const PAGE_SIZE = '50';
const FILTER_NAMES = ['status', 'category', 'assignee', 'q', 'from', 'to'] as const;
type FilterName = (typeof FILTER_NAMES)[number];
type Filters = Record<FilterName, string>;
const ASSIGNEE_CHOICES = [
  { value: '', label: 'console.hotline.queue.assigneeAll' },
  { value: 'me', label: 'console.hotline.queue.assigneeMine' },
  { value: 'none', label: 'console.hotline.queue.assigneeNone' },
] as const;
const COUNTED_STATUSES = ['new', 'in-review', 'waiting-reporter'] as const;

function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_NAMES.map((name) => [name, params.get(name) ?? ''])) as Filters;
}

function toQuery(filters: Filters, before?: string): ReportQuery {
  return {
    status: filters.status || undefined,
    category: filters.category || undefined,
    assigneeId: filters.assignee || undefined,
    q: filters.q.trim() || undefined,
    from: isoFromLocalDay(filters.from),
    to: isoFromLocalDay(filters.to, 1),
    before,
    limit: PAGE_SIZE,
  };
}

export function ReportQueue() {
  const { t } = useTranslation();
  const me = useUser();
  const canWork = me.abilities['reports.work'];
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const appliedKey = params.toString();
  const [form, setForm] = useState<Filters>(applied);
  const [searchProblem, setSearchProblem] = useState<string | null>(null);
  const [reports, setReports] = useState<ReportSummary[]>([]);
  const [counts, setCounts] = useState<ReportCounts | null>(null);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const exposure = useExposure(canWork, null);
  /** Only the answer to the latest request is shown (filters can change faster than answers come). */
  const latestRequest = useRef(0);

  const load = useCallback(async (filters: Filters, before?: string) => {
    const request = ++latestRequest.current;
    setIsLoading(true);
    setError(null);
    try {
      const page = await reportsApi.list(toQuery(filters, before));
      if (request !== latestRequest.current) return;
      setReports((shown) => (before ? [...shown, ...page.reports] : page.reports));
      setCounts(page.counts);
      setNextBefore(page.nextBefore);
    } catch (reason) {
      if (request === latestRequest.current) setError(asApiError(reason));
    } finally {
      if (request === latestRequest.current) setIsLoading(false);
    }
  }, []);

  useEffect(() => {
    const filters = filtersFrom(new URLSearchParams(appliedKey));
    setForm(filters);
    void load(filters);
  }, [appliedKey, load]);

  const apply = (next: Filters) => {
    const search = new URLSearchParams();
    for (const name of FILTER_NAMES) if (next[name].trim()) search.set(name, next[name].trim());
    if (search.toString() === appliedKey) void load(next);
    else setParams(search);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.q.trim().length === 1) {
      setSearchProblem(t('console.hotline.queue.searchTooShort'));
      return;
    }
    setSearchProblem(null);
    apply(form);
  };
  const set = (name: FilterName) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: event.target.value }));
  const statusLabel = (status: ReportStatus) => {
    const count = counts && (COUNTED_STATUSES as readonly string[]).includes(status) ? counts[status as keyof ReportCounts] : null;
    const name = t(`console.hotline.statuses.${status}`);
    return count === null ? name : t('console.hotline.queue.statusCount', { status: name, count });
  };

  return (
    <Screen title={t('console.hotline.queue.title')}>
      {canWork ? <ExposureNote exposure={exposure} /> : <p>{t('console.hotline.queue.readOnly')}</p>}
      <div className="status-filter" role="group" aria-label={t('console.hotline.queue.statusFilter')}>
        {(['', ...REPORT_STATUSES] as const).map((status) => (
          <button
            key={status || 'all'}
            type="button"
            className="status-tab"
            aria-pressed={applied.status === status}
            data-testid={`status-filter-${status || 'all'}`}
            onClick={() => apply({ ...applied, status })}
          >
            {status ? statusLabel(status) : t('console.hotline.queue.allStatuses')}
          </button>
        ))}
      </div>
      <form role="search" className="form filters" onSubmit={submit} noValidate aria-label={t('console.hotline.queue.filters')}>
        <TextField
          label={t('console.hotline.queue.search')}
          hint={t('console.hotline.queue.searchHint')}
          name="q"
          type="search"
          maxLength={200}
          value={form.q}
          onChange={set('q')}
          error={searchProblem ?? error?.fieldError('q')}
        />
        <div className="filter-grid">
          <SelectField label={t('console.hotline.queue.category')} name="category" value={form.category} onChange={set('category')}>
            <option value="">{t('console.hotline.queue.allCategories')}</option>
            {REPORT_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`console.hotline.categories.${category}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('console.hotline.queue.assignee')} name="assignee" value={form.assignee} onChange={set('assignee')}>
            {ASSIGNEE_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {t(choice.label)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('console.hotline.queue.from')} name="from" type="date" value={form.from} onChange={set('from')} error={error?.fieldError('from')} />
          <TextField label={t('console.hotline.queue.to')} name="to" type="date" value={form.to} onChange={set('to')} error={error?.fieldError('to')} />
        </div>
        <div className="button-row">
          <button type="submit" className="button-primary">
            {t('console.hotline.queue.apply')}
          </button>
          <button type="button" onClick={() => apply(filtersFrom(new URLSearchParams()))}>
            {t('console.hotline.queue.clear')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} knownFields={['q', 'from', 'to']} />
      <p role="status">{isLoading ? t('console.loading') : t('console.hotline.queue.shown', { count: reports.length })}</p>
      {!isLoading && !error && reports.length === 0 && <p>{t('console.hotline.queue.empty')}</p>}
      {reports.length > 0 && <QueueTable reports={reports} />}
      {nextBefore && (
        <p>
          <button type="button" disabled={isLoading} data-testid="reports-older" onClick={() => void load(applied, nextBefore)}>
            {t('console.hotline.queue.older')}
          </button>
        </p>
      )}
    </Screen>
  );
}

function QueueTable({ reports }: { reports: readonly ReportSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <TableWrap label={t('console.hotline.queue.title')}>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('console.hotline.queue.columns.number')}</th>
            <th scope="col">{t('console.hotline.queue.columns.received')}</th>
            <th scope="col">{t('console.hotline.queue.columns.category')}</th>
            <th scope="col">{t('console.hotline.queue.columns.status')}</th>
            <th scope="col">{t('console.hotline.queue.columns.assignee')}</th>
            <th scope="col">{t('console.hotline.queue.columns.content')}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.id} className={report.isUrgent ? 'row-urgent' : undefined} data-testid="report-row" data-report-id={report.id}>
              <th scope="row">
                <Link to={`/reports/${report.id}`}>{report.number}</Link>
                {report.isUrgent && (
                  <>
                    {' '}
                    <span className="badge badge-urgent">{t('console.hotline.urgent')}</span>
                  </>
                )}
              </th>
              <td className="nowrap">
                <time dateTime={report.receivedAt}>{formatDateTimeShort(report.receivedAt, language)}</time>
              </td>
              <td>{t(`console.hotline.categories.${report.category}`)}</td>
              <td>
                {t(`console.hotline.statuses.${report.status}`)}
                {report.hasUnreadReporterMessage && (
                  <>
                    {' '}
                    <span className="badge badge-message">{t('console.hotline.queue.unread')}</span>
                  </>
                )}
              </td>
              <td>{report.assigneeName ? personName(report.assigneeName, language) : <span className="muted">{t('console.hotline.queue.unassigned')}</span>}</td>
              <td className="report-excerpt">
                <p>{report.excerpt}</p>
                {report.urls.length > 0 && (
                  <div className="hint">
                    {t('console.hotline.queue.links')}
                    <ul className="plain-list">
                      {report.urls.map((link, index) => (
                        <li key={`${link.contentId}-${index}`}>
                          <code className="url">{link.url}</code>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
