// The coordinators' list of peer educators (one cohort or all): name or "personal data
// deleted", age group, place, modules, certificate, confirmed sessions and account. Showing the
// names is audited by the server.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { SelectField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { useLoad } from '../../useLoad';
import { peersApi } from './api';
import { calendarDay, educatorLabel, inScript, instantDay, municipalityName } from './format';

export function EducatorList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const cohortId = params.get('cohort') ?? '';
  const cohorts = useLoad(() => peersApi.cohorts(), []);
  const modules = useLoad(() => peersApi.modules(), []);
  const educators = useLoad(() => peersApi.educators(cohortId || undefined), [cohortId]);
  const activeModules = modules.data?.modules.filter((m) => m.isActive).length ?? 0;
  const none = t('prevention.peers.common.none');
  const list = educators.data?.educators ?? [];

  return (
    <Screen title={t('prevention.peers.educators.title')} headingTestId="peers-heading">
      <p>{t('prevention.peers.educators.intro')}</p>
      <p>
        <Link to="new" className="button button-primary" data-testid="add-educator">
          {t('prevention.peers.educators.add')}
        </Link>
      </p>
      <div className="form form-inline peer-narrow">
        <SelectField label={t('prevention.peers.educators.cohortFilter')} name="cohort" value={cohortId} onChange={(event) => setParams(event.target.value ? { cohort: event.target.value } : {})}>
          <option value="">{t('prevention.peers.educators.allCohorts')}</option>
          {(cohorts.data?.cohorts ?? []).map((cohort) => (
            <option key={cohort.id} value={cohort.id}>
              {cohort.name}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorAlert error={educators.error ?? cohorts.error} />
      <p role="status">{educators.isLoading ? t('prevention.peers.common.loading') : t('prevention.peers.educators.shown', { count: list.length })}</p>
      {!educators.isLoading && list.length === 0 && <p>{t('prevention.peers.educators.empty')}</p>}
      {list.length > 0 && (
        <TableWrap label={t('prevention.peers.educators.tableLabel')}>
          <table data-testid="educators">
            <thead>
              <tr>
                <th scope="col">{t('prevention.peers.educators.columns.name')}</th>
                <th scope="col">{t('prevention.peers.educators.columns.cohort')}</th>
                <th scope="col">{t('prevention.peers.educators.columns.ageGroup')}</th>
                <th scope="col">{t('prevention.peers.educators.columns.place')}</th>
                <th scope="col">{t('prevention.peers.educators.columns.modules')}</th>
                <th scope="col">{t('prevention.peers.educators.columns.certified')}</th>
                <th scope="col">{t('prevention.peers.educators.columns.sessions')}</th>
                <th scope="col">{t('prevention.peers.educators.columns.account')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    {e.personalDataDeletedAt ? (
                      <Link to={e.id} className="peer-erased">
                        {t('prevention.peers.educators.erased', { date: instantDay(e.personalDataDeletedAt, language) })}
                      </Link>
                    ) : (
                      <Link to={e.id}>{educatorLabel(t, e, language)}</Link>
                    )}
                  </th>
                  <td>{e.cohortName}</td>
                  <td>
                    {t(`prevention.codes.peerAgeGroups.${e.ageGroup}`)}
                    {e.ageGroup !== '18-24' && !e.hasConsent && <span className="tag tag-warn"> {t('prevention.peers.educators.consentMissing')}</span>}
                  </td>
                  <td>{e.schoolName ? `${inScript(e.schoolName, language)}, ${municipalityName(e.municipalityId, language)}` : municipalityName(e.municipalityId, language)}</td>
                  <td>{t('prevention.peers.educators.modulesOf', { done: e.modulesCompleted, total: activeModules })}</td>
                  <td>{e.certifiedOn ? calendarDay(e.certifiedOn, language) : none}</td>
                  <td>{e.sessionsConfirmed}</td>
                  <td>{e.hasAccount ? t('prevention.peers.educators.hasAccount') : t('prevention.peers.educators.noAccount')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Screen>
  );
}
