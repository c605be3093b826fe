// The coordinator's form for a peer educator: the least data the programme needs (first name,
// initial of the last name, age group, cohort, municipality, optionally the school) and, for a
// minor, the record of parental consent, without which the form (and the server) refuses to save.
import { useTranslation } from 'react-i18next';
import { PEER_AGE_GROUPS, type PeerAgeGroup } from '../../../../common/prevention';
import { isMinorAgeGroup, LAST_INITIAL_PATTERN } from '../../../../common/schemas/prevention/peers';
import { SelectField, TextField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import type { Cohort, Educator } from './api';
import { belgradeToday, dayProblem } from './format';
import { FormButtons } from './FormButtons';
import { useCheckedForm, type Problems } from './useCheckedForm';
import { MunicipalitySelect, SchoolSelect } from './PlaceFields';

export interface EducatorValues {
  firstName: string;
  lastInitial: string;
  cohortId: string;
  ageGroup: PeerAgeGroup | '';
  municipalityId: string;
  schoolId: string;
  consentOn: string;
  consentBy: string;
}

export function educatorValues(e: Educator | null, cohortId = ''): EducatorValues {
  return {
    firstName: e?.firstName ?? '',
    lastInitial: e?.lastInitial ?? '',
    cohortId: e?.cohortId ?? cohortId,
    ageGroup: e?.ageGroup ?? '',
    municipalityId: e?.municipalityId ?? '',
    schoolId: e?.schoolId ?? '',
    consentOn: e?.consent?.obtainedOn ?? '',
    consentBy: e?.consent?.obtainedBy ?? '',
  };
}

/** What the form sends: the consent only for a minor, and (when editing) only if it changed. */
export function educatorBody(values: EducatorValues, initial: EducatorValues | null) {
  const isMinor = values.ageGroup !== '' && isMinorAgeGroup(values.ageGroup);
  const consentChanged = !initial || values.consentOn !== initial.consentOn || values.consentBy !== initial.consentBy;
  return {
    firstName: values.firstName.trim(),
    lastInitial: values.lastInitial.trim(),
    cohortId: values.cohortId,
    ageGroup: values.ageGroup as PeerAgeGroup,
    municipalityId: values.municipalityId,
    schoolId: values.schoolId || null,
    ...(isMinor && consentChanged ? { consent: { obtainedOn: values.consentOn, obtainedBy: values.consentBy.trim() } } : {}),
  };
}

const KNOWN_FIELDS = ['firstName', 'lastInitial', 'cohortId', 'ageGroup', 'municipalityId', 'schoolId', 'consent', 'obtainedOn', 'obtainedBy'];

interface Props {
  initial: EducatorValues;
  cohorts: readonly Cohort[];
  schoolName?: string | null;
  submitLabel: string;
  onSubmit: (values: EducatorValues) => Promise<void>;
  onCancel?: () => void;
}

export function EducatorForm({ initial, cohorts, schoolName, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const isMinorGroup = (ageGroup: EducatorValues['ageGroup']) => ageGroup !== '' && isMinorAgeGroup(ageGroup);
  const form = useCheckedForm<EducatorValues, keyof EducatorValues>(
    initial,
    (values) => {
      const found: Problems<keyof EducatorValues> = {};
      if (!values.firstName.trim()) found.firstName = t('prevention.peers.form.firstNameRequired');
      if (!LAST_INITIAL_PATTERN.test(values.lastInitial.trim())) found.lastInitial = t('prevention.peers.form.lastInitialInvalid');
      if (!values.cohortId) found.cohortId = t('prevention.peers.form.cohortRequired');
      if (!values.ageGroup) found.ageGroup = t('prevention.peers.form.ageGroupRequired');
      if (!values.municipalityId) found.municipalityId = t('prevention.peers.form.municipalityRequired');
      if (isMinorGroup(values.ageGroup)) {
        const consentOn = dayProblem(t, values.consentOn, t('prevention.peers.form.consentRequired'));
        if (consentOn) found.consentOn = consentOn;
        if (values.consentBy.trim().length < 2) found.consentBy = t('prevention.peers.form.consentByRequired');
      }
      return found;
    },
    onSubmit,
  );
  const { values, set, error, fieldError } = form;
  const isMinor = isMinorGroup(values.ageGroup);

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      <ErrorAlert error={error} message={form.hasProblems ? t('prevention.peers.common.checkFields') : null} knownFields={KNOWN_FIELDS} />
      <div className="field-row">
        <TextField
          label={t('prevention.peers.form.firstName')}
          hint={t('prevention.peers.form.firstNameHint')}
          name="firstName"
          autoComplete="off"
          required
          maxLength={60}
          value={values.firstName}
          onChange={(event) => set({ firstName: event.target.value })}
          error={fieldError('firstName')}
        />
        <TextField
          label={t('prevention.peers.form.lastInitial')}
          hint={t('prevention.peers.form.lastInitialHint')}
          name="lastInitial"
          autoComplete="off"
          required
          maxLength={3}
          size={3}
          value={values.lastInitial}
          onChange={(event) => set({ lastInitial: event.target.value })}
          error={fieldError('lastInitial')}
        />
      </div>
      <div className="field-row">
        <SelectField
          label={t('prevention.peers.form.cohort')}
          hint={cohorts.length === 0 ? t('prevention.peers.form.noCohorts') : undefined}
          name="cohortId"
          required
          value={values.cohortId}
          onChange={(event) => set({ cohortId: event.target.value })}
          error={fieldError('cohortId')}
        >
          <option value="">{t('prevention.peers.form.chooseCohort')}</option>
          {cohorts.map((cohort) => (
            <option key={cohort.id} value={cohort.id}>
              {cohort.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('prevention.peers.form.ageGroup')}
          hint={t('prevention.peers.form.ageGroupHint')}
          name="ageGroup"
          required
          value={values.ageGroup}
          onChange={(event) => set({ ageGroup: event.target.value as PeerAgeGroup })}
          error={fieldError('ageGroup')}
        >
          <option value="">{t('prevention.peers.form.chooseAgeGroup')}</option>
          {PEER_AGE_GROUPS.map((group) => (
            <option key={group} value={group}>
              {t(`prevention.codes.peerAgeGroups.${group}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="field-row">
        <MunicipalitySelect required value={values.municipalityId} onChange={(municipalityId) => set({ municipalityId, schoolId: '' })} error={fieldError('municipalityId')} />
        <SchoolSelect municipalityId={values.municipalityId} value={values.schoolId} currentName={schoolName ?? null} onChange={(schoolId) => set({ schoolId })} error={fieldError('schoolId')} />
      </div>
      {isMinor && (
        <fieldset className="peer-consent" data-testid="consent">
          <legend>
            {t('prevention.peers.form.consent')} <span className="required">({t('console.common.required')})</span>
          </legend>
          <p className="hint">{t('prevention.peers.form.consentHint')}</p>
          <div className="field-row">
            <TextField
              label={t('prevention.peers.form.consentOn')}
              name="consentOn"
              type="date"
              required
              max={belgradeToday()}
              value={values.consentOn}
              onChange={(event) => set({ consentOn: event.target.value })}
              error={fieldError('consentOn', 'obtainedOn') ?? error?.fieldError('consent')}
            />
            <TextField
              label={t('prevention.peers.form.consentBy')}
              hint={t('prevention.peers.form.consentByHint')}
              name="consentBy"
              required
              maxLength={120}
              value={values.consentBy}
              onChange={(event) => set({ consentBy: event.target.value })}
              error={fieldError('consentBy', 'obtainedBy')}
            />
          </div>
        </fieldset>
      )}
      <FormButtons label={submitLabel} isBusy={form.isBusy} testId="save-educator" onCancel={onCancel} />
    </form>
  );
}
