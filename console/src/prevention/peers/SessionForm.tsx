// The peer educator's form for a session they held: the day (today by default), the place (a
// school of the registry, or a venue, in a municipality), how many peers, the topics and short
// notes. Used to record a new session and to fix and resubmit a returned one.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PEERS_PER_SESSION } from '../../../../common/schemas/prevention/peers';
import { PREVENTION_TOPICS, type PreventionTopic } from '../../../../common/prevention';
import { TextAreaField, TextField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import type { PeerSession, SessionRequest } from './api';
import { belgradeToday, dayProblem } from './format';
import { FormButtons } from './FormButtons';
import { useCheckedForm, type Problems } from './useCheckedForm';
import { MunicipalitySelect, SchoolSelect } from './PlaceFields';

interface Values {
  heldOn: string;
  municipalityId: string;
  schoolId: string;
  venue: string;
  peersReached: string;
  topics: PreventionTopic[];
  notes: string;
}

export function initialSessionValues(session: PeerSession | null, place: { municipalityId: string; schoolId: string | null }): Values {
  if (session) {
    return {
      heldOn: session.heldOn,
      municipalityId: session.municipalityId,
      schoolId: session.schoolId ?? '',
      venue: session.venue,
      peersReached: String(session.peersReached),
      topics: session.topics,
      notes: session.notes,
    };
  }
  return { heldOn: belgradeToday(), municipalityId: place.municipalityId, schoolId: place.schoolId ?? '', venue: '', peersReached: '', topics: [], notes: '' };
}

const KNOWN_FIELDS = ['heldOn', 'municipalityId', 'schoolId', 'venue', 'peersReached', 'topics', 'notes'];

interface Props {
  initial: Values;
  /** The school's name when fixing a session at a school (the list of its municipality may still be loading). */
  schoolName?: string | null;
  submitLabel: string;
  onSubmit: (body: SessionRequest) => Promise<void>;
  onCancel?: () => void;
}

export function SessionForm({ initial, schoolName, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const topicsErrorId = useId();
  const form = useCheckedForm<Values, keyof Values>(
    initial,
    (values) => {
      const found: Problems<keyof Values> = {};
      const heldOn = dayProblem(t, values.heldOn);
      if (heldOn) found.heldOn = heldOn;
      if (!values.municipalityId) found.municipalityId = t('prevention.peers.my.municipalityRequired');
      if (!values.schoolId && !values.venue.trim()) found.venue = t('prevention.peers.my.venueRequired');
      const peers = Number(values.peersReached);
      if (!Number.isInteger(peers) || peers < 1 || peers > MAX_PEERS_PER_SESSION) found.peersReached = t('prevention.peers.my.peersRequired');
      if (values.topics.length === 0) found.topics = t('prevention.peers.my.topicsRequired');
      return found;
    },
    (values) =>
      onSubmit({
        heldOn: values.heldOn,
        ...(values.schoolId ? { schoolId: values.schoolId } : { venue: values.venue.trim(), municipalityId: values.municipalityId }),
        peersReached: Number(values.peersReached),
        topics: values.topics,
        notes: values.notes.trim(),
      }),
  );
  const { values, set, error, fieldError } = form;
  const topicsError = fieldError('topics');
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form peer-session-form">
      <ErrorAlert error={error} message={form.hasProblems ? t('prevention.peers.common.checkFields') : null} knownFields={KNOWN_FIELDS} />
      <TextField
        label={t('prevention.peers.my.heldOn')}
        name="heldOn"
        type="date"
        required
        max={belgradeToday()}
        value={values.heldOn}
        onChange={(event) => set({ heldOn: event.target.value })}
        error={fieldError('heldOn')}
      />
      <fieldset className="peer-place">
        <legend>{t('prevention.peers.my.where')}</legend>
        <MunicipalitySelect required value={values.municipalityId} onChange={(municipalityId) => set({ municipalityId, schoolId: '' })} error={fieldError('municipalityId')} />
        <SchoolSelect municipalityId={values.municipalityId} value={values.schoolId} currentName={schoolName ?? null} onChange={(schoolId) => set({ schoolId })} error={fieldError('schoolId')} />
        {!values.schoolId && (
          <TextField
            label={t('prevention.peers.my.venue')}
            hint={t('prevention.peers.my.venueHint')}
            name="venue"
            required
            maxLength={200}
            value={values.venue}
            onChange={(event) => set({ venue: event.target.value })}
            error={fieldError('venue')}
          />
        )}
      </fieldset>
      <TextField
        label={t('prevention.peers.my.peersReached')}
        hint={t('prevention.peers.my.peersReachedHint')}
        name="peersReached"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_PEERS_PER_SESSION}
        required
        value={values.peersReached}
        onChange={(event) => set({ peersReached: event.target.value })}
        error={fieldError('peersReached')}
      />
      <fieldset className={topicsError ? 'field-invalid' : undefined} aria-describedby={topicsError ? topicsErrorId : undefined}>
        <legend>
          {t('prevention.peers.my.topics')} <span className="required">({t('console.common.required')})</span>
        </legend>
        {topicsError && (
          <p id={topicsErrorId} className="field-error">
            {topicsError}
          </p>
        )}
        <div className="checkbox-grid">
          {PREVENTION_TOPICS.map((topic) => (
            <label key={topic} className="checkbox">
              <input
                type="checkbox"
                name="topics"
                value={topic}
                checked={values.topics.includes(topic)}
                onChange={(event) =>
                  set({ topics: event.target.checked ? PREVENTION_TOPICS.filter((x) => x === topic || values.topics.includes(x)) : values.topics.filter((x) => x !== topic) })
                }
              />{' '}
              {t(`prevention.codes.topics.${topic}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        label={t('prevention.peers.my.notes')}
        hint={t('prevention.peers.my.notesHint')}
        name="notes"
        rows={3}
        maxLength={1000}
        value={values.notes}
        onChange={(event) => set({ notes: event.target.value })}
        error={fieldError('notes')}
      />
      <FormButtons label={submitLabel} isBusy={form.isBusy} testId="submit-session" onCancel={onCancel} />
    </form>
  );
}
