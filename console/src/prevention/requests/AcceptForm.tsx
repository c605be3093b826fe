// Accepting a request schedules its event: the day and time (the requester's preferred dates are
// one click away), length, type, the school from the registry (a likely match preselected) or a
// venue, the presenters, topics and language (prefilled from the request). The server creates
// the event and e-mails the requester in one step.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS, UNITS, localName } from '../../../../common/geography';
import { EVENT_TYPES, PREVENTION_TOPICS, type EventType, type PreventionTopic } from '../../../../common/prevention';
import { LANGUAGES, type Language } from '../../../../common/roles';
import { PART_OF_DAY_START } from '../../../../common/schemas/prevention/requests';
import { ApiError } from '../../api';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { calendarDay } from '../../helpline/format';
import { personName, useLanguage } from '../../i18n';
import { asApiError } from '../../session';
import { useLoad } from '../../useLoad';
import { requestsApi, type PresentationRequest } from './api';
import { belgradeInstant } from '../../../../common/belgrade-time';
import { suggestedEventType } from './format';

interface Values {
  type: EventType;
  date: string;
  time: string;
  duration: string;
  schoolId: string;
  venue: string;
  municipalityId: string;
  presenterIds: string[];
  topics: PreventionTopic[];
  language: Language;
  materials: string;
}

type Problems = Partial<Record<keyof Values, string>>;

function initialValues(request: PresentationRequest): Values {
  const first = request.preferredDates[0];
  const likely = request.schoolCandidates.find((s) => s.isLikelyMatch);
  return {
    type: suggestedEventType(request),
    date: first?.date ?? '',
    time: first ? PART_OF_DAY_START[first.partOfDay] : '',
    duration: '45',
    schoolId: likely?.id ?? '',
    venue: likely ? '' : request.organisation,
    municipalityId: request.municipality,
    presenterIds: [],
    topics: PREVENTION_TOPICS.filter((topic) => request.topics.includes(topic)),
    language: request.language,
    materials: '',
  };
}

/** Where the server's field names go on this form. */
const SERVER_FIELDS: Record<string, keyof Values> = {
  type: 'type',
  startsAt: 'date',
  durationMinutes: 'duration',
  endsAt: 'duration',
  schoolId: 'schoolId',
  venue: 'venue',
  municipalityId: 'municipalityId',
  presenterIds: 'presenterIds',
  topics: 'topics',
  language: 'language',
  materials: 'materials',
};

export function AcceptForm({ request, onAccepted, onConflict }: { request: PresentationRequest; onAccepted: () => void; onConflict: (error: ApiError) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const presenters = useLoad(() => requestsApi.presenters(), []);
  const [values, setValues] = useState(() => initialValues(request));
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const set = (name: keyof Values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  const toggle = <K extends 'presenterIds' | 'topics'>(name: K, value: Values[K][number]) =>
    setValues((v) => {
      const chosen = v[name] as Values[K][number][];
      return { ...v, [name]: chosen.includes(value) ? chosen.filter((x) => x !== value) : [...chosen, value] };
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = {};
    const required = t('prevention.requests.console.required');
    if (!values.date) found.date = required;
    if (!values.time) found.time = required;
    if (!values.duration) found.duration = required;
    if (!values.schoolId && !values.venue.trim()) found.venue = required;
    setProblems(found);
    setError(null);
    if (Object.keys(found).length) return;
    setIsBusy(true);
    try {
      await requestsApi.accept(request.id, {
        type: values.type,
        startsAt: belgradeInstant(values.date, values.time),
        durationMinutes: Number(values.duration),
        ...(values.schoolId ? { schoolId: values.schoolId } : { venue: values.venue.trim(), municipalityId: values.municipalityId }),
        presenterIds: values.presenterIds,
        topics: values.topics,
        language: values.language,
        materials: values.materials.trim(),
      });
      onAccepted();
    } catch (reason) {
      const failure = asApiError(reason);
      if (failure.status === 409) return onConflict(failure);
      const fromServer: Problems = {};
      for (const [path, text] of Object.entries(failure.fields)) {
        const field = SERVER_FIELDS[path.split('.')[0] ?? ''];
        if (field) fromServer[field] ??= text;
      }
      setProblems(fromServer);
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="form accept-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="accept-title" data-testid="accept-form">
      <h3 id="accept-title">{t('prevention.requests.console.acceptTitle')}</h3>
      <p className="hint">{t('prevention.requests.console.acceptHint')}</p>
      <ErrorAlert error={error} message={error ? t('prevention.requests.console.checkFields') : null} knownFields={Object.keys(SERVER_FIELDS)} />
      <div role="group" aria-labelledby="quick-dates" className="quick-dates">
        <p id="quick-dates" className="label">
          {t('prevention.requests.console.quickDates')}
        </p>
        <div className="button-row">
          {request.preferredDates.map((d) => (
            <button
              key={`${d.date}-${d.partOfDay}`}
              type="button"
              aria-pressed={values.date === d.date && values.time === PART_OF_DAY_START[d.partOfDay]}
              onClick={() => setValues((v) => ({ ...v, date: d.date, time: PART_OF_DAY_START[d.partOfDay] }))}
            >
              {t('prevention.requests.console.useDate', { date: calendarDay(d.date, language), part: t(`prevention.requests.partsOfDay.${d.partOfDay}`) })}
            </button>
          ))}
        </div>
      </div>
      <div className="field-row">
        <TextField label={t('prevention.requests.console.date')} name="date" type="date" required value={values.date} onChange={set('date')} error={problems.date} />
        <TextField label={t('prevention.requests.console.time')} name="time" type="time" required value={values.time} onChange={set('time')} error={problems.time} />
        <TextField label={t('prevention.requests.console.duration')} name="duration" type="number" inputMode="numeric" min={5} max={720} required value={values.duration} onChange={set('duration')} error={problems.duration} />
      </div>
      <SelectField label={t('prevention.requests.console.eventType')} name="type" value={values.type} onChange={set('type')} error={problems.type}>
        {EVENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`prevention.codes.eventTypes.${type}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('prevention.requests.console.school')} name="schoolId" value={values.schoolId} onChange={set('schoolId')} error={problems.schoolId}>
        <option value="">{t('prevention.requests.console.noSchool')}</option>
        {request.schoolCandidates.map((school) => (
          <option key={school.id} value={school.id}>
            {school.isLikelyMatch ? t('prevention.requests.console.likelyMatch', { name: personName(school.name, language) }) : personName(school.name, language)}
          </option>
        ))}
      </SelectField>
      {!values.schoolId && (
        <div className="field-row">
          <TextField label={t('prevention.requests.console.venue')} hint={t('prevention.requests.console.venueHint')} name="venue" required maxLength={300} value={values.venue} onChange={set('venue')} error={problems.venue} />
          <SelectField label={t('prevention.requests.console.municipality')} name="municipalityId" value={values.municipalityId} onChange={set('municipalityId')} error={problems.municipalityId}>
            {DISTRICTS.filter((d) => !d.kosovo).map((d) => (
              <optgroup key={d.id} label={localName(d, language)}>
                {UNITS.filter((u) => u.district === d.id).map((u) => (
                  <option key={u.id} value={u.id}>
                    {localName(u, language)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </div>
      )}
      <fieldset className="field" aria-describedby={problems.presenterIds ? 'accept-presenters-error' : undefined}>
        <legend>{t('prevention.requests.console.presenters')}</legend>
        {problems.presenterIds && (
          <p className="field-error" id="accept-presenters-error">
            {problems.presenterIds}
          </p>
        )}
        {presenters.error && <ErrorAlert error={presenters.error} />}
        {presenters.data && presenters.data.length === 0 && <p className="hint">{t('prevention.requests.console.noPresenters')}</p>}
        <div className="checkbox-grid">
          {(presenters.data ?? []).map((presenter) => (
            <label key={presenter.id} className="checkbox">
              <input type="checkbox" name="presenterIds" value={presenter.id} checked={values.presenterIds.includes(presenter.id)} onChange={() => toggle('presenterIds', presenter.id)} />
              {personName(presenter.displayName, language)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>{t('prevention.requests.console.topics')}</legend>
        <div className="checkbox-grid">
          {PREVENTION_TOPICS.map((topic) => (
            <label key={topic} className="checkbox">
              <input type="checkbox" name="topics" value={topic} checked={values.topics.includes(topic)} onChange={() => toggle('topics', topic)} />
              {t(`prevention.codes.topics.${topic}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField label={t('prevention.requests.console.eventLanguage')} name="language" value={values.language} onChange={set('language')} error={problems.language}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {t(`prevention.requests.languages.${lng}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('prevention.requests.console.materials')} name="materials" rows={2} maxLength={2000} value={values.materials} onChange={set('materials')} error={problems.materials} />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={isBusy} data-testid="accept-request">
          {t('prevention.requests.console.accept')}
        </button>
      </div>
    </form>
  );
}
