// The public presentations page: what the centre offers and the request form, then the
// confirmation with the request number. A plain HTML form that works without JavaScript, on a
// phone and with the keyboard; errors are listed at the top (linked to the fields) and next to
// each field, in the page's language, and everything typed is kept.
import type { ReactNode } from 'react';
import { GRADE_BANDS, ORGANISATION_TYPES, PREVENTION_TOPICS, type GradeBand } from '../../../common/prevention';
import { LANGUAGES } from '../../../common/roles';
import { GRADES_OF_BAND, MAX_DAYS_AHEAD, PARTS_OF_DAY } from '../../../common/schemas/prevention/requests';
import { addDays, belgradeToday } from '../../../common/belgrade-time';
import { renderPage, type PageContext } from '../../public-site/layout';
import { ErrorSummary, Field, FieldError, MunicipalityOptions, describedBy, type ControlProps, type FieldErrors } from '../../public-site/form';

/** How many preferred days the form offers (the API takes up to five). */
export const FORM_DATE_ROWS = 3;

/** What was typed, by form field name (checkbox groups as lists). */
export interface RequestFormValues {
  text: Record<string, string>;
  lists: Record<string, string[]>;
}
/** Form field name -> message. */
export type { FieldErrors };

export const countField = (band: GradeBand) => `count-${band}`;
export const gradesField = (band: GradeBand) => `grades-${band}`;
export const dateField = (row: number) => `date-${row}`;
export const partOfDayField = (row: number) => `partOfDay-${row}`;

const STYLESHEET = '/assets/presentations.css';

/** The name of a field in the error summary ("Day 2", "Number of pupils (grades 5–8)"). */
function fieldLabel(page: PageContext, field: string): string {
  const { t } = page;
  const [kind, ...rest] = field.split('-');
  const detail = rest.join('-');
  if (kind === 'date' || kind === 'partOfDay') return t(`prevention.requests.public.fieldNames.${kind}`, { n: Number(detail) + 1 });
  if (kind === 'count') return t('prevention.requests.public.fieldNames.pupilsCount', { band: t(`prevention.codes.gradeBands.${detail}`) });
  if (kind === 'grades') return t('prevention.requests.public.fieldNames.grades', { band: t(`prevention.codes.gradeBands.${detail}`) });
  return t(`prevention.requests.public.fieldNames.${field}`, { defaultValue: field });
}

/** The fields in the order the form shows them, so the error summary reads top to bottom. */
const FIELD_ORDER = [
  'organisation',
  'organisationType',
  'municipality',
  'pupils',
  ...GRADE_BANDS.flatMap((band) => [countField(band), gradesField(band)]),
  'parents',
  'teachers',
  'preferredDates',
  ...Array.from({ length: FORM_DATE_ROWS }, (_, row) => [dateField(row), partOfDayField(row)]).flat(),
  'language',
  'topics',
  'message',
  'contactName',
  'email',
  'phone',
];
const position = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

/** A group of checkboxes or radio buttons in a fieldset, with the group's error. */
function Choices(props: {
  name: string;
  legend: ReactNode;
  hint?: string;
  type: 'checkbox' | 'radio';
  options: readonly { value: string; label: string }[];
  checked: (value: string) => boolean;
  errors: FieldErrors;
  className?: string;
}) {
  const { name, errors, hint } = props;
  const describedByIds = describedBy(hint && `${name}-hint`, errors[name] && `${name}-error`);
  return (
    <fieldset id={`field-${name}`} className={props.className} aria-describedby={describedByIds}>
      <legend>{props.legend}</legend>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} message={errors[name]} />
      <div className="choices">
        {props.options.map((option) => (
          <div className="choice" key={option.value}>
            <input type={props.type} id={`${name}-${option.value}`} name={name} value={option.value} defaultChecked={props.checked(option.value)} />
            <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function Offer({ page }: { page: PageContext }) {
  const { t } = page;
  const items = ['Pupils', 'Parents', 'Teachers', 'Camps'] as const;
  return (
    <section aria-labelledby="offer-title" className="offer">
      <h2 id="offer-title">{t('prevention.requests.public.offerTitle')}</h2>
      <ul className="cards">
        {items.map((item) => (
          <li key={item}>
            <h3>{t(`prevention.requests.public.offer${item}Title`)}</h3>
            <p>{t(`prevention.requests.public.offer${item}`)}</p>
          </li>
        ))}
      </ul>
      <p className="free">{t('prevention.requests.public.free')}</p>
      <h2>{t('prevention.requests.public.howTitle')}</h2>
      <p>{t('prevention.requests.public.how')}</p>
    </section>
  );
}

export function renderRequestForm(page: PageContext, options: { values: RequestFormValues; errors: FieldErrors; notice?: string }): string {
  const { t, language } = page;
  const { errors } = options;
  const text = (name: string) => options.values.text[name] ?? '';
  const list = (name: string) => options.values.lists[name] ?? [];
  const required = <span className="req">({t('prevention.requests.public.required')})</span>;
  const optional = <span className="opt">({t('prevention.requests.public.optional')})</span>;
  const today = belgradeToday();
  const numberInput = (control: ControlProps, min: number) => <input {...control} type="number" inputMode="numeric" min={min} max={5000} step={1} defaultValue={text(control.name)} />;

  return renderPage(
    page,
    t('prevention.requests.public.title'),
    <>
      <h1>{t('prevention.requests.public.title')}</h1>
      <p className="lead">{t('prevention.requests.public.lead')}</p>
      <Offer page={page} />
      <h2 id="form-title">{t('prevention.requests.public.formTitle')}</h2>
      {options.notice && (
        <p className="notice" role="alert">
          {options.notice}
        </p>
      )}
      <ErrorSummary title={page.t('prevention.requests.public.errorsTitle')} errors={Object.entries(errors).sort(([a], [b]) => position(a) - position(b))} label={(field) => fieldLabel(page, field)} />
      {/* #errors: a form sent back with errors opens at its list of errors, even without JavaScript. */}
      <form method="post" action="/presentations#errors" className="presentation-form" aria-labelledby="form-title" noValidate>
        <fieldset>
          <legend>{t('prevention.requests.public.whoLegend')}</legend>
          <Field name="organisation" label={<>{t('prevention.requests.public.organisationLabel')} {required}</>} hint={t('prevention.requests.public.organisationHint')} error={errors.organisation}>
            {(control) => <input {...control} type="text" maxLength={200} autoComplete="organization" defaultValue={text('organisation')} />}
          </Field>
          <Choices
            name="organisationType"
            legend={<>{t('prevention.requests.public.organisationTypeLegend')} {required}</>}
            type="radio"
            options={ORGANISATION_TYPES.map((value) => ({ value, label: t(`prevention.codes.organisationTypes.${value}`) }))}
            checked={(value) => text('organisationType') === value}
            errors={errors}
          />
          <Field name="municipality" label={<>{t('prevention.requests.public.municipalityLabel')} {required}</>} error={errors.municipality}>
            {(control) => (
              <select {...control} defaultValue={text('municipality')}>
                <option value="">{t('prevention.requests.public.choose')}</option>
                <MunicipalityOptions language={language} />
              </select>
            )}
          </Field>
        </fieldset>

        <fieldset id="field-pupils" aria-describedby={describedBy('pupils-hint', errors.pupils && 'pupils-error')}>
          <legend>
            {t('prevention.requests.public.audienceLegend')} {required}
          </legend>
          <p className="hint" id="pupils-hint">
            {t('prevention.requests.public.audienceHint')}
          </p>
          <FieldError id="pupils-error" message={errors.pupils} />
          <div className="bands">
            {GRADE_BANDS.map((band) => (
              <fieldset key={band} className="band">
                <legend>{t(`prevention.codes.gradeBands.${band}`)}</legend>
                <Field name={countField(band)} label={t('prevention.requests.public.pupilsCountLabel')} error={errors[countField(band)]}>
                  {(control) => numberInput(control, 1)}
                </Field>
                <Choices
                  name={gradesField(band)}
                  legend={t('prevention.requests.public.gradesLegend')}
                  type="checkbox"
                  className="grades"
                  options={GRADES_OF_BAND[band].map((grade) => ({ value: String(grade), label: t('prevention.requests.grade', { grade }) }))}
                  checked={(value) => list(gradesField(band)).includes(value)}
                  errors={errors}
                />
              </fieldset>
            ))}
          </div>
          <div className="counts">
            <Field name="parents" label={t('prevention.requests.public.parentsLabel')} error={errors.parents}>
              {(control) => numberInput(control, 0)}
            </Field>
            <Field name="teachers" label={t('prevention.requests.public.teachersLabel')} error={errors.teachers}>
              {(control) => numberInput(control, 0)}
            </Field>
          </div>
        </fieldset>

        <fieldset id="field-preferredDates" aria-describedby={describedBy('preferredDates-hint', errors.preferredDates && 'preferredDates-error')}>
          <legend>
            {t('prevention.requests.public.datesLegend')} {required}
          </legend>
          <p className="hint" id="preferredDates-hint">
            {t('prevention.requests.public.datesHint')}
          </p>
          <FieldError id="preferredDates-error" message={errors.preferredDates} />
          {Array.from({ length: FORM_DATE_ROWS }, (_, row) => (
            <div className="date-row" key={row}>
              <Field name={dateField(row)} label={t('prevention.requests.public.dateLabel', { n: row + 1 })} error={errors[dateField(row)]}>
                {(control) => <input {...control} type="date" min={addDays(today, 1)} max={addDays(today, MAX_DAYS_AHEAD)} defaultValue={text(dateField(row))} />}
              </Field>
              <Field name={partOfDayField(row)} label={t('prevention.requests.public.partOfDayLabel', { n: row + 1 })} error={errors[partOfDayField(row)]}>
                {(control) => (
                  <select {...control} defaultValue={text(partOfDayField(row)) || 'any'}>
                    {PARTS_OF_DAY.map((part) => (
                      <option key={part} value={part}>
                        {t(`prevention.requests.partsOfDay.${part}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          ))}
        </fieldset>

        <Field name="language" label={<>{t('prevention.requests.public.languageLabel')} {required}</>} hint={t('prevention.requests.public.languageHint')} error={errors.language}>
          {(control) => (
            <select {...control} defaultValue={text('language') || language}>
              {LANGUAGES.map((lng) => (
                <option key={lng} value={lng}>
                  {t(`prevention.requests.languages.${lng}`)}
                </option>
              ))}
            </select>
          )}
        </Field>

        <Choices
          name="topics"
          legend={<>{t('prevention.requests.public.topicsLegend')} {optional}</>}
          hint={t('prevention.requests.public.topicsHint')}
          type="checkbox"
          className="topics"
          options={PREVENTION_TOPICS.map((value) => ({ value, label: t(`prevention.codes.topics.${value}`) }))}
          checked={(value) => list('topics').includes(value)}
          errors={errors}
        />

        <Field name="message" label={<>{t('prevention.requests.public.messageLabel')} {optional}</>} hint={t('prevention.requests.public.messageHint')} error={errors.message}>
          {(control) => <textarea {...control} rows={4} maxLength={2000} defaultValue={text('message')} />}
        </Field>

        <fieldset aria-describedby="contact-hint">
          <legend>{t('prevention.requests.public.contactLegend')}</legend>
          <p className="hint" id="contact-hint">
            {t('prevention.requests.public.contactHint')}
          </p>
          <Field name="contactName" label={<>{t('prevention.requests.public.contactNameLabel')} {required}</>} error={errors.contactName}>
            {(control) => <input {...control} type="text" maxLength={120} autoComplete="name" defaultValue={text('contactName')} />}
          </Field>
          <Field name="email" label={<>{t('prevention.requests.public.emailLabel')} {required}</>} error={errors.email}>
            {(control) => <input {...control} type="email" maxLength={254} autoComplete="email" spellCheck={false} defaultValue={text('email')} />}
          </Field>
          <Field name="phone" label={<>{t('prevention.requests.public.phoneLabel')} {optional}</>} error={errors.phone}>
            {(control) => <input {...control} type="tel" maxLength={40} autoComplete="tel" defaultValue={text('phone')} />}
          </Field>
        </fieldset>

        <button type="submit" className="primary">
          {t('prevention.requests.public.send')}
        </button>
      </form>
    </>,
    { stylesheet: STYLESHEET },
  );
}

export function renderRequestSent(page: PageContext, number: string): string {
  const { t } = page;
  return renderPage(
    page,
    t('prevention.requests.public.sentTitle'),
    <>
      <h1>{t('prevention.requests.public.sentTitle')}</h1>
      <p>{t('prevention.requests.public.sentLead')}</p>
      <p className="receipt" data-testid="request-number">
        {number}
      </p>
      <p>{t('prevention.requests.public.sentMail')}</p>
      <p>{t('prevention.requests.public.sentPhone', { phone: page.helplinePhone })}</p>
      <p>
        <a href="/presentations">{t('prevention.requests.public.sentAgain')}</a>
      </p>
    </>,
    { stylesheet: STYLESHEET },
  );
}
