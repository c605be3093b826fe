// The contact logging form, shared by "new contact" and editing: keyboard first (radio groups
// move with the arrow keys, Enter never sends the form by accident), every control labelled,
// errors shown by their field. The values are plain strings and flags so a draft can be kept
// as JSON; toRequest turns them into the API's shape.
import { useEffect, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CALLER_TYPES,
  CHANNELS,
  CONTACT_AGE_GROUPS,
  CONTACT_OUTCOMES,
  CONTACT_TYPES,
  GENDERS,
  HELPLINE_CATEGORIES,
  type CallerType,
  type Channel,
  type ContactAgeGroup,
  type ContactOutcome,
  type ContactType,
  type Gender,
  type HelplineCategory,
} from '../../../common/helpline';
import { PLATFORMS, type Platform } from '../../../common/hotline';
import { UNITS } from '../../../common/geography';
import { LANGUAGES, type Language } from '../../../common/i18n';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { useLanguage } from '../i18n';
import type { ApiError } from '../api';
import type { AdviceArticleRef, Contact, CreateContactRequest } from './api';
import { AdvicePicker } from './AdvicePicker';
import { clock, municipalityLabel, unitFromName, unitName } from './format';

export interface ContactValues {
  channel: Channel;
  contactType: ContactType;
  callerType: CallerType | '';
  ageGroup: ContactAgeGroup;
  gender: Gender;
  municipalityText: string;
  language: Language;
  primaryCategory: HelplineCategory | '';
  peripheralCategories: HelplineCategory[];
  platform: Platform | '';
  summary: string;
  adviceGiven: string;
  adviceArticles: AdviceArticleRef[];
  outcome: ContactOutcome | '';
  callbackConsent: boolean;
  /** When the contact began (ISO); the call timer sets it when the call starts. */
  startedAt: string;
  /** The running call's start (epoch ms), or null. */
  callStartedAt: number | null;
  /** Measured by the timer; null once the counsellor types the minutes instead. */
  durationSeconds: number | null;
  durationMinutes: string;
  callerIdentifier: string;
  keepIdentifier: boolean;
}

export type FieldErrors = Partial<Record<string, string>>;

/** The order fields appear in, for moving focus to the first one with a problem. */
export const FIELD_ORDER = [
  'channel',
  'contactType',
  'durationMinutes',
  'callerType',
  'ageGroup',
  'gender',
  'municipality',
  'language',
  'primaryCategory',
  'platform',
  'peripheralCategories',
  'summary',
  'adviceGiven',
  'adviceArticleIds',
  'outcome',
  'callbackConsent',
  'callerIdentifier',
] as const;

export function defaultValues(language: Language): ContactValues {
  return {
    channel: 'phone',
    contactType: 'data',
    callerType: '',
    ageGroup: 'unknown',
    gender: 'unknown',
    municipalityText: '',
    language,
    primaryCategory: '',
    peripheralCategories: [],
    platform: '',
    summary: '',
    adviceGiven: '',
    adviceArticles: [],
    outcome: '',
    callbackConsent: false,
    startedAt: new Date().toISOString(),
    callStartedAt: null,
    durationSeconds: null,
    durationMinutes: '',
    callerIdentifier: '',
    keepIdentifier: false,
  };
}

export function valuesFromContact(contact: Contact, language: Language): ContactValues {
  return {
    channel: contact.channel,
    contactType: contact.contactType,
    callerType: contact.callerType ?? '',
    ageGroup: contact.ageGroup,
    gender: contact.gender,
    municipalityText: municipalityLabel(contact.municipality, language) ?? '',
    language: contact.language,
    primaryCategory: (contact.primaryCategory ?? '') as HelplineCategory | '',
    peripheralCategories: contact.peripheralCategories as HelplineCategory[],
    platform: contact.platform ?? '',
    summary: contact.summary,
    adviceGiven: contact.adviceGiven,
    adviceArticles: contact.adviceArticleIds.map((id) => ({ id, titleSr: '', titleEn: '' })),
    outcome: contact.outcome ?? '',
    callbackConsent: contact.callbackConsent,
    startedAt: contact.startedAt,
    callStartedAt: null,
    durationSeconds: contact.durationSeconds,
    durationMinutes: contact.durationSeconds === null ? '' : String(Math.round(contact.durationSeconds / 60)),
    callerIdentifier: '',
    keepIdentifier: false,
  };
}

const isDataContact = (values: Pick<ContactValues, 'contactType'>) => values.contactType === 'data';
const hasDuration = (channel: Channel) => channel === 'phone' || channel === 'in-person';

/** The seconds the call lasted: the timer's measure, or the typed minutes. */
export function durationOf(values: ContactValues, now = Date.now()): number | null {
  if (values.callStartedAt !== null) return Math.round((now - values.callStartedAt) / 1000);
  if (values.durationSeconds !== null) return values.durationSeconds;
  const minutes = Number(values.durationMinutes.replace(',', '.'));
  return values.durationMinutes.trim() && Number.isFinite(minutes) && minutes >= 0 ? Math.round(minutes * 60) : null;
}

/** The request body; only a contact about a child or self carries person and issue details. */
export function toRequest(values: ContactValues): Omit<CreateContactRequest, 'finalise'> {
  const isData = isDataContact(values);
  const unit = unitFromName(values.municipalityText);
  return {
    channel: values.channel,
    contactType: values.contactType,
    callerType: isData && values.callerType ? values.callerType : null,
    ageGroup: isData ? values.ageGroup : 'unknown',
    gender: isData ? values.gender : 'unknown',
    municipality: unit?.id ?? null,
    language: values.language,
    primaryCategory: isData && values.primaryCategory ? values.primaryCategory : null,
    peripheralCategories: isData ? values.peripheralCategories.filter((c) => c !== values.primaryCategory) : [],
    platform: values.platform || null,
    summary: values.summary.trim(),
    adviceGiven: values.adviceGiven.trim(),
    adviceArticleIds: values.adviceArticles.map((a) => a.id),
    outcome: values.outcome || null,
    callbackConsent: values.callbackConsent,
    durationSeconds: hasDuration(values.channel) ? durationOf(values) : null,
    startedAt: values.startedAt,
    ...(values.callerIdentifier.trim() ? { callerIdentifier: { value: values.callerIdentifier.trim(), keep: values.keepIdentifier } } : {}),
  };
}

/** What the form can tell before asking the server (which checks everything again). */
export function checkValues(t: (key: string) => string, values: ContactValues, isFinal: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (values.municipalityText.trim() && !unitFromName(values.municipalityText)) errors.municipality = t('helpline.form.municipalityUnknown');
  if (isFinal && isDataContact(values)) {
    if (!values.callerType) errors.callerType = t('helpline.form.required.callerType');
    if (!values.primaryCategory) errors.primaryCategory = t('helpline.form.required.primaryCategory');
    if (!values.outcome) errors.outcome = t('helpline.form.required.outcome');
  }
  return errors;
}

/** The field errors the server named, in the form's terms ('value' is the caller's number). */
export function serverFieldErrors(apiError: ApiError): FieldErrors {
  return Object.fromEntries([...FIELD_ORDER, 'value'].map((name) => [name, apiError.fieldError(name)]).filter(([, text]) => text));
}

/** Moves focus to the first field with a problem (a radio group: its chosen or first option). */
export function focusFirstInvalid(form: HTMLFormElement | null, errors: FieldErrors): void {
  if (!form) return;
  const first = FIELD_ORDER.find((name) => errors[name]) ?? Object.keys(errors).find((name) => errors[name]);
  if (!first) return;
  const control =
    form.querySelector<HTMLElement>(`[name="${first}"]:checked`) ??
    form.querySelector<HTMLElement>(`[name="${first}"]`) ??
    form.querySelector<HTMLElement>(`[data-field="${first}"]`);
  control?.focus();
}

/** Enter in a one-line input would send the form; while on the phone that must not happen. */
export function preventEnterSubmit(event: KeyboardEvent<HTMLFormElement>): void {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type !== 'submit' && target.type !== 'button') {
    event.preventDefault();
  }
}

interface RadioGroupProps<T extends string> {
  name: string;
  legend: string;
  options: readonly T[];
  label: (option: T) => string;
  value: T | '';
  onChange: (value: T) => void;
  error?: string | undefined;
  hint?: string | undefined;
  isRequired?: boolean;
}

export function RadioGroup<T extends string>({ name, legend, options, label, value, onChange, error, hint, isRequired }: RadioGroupProps<T>) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'choice-group field-invalid' : 'choice-group'} data-testid={`group-${name}`}>
      <legend>
        {legend}
        {isRequired && <span className="required"> ({t('console.common.required')})</span>}
      </legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="choices">
        {options.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              aria-describedby={describedBy}
              {...(error ? { 'aria-invalid': true } : {})}
              onChange={() => onChange(option)}
            />
            <span>{label(option)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

interface Props {
  values: ContactValues;
  onChange: (change: Partial<ContactValues>) => void;
  errors: FieldErrors;
  /** Shows the call timer (a new contact being logged while on the phone). */
  hasTimer: boolean;
  /** Editing a saved contact: the caller identifier is replaced, never shown back. */
  identifierNote?: ReactNode;
  /** Extra controls next to the identifier (the repeat-caller check). */
  identifierTools?: ReactNode;
}

export function ContactFields({ values, onChange, errors, hasTimer, identifierNote, identifierTools }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const municipalityListId = useId();
  const isData = isDataContact(values);
  const units = useMemo(
    () => [...UNITS].sort((a, b) => unitName(a, language).localeCompare(unitName(b, language), language === 'sr-Cyrl' ? 'sr' : 'sr-Latn')),
    [language],
  );
  const code = (group: string) => (option: string) => t(`helpline.codes.${group}.${option}`);

  return (
    <div className="contact-form-grid">
      <fieldset className="contact-section">
        <legend>{t('helpline.form.sections.contact')}</legend>
        <RadioGroup name="channel" legend={t('helpline.form.channel')} options={CHANNELS} label={code('channel')} value={values.channel} onChange={(channel) => onChange({ channel })} error={errors.channel} />
        {hasDuration(values.channel) && <CallDuration values={values} onChange={onChange} hasTimer={hasTimer} error={errors.durationSeconds ?? errors.durationMinutes} />}
        <RadioGroup
          name="contactType"
          legend={t('helpline.form.contactType')}
          hint={t('helpline.form.contactTypeHint')}
          options={CONTACT_TYPES}
          label={code('contactType')}
          value={values.contactType}
          onChange={(contactType) => onChange({ contactType })}
          error={errors.contactType}
        />
      </fieldset>

      <div className="contact-column">
        {isData && (
          <fieldset className="contact-section">
            <legend>{t('helpline.form.sections.caller')}</legend>
            <RadioGroup
              name="callerType"
              legend={t('helpline.form.callerType')}
              options={CALLER_TYPES}
              label={code('callerType')}
              value={values.callerType}
              onChange={(callerType) => onChange({ callerType })}
              error={errors.callerType}
              isRequired={isData}
            />
            <RadioGroup
              name="ageGroup"
              legend={t('helpline.form.ageGroup')}
              hint={t('helpline.form.ageGroupHint')}
              options={CONTACT_AGE_GROUPS}
              label={code('ageGroup')}
              value={values.ageGroup}
              onChange={(ageGroup) => onChange({ ageGroup })}
              error={errors.ageGroup}
            />
            <RadioGroup name="gender" legend={t('helpline.form.gender')} options={GENDERS} label={code('gender')} value={values.gender} onChange={(gender) => onChange({ gender })} error={errors.gender} />
          </fieldset>
        )}

        <fieldset className="contact-section">
          <legend>{t('helpline.form.sections.place')}</legend>
          <div className="field-row">
            <TextField
              label={t('helpline.form.municipality')}
              hint={t('helpline.form.municipalityHint')}
              name="municipality"
              list={municipalityListId}
              autoComplete="off"
              value={values.municipalityText}
              onChange={(event) => onChange({ municipalityText: event.target.value })}
              error={errors.municipality}
            />
            <SelectField label={t('helpline.form.language')} name="language" value={values.language} onChange={(event) => onChange({ language: event.target.value as Language })} error={errors.language}>
              {LANGUAGES.map((lang) => (
                <option key={lang} value={lang}>
                  {t(`helpline.codes.language.${lang}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <datalist id={municipalityListId}>
            {units.map((unit) => (
              <option key={unit.id} value={unitName(unit, language)} label={language === 'sr-Cyrl' ? unit.name_latn : unit.name_cyrl} />
            ))}
          </datalist>
        </fieldset>
      </div>

      {isData && (
        <fieldset className="contact-section contact-section-wide">
          <legend>{t('helpline.form.sections.issue')}</legend>
          <div className="field-row">
            <SelectField
              label={t('helpline.form.primaryCategory')}
              name="primaryCategory"
              required={isData}
              value={values.primaryCategory}
              onChange={(event) => {
                const primaryCategory = event.target.value as HelplineCategory | '';
                onChange({ primaryCategory, peripheralCategories: values.peripheralCategories.filter((c) => c !== primaryCategory) });
              }}
              error={errors.primaryCategory}
            >
              <option value="">{t('helpline.common.notChosen')}</option>
              {HELPLINE_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`helpline.codes.category.${category}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('helpline.form.platform')} name="platform" value={values.platform} onChange={(event) => onChange({ platform: event.target.value as Platform | '' })} error={errors.platform}>
              <option value="">{t('helpline.common.notChosen')}</option>
              {PLATFORMS.map((platform) => (
                <option key={platform} value={platform}>
                  {t(`helpline.codes.platform.${platform}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <PeripheralCategories values={values} onChange={onChange} error={errors.peripheralCategories} />
        </fieldset>
      )}

      <fieldset className="contact-section">
        <legend>{t('helpline.form.sections.summary')}</legend>
        <TextAreaField label={t('helpline.form.summary')} hint={t('helpline.form.summaryHint')} name="summary" maxLength={5000} value={values.summary} onChange={(event) => onChange({ summary: event.target.value })} error={errors.summary} />
        <TextAreaField label={t('helpline.form.adviceGiven')} name="adviceGiven" rows={3} maxLength={5000} value={values.adviceGiven} onChange={(event) => onChange({ adviceGiven: event.target.value })} error={errors.adviceGiven} />
      </fieldset>

      <fieldset className="contact-section">
        <legend>{t('helpline.form.sections.advice')}</legend>
        <AdvicePicker chosen={values.adviceArticles} onChange={(adviceArticles) => onChange({ adviceArticles })} error={errors.adviceArticleIds} />
        <SelectField label={t('helpline.form.outcome')} name="outcome" required={isData} value={values.outcome} onChange={(event) => onChange({ outcome: event.target.value as ContactOutcome | '' })} error={errors.outcome}>
          <option value="">{t('helpline.common.notChosen')}</option>
          {CONTACT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`helpline.codes.outcome.${outcome}`)}
            </option>
          ))}
        </SelectField>
        <label className="checkbox">
          <input type="checkbox" name="callbackConsent" checked={values.callbackConsent} onChange={(event) => onChange({ callbackConsent: event.target.checked })} />
          {t('helpline.form.callbackConsent')}
        </label>
      </fieldset>

      <fieldset className="contact-section contact-section-wide">
        <legend>{t('helpline.form.sections.repeat')}</legend>
        {identifierNote}
        <div className="field-row">
          <TextField
            label={identifierNote ? t('helpline.form.identifierChange') : t('helpline.form.callerIdentifier')}
            hint={t('helpline.form.callerIdentifierHint')}
            name="callerIdentifier"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={values.callerIdentifier}
            onChange={(event) => onChange({ callerIdentifier: event.target.value })}
            error={errors.callerIdentifier ?? errors.value}
          />
          <div className="identifier-tools">
            <label className="checkbox">
              <input type="checkbox" name="keepIdentifier" checked={values.keepIdentifier} disabled={!values.callerIdentifier.trim()} onChange={(event) => onChange({ keepIdentifier: event.target.checked })} />
              {t('helpline.form.keepIdentifier')}
            </label>
            <p className="hint">{t('helpline.form.keepIdentifierHint')}</p>
            {identifierTools}
          </div>
        </div>
      </fieldset>
    </div>
  );
}

function PeripheralCategories({ values, onChange, error }: { values: ContactValues; onChange: Props['onChange']; error?: string | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const toggle = (category: HelplineCategory, isOn: boolean) =>
    onChange({ peripheralCategories: isOn ? [...values.peripheralCategories, category] : values.peripheralCategories.filter((c) => c !== category) });
  return (
    <fieldset className={error ? 'field-invalid peripheral' : 'peripheral'} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{t('helpline.form.peripheralCategories')}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t('helpline.form.peripheralHint')}
      </p>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="checkbox-grid category-grid">
        {HELPLINE_CATEGORIES.map((category) => (
          <label key={category} className="checkbox">
            <input
              type="checkbox"
              name="peripheralCategories"
              value={category}
              checked={values.peripheralCategories.includes(category)}
              disabled={category === values.primaryCategory}
              onChange={(event) => toggle(category, event.target.checked)}
            />
            {t(`helpline.codes.category.${category}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The call timer: Start call / End call; the measured time fills the duration. */
function CallDuration({ values, onChange, hasTimer, error }: { values: ContactValues; onChange: Props['onChange']; hasTimer: boolean; error?: string | undefined }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const [announcement, setAnnouncement] = useState('');
  const isRunning = values.callStartedAt !== null;

  useEffect(() => {
    if (!isRunning) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [isRunning]);

  const start = () => {
    const at = Date.now();
    setNow(at);
    onChange({ callStartedAt: at, startedAt: new Date(at).toISOString(), durationSeconds: null, durationMinutes: '' });
    setAnnouncement(t('helpline.form.timerStarted'));
  };
  const stop = () => {
    const seconds = durationOf(values);
    onChange({ callStartedAt: null, durationSeconds: seconds, durationMinutes: seconds === null ? '' : String(Math.max(1, Math.round(seconds / 60))) });
    setAnnouncement(t('helpline.form.timerStopped', { duration: clock(seconds ?? 0) }));
  };
  const elapsed = isRunning ? durationOf(values, now) : values.durationSeconds;

  return (
    <div className="call-timer" data-field="durationMinutes">
      {hasTimer && (
        <div className="call-timer-clock">
          {isRunning ? (
            <button type="button" className="button-danger" data-testid="end-call" onClick={stop}>
              {t('helpline.form.endCall')}
            </button>
          ) : (
            <button type="button" className="button-primary" data-testid="start-call" onClick={start}>
              {t('helpline.form.startCall')}
            </button>
          )}
          {elapsed !== null && (
            <p className="call-clock">
              <span className="muted">{isRunning ? t('helpline.form.callRunning') : t('helpline.form.callEnded')}</span>{' '}
              <time data-testid="call-clock" dateTime={`PT${elapsed}S`}>
                {clock(elapsed)}
              </time>
            </p>
          )}
          <p role="status" className="helpline-announce">
            {announcement}
          </p>
        </div>
      )}
      {!isRunning && (
        <TextField
          label={t('helpline.form.durationMinutes')}
          hint={hasTimer ? t('helpline.form.durationMinutesHint') : undefined}
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={0}
          max={1440}
          value={values.durationMinutes}
          onChange={(event) => onChange({ durationMinutes: event.target.value, durationSeconds: null })}
          error={error}
        />
      )}
    </div>
  );
}
