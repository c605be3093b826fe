// The contacts: newest first, with filters and word search kept in the address (so going back
// from a contact returns to the same view), paging to older ones, "new contact" and the
// repeat-caller look-up.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CHANNELS, CONTACT_STATUSES, CONTACT_TYPES, HELPLINE_CATEGORIES } from '../../../common/helpline';
import { UNITS } from '../../../common/geography';
import type { ApiError } from '../api';
import { SelectField, TextField } from '../components/Field';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useLanguage } from '../i18n';
import { asApiError, useUser } from '../session';
import { contactsApi, type ContactQuery, type ContactSummary } from './api';
import { CallerLookup } from './CallerLookup';
import { ContactTable } from './ContactTable';
import { belgradeDayStart, municipalityLabel, unitFromName, unitName } from './format';

const PAGE_SIZE = '50';
const FILTER_NAMES = ['q', 'status', 'channel', 'contactType', 'category', 'counsellor', 'municipality', 'from', 'to'] as const;
type FilterName = (typeof FILTER_NAMES)[number];
type Filters = Record<FilterName, string>;

function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_NAMES.map((name) => [name, params.get(name) ?? ''])) as Filters;
}

function toQuery(filters: Filters, before?: string): ContactQuery {
  return {
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    channel: filters.channel || undefined,
    contactType: filters.contactType || undefined,
    category: filters.category || undefined,
    counsellorId: filters.counsellor || undefined,
    municipality: filters.municipality || undefined,
    from: belgradeDayStart(filters.from),
    to: belgradeDayStart(filters.to, 1),
    before,
    limit: PAGE_SIZE,
  };
}

export function ContactList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useUser();
  const [params, setParams] = useSearchParams();
  const appliedKey = params.toString();
  const [form, setForm] = useState<Filters>(() => filtersFrom(params));
  const [municipalityText, setMunicipalityText] = useState('');
  const [problems, setProblems] = useState<Partial<Record<FilterName, string>>>({});
  const [contacts, setContacts] = useState<ContactSummary[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const latestRequest = useRef(0);
  const municipalityListId = useId();
  const units = useMemo(() => [...UNITS].sort((a, b) => unitName(a, language).localeCompare(unitName(b, language))), [language]);

  const load = useCallback(async (filters: Filters, before?: number) => {
    const request = ++latestRequest.current;
    setIsLoading(true);
    setError(null);
    try {
      const page = await contactsApi.list(toQuery(filters, before ? String(before) : undefined));
      if (request !== latestRequest.current) return;
      setContacts((shown) => (before ? [...shown, ...page.contacts] : page.contacts));
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
    setMunicipalityText(municipalityLabel(filters.municipality || null, language) ?? '');
    void load(filters);
    // The language only changes how the municipality is written, not what is loaded.
  }, [appliedKey, load]);

  const apply = (next: Filters) => {
    const search = new URLSearchParams();
    for (const name of FILTER_NAMES) if (next[name].trim()) search.set(name, next[name].trim());
    if (search.toString() === appliedKey) void load(next);
    else setParams(search);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<FilterName, string>> = {};
    if (form.q.trim().length === 1) found.q = t('helpline.list.searchTooShort');
    const unit = municipalityText.trim() ? unitFromName(municipalityText) : undefined;
    if (municipalityText.trim() && !unit) found.municipality = t('helpline.form.municipalityUnknown');
    setProblems(found);
    if (Object.keys(found).length) return;
    apply({ ...form, municipality: unit?.id ?? '' });
  };
  const set = (name: FilterName) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: event.target.value }));

  return (
    <Screen title={t('helpline.list.title')} headingTestId="contacts-heading">
      {me.abilities['contacts.create'] && (
        <p>
          <Link to="/helpline/contacts/new" className="button button-primary" data-testid="new-contact">
            {t('helpline.list.newContact')}
          </Link>
        </p>
      )}
      <form role="search" className="form filters" onSubmit={submit} noValidate aria-label={t('helpline.list.filters')}>
        <TextField
          label={t('helpline.list.search')}
          hint={t('helpline.list.searchHint')}
          name="q"
          type="search"
          maxLength={200}
          value={form.q}
          onChange={set('q')}
          error={problems.q ?? error?.fieldError('q')}
        />
        <div className="filter-grid">
          <SelectField label={t('helpline.list.status')} name="status" value={form.status} onChange={set('status')}>
            <option value="">{t('helpline.list.allStatuses')}</option>
            {CONTACT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`helpline.codes.contactStatus.${status}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('helpline.list.channel')} name="channel" value={form.channel} onChange={set('channel')}>
            <option value="">{t('helpline.list.allChannels')}</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`helpline.codes.channel.${channel}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('helpline.list.contactType')} name="contactType" value={form.contactType} onChange={set('contactType')}>
            <option value="">{t('helpline.list.allContactTypes')}</option>
            {CONTACT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`helpline.codes.contactType.${type}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('helpline.list.category')} name="category" value={form.category} onChange={set('category')}>
            <option value="">{t('helpline.list.allCategories')}</option>
            {HELPLINE_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`helpline.codes.category.${category}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('helpline.list.counsellor')} name="counsellor" value={form.counsellor} onChange={set('counsellor')}>
            <option value="">{t('helpline.list.counsellorAll')}</option>
            <option value="me">{t('helpline.list.counsellorMine')}</option>
          </SelectField>
          <TextField
            label={t('helpline.list.municipality')}
            name="municipality"
            list={municipalityListId}
            autoComplete="off"
            value={municipalityText}
            onChange={(event) => setMunicipalityText(event.target.value)}
            error={problems.municipality ?? error?.fieldError('municipality')}
          />
          <TextField label={t('helpline.list.from')} name="from" type="date" value={form.from} onChange={set('from')} error={error?.fieldError('from')} />
          <TextField label={t('helpline.list.to')} name="to" type="date" value={form.to} onChange={set('to')} error={error?.fieldError('to')} />
        </div>
        <datalist id={municipalityListId}>
          {units.map((unit) => (
            <option key={unit.id} value={unitName(unit, language)} />
          ))}
        </datalist>
        <div className="button-row">
          <button type="submit" className="button-primary" data-testid="apply-filters">
            {t('helpline.list.apply')}
          </button>
          <button type="button" onClick={() => apply(filtersFrom(new URLSearchParams()))}>
            {t('helpline.list.clear')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} knownFields={['q', 'from', 'to', 'municipality']} />
      <p role="status" data-testid="contacts-status">
        {isLoading ? t('console.loading') : t('helpline.list.shown', { count: contacts.length })}
      </p>
      {!isLoading && !error && contacts.length === 0 && <p>{t('helpline.list.empty')}</p>}
      {contacts.length > 0 && <ContactTable contacts={contacts} label={t('helpline.list.title')} />}
      {nextBefore && (
        <p>
          <button type="button" disabled={isLoading} onClick={() => void load(filtersFrom(new URLSearchParams(appliedKey)), nextBefore)}>
            {t('helpline.list.older')}
          </button>
        </p>
      )}
      {me.abilities['contacts.create'] && <CallerLookup />}
    </Screen>
  );
}
