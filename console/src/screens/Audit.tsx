// The audit log: filters, the newest entries first with paging to older ones, and a check that
// the hash chain is intact.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { TextField } from '../components/Field';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TableWrap } from '../components/TableWrap';
import { auditApi, type AuditEntry, type AuditQuery, type AuditVerification } from '../endpoints';
import { formatDateTime, useLanguage } from '../i18n';
import { asApiError } from '../session';

const PAGE_SIZE = '50';
const NO_FILTERS = { action: '', actorId: '', recordType: '', recordId: '', from: '', to: '' };
type Filters = typeof NO_FILTERS;
type FilterName = keyof Filters;
const TEXT_FILTERS: { name: FilterName; hint?: string }[] = [
  { name: 'action', hint: 'console.audit.actionHint' },
  { name: 'actorId', hint: 'console.audit.actorIdHint' },
  { name: 'recordType' },
  { name: 'recordId' },
];

/** <input type="datetime-local"> gives local time without a zone; the API wants ISO with one. */
function isoFromLocal(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function toQuery(filters: Filters, before?: string): AuditQuery {
  return {
    action: filters.action.trim() || undefined,
    actorId: filters.actorId.trim() || undefined,
    recordType: filters.recordType.trim() || undefined,
    recordId: filters.recordId.trim() || undefined,
    from: isoFromLocal(filters.from),
    to: isoFromLocal(filters.to),
    before,
    limit: PAGE_SIZE,
  };
}

export function Audit() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(true);

  const load = useCallback(async (query: Filters, before?: string) => {
    setIsLoading(true);
    setError(null);
    try {
      const page = await auditApi.list(toQuery(query, before));
      setEntries((shown) => (before ? [...shown, ...page.entries] : page.entries));
      setNextBefore(page.nextBefore);
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(applied);
  }, [applied, load]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ ...filters });
  };
  const set = (name: FilterName) => (event: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [name]: event.target.value }));
  const byActor = (actorId: string) => {
    const next = { ...NO_FILTERS, actorId };
    setFilters(next);
    setApplied(next);
  };

  return (
    <Screen title={t('console.audit.title')}>
      <ChainCheck />
      <form className="form filters" onSubmit={apply} aria-labelledby="audit-filters" noValidate>
        <h2 id="audit-filters">{t('console.audit.filters')}</h2>
        <div className="filter-grid">
          {TEXT_FILTERS.map(({ name, hint }) => (
            <TextField
              key={name}
              label={t(`console.audit.${name}`)}
              hint={hint ? t(hint) : undefined}
              name={name}
              spellCheck={false}
              value={filters[name]}
              onChange={set(name)}
              error={error?.fieldError(name)}
            />
          ))}
          <TextField label={t('console.audit.from')} name="from" type="datetime-local" value={filters.from} onChange={set('from')} error={error?.fieldError('from')} />
          <TextField label={t('console.audit.to')} name="to" type="datetime-local" value={filters.to} onChange={set('to')} error={error?.fieldError('to')} />
        </div>
        <div className="button-row">
          <button type="submit" className="button-primary">
            {t('console.audit.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setFilters(NO_FILTERS);
              setApplied(NO_FILTERS);
            }}
          >
            {t('console.audit.clear')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} knownFields={Object.keys(NO_FILTERS)} />
      <p role="status">{isLoading ? t('console.loading') : t('console.audit.shown', { count: entries.length })}</p>
      {!isLoading && !error && entries.length === 0 && <p>{t('console.audit.empty')}</p>}
      {entries.length > 0 && (
        <TableWrap label={t('console.audit.title')}>
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('console.audit.columns.time')}</th>
                <th scope="col">{t('console.audit.columns.actor')}</th>
                <th scope="col">{t('console.audit.columns.action')}</th>
                <th scope="col">{t('console.audit.columns.record')}</th>
                <th scope="col">{t('console.audit.columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.id}</td>
                  <td>
                    <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, language)}</time>
                  </td>
                  <td>
                    {entry.actorId ? (
                      <button
                        type="button"
                        className="link-button"
                        title={t('console.audit.filterByActor', { username: entry.actorUsername ?? entry.actorId })}
                        onClick={() => byActor(entry.actorId ?? '')}
                      >
                        {entry.actorUsername ?? entry.actorId}
                      </button>
                    ) : (
                      t('console.audit.system')
                    )}
                  </td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.recordType ? `${entry.recordType} ${entry.recordId ?? ''}` : t('console.common.none')}</td>
                  <td>
                    <code className="json">{JSON.stringify(entry.details)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {nextBefore && (
        <p>
          <button type="button" disabled={isLoading} onClick={() => void load(applied, nextBefore)}>
            {t('console.audit.older')}
          </button>
        </p>
      )}
    </Screen>
  );
}

function ChainCheck() {
  const { t } = useTranslation();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const verify = async () => {
    setIsBusy(true);
    setResult(null);
    setError(null);
    try {
      setResult(await auditApi.verify());
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="chain-check">
      <button type="button" data-testid="audit-verify" disabled={isBusy} onClick={() => void verify()}>
        {isBusy ? t('console.audit.verifying') : t('console.audit.verify')}
      </button>
      <div role="status" data-testid="audit-verify-result">
        {result?.ok && <p className="alert alert-success">{t('console.audit.verifyOk', { count: result.checked })}</p>}
      </div>
      {result && !result.ok && (
        <p role="alert" className="alert alert-error">
          {t('console.audit.verifyBroken', { id: result.firstBrokenId ?? '?' })}
        </p>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
