// The report form, the receipt page and the follow-up pages: plain HTML forms that work
// without JavaScript, on a phone and with the keyboard. Field errors are listed at the top
// (linked to the fields) and next to each field.
import type { ReactNode } from 'react';
import { CHILD_AGE_GROUPS, PLATFORMS, REPORT_CATEGORIES } from '../../common/hotline';
import type { FollowUpResponse } from '../../common/schemas/reports';
import type { PageContext } from './layout';
import { renderPage } from './layout';
import { ErrorSummary, Field, FieldError, MunicipalityOptions, describedBy, type FieldErrors } from './form';

export interface ReportFormValues {
  category?: string;
  urls?: string;
  platform?: string;
  description?: string;
  childAgeGroup?: string;
  municipality?: string;
  name?: string;
  email?: string;
  phone?: string;
  mayShareWithInstitutions?: boolean;
}

export type { FieldErrors };

/** The form's field for an API field path (urls.2 -> urls, contact.email -> email). */
export function formFieldOf(path: string): string {
  const [head, second] = path.split('.');
  return head === 'contact' && second ? second : (head ?? path);
}

export function renderReportForm(
  page: PageContext,
  options: { values: ReportFormValues; errors: FieldErrors; challenge: string; difficulty: number; notice?: string },
): string {
  const { t, language } = page;
  const { values, errors } = options;
  const e = (field: string) => errors[field];
  const radio = (name: string, value: string, label: ReactNode, checked: boolean, hintId?: string) => (
    <div className="choice" key={value}>
      <input type="radio" id={`${name}-${value}`} name={name} value={value} defaultChecked={checked} aria-describedby={hintId} />
      <label htmlFor={`${name}-${value}`}>{label}</label>
    </div>
  );
  return renderPage(
    page,
    t('public.report.title'),
    <>
      <h1>{t('public.report.title')}</h1>
      <p className="lead">{t('public.report.lead')}</p>
      {options.notice && (
        <p className="notice" role="alert">
          {options.notice}
        </p>
      )}
      <ErrorSummary title={t('public.report.errorsTitle')} errors={Object.entries(errors)} label={(field) => t(`public.report.fieldNames.${field}`, { defaultValue: field })} />
      <form method="post" action="/report" encType="multipart/form-data" className="report-form" data-pow={options.difficulty} noValidate>
        <input type="hidden" name="language" value={language} />
        <input type="hidden" name="powChallenge" value={options.challenge} />
        <input type="hidden" name="powNonce" value="" />

        <fieldset id="field-category" aria-describedby={describedBy(e('category') && 'category-error')}>
          <legend>
            {t('public.report.categoryLegend')} <span className="req">({t('public.report.required')})</span>
          </legend>
          <FieldError id="category-error" message={e('category')} />
          {REPORT_CATEGORIES.map((c) => radio('category', c, t(`public.report.categories.${c}`), values.category === c, c === 'csam' ? 'csam-warning' : undefined))}
        </fieldset>

        <section className="warning" id="csam-warning" aria-labelledby="csam-warning-title">
          <h2 id="csam-warning-title">{t('public.report.csamWarningTitle')}</h2>
          <p>{t('public.report.csamWarning')}</p>
        </section>

        <Field name="urls" label={t('public.report.urlsLabel')} hint={t('public.report.urlsHint')} error={e('urls')} alsoDescribedBy="csam-warning">
          {(control) => <textarea {...control} rows={3} inputMode="url" autoCapitalize="none" spellCheck={false} defaultValue={values.urls ?? ''} />}
        </Field>

        <fieldset id="field-platform">
          <legend>
            {t('public.report.platformLegend')} <span className="opt">({t('public.report.optional')})</span>
          </legend>
          <FieldError id="platform-error" message={e('platform')} />
          {PLATFORMS.map((p) => radio('platform', p, t(`public.report.platforms.${p}`), values.platform === p))}
        </fieldset>

        <Field name="description" label={<>{t('public.report.descriptionLabel')} <span className="req">({t('public.report.required')})</span></>} hint={t('public.report.descriptionHint')} error={e('description')}>
          {(control) => <textarea {...control} rows={6} maxLength={5000} required defaultValue={values.description ?? ''} />}
        </Field>

        <fieldset>
          <legend>
            {t('public.report.childLegend')} <span className="opt">({t('public.report.optional')})</span>
          </legend>
          <Field name="childAgeGroup" label={t('public.report.childAgeLabel')} error={e('childAgeGroup')}>
            {(control) => (
              <select {...control} defaultValue={values.childAgeGroup ?? ''}>
                <option value="">{t('public.report.childAgeUnknown')}</option>
                {CHILD_AGE_GROUPS.map((a) => (
                  <option key={a} value={a}>
                    {t(`public.report.childAges.${a}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="municipality" label={t('public.report.municipalityLabel')} error={e('municipality')}>
            {(control) => (
              <select {...control} defaultValue={values.municipality ?? ''}>
                <option value="">{t('public.report.municipalityUnknown')}</option>
                <MunicipalityOptions language={language} />
              </select>
            )}
          </Field>
        </fieldset>

        <Field name="attachments" label={<>{t('public.report.attachmentsLabel')} <span className="opt">({t('public.report.optional')})</span></>} hint={t('public.report.attachmentsHint')} error={e('attachments')}>
          {(control) => <input {...control} type="file" multiple accept="image/png,image/jpeg,image/webp" />}
        </Field>

        <fieldset>
          <legend>
            {t('public.report.contactLegend')} <span className="opt">({t('public.report.optional')})</span>
          </legend>
          <p className="hint" id="contact-hint">
            {t('public.report.contactHint')}
          </p>
          {(['name', 'email', 'phone'] as const).map((f) => (
            <Field key={f} name={f} label={t(`public.report.${f}Label`)} error={e(f)} alsoDescribedBy="contact-hint">
              {(control) => (
                <input
                  {...control}
                  type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
                  autoComplete={f === 'name' ? 'nickname' : f === 'email' ? 'email' : 'tel'}
                  defaultValue={values[f] ?? ''}
                />
              )}
            </Field>
          ))}
          <div className="choice">
            <input type="checkbox" id="mayShareWithInstitutions" name="mayShareWithInstitutions" value="yes" defaultChecked={values.mayShareWithInstitutions === true} />
            <label htmlFor="mayShareWithInstitutions">{t('public.report.mayShareLabel')}</label>
          </div>
        </fieldset>

        <p className="pow-status" role="status" aria-live="polite" data-sending={t('public.report.sending')} />
        <button type="submit" className="primary">
          {t('public.report.send')}
        </button>
      </form>
    </>,
  );
}

export function renderReceipt(page: PageContext, receipt: string): string {
  const { t } = page;
  const grouped = receipt.replace(/(\d{4})(?=\d)/g, '$1 ');
  return renderPage(
    page,
    t('public.report.receiptTitle'),
    <>
      <h1>{t('public.report.receiptTitle')}</h1>
      <p>{t('public.report.receiptLead')}</p>
      <p className="receipt" data-testid="receipt">
        {grouped}
      </p>
      <p>{t('public.report.receiptAdvice')}</p>
      <p>
        <a href="/report/follow-up">{t('public.report.receiptNext')}</a>
      </p>
    </>,
  );
}

export function renderFollowUpForm(page: PageContext, options: { error?: string | undefined; receipt?: string | undefined; status?: number }): string {
  const { t } = page;
  return renderPage(
    page,
    t('public.followUp.title'),
    <>
      <h1>{t('public.followUp.title')}</h1>
      <p>{t('public.followUp.lead')}</p>
      <form method="post" action="/report/follow-up" className="follow-up-form" noValidate>
        <Field name="receipt" label={t('public.followUp.receiptLabel')} error={options.error}>
          {(control) => <input {...control} inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={40} defaultValue={options.receipt ?? ''} />}
        </Field>
        <button type="submit" className="primary">
          {t('public.followUp.show')}
        </button>
      </form>
    </>,
  );
}

export function renderFollowUp(page: PageContext, receipt: string, report: FollowUpResponse, options: { notice?: string; replyError?: string } = {}): string {
  const { t } = page;
  return renderPage(
    page,
    t('public.followUp.title'),
    <>
      <h1>{t('public.followUp.title')}</h1>
      {options.notice && (
        <p className="notice" role="status">
          {options.notice}
        </p>
      )}
      <dl className="status">
        <dt>{t('public.followUp.statusLabel')}</dt>
        <dd data-testid="report-status">{t(`public.followUp.statuses.${report.status}`)}</dd>
        <dt>{t('public.followUp.receivedOn')}</dt>
        <dd>{report.receivedOn}</dd>
      </dl>
      <h2>{t('public.followUp.messagesTitle')}</h2>
      {report.messages.length === 0 ? (
        <p>{t('public.followUp.noMessages')}</p>
      ) : (
        <ol className="messages">
          {report.messages.map((m, i) => (
            <li key={i} className={m.author}>
              <p className="author">
                {m.author === 'reporter' ? t('public.followUp.fromYou') : t('public.followUp.fromCentre')} · {m.sentOn}
              </p>
              <p className="body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {report.status === 'closed' ? (
        <p>{t('public.followUp.closedNoReply')}</p>
      ) : (
        <form method="post" action="/report/follow-up/messages" noValidate>
          <input type="hidden" name="receipt" value={receipt} />
          <Field name="body" label={t('public.followUp.replyLabel')} error={options.replyError}>
            {(control) => <textarea {...control} rows={4} maxLength={3000} />}
          </Field>
          <button type="submit" className="primary">
            {t('public.followUp.reply')}
          </button>
        </form>
      )}
    </>,
  );
}
