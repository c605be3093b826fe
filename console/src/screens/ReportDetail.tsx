// One hotline report: what was reported and by whom (as far as they told us), the links as
// text with what is already known about that content, screenshots on request, the messages
// with the reporter, the assessments, and the decisions. While a report of abuse material is
// open in a visible tab, the analyst's exposure time is counted.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LANGUAGE_NAMES } from '../../../common/i18n';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { hotlineApi, reportsApi, type ReportDetail as Report } from '../endpoints';
import { formatDateTimeShort, personName, useLanguage } from '../i18n';
import { AssessmentForm } from '../reports/AssessmentForm';
import { AssessmentHistory } from '../reports/AssessmentHistory';
import { Attachments } from '../reports/Attachments';
import { Claim, Decisions } from '../reports/Decisions';
import { ExposureNote, useExposure } from '../reports/Exposure';
import { municipalityName } from '../reports/format';
import { referralAccess } from '../referrals/access';
import { ReporterMessages } from '../reports/ReporterMessages';
import { ReportLinks, assessedContentCount } from '../reports/ReportLinks';
import { useUser } from '../session';
import { useLoad } from '../useLoad';

export function ReportDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, setData } = useLoad(() => reportsApi.read(id).then((r) => r.report), [id]);

  const report = data && data.id === id ? data : null;
  // Keyed by the report: moving to another report is a new screen (its heading takes focus).
  return (
    <Screen
      key={id}
      title={report ? t('console.hotline.report.title', { number: report.number }) : t('console.hotline.report.loadingTitle')}
      headingTestId="report-heading"
    >
      {report ? (
        <ReportView report={report} onChanged={setData} />
      ) : (
        <>
          {error ? <ErrorAlert error={error} /> : <p role="status">{t('console.loading')}</p>}
          <BackToQueue />
        </>
      )}
    </Screen>
  );
}

function BackToQueue() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/reports">{t('console.hotline.report.backToQueue')}</Link>
    </p>
  );
}

function ReportView({ report, onChanged }: { report: Report; onChanged: (report: Report) => void }) {
  const { t } = useTranslation();
  const me = useUser();
  const canWork = me.abilities['reports.work'];
  const isAbuseMaterial = report.category === 'csam';
  const exposure = useExposure(canWork && isAbuseMaterial, report.id);
  const legalBases = useLoad(() => hotlineApi.legalBases(), []);
  const assessedElsewhere = report.assessments.length === 0 ? assessedContentCount(report) : 0;

  return (
    <>
      <BackToQueue />
      <p className="report-badges">
        <span className="tag">{t(`console.hotline.statuses.${report.status}`)}</span>{' '}
        <span className="tag">{t(`console.hotline.categories.${report.category}`)}</span>{' '}
        {report.isUrgent && <span className="badge badge-urgent">{t('console.hotline.urgent')}</span>}
      </p>
      {canWork && isAbuseMaterial && <ExposureNote exposure={exposure} />}
      {canWork ? <Claim report={report} onChanged={onChanged} /> : <p className="alert alert-info">{t('console.hotline.report.readOnly')}</p>}
      {assessedElsewhere > 0 && (
        <p className="alert alert-warning" data-testid="assessed-elsewhere">
          <strong>{t('console.hotline.links.summary', { count: assessedElsewhere })}</strong>
        </p>
      )}
      <ReportFacts report={report} />
      <section aria-labelledby="report-description">
        <h2 id="report-description">{t('console.hotline.report.description')}</h2>
        <blockquote className="reporter-words pre-wrap" data-testid="report-description">
          {report.description}
        </blockquote>
      </section>
      <Contact report={report} />
      <ReportLinks report={report} />
      <Attachments report={report} canView={canWork} />
      <ReporterMessages report={report} canWrite={canWork} onChanged={onChanged} />
      <section aria-labelledby="report-assessments">
        <h2 id="report-assessments">{t('console.hotline.assessments.title')}</h2>
        <AssessmentHistory assessments={report.assessments} legalBases={legalBases.data?.legalBases ?? []} />
        {canWork && (
          <AssessmentForm key={report.id} report={report} legalBases={legalBases.data} hasLegalBasesFailed={legalBases.error !== null} onChanged={onChanged} />
        )}
      </section>
      {canWork && <Decisions report={report} onChanged={onChanged} />}
    </>
  );
}

function ReportFacts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const me = useUser();
  const language = useLanguage();
  const notGiven = t('console.hotline.report.notGiven');
  return (
    <section aria-labelledby="report-facts">
      <h2 id="report-facts">{t('console.hotline.report.facts')}</h2>
      <dl className="facts">
        <dt>{t('console.hotline.report.status')}</dt>
        <dd data-testid="report-status">{t(`console.hotline.statuses.${report.status}`)}</dd>
        <dt>{t('console.hotline.report.category')}</dt>
        <dd>{t(`console.hotline.categories.${report.category}`)}</dd>
        <dt>{t('console.hotline.report.urgency')}</dt>
        <dd>{report.isUrgent ? <strong>{t('console.hotline.report.urgentYes')}</strong> : t('console.hotline.report.urgentNo')}</dd>
        <dt>{t('console.hotline.report.received')}</dt>
        <dd>
          <time dateTime={report.receivedAt}>{formatDateTimeShort(report.receivedAt, language)}</time>
        </dd>
        <dt>{t('console.hotline.report.platform')}</dt>
        <dd>{report.platform ? t(`console.hotline.platforms.${report.platform}`) : notGiven}</dd>
        <dt>{t('console.hotline.report.childAgeGroup')}</dt>
        <dd>{report.childAgeGroup ? t(`console.hotline.childAgeGroups.${report.childAgeGroup}`) : notGiven}</dd>
        <dt>{t('console.hotline.report.municipality')}</dt>
        <dd>{report.municipality ? municipalityName(report.municipality, language) : notGiven}</dd>
        <dt>{t('console.hotline.report.language')}</dt>
        <dd>{LANGUAGE_NAMES[report.language]}</dd>
        <dt>{t('console.hotline.report.assignee')}</dt>
        <dd data-testid="report-assignee">{report.assigneeName ? personName(report.assigneeName, language) : t('console.hotline.report.nobody')}</dd>
        {report.caseId && (
          <>
            <dt>{t('console.hotline.report.case')}</dt>
            <dd>
              {referralAccess(me).isCaseWorker ? (
                <Link to={`/cases/${report.caseId}`} data-testid="open-case-link">
                  {t('console.cases.openCase')}
                </Link>
              ) : (
                <code>{report.caseId}</code>
              )}
            </dd>
          </>
        )}
        {report.escalatedTo && (
          <>
            <dt>{t('console.hotline.report.escalatedTo')}</dt>
            <dd>{report.escalatedTo === me.id ? t('console.hotline.report.escalatedToYou') : <code>{report.escalatedTo}</code>}</dd>
          </>
        )}
        {report.noticeTakedownAt && (
          <>
            <dt>{t('console.hotline.report.noticeTakedown')}</dt>
            <dd className="pre-wrap">
              {t('console.hotline.report.noticeTakedownValue', { date: formatDateTimeShort(report.noticeTakedownAt, language), note: report.noticeTakedownNote ?? '' })}
            </dd>
          </>
        )}
        {report.closeReason && (
          <>
            <dt>{t('console.hotline.report.closeReason')}</dt>
            <dd className="pre-wrap">
              {t(`console.hotline.closeReasons.${report.closeReason}`)}
              {report.closeNote ? ` – ${report.closeNote}` : ''}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Contact({ report }: { report: Report }) {
  const { t } = useTranslation();
  const contact = report.contact;
  return (
    <section aria-labelledby="report-contact">
      <h2 id="report-contact">{t('console.hotline.report.contact')}</h2>
      {!contact ? (
        <p>{t('console.hotline.report.anonymous')}</p>
      ) : (
        <dl className="facts">
            {contact.name && (
              <>
                <dt>{t('console.hotline.report.contactName')}</dt>
                <dd>{contact.name}</dd>
              </>
            )}
            {contact.email && (
              <>
                <dt>{t('console.hotline.report.contactEmail')}</dt>
                <dd>{contact.email}</dd>
              </>
            )}
            {contact.phone && (
              <>
                <dt>{t('console.hotline.report.contactPhone')}</dt>
                <dd>{contact.phone}</dd>
              </>
            )}
            <dt>{t('console.hotline.report.mayShare')}</dt>
            <dd>{report.mayShareContact ? t('console.hotline.report.mayShareYes') : <strong>{t('console.hotline.report.mayShareNo')}</strong>}</dd>
        </dl>
      )}
    </section>
  );
}
