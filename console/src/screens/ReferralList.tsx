// The referrals: for the centre's case workers every referral, for an institution's contact
// persons their own institution's (the server filters). Filters by status and "overdue only"
// live in the address, so going back from a referral returns to the same view.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ApiError } from '../api';
import { SelectField } from '../components/Field';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TableWrap } from '../components/TableWrap';
import { referralsApi, type ReferralSummary } from '../endpoints';
import { formatDateTimeShort, useLanguage } from '../i18n';
import { referralAccess } from '../referrals/access';
import { OverdueMark, referralInstitutionName } from '../referrals/format';
import { asApiError, useUser } from '../session';

const PAGE_SIZE = '50';
const STATUSES = ['sent', 'acknowledged', 'closed'] as const;

interface Filters {
  status: string;
  overdue: boolean;
}

function filtersFrom(params: URLSearchParams): Filters {
  const status = params.get('status') ?? '';
  return { status: (STATUSES as readonly string[]).includes(status) ? status : '', overdue: params.get('overdue') === 'true' };
}

export function ReferralList() {
  const { t } = useTranslation();
  const access = referralAccess(useUser());
  const [params, setParams] = useSearchParams();
  const appliedKey = params.toString();
  const [form, setForm] = useState<Filters>(() => filtersFrom(params));
  const [referrals, setReferrals] = useState<ReferralSummary[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const latestRequest = useRef(0);

  const load = useCallback(async (filters: Filters, before?: string) => {
    const request = ++latestRequest.current;
    setIsLoading(true);
    setError(null);
    try {
      const page = await referralsApi.list({
        status: filters.status || undefined,
        isOverdue: filters.overdue ? 'true' : undefined,
        before,
        limit: PAGE_SIZE,
      });
      if (request !== latestRequest.current) return;
      setReferrals((shown) => (before ? [...shown, ...page.referrals] : page.referrals));
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
    if (next.status) search.set('status', next.status);
    if (next.overdue) search.set('overdue', 'true');
    if (search.toString() === appliedKey) void load(next);
    else setParams(search);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(form);
  };

  const title = access.isCaseWorker ? t('console.referrals.title') : t('console.referrals.titleInstitution');
  return (
    <Screen title={title} headingTestId="referrals-heading">
      <p>{access.isCaseWorker ? t('console.referrals.intro') : t('console.referrals.introInstitution')}</p>
      <form role="search" className="form filters" onSubmit={submit} noValidate aria-label={t('console.referrals.filters')}>
        <div className="filter-grid">
          <SelectField
            label={t('console.referrals.status')}
            name="status"
            value={form.status}
            onChange={(event) => setForm((f) => ({ ...f, status: event.target.value }))}
          >
            <option value="">{t('console.referrals.allStatuses')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`console.referrals.statuses.${status}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            name="overdue"
            checked={form.overdue}
            onChange={(event) => setForm((f) => ({ ...f, overdue: event.target.checked }))}
          />{' '}
          {t('console.referrals.overdueOnly')}
        </label>
        <div className="button-row">
          <button type="submit" className="button-primary">
            {t('console.referrals.apply')}
          </button>
          <button type="button" onClick={() => apply({ status: '', overdue: false })}>
            {t('console.referrals.clear')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      <p role="status">{isLoading ? t('console.loading') : t('console.referrals.shown', { count: referrals.length })}</p>
      {!isLoading && !error && referrals.length === 0 && <p>{t('console.referrals.empty')}</p>}
      {referrals.length > 0 && <ReferralTable referrals={referrals} label={title} />}
      {nextBefore && (
        <p>
          <button type="button" disabled={isLoading} data-testid="referrals-older" onClick={() => void load(filtersFrom(params), nextBefore)}>
            {t('console.referrals.older')}
          </button>
        </p>
      )}
    </Screen>
  );
}

/** The referrals as a table; also used on the case screen. */
export function ReferralTable({ referrals, label }: { referrals: readonly ReferralSummary[]; label: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <TableWrap label={label}>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('console.referrals.columns.reference')}</th>
            <th scope="col">{t('console.referrals.columns.institution')}</th>
            <th scope="col">{t('console.referrals.columns.urgency')}</th>
            <th scope="col">{t('console.referrals.columns.status')}</th>
            <th scope="col">{t('console.referrals.columns.sent')}</th>
            <th scope="col">{t('console.referrals.columns.due')}</th>
            <th scope="col">{t('console.referrals.columns.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((referral) => (
            <tr
              key={referral.id}
              className={referral.isOverdue ? 'row-overdue' : undefined}
              data-testid="referral-row"
              data-referral-id={referral.id}
            >
              <th scope="row">
                <Link to={`/referrals/${referral.id}`} className="nowrap">
                  {referral.reference}
                </Link>
              </th>
              <td>{referralInstitutionName(referral.institutionName, language)}</td>
              <td>
                {referral.urgency === 'urgent' ? (
                  <span className="badge badge-urgent">{t('console.referrals.urgencies.urgent')}</span>
                ) : (
                  t('console.referrals.urgencies.normal')
                )}
              </td>
              <td>{t(`console.referrals.statuses.${referral.status}`)}</td>
              <td className="nowrap">
                <time dateTime={referral.sentAt}>{formatDateTimeShort(referral.sentAt, language)}</time>
              </td>
              <td className={referral.isOverdue ? 'nowrap overdue' : 'nowrap'}>
                {referral.acknowledgementDueAt ? (
                  <time dateTime={referral.acknowledgementDueAt}>{formatDateTimeShort(referral.acknowledgementDueAt, language)}</time>
                ) : (
                  '—'
                )}
                {referral.isOverdue && (
                  <>
                    {' '}
                    <OverdueMark />
                  </>
                )}
              </td>
              <td>{referral.outcome ? t(`console.referrals.outcomes.${referral.outcome}`) : <span className="muted">{t('console.referrals.noOutcome')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
