// The supervisor's live view: waiting chats, contacts nobody has taken, open cases, overdue
// follow-ups and each counsellor's workload, refreshed every 15 seconds (while the tab is
// visible). The figures change quietly: no live region reads them out on every refresh.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CASE_STATUSES } from '../../../common/helpline';
import type { ApiError } from '../api';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TableWrap } from '../components/TableWrap';
import { personName, useLanguage } from '../i18n';
import { asApiError, useUser } from '../session';
import { helplineApi, type HelplineOverview } from './api';
import { belgradeTime, calendarDay, casePath } from './format';

const REFRESH_MS = 15_000;

export function Overview() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useUser();
  const [overview, setOverview] = useState<HelplineOverview | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const isLoading = useRef(false);

  const refresh = useCallback(async () => {
    if (isLoading.current) return;
    isLoading.current = true;
    try {
      setOverview(await helplineApi.overview());
      setUpdatedAt(new Date());
      setError(null);
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      isLoading.current = false;
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const openCasesTotal = overview ? Object.values(overview.openCases).reduce((sum, n) => sum + n, 0) : 0;

  return (
    <Screen title={t('helpline.overview.title')} headingTestId="overview-heading">
      <div className="button-row">
        <p className="hint">
          {t('helpline.overview.refreshHint')}
          {updatedAt && <> {t('helpline.overview.updatedAt', { time: belgradeTime(updatedAt, language) })}</>}
        </p>
        <button type="button" className="button-small" onClick={() => void refresh()}>
          {t('helpline.overview.refresh')}
        </button>
      </div>
      <ErrorAlert error={error} />
      {!overview ? (
        !error && <p role="status">{t('console.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="overview-queues">
            <h2 id="overview-queues">{t('helpline.overview.queues')}</h2>
            <ul className="cards overview-cards">
              <li className={overview.waitingChats > 0 ? 'card card-alert' : 'card'} data-testid="overview-waiting-chats">
                <h3>{t('helpline.overview.waitingChats')}</h3>
                <p className="overview-number">{overview.waitingChats}</p>
                {overview.oldestWaitingChatSince && <p>{t('helpline.overview.oldestWaiting', { time: belgradeTime(overview.oldestWaitingChatSince, language) })}</p>}
              </li>
              <li className="card">
                <h3>{t('helpline.overview.activeChats')}</h3>
                <p className="overview-number">{overview.activeChats}</p>
              </li>
              <li className="card">
                <h3>{t('helpline.overview.awaitingContacts')}</h3>
                <p className="overview-number">{overview.awaitingContacts}</p>
              </li>
              <li className="card">
                <h3>{t('helpline.overview.openCases')}</h3>
                <p className="overview-number">{openCasesTotal}</p>
                <ul className="plain-list">
                  {CASE_STATUSES.filter((status) => status !== 'closed').map((status) => (
                    <li key={status}>
                      {t(`helpline.codes.caseStatus.${status}`)}: {overview.openCases[status] ?? 0}
                    </li>
                  ))}
                </ul>
              </li>
            </ul>
          </section>
          <section>
            <h2 id="overview-overdue">{t('helpline.overview.overdueTasks')}</h2>
            {overview.overdueTasks.length === 0 ? (
              <p>{t('helpline.overview.noOverdue')}</p>
            ) : (
              <TableWrap label={t('helpline.overview.overdueTasks')}>
                <table className="report-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('helpline.overview.columns.case')}</th>
                      <th scope="col">{t('helpline.overview.columns.task')}</th>
                      <th scope="col">{t('helpline.overview.columns.dueOn')}</th>
                      <th scope="col">{t('helpline.overview.columns.assignee')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.overdueTasks.map((task) => (
                      <tr key={task.id} className="row-overdue" data-testid="overview-overdue-task">
                        <th scope="row">
                          <Link to={casePath(me, task.caseId)}>{task.caseNumber}</Link>
                        </th>
                        <td>{task.title}</td>
                        <td className="nowrap">
                          {calendarDay(task.dueOn, language)} <span className="badge badge-overdue">{t('helpline.cases.overdue')}</span>
                        </td>
                        <td>{task.assigneeName ? personName(task.assigneeName, language) : <span className="muted">{t('helpline.common.unassigned')}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>
          <section>
            <h2 id="overview-workload">{t('helpline.overview.workload')}</h2>
            {overview.workload.length === 0 ? (
              <p>{t('helpline.overview.noWorkload')}</p>
            ) : (
              <TableWrap label={t('helpline.overview.workload')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('helpline.overview.columns.name')}</th>
                      <th scope="col">{t('helpline.overview.columns.activeChats')}</th>
                      <th scope="col">{t('helpline.overview.columns.draftContacts')}</th>
                      <th scope="col">{t('helpline.overview.columns.contactsToday')}</th>
                      <th scope="col">{t('helpline.overview.columns.openCases')}</th>
                      <th scope="col">{t('helpline.overview.columns.openTasks')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.workload.map((row) => (
                      <tr key={row.userId} data-testid="overview-workload-row">
                        <th scope="row">{personName(row.name, language)}</th>
                        <td>{row.activeChats}</td>
                        <td>{row.draftContacts}</td>
                        <td>{row.contactsToday}</td>
                        <td>{row.openCases}</td>
                        <td>{row.openTasks}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>
        </>
      )}
    </Screen>
  );
}
