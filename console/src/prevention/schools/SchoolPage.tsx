// One school: its details, how many events were held there, and for coordinators the form to
// change it (or take it off the list). Contact details show only to those the server sends them to.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { formatDateTimeShort, useLanguage } from '../../i18n';
import { NotFound } from '../../screens/NotFound';
import { useUser } from '../../session';
import { useLoad } from '../../useLoad';
import { schoolsApi } from './api';
import { EditSchool } from './SchoolForm';
import { inScript, schoolPlace } from './format';

export function SchoolPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const location = useLocation();
  const me = useUser();
  const school = useLoad(() => schoolsApi.read(id), [id]);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);

  if (school.error?.status === 404 || school.error?.status === 400) return <NotFound />;
  if (!school.data) {
    return (
      <Screen title={t('prevention.schools.list.title')}>
        <ErrorAlert error={school.error} />
        {school.isLoading && <p role="status">{t('console.loading')}</p>}
      </Screen>
    );
  }
  const s = school.data;
  const none = t('console.common.none');
  return (
    <Screen title={inScript(s.name, language)} headingTestId="school-heading">
      <p>
        <Link to="/prevention/schools">{t('prevention.schools.detail.back')}</Link>
      </p>
      <StatusMessage message={notice} />
      <section aria-labelledby="school-facts">
        <h2 id="school-facts">{t('prevention.schools.detail.facts')}</h2>
        <dl className="facts">
          <dt>{t('prevention.schools.form.type')}</dt>
          <dd>{t(`prevention.codes.schoolTypes.${s.type}`)}</dd>
          <dt>{t('prevention.schools.form.municipality')}</dt>
          <dd>{schoolPlace(s, language)}</dd>
          <dt>{t('prevention.schools.form.address')}</dt>
          <dd>{s.address ? inScript(s.address, language) : none}</dd>
          {s.contactPerson !== null && (
            <>
              <dt>{t('prevention.schools.form.contactPerson')}</dt>
              <dd>{s.contactPerson ? inScript(s.contactPerson, language) : none}</dd>
              <dt>{t('prevention.schools.form.email')}</dt>
              <dd>{s.email ? <a href={`mailto:${s.email}`}>{s.email}</a> : none}</dd>
              <dt>{t('prevention.schools.form.phone')}</dt>
              <dd>{s.phone ? <a href={`tel:${s.phone.replace(/[^+\d]/g, '')}`}>{s.phone}</a> : none}</dd>
            </>
          )}
          <dt>{t('prevention.schools.form.code')}</dt>
          <dd>{s.code ?? none}</dd>
          <dt>{t('prevention.schools.detail.eventsHeld')}</dt>
          <dd data-testid="school-events-held">{s.eventsHeld}</dd>
          <dt>{t('prevention.schools.detail.lastHeld')}</dt>
          <dd>{s.lastHeldAt ? formatDateTimeShort(s.lastHeldAt, language) : t('prevention.schools.detail.never')}</dd>
          {!s.isActive && (
            <>
              <dt>{t('prevention.schools.list.columns.status')}</dt>
              <dd>
                <span className="tag tag-muted">{t('prevention.schools.list.inactive')}</span>
              </dd>
            </>
          )}
        </dl>
      </section>
      {me.abilities['schools.manage'] && (
        <section aria-labelledby="school-edit">
          <h2 id="school-edit">{t('prevention.schools.detail.edit')}</h2>
          <EditSchool
            key={s.updatedAt}
            school={s}
            onSaved={() => {
              setNotice(t('prevention.schools.form.saved'));
              school.reload();
            }}
          />
        </section>
      )}
    </Screen>
  );
}
