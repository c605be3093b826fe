// The schools registry: search (either script) and filters kept in the address, so going back
// from a school returns to the same view; a page of 50 at a time; for coordinators, "register a
// school" and the CSV import.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { SCHOOL_TYPES } from '../../../../common/prevention';
import { SelectField, TextField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { useUser } from '../../session';
import { useLoad } from '../../useLoad';
import { schoolsApi, type School } from './api';
import { districtOptions, inScript, municipalityOptions, schoolPlace } from './format';

const PAGE_SIZE = 50;
const FILTERS = ['q', 'municipalityId', 'districtId', 'type', 'includeInactive'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

const filtersFrom = (params: URLSearchParams): Filters => Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Filters;

export function SchoolList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useUser();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [form, setForm] = useState<Filters>(applied);
  const [searchProblem, setSearchProblem] = useState<string | undefined>();
  const municipalities = useMemo(() => municipalityOptions(language), [language]);
  const districts = useMemo(() => districtOptions(language), [language]);
  const key = params.toString();

  useEffect(() => setForm(filtersFrom(new URLSearchParams(key))), [key]);
  const page = useLoad(
    () =>
      schoolsApi.list({
        q: applied.q || undefined,
        municipalityId: applied.municipalityId || undefined,
        districtId: applied.districtId || undefined,
        type: applied.type || undefined,
        includeInactive: applied.includeInactive === 'true' ? 'true' : undefined,
        limit: String(PAGE_SIZE),
        offset: offset ? String(offset) : undefined,
      }),
    [key],
  );

  const show = (filters: Filters, from = 0) => {
    const next = new URLSearchParams();
    for (const name of FILTERS) if (filters[name].trim()) next.set(name, filters[name].trim());
    if (from) next.set('offset', String(from));
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const tooShort = form.q.trim().length === 1;
    setSearchProblem(tooShort ? t('prevention.schools.list.searchTooShort') : undefined);
    if (!tooShort) show(form);
  };
  const set = (name: keyof Filters) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: event.target.value }));
  const total = page.data?.total ?? 0;
  const schools = page.data?.schools ?? [];

  return (
    <Screen title={t('prevention.schools.list.title')} headingTestId="schools-heading">
      {me.abilities['schools.manage'] && (
        <p className="button-row">
          <Link to="new" className="button button-primary" data-testid="new-school">
            {t('prevention.schools.list.register')}
          </Link>
          <Link to="import" className="button" data-testid="import-schools">
            {t('prevention.schools.list.import')}
          </Link>
        </p>
      )}
      <form role="search" className="form filters school-filters" noValidate onSubmit={submit} aria-label={t('prevention.schools.list.filters')}>
        <TextField
          label={t('prevention.schools.list.search')}
          hint={t('prevention.schools.list.searchHint')}
          name="q"
          type="search"
          maxLength={200}
          value={form.q}
          onChange={set('q')}
          error={searchProblem ?? page.error?.fieldError('q')}
        />
        <div className="filter-grid">
          <SelectField label={t('prevention.schools.list.municipality')} name="municipalityId" value={form.municipalityId} onChange={set('municipalityId')}>
            <option value="">{t('prevention.schools.list.allMunicipalities')}</option>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('prevention.schools.list.district')} name="districtId" value={form.districtId} onChange={set('districtId')}>
            <option value="">{t('prevention.schools.list.allDistricts')}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('prevention.schools.list.type')} name="type" value={form.type} onChange={set('type')}>
            <option value="">{t('prevention.schools.list.allTypes')}</option>
            {SCHOOL_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`prevention.codes.schoolTypes.${type}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="checkbox-field">
          <input
            id="schools-include-inactive"
            type="checkbox"
            name="includeInactive"
            checked={form.includeInactive === 'true'}
            onChange={(event) => setForm((f) => ({ ...f, includeInactive: event.target.checked ? 'true' : '' }))}
          />
          <label htmlFor="schools-include-inactive">{t('prevention.schools.list.includeInactive')}</label>
        </div>
        <div className="button-row">
          <button type="submit" className="button-primary" data-testid="apply-school-filters">
            {t('prevention.schools.list.apply')}
          </button>
          <button type="button" onClick={() => show(filtersFrom(new URLSearchParams()))}>
            {t('prevention.schools.list.clear')}
          </button>
        </div>
      </form>
      <ErrorAlert error={page.error} knownFields={['q']} />
      <p role="status" data-testid="schools-status">
        {page.isLoading
          ? t('console.loading')
          : total === 0
            ? t('prevention.schools.list.empty')
            : t('prevention.schools.list.range', { from: offset + 1, to: offset + schools.length, total })}
      </p>
      {schools.length > 0 && <SchoolTable schools={schools} />}
      {total > PAGE_SIZE && (
        <nav aria-label={t('prevention.schools.list.paging')} className="button-row">
          <button type="button" disabled={offset === 0 || page.isLoading} onClick={() => show(applied, Math.max(0, offset - PAGE_SIZE))}>
            {t('prevention.schools.list.previous')}
          </button>
          <button type="button" disabled={offset + PAGE_SIZE >= total || page.isLoading} onClick={() => show(applied, offset + PAGE_SIZE)}>
            {t('prevention.schools.list.next')}
          </button>
        </nav>
      )}
    </Screen>
  );
}

function SchoolTable({ schools }: { schools: School[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const hasContacts = schools.some((s) => s.contactPerson !== null);
  return (
    <TableWrap label={t('prevention.schools.list.title')}>
      <table className="school-table">
        <thead>
          <tr>
            <th scope="col">{t('prevention.schools.list.columns.name')}</th>
            <th scope="col">{t('prevention.schools.list.columns.type')}</th>
            <th scope="col">{t('prevention.schools.list.columns.place')}</th>
            <th scope="col">{t('prevention.schools.list.columns.address')}</th>
            {hasContacts && <th scope="col">{t('prevention.schools.list.columns.contact')}</th>}
          </tr>
        </thead>
        <tbody>
          {schools.map((school) => (
            <tr key={school.id} data-testid="school-row">
              <th scope="row">
                <Link to={school.id}>{inScript(school.name, language)}</Link>
                {!school.isActive && (
                  <>
                    {' '}
                    <span className="tag tag-muted">{t('prevention.schools.list.inactive')}</span>
                  </>
                )}
              </th>
              <td>{t(`prevention.codes.schoolTypes.${school.type}`)}</td>
              <td>{schoolPlace(school, language)}</td>
              <td>{inScript(school.address, language)}</td>
              {hasContacts && (
                <td className="school-contact">
                  {school.contactPerson && <span>{inScript(school.contactPerson, language)}</span>}
                  {school.email && <a href={`mailto:${school.email}`}>{school.email}</a>}
                  {school.phone && <a href={`tel:${school.phone.replace(/[^+\d]/g, '')}`}>{school.phone}</a>}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
