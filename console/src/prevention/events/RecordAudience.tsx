// After an event has started: who came (pupils by grade band, parents, teachers, others), how
// long it really lasted, notes. Shows what was recorded and, for those who may, the form to
// record or correct it. Counts are checked here as the server checks them (whole numbers ≥ 0),
// and the server's own field errors land next to the same inputs.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADE_BANDS } from '../../../../common/prevention';
import { GRADE_BAND_FIELDS, type EventAudience } from '../../../../common/schemas/prevention/events';
import type { ApiError } from '../../api';
import { TextAreaField, TextField } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { TableWrap } from '../../components/TableWrap';
import { formatDateTimeShort, useLanguage } from '../../i18n';
import { asApiError } from '../../session';
import { eventsApi, type Event } from './api';
import { inScript } from './format';

const GROUPS = ['pupilsPrimaryLower', 'pupilsPrimaryUpper', 'pupilsSecondary', 'parents', 'teachers', 'other'] as const satisfies readonly (keyof EventAudience)[];
type Group = (typeof GROUPS)[number];
type Values = Record<Group | 'durationMinutes', string> & { notes: string };

const BAND_OF: Partial<Record<Group, (typeof GRADE_BANDS)[number]>> = Object.fromEntries(GRADE_BANDS.map((band) => [GRADE_BAND_FIELDS[band], band]));

function initial(event: Event): Values {
  const a = event.audience;
  const planned = Math.round((Date.parse(event.endsAt) - Date.parse(event.startsAt)) / 60_000);
  return {
    pupilsPrimaryLower: a ? String(a.pupilsPrimaryLower) : '',
    pupilsPrimaryUpper: a ? String(a.pupilsPrimaryUpper) : '',
    pupilsSecondary: a ? String(a.pupilsSecondary) : '',
    parents: a ? String(a.parents) : '',
    teachers: a ? String(a.teachers) : '',
    other: a ? String(a.other) : '',
    durationMinutes: String(event.durationMinutes ?? planned),
    notes: event.notes,
  };
}

const wholeNumber = (value: string) => (/^\d{1,6}$/.test(value.trim()) ? Number(value) : null);

export function RecordAudience({ event, onSaved }: { event: Event; onSaved: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState<Values>(() => initial(event));
  const [problems, setProblems] = useState<Partial<Record<keyof Values, string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const hasStarted = Date.parse(event.startsAt) <= Date.now();
  const label = (group: Group) => (BAND_OF[group] ? t(`prevention.codes.gradeBands.${BAND_OF[group]}`) : t(`prevention.events.record.${group}`));
  const fieldError = (name: keyof Values) => problems[name] ?? error?.fieldError(name);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setError(null);
    const found: Partial<Record<keyof Values, string>> = {};
    for (const name of [...GROUPS, 'durationMinutes'] as const) {
      const n = wholeNumber(values[name]);
      if (n === null || (name === 'durationMinutes' && n < 1)) found[name] = t('prevention.events.record.invalidNumber');
    }
    setProblems(found);
    if (Object.keys(found).length) {
      document.querySelector<HTMLInputElement>(`.events-record [name="${Object.keys(found)[0]}"]`)?.focus();
      return;
    }
    setIsBusy(true);
    try {
      const audience = Object.fromEntries(GROUPS.map((group) => [group, Number(values[group])])) as EventAudience;
      await eventsApi.record(event.id, { audience, durationMinutes: Number(values.durationMinutes), notes: values.notes });
      setMessage(t('prevention.events.record.saved'));
      onSaved();
      // The form folds away under "correct the record": the section's heading keeps the focus.
      heading.current?.focus();
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };

  const input = (name: Group | 'durationMinutes', text: string, hint?: string) => (
    <TextField
      label={text}
      hint={hint}
      name={name}
      inputMode="numeric"
      autoComplete="off"
      required
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      error={fieldError(name)}
    />
  );

  const form = (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="hint">{t('prevention.events.record.intro')}</p>
      <ErrorAlert error={error} knownFields={[...GROUPS, 'durationMinutes', 'notes']} />
      <fieldset>
        <legend>{t('prevention.events.record.pupils')}</legend>
        {GROUPS.filter((group) => BAND_OF[group]).map((group) => input(group, label(group)))}
      </fieldset>
      {input('parents', label('parents'))}
      {input('teachers', label('teachers'))}
      {input('other', label('other'), t('prevention.events.record.otherHint'))}
      {input('durationMinutes', t('prevention.events.record.duration'))}
      <TextAreaField label={t('prevention.events.record.notes')} hint={t('prevention.events.record.notesHint')} name="notes" value={values.notes} onChange={(e) => setValues({ ...values, notes: e.target.value })} error={fieldError('notes')} />
      <button type="submit" className="button-primary" disabled={isBusy}>
        {event.audience ? t('prevention.events.record.correct') : t('prevention.events.record.save')}
      </button>
    </form>
  );

  return (
    <section aria-labelledby="event-record" className="events-record">
      <h2 id="event-record" ref={heading} tabIndex={-1}>
        {t('prevention.events.record.title')}
      </h2>
      {event.audience && (
        <>
          <TableWrap label={t('prevention.events.record.summary')}>
            <table>
              <caption className="visually-hidden-label">{t('prevention.events.record.summary')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('prevention.events.record.group')}</th>
                  <th scope="col">{t('prevention.events.record.count')}</th>
                </tr>
              </thead>
              <tbody>
                {GROUPS.map((group) => (
                  <tr key={group}>
                    <th scope="row">{label(group)}</th>
                    <td>{event.audience![group]}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('prevention.events.record.total')}</th>
                  <td>{GROUPS.reduce((sum, group) => sum + event.audience![group], 0)}</td>
                </tr>
              </tbody>
            </table>
          </TableWrap>
          <p>
            {event.durationMinutes !== null && t('prevention.events.record.minutes', { count: event.durationMinutes })}
            {event.recordedAt && (
              <>
                {' · '}
                {t('prevention.events.record.recorded', { who: inScript(event.recordedBy ?? '', language), when: formatDateTimeShort(event.recordedAt, language) })}
              </>
            )}
          </p>
          {event.notes && <p className="pre-wrap">{event.notes}</p>}
        </>
      )}
      {event.may.record && !hasStarted && <p>{t('prevention.events.record.notStarted')}</p>}
      {event.may.record && hasStarted && !event.audience && form}
      {event.may.record && hasStarted && event.audience && (
        <details className="events-correct">
          <summary>{t('prevention.events.record.correctOpen')}</summary>
          {form}
        </details>
      )}
      <StatusMessage message={message} />
    </section>
  );
}
