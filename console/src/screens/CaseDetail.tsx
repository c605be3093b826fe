// One case: its reports and helpline contacts, status, priority and assignee, follow-up tasks
// and notes, where it has been forwarded (with deadlines and outcomes), what happened when
// (the timeline), and the forwarding to an institution by the routing rules (case workers).
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TableWrap } from '../components/TableWrap';
import { casesApi, type Case } from '../endpoints';
import { formatDateTimeShort, personName, useLanguage } from '../i18n';
import { ForwardPanel } from '../referrals/ForwardPanel';
import { referralAccess } from '../referrals/access';
import { CaseContacts, CaseManage, CaseNotes, CaseTasks, caseActionLabel } from '../helpline/CaseWork';
import { useUser } from '../session';
import { useLoad } from '../useLoad';
import { ReferralTable } from './ReferralList';

export function CaseDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, reload } = useLoad(() => casesApi.read(id).then((r) => r.case), [id]);
  const found = data && data.id === id ? data : null;
  return (
    <Screen
      key={id}
      title={found ? t('console.cases.title', { number: found.number, title: found.title }) : t('console.cases.loadingTitle')}
      headingTestId="case-heading"
    >
      {found ? (
        <CaseView found={found} onChanged={reload} />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        <p role="status">{t('console.loading')}</p>
      )}
    </Screen>
  );
}

function CaseView({ found, onChanged }: { found: Case; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useUser();
  const isCaseWorker = referralAccess(me).isCaseWorker;
  return (
    <>
      <section aria-labelledby="case-facts">
        <h2 id="case-facts">{t('console.cases.facts')}</h2>
        <dl className="facts">
          <dt>{t('console.cases.number')}</dt>
          <dd>
            <code>{found.number}</code>
          </dd>
          <dt>{t('console.cases.status')}</dt>
          <dd data-testid="case-status">{t(`console.cases.statuses.${found.status}`)}</dd>
          <dt>{t('console.cases.priority')}</dt>
          <dd>
            {found.priority === 'urgent' ? <span className="badge badge-urgent">{t('console.cases.priorities.urgent')}</span> : t('console.cases.priorities.normal')}
          </dd>
          <dt>{t('console.cases.created')}</dt>
          <dd>
            <time dateTime={found.createdAt}>{formatDateTimeShort(found.createdAt, language)}</time>
          </dd>
        </dl>
      </section>
      <CaseManage found={found} onChanged={onChanged} />
      <section aria-labelledby="case-reports">
        <h2 id="case-reports">{t('console.cases.reports')}</h2>
        {found.reports.length === 0 ? (
          <p>{t('console.cases.noReports')}</p>
        ) : (
          <ul className="plain-list case-reports">
            {found.reports.map((report) => (
              <li key={report.id}>
                <Link to={`/reports/${report.id}`}>{report.number}</Link> – {t(`console.hotline.categories.${report.category}`)},{' '}
                {t(`console.hotline.statuses.${report.status}`)}
                {report.isUrgent && (
                  <>
                    {' '}
                    <span className="badge badge-urgent">{t('console.hotline.urgent')}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* Not a named region: the table inside is one, under the same name. */}
      <section>
        <h2 id="case-referrals">{t('console.cases.referrals')}</h2>
        {found.referrals.length === 0 ? (
          <p>{t('console.cases.noReferrals')}</p>
        ) : (
          <ReferralTable referrals={found.referrals} label={t('console.cases.referrals')} />
        )}
      </section>
      <CaseContacts found={found} />
      <CaseTasks found={found} onChanged={onChanged} />
      <CaseNotes found={found} onChanged={onChanged} />
      {/* Forwarding is for the centre's case workers (the referral rules); counsellors see where it went. */}
      {isCaseWorker && <ForwardPanel found={found} onForwarded={onChanged} />}
      <Timeline found={found} />
    </>
  );
}

function Timeline({ found }: { found: Case }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section>
      <h2 id="case-timeline">{t('console.cases.timeline')}</h2>
      {found.timeline.length === 0 ? (
        <p>{t('console.cases.noTimeline')}</p>
      ) : (
        <TableWrap label={t('console.cases.timeline')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.cases.timelineColumns.at')}</th>
                <th scope="col">{t('console.cases.timelineColumns.who')}</th>
                <th scope="col">{t('console.cases.timelineColumns.action')}</th>
              </tr>
            </thead>
            <tbody>
              {found.timeline.map((entry, index) => (
                <tr key={`${entry.at}-${entry.action}-${index}`} data-testid="case-timeline-entry">
                  <td className="nowrap">
                    <time dateTime={entry.at}>{formatDateTimeShort(entry.at, language)}</time>
                  </td>
                  <td>{entry.actorName ? personName(entry.actorName, language) : t('console.cases.system')}</td>
                  <td>{caseActionLabel(t, entry.action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
