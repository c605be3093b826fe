// Planning an event (coordinators) and changing one (coordinators; presenters the events they
// present). The date and time are Belgrade time; the place is a school of the chosen
// municipality from the registry or a venue; presenters are picked from the people who can
// present. Problems found here and the server's field errors show next to the same inputs.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { EVENT_TYPES, PREVENTION_TOPICS, type EventType, type PreventionTopic } from '../../../../common/prevention';
import { LANGUAGES, type Language } from '../../../../common/roles';
import type { ApiError } from '../../api';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { useLanguage } from '../../i18n';
import { asApiError } from '../../session';
import { useLoad } from '../../useLoad';
import { NotFound } from '../../screens/NotFound';
import { campaignOptions, eventsApi, schoolsOf, type Event } from './api';
import { belgradeIso, dayOf, isDay, timeOf, today } from './dates';
import { inScript, municipalityOptions } from './format';

interface Values {
  type: EventType;
  title: string;
  date: string;
  time: string;
  duration: string;
  municipalityId: string;
  schoolId: string;
  venue: string;
  campaignId: string;
  language: Language;
  topics: PreventionTopic[];
  materials: string;
  presenterIds: string[];
}
type Problems = Partial<Record<keyof Values, string>>;

/** Where the server's field names go on this form. */
const SERVER_FIELDS: Record<string, keyof Values> = {
  type: 'type',
  title: 'title',
  startsAt: 'date',
  durationMinutes: 'duration',
  endsAt: 'duration',
  municipalityId: 'municipalityId',
  schoolId: 'schoolId',
  venue: 'venue',
  campaignId: 'campaignId',
  language: 'language',
  topics: 'topics',
  materials: 'materials',
  presenterIds: 'presenterIds',
};

function fromEvent(event: Event): Values {
  return {
    type: event.type,
    title: event.title,
    date: dayOf(event.startsAt),
    time: timeOf(event.startsAt),
    duration: String(Math.round((Date.parse(event.endsAt) - Date.parse(event.startsAt)) / 60_000)),
    municipalityId: event.municipalityId,
    schoolId: event.schoolId ?? '',
    venue: event.venue,
    campaignId: event.campaignId ?? '',
    language: event.language,
    topics: PREVENTION_TOPICS.filter((topic) => event.topics.includes(topic)),
    materials: event.materials,
    presenterIds: event.presenters.map((p) => p.id),
  };
}

export function NewEvent() {
  const [params] = useSearchParams();
  const day = params.get('day');
  const initial: Values = {
    type: 'school-pupils',
    title: '',
    date: isDay(day) && day >= today() ? day : '',
    time: '10:00',
    duration: '45',
    municipalityId: '',
    schoolId: '',
    venue: '',
    campaignId: params.get('campaign') ?? '',
    language: 'sr-Cyrl',
    topics: [],
    materials: '',
    presenterIds: [],
  };
  return <EventForm initial={initial} />;
}

export function EditEvent() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useLoad(() => eventsApi.read(id), [id]);
  if (event.error?.status === 404) return <NotFound />;
  if (!event.data) return event.error ? <ErrorAlert error={event.error} /> : <p role="status">{t('console.loading')}</p>;
  return <EventForm initial={fromEvent(event.data)} event={event.data} />;
}

function EventForm({ initial, event }: { initial: Values; event?: Event }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const municipalities = useMemo(() => municipalityOptions(language), [language]);
  const presenters = useLoad(() => eventsApi.presenters(), []);
  const campaigns = useLoad(campaignOptions, []);
  const schools = useLoad(() => (values.municipalityId ? schoolsOf(values.municipalityId) : Promise.resolve([])), [values.municipalityId]);
  const set = <K extends keyof Values>(name: K, value: Values[K]) => setValues((v) => ({ ...v, [name]: value }));
  const serverError = (name: keyof Values) => {
    if (!error) return undefined;
    for (const [path, message] of Object.entries(error.fields)) if (SERVER_FIELDS[path.split('.')[0]!] === name) return message;
    return undefined;
  };
  const fieldError = (name: keyof Values) => problems[name] ?? serverError(name);
  const toggle = <K extends 'topics' | 'presenterIds'>(name: K, item: Values[K][number], on: boolean) =>
    set(name, (on ? [...values[name], item] : values[name].filter((x) => x !== item)) as Values[K]);

  const check = (): Problems => {
    const found: Problems = {};
    const required = t('prevention.events.form.required');
    if (!values.date) found.date = required;
    if (!/^\d{2}:\d{2}$/.test(values.time)) found.time = required;
    if (!/^\d{1,4}$/.test(values.duration) || Number(values.duration) < 5) found.duration = t('prevention.events.form.durationInvalid');
    if (!values.municipalityId) found.municipalityId = t('prevention.events.form.chooseMunicipality');
    if (!values.schoolId && !values.venue.trim()) found.venue = t('prevention.events.form.venueRequired');
    return found;
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    const found = check();
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      e.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    const body = {
      type: values.type,
      title: values.title.trim(),
      startsAt: belgradeIso(values.date, values.time),
      durationMinutes: Number(values.duration),
      schoolId: values.schoolId || null,
      venue: values.venue.trim(),
      municipalityId: values.municipalityId,
      campaignId: values.campaignId || null,
      language: values.language,
      topics: values.topics,
      materials: values.materials.trim(),
      presenterIds: values.presenterIds,
    };
    setIsBusy(true);
    try {
      if (event) {
        await eventsApi.update(event.id, body);
        navigate(`/prevention/events/${event.id}`);
      } else {
        const { id } = await eventsApi.create(body);
        navigate(`/prevention/events/${id}`);
      }
    } catch (reason) {
      setError(asApiError(reason));
      setIsBusy(false);
    }
  };

  const schoolList = schools.data;
  const knownFields = Object.keys(SERVER_FIELDS);
  return (
    <Screen title={event ? t('prevention.events.form.editTitle') : t('prevention.events.form.createTitle')}>
      <form className="form events-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorAlert error={error} knownFields={knownFields} />
        <SelectField label={t('prevention.events.form.type')} name="type" required value={values.type} onChange={(e) => set('type', e.target.value as EventType)} error={fieldError('type')}>
          {EVENT_TYPES.map((code) => (
            <option key={code} value={code}>
              {t(`prevention.codes.eventTypes.${code}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('prevention.events.form.title')} hint={t('prevention.events.form.titleHint')} name="title" maxLength={200} value={values.title} onChange={(e) => set('title', e.target.value)} error={fieldError('title')} />
        <div className="events-form-row">
          <TextField type="date" label={t('prevention.events.form.date')} name="date" required value={values.date} onChange={(e) => set('date', e.target.value)} error={fieldError('date')} />
          <TextField type="time" label={t('prevention.events.form.startTime')} hint={t('prevention.events.form.startTimeHint')} name="time" required value={values.time} onChange={(e) => set('time', e.target.value)} error={fieldError('time')} />
          <TextField label={t('prevention.events.form.duration')} name="duration" inputMode="numeric" required value={values.duration} onChange={(e) => set('duration', e.target.value)} error={fieldError('duration')} />
        </div>
        <fieldset>
          <legend>{t('prevention.events.form.place')}</legend>
          <SelectField
            label={t('prevention.events.form.municipality')}
            name="municipalityId"
            required
            value={values.municipalityId}
            onChange={(e) => setValues((v) => ({ ...v, municipalityId: e.target.value, schoolId: '' }))}
            error={fieldError('municipalityId')}
          >
            <option value="">{t('prevention.events.form.chooseMunicipality')}</option>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
          {schoolList === null ? (
            <p className="hint">{t('prevention.events.form.schoolsUnavailable')}</p>
          ) : (
            <SelectField label={t('prevention.events.form.school')} name="schoolId" value={values.schoolId} onChange={(e) => set('schoolId', e.target.value)} error={fieldError('schoolId')} disabled={!values.municipalityId}>
              <option value="">{t('prevention.events.form.noSchool')}</option>
              {(schoolList ?? []).map((school) => (
                <option key={school.id} value={school.id}>
                  {inScript(school.name, language)}
                </option>
              ))}
              {values.schoolId && !(schoolList ?? []).some((s) => s.id === values.schoolId) && <option value={values.schoolId}>{event?.schoolName ? inScript(event.schoolName, language) : '…'}</option>}
            </SelectField>
          )}
          <TextField label={t('prevention.events.form.venue')} hint={t('prevention.events.form.venueHint')} name="venue" maxLength={300} value={values.venue} onChange={(e) => set('venue', e.target.value)} error={fieldError('venue')} />
        </fieldset>
        {(campaigns.data?.length ?? 0) > 0 && (
          <SelectField label={t('prevention.events.form.campaign')} name="campaignId" value={values.campaignId} onChange={(e) => set('campaignId', e.target.value)} error={fieldError('campaignId')}>
            <option value="">{t('prevention.events.form.noCampaign')}</option>
            {campaigns.data!.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={t('prevention.events.form.language')} name="language" value={values.language} onChange={(e) => set('language', e.target.value as Language)} error={fieldError('language')}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`helpline.codes.language.${code}`)}
            </option>
          ))}
        </SelectField>
        <fieldset className={fieldError('topics') ? 'field-invalid' : undefined}>
          <legend>{t('prevention.events.form.topics')}</legend>
          {fieldError('topics') && <p className="field-error">{fieldError('topics')}</p>}
          <div className="checkbox-grid">
            {PREVENTION_TOPICS.map((topic) => (
              <label key={topic} className="checkbox">
                <input type="checkbox" name="topics" value={topic} checked={values.topics.includes(topic)} onChange={(e) => toggle('topics', topic, e.target.checked)} />
                {t(`prevention.codes.topics.${topic}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <TextAreaField label={t('prevention.events.form.materials')} hint={t('prevention.events.form.materialsHint')} name="materials" rows={2} value={values.materials} onChange={(e) => set('materials', e.target.value)} error={fieldError('materials')} />
        <fieldset className={fieldError('presenterIds') ? 'field-invalid' : undefined}>
          <legend>{t('prevention.events.form.presenters')}</legend>
          {fieldError('presenterIds') && <p className="field-error">{fieldError('presenterIds')}</p>}
          <ErrorAlert error={presenters.error} />
          <div className="checkbox-list">
            {(presenters.data ?? []).map((person) => (
              <label key={person.id} className="checkbox">
                <input type="checkbox" name="presenterIds" value={person.id} checked={values.presenterIds.includes(person.id)} onChange={(e) => toggle('presenterIds', person.id, e.target.checked)} />
                {inScript(person.displayName, language)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={isBusy}>
            {event ? t('prevention.events.form.save') : t('prevention.events.form.create')}
          </button>
          <button type="button" onClick={() => navigate(event ? `/prevention/events/${event.id}` : '/prevention/events')}>
            {t('prevention.events.form.cancel')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
