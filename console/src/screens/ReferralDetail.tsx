// One referral: what was sent to which institution and why, the findings, the reporter's
// contact (only where they agreed to share it), the deadline, the outcome, the messages, and
// for the institution's contact persons the steps they take (acknowledge, record outcome).
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { hotlineApi, referralsApi, type ReferralDetail as Referral } from '../endpoints';
import { formatDateTimeShort, useLanguage } from '../i18n';
import { legalBasisByCode } from '../reports/legalBases';
import { referralAccess } from '../referrals/access';
import { Findings } from '../referrals/Findings';
import { OverdueMark, referralInstitutionName } from '../referrals/format';
import { ApprovalStep, InstitutionSteps } from '../referrals/InstitutionSteps';
import { ReferralMessages } from '../referrals/ReferralMessages';
import { useUser } from '../session';
import { useLoad } from '../useLoad';

export function ReferralDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, setData } = useLoad(() => referralsApi.read(id).then((r) => r.referral), [id]);
  const referral = data && data.id === id ? data : null;
  return (
    <Screen
      key={id}
      title={referral ? t('console.referrals.detail.title', { reference: referral.reference }) : t('console.referrals.detail.loadingTitle')}
      headingTestId="referral-heading"
    >
      <BackToList />
      {referral ? (
        <ReferralView referral={referral} onChanged={setData} />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        <p role="status">{t('console.loading')}</p>
      )}
    </Screen>
  );
}

function BackToList() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/referrals">{t('console.referrals.backToList')}</Link>
    </p>
  );
}

function ReferralView({ referral, onChanged }: { referral: Referral; onChanged: (referral: Referral) => void }) {
  const { t } = useTranslation();
  const access = referralAccess(useUser());
  const language = useLanguage();
  const legalBases = useLoad(() => hotlineApi.legalBases().then((r) => r.legalBases), []);
  const when = (iso: string) => <time dateTime={iso}>{formatDateTimeShort(iso, language)}</time>;

  return (
    <>
      {referral.isOverdue && (
        <p className="alert alert-error overdue-warning" data-testid="referral-overdue">
          <strong>{t('console.referrals.detail.due')}:</strong>{' '}
          {t('console.referrals.overdueWarning', { date: formatDateTimeShort(referral.acknowledgementDueAt ?? referral.sentAt, language) })}
        </p>
      )}
      <section aria-labelledby="referral-facts">
        <h2 id="referral-facts">{t('console.referrals.detail.facts')}</h2>
        <dl className="facts">
          <dt>{t('console.referrals.detail.reference')}</dt>
          <dd>
            <code>{referral.reference}</code>
          </dd>
          <dt>{t('console.referrals.detail.institution')}</dt>
          <dd>{referralInstitutionName(referral.institutionName, language)}</dd>
          <dt>{t('console.referrals.detail.urgency')}</dt>
          <dd>
            {referral.urgency === 'urgent' ? (
              <span className="badge badge-urgent">{t('console.referrals.urgencies.urgent')}</span>
            ) : (
              t('console.referrals.urgencies.normal')
            )}
          </dd>
          <dt>{t('console.referrals.detail.status')}</dt>
          <dd data-testid="referral-status">{t(`console.referrals.statuses.${referral.status}`)}</dd>
          <dt>{t('console.referrals.detail.sent')}</dt>
          <dd>{when(referral.sentAt)}</dd>
          <dt>{t('console.referrals.detail.due')}</dt>
          <dd className={referral.isOverdue ? 'overdue' : undefined}>
            {referral.acknowledgementDueAt ? when(referral.acknowledgementDueAt) : t('console.referrals.statuses.pending-approval')}
            {referral.isOverdue && (
              <>
                {' '}
                <OverdueMark />
              </>
            )}
          </dd>
          <dt>{t('console.referrals.detail.acknowledged')}</dt>
          <dd data-testid="referral-acknowledged">{referral.acknowledgedAt ? when(referral.acknowledgedAt) : t('console.referrals.detail.notAcknowledged')}</dd>
          <dt>{t('console.referrals.detail.outcome')}</dt>
          <dd data-testid="referral-outcome">
            {referral.outcome ? t(`console.referrals.outcomes.${referral.outcome}`) : t('console.referrals.noOutcome')}
            {referral.outcomeAt && <> ({when(referral.outcomeAt)})</>}
          </dd>
          {referral.outcomeNote && (
            <>
              <dt>{t('console.referrals.detail.outcomeNote')}</dt>
              <dd className="pre-wrap">{referral.outcomeNote}</dd>
            </>
          )}
          {access.isCaseWorker && (
            <>
              <dt>{t('console.referrals.detail.case')}</dt>
              <dd>
                <Link to={`/cases/${referral.caseId}`}>{t('console.referrals.detail.openCase')}</Link>
              </dd>
            </>
          )}
        </dl>
        <p>
          <a href={referralsApi.dossierUrl(referral.id, language)} download data-testid="referral-dossier">
            {t('console.referrals.detail.dossier')}
          </a>
        </p>
        <p className="hint">{t('console.referrals.detail.dossierHint')}</p>
      </section>
      <section aria-labelledby="referral-reason">
        <h2 id="referral-reason">{t('console.referrals.detail.reason')}</h2>
        <blockquote className="reporter-words pre-wrap">{referral.reason}</blockquote>
        {referral.routingRule && (
          <p>
            <strong>{t('console.referrals.detail.routingRule')}:</strong> <code>{referral.routingRule}</code>
          </p>
        )}
        <h3>{t('console.referrals.detail.legalBasis')}</h3>
        {referral.legalBasis.length === 0 ? (
          <p>{t('console.referrals.detail.noLegalBasis')}</p>
        ) : (
          <ul>
            {referral.legalBasis.map((code) => (
              <li key={code}>{legalBasisByCode(t, code, legalBases.data ?? [], language)}</li>
            ))}
          </ul>
        )}
      </section>
      <Findings findings={referral.findings} />
      <section aria-labelledby="referral-contact">
        <h2 id="referral-contact">{t('console.referrals.detail.contact')}</h2>
        {referral.reporterContact && (referral.reporterContact.name || referral.reporterContact.email || referral.reporterContact.phone) ? (
          <dl className="facts" data-testid="referral-contact">
            {referral.reporterContact.name && (
              <>
                <dt>{t('console.referrals.detail.contactName')}</dt>
                <dd>{referral.reporterContact.name}</dd>
              </>
            )}
            {referral.reporterContact.email && (
              <>
                <dt>{t('console.referrals.detail.contactEmail')}</dt>
                <dd>{referral.reporterContact.email}</dd>
              </>
            )}
            {referral.reporterContact.phone && (
              <>
                <dt>{t('console.referrals.detail.contactPhone')}</dt>
                <dd>{referral.reporterContact.phone}</dd>
              </>
            )}
          </dl>
        ) : (
          <p data-testid="referral-contact">{t('console.referrals.detail.contactNotShared')}</p>
        )}
      </section>
      {access.isSupervisor && referral.status === 'pending-approval' && <ApprovalStep referral={referral} onChanged={onChanged} />}
      {access.isInstitutionContact && <InstitutionSteps referral={referral} onChanged={onChanged} />}
      <ReferralMessages referral={referral} onChanged={onChanged} />
    </>
  );
}
