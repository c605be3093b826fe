// Adding an assessment (a new version): classification, the legal bases cited, the INHOPE
// victim and site fields, urgency and the rationale. Filled in from the latest assessment.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, SITE_TYPES, VICTIM_AGE_GROUPS, VICTIM_GENDERS } from '../../../common/hotline';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { reportsApi, type AssessRequest, type LegalBases, type ReportDetail } from '../endpoints';
import { useLanguage } from '../i18n';
import { legalBasisLabel } from './legalBases';
import { useReportAction, type OnReportChanged } from './useReportAction';

interface Values {
  classification: string;
  legalBasis: string[];
  victimAgeGroup: string;
  victimGender: string;
  siteType: string;
  hostingCountry: string;
  isUrgent: boolean;
  rationale: string;
}
type Problems = Partial<Record<'classification' | 'hostingCountry' | 'rationale', string>>;

const KNOWN_FIELDS = ['classification', 'legalBasis', 'victimAgeGroup', 'victimGender', 'siteType', 'hostingCountry', 'isUrgent', 'rationale'];

function initialValues(report: ReportDetail): Values {
  const latest = report.assessments[0];
  return {
    classification: latest?.classification ?? '',
    legalBasis: latest?.legalBasis ?? [],
    victimAgeGroup: latest?.victimAgeGroup ?? '',
    victimGender: latest?.victimGender ?? '',
    siteType: latest?.siteType ?? '',
    hostingCountry: latest?.hostingCountry ?? '',
    isUrgent: report.isUrgent,
    rationale: '',
  };
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

function toRequest(values: Values): AssessRequest | null {
  if (!isOneOf(CLASSIFICATIONS, values.classification)) return null;
  return {
    classification: values.classification,
    legalBasis: values.legalBasis,
    ...(isOneOf(VICTIM_AGE_GROUPS, values.victimAgeGroup) ? { victimAgeGroup: values.victimAgeGroup } : {}),
    ...(isOneOf(VICTIM_GENDERS, values.victimGender) ? { victimGender: values.victimGender } : {}),
    ...(isOneOf(SITE_TYPES, values.siteType) ? { siteType: values.siteType } : {}),
    ...(values.hostingCountry.trim() ? { hostingCountry: values.hostingCountry.trim().toUpperCase() } : {}),
    isUrgent: values.isUrgent,
    rationale: values.rationale.trim(),
  };
}

interface Props {
  report: ReportDetail;
  legalBases: LegalBases | null;
  hasLegalBasesFailed: boolean;
  onChanged: OnReportChanged;
}

export function AssessmentForm({ report, legalBases, hasLegalBasesFailed, onChanged }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const legalHintId = useId();
  const [values, setValues] = useState<Values>(() => initialValues(report));
  const [problems, setProblems] = useState<Problems>({});
  const { run, error, message, isBusy, reset } = useReportAction(onChanged);

  const set = (name: 'classification' | 'victimAgeGroup' | 'victimGender' | 'siteType' | 'hostingCountry' | 'rationale') =>
    (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  const toggleBasis = (code: string, isChecked: boolean) =>
    setValues((v) => ({ ...v, legalBasis: isChecked ? [...v.legalBasis.filter((c) => c !== code), code] : v.legalBasis.filter((c) => c !== code) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    const found: Problems = {
      ...(values.classification ? {} : { classification: t('console.hotline.assess.classificationRequired') }),
      ...(values.hostingCountry.trim() && !/^[a-z]{2}$/i.test(values.hostingCountry.trim())
        ? { hostingCountry: t('console.hotline.assess.hostingCountryInvalid') }
        : {}),
      ...(values.rationale.trim() ? {} : { rationale: t('console.hotline.assess.rationaleRequired') }),
    };
    setProblems(found);
    const body = toRequest(values);
    if (Object.keys(found).length > 0 || !body) return;
    const isSaved = await run(
      () => reportsApi.assess(report.id, body),
      (saved) => t('console.hotline.assess.saved', { version: saved.assessments[0]?.version ?? '' }),
    );
    if (isSaved) setValues((v) => ({ ...v, rationale: '', hostingCountry: v.hostingCountry.trim().toUpperCase() }));
  };

  const fieldError = (name: string) => problems[name as keyof Problems] ?? error?.fieldError(name);
  const legalBasisError = error?.fieldError('legalBasis');
  const hasProblems = Object.keys(problems).length > 0;
  const optionList = (list: readonly string[], group: string) =>
    list.map((code) => (
      <option key={code} value={code}>
        {t(`console.hotline.${group}.${code}`)}
      </option>
    ));

  return (
    <form className="form assessment-form" onSubmit={(event) => void submit(event)} noValidate data-testid="assessment-form" aria-labelledby="assess-title">
      <h3 id="assess-title">{t('console.hotline.assess.title')}</h3>
      <p className="hint">{t('console.hotline.assess.intro')}</p>
      <StatusMessage message={message} />
      <ErrorAlert error={hasProblems ? null : error} message={hasProblems ? t('console.errors.validation') : null} knownFields={KNOWN_FIELDS} />
      <SelectField
        label={t('console.hotline.assess.classification')}
        hint={t('console.hotline.assess.classificationHint')}
        name="classification"
        required
        value={values.classification}
        onChange={set('classification')}
        error={fieldError('classification')}
      >
        <option value="">{t('console.hotline.assess.choose')}</option>
        {optionList(CLASSIFICATIONS, 'classifications')}
      </SelectField>
      <fieldset className={legalBasisError ? 'field-invalid' : undefined} aria-describedby={legalHintId}>
        <legend>{t('console.hotline.assess.legalBasis')}</legend>
        <p id={legalHintId} className={legalBasisError || hasLegalBasesFailed ? 'field-error' : 'hint'}>
          {legalBasisError ??
            (hasLegalBasesFailed
              ? t('console.hotline.assess.legalBasesFailed')
              : legalBases
                ? t('console.hotline.assess.legalBasisHint', { version: legalBases.version })
                : t('console.loading'))}
        </p>
        {legalBases && (
          <div className="checkbox-list">
            {legalBases.legalBases.map((basis) => (
              <label key={basis.code} className="checkbox">
                <input
                  type="checkbox"
                  name="legalBasis"
                  value={basis.code}
                  checked={values.legalBasis.includes(basis.code)}
                  onChange={(event) => toggleBasis(basis.code, event.target.checked)}
                />{' '}
                {legalBasisLabel(t, basis, language)}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div className="field-row">
        <SelectField label={t('console.hotline.assess.victimAgeGroup')} name="victimAgeGroup" value={values.victimAgeGroup} onChange={set('victimAgeGroup')} error={fieldError('victimAgeGroup')}>
          <option value="">{t('console.hotline.assessments.notGiven')}</option>
          {optionList(VICTIM_AGE_GROUPS, 'victimAgeGroups')}
        </SelectField>
        <SelectField label={t('console.hotline.assess.victimGender')} name="victimGender" value={values.victimGender} onChange={set('victimGender')} error={fieldError('victimGender')}>
          <option value="">{t('console.hotline.assessments.notGiven')}</option>
          {optionList(VICTIM_GENDERS, 'victimGenders')}
        </SelectField>
      </div>
      <div className="field-row">
        <SelectField label={t('console.hotline.assess.siteType')} name="siteType" value={values.siteType} onChange={set('siteType')} error={fieldError('siteType')}>
          <option value="">{t('console.hotline.assessments.notGiven')}</option>
          {optionList(SITE_TYPES, 'siteTypes')}
        </SelectField>
        <TextField
          label={t('console.hotline.assess.hostingCountry')}
          hint={t('console.hotline.assess.hostingCountryHint')}
          name="hostingCountry"
          maxLength={2}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={values.hostingCountry}
          onChange={set('hostingCountry')}
          error={fieldError('hostingCountry')}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" name="isUrgent" checked={values.isUrgent} onChange={(event) => setValues((v) => ({ ...v, isUrgent: event.target.checked }))} />{' '}
        {t('console.hotline.assess.isUrgent')}
      </label>
      <TextAreaField
        label={t('console.hotline.assess.rationale')}
        hint={t('console.hotline.assess.rationaleHint')}
        name="rationale"
        rows={5}
        maxLength={5000}
        required
        value={values.rationale}
        onChange={set('rationale')}
        error={fieldError('rationale')}
      />
      <button type="submit" className="button-primary" disabled={isBusy} data-testid="save-assessment">
        {isBusy ? t('console.common.saving') : t('console.hotline.assess.save')}
      </button>
    </form>
  );
}
