// Cases: mine, all active, unassigned (or closed), with open tasks and the next due date; the
// view lives in the address so going back from a case returns to it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ApiError } from '../api';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TableWrap } from '../components/TableWrap';
import { personName, useLanguage } from '../i18n';
import { asApiError, useUser } from '../session';
import { helplineCasesApi, type CaseQuery, type CaseSummary } from './api';
import { belgradeDateTime, belgradeToday, calendarDay, casePath } from './format';

const VIEWS = {
  mine: { status: 'active', assigneeId: 'me' },
  active: { status: 'active' },
  unassigned: { status: 'active', assigneeId: 'none' },
  closed: { status: 'closed' },
} satisfies Record<string, CaseQuery>;
type View = keyof typeof VIEWS;
const isView = (value: string | null): value is View => value !== null && value in VIEWS;

export function CaseList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = isView(params.get('view')) ? (params.get('view') as View) : 'mine';
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const latest = useRef(0);

  const load = useCallback(async (which: View, before?: number) => {
    const request = ++latest.current;
    setIsLoading(true);
    setError(null);
    try {
      const page = await helplineCasesApi.list({ ...VIEWS[which], limit: '50', ...(before ? { before: String(before) } : {}) });
      if (request !== latest.current) return;
      setCases((shown) => (before ? [...shown, ...page.cases] : page.cases));
      setNextBefore(page.nextBefore);
    } catch (reason) {
      if (request === latest.current) setError(asApiError(reason));
    } finally {
      if (request === latest.current) setIsLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(view);
  }, [view, load]);

  return (
    <Screen title={t('helpline.cases.title')} headingTestId="cases-heading">
      <div className="status-filter" role="group" aria-label={t('helpline.cases.views')}>
        {(Object.keys(VIEWS) as View[]).map((name) => (
          <button key={name} type="button" className="status-tab" aria-pressed={view === name} data-testid={`case-view-${name}`} onClick={() => setParams(name === 'mine' ? {} : { view: name })}>
            {t(`helpline.cases.${name}`)}
          </button>
        ))}
      </div>
      <ErrorAlert error={error} />
      <p role="status">{isLoading ? t('console.loading') : t('helpline.cases.shown', { count: cases.length })}</p>
      {!isLoading && !error && cases.length === 0 && <p>{t('helpline.cases.empty')}</p>}
      {cases.length > 0 && <CaseTable cases={cases} />}
      {nextBefore && (
        <p>
          <button type="button" disabled={isLoading} onClick={() => void load(view, nextBefore)}>
            {t('helpline.cases.older')}
          </button>
        </p>
      )}
    </Screen>
  );
}

function CaseTable({ cases }: { cases: readonly CaseSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useUser();
  const today = belgradeToday();
  return (
    <TableWrap label={t('helpline.cases.title')}>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('helpline.cases.columns.number')}</th>
            <th scope="col">{t('helpline.cases.columns.title')}</th>
            <th scope="col">{t('helpline.cases.columns.status')}</th>
            <th scope="col">{t('helpline.cases.columns.assignee')}</th>
            <th scope="col">{t('helpline.cases.columns.tasks')}</th>
            <th scope="col">{t('helpline.cases.columns.nextDue')}</th>
            <th scope="col">{t('helpline.cases.columns.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => {
            const isOverdue = c.nextDueOn !== null && c.nextDueOn < today;
            return (
              <tr key={c.id} data-testid="case-row" className={c.priority === 'urgent' ? 'row-urgent' : isOverdue ? 'row-overdue' : undefined}>
                <th scope="row">
                  <Link to={casePath(me, c.id)}>{c.number}</Link>
                  {c.priority === 'urgent' && (
                    <>
                      {' '}
                      <span className="badge badge-urgent">{t('helpline.codes.casePriority.urgent')}</span>
                    </>
                  )}
                </th>
                <td>{c.title}</td>
                <td>{t(`helpline.codes.caseStatus.${c.status}`)}</td>
                <td>{c.assigneeName ? personName(c.assigneeName, language) : <span className="muted">{t('helpline.common.unassigned')}</span>}</td>
                <td>{c.openTasks}</td>
                <td className="nowrap">
                  {c.nextDueOn ? calendarDay(c.nextDueOn, language) : t('helpline.common.none')}
                  {isOverdue && (
                    <>
                      {' '}
                      <span className="badge badge-overdue">{t('helpline.cases.overdue')}</span>
                    </>
                  )}
                </td>
                <td className="nowrap">
                  <time dateTime={c.updatedAt}>{belgradeDateTime(c.updatedAt, language)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
