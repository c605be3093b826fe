// One contact: its details, editing (a draft until finalised; after that every change keeps
// the earlier version), the versions, a chat's transcript, escalation to the hotline as a
// content report, and opening a case from it or adding it to one.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { ApiError } from '../api';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useLanguage } from '../i18n';
import { asApiError, useUser } from '../session';
import { useLoad } from '../useLoad';
import { contactsApi, type Contact, type UpdateContactRequest } from './api';
import { LookupResults, useCallerLookup } from './CallerLookup';
import { CaseLinkPanel } from './CaseLinkPanel';
import {
  ContactFields,
  FIELD_ORDER,
  checkValues,
  focusFirstInvalid,
  preventEnterSubmit,
  toRequest,
  valuesFromContact,
  type ContactValues,
  type FieldErrors,
  serverFieldErrors,
} from './ContactForm';
import { EscalatePanel } from './EscalatePanel';
import { ContactFacts, Transcript, Versions } from './ContactFacts';

export function ContactDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const saved = (location.state as { saved?: 'draft' | 'final' } | null)?.saved ?? null;
  const { data, error, reload } = useLoad(() => contactsApi.read(id).then((r) => r.contact), [id]);
  const found = data && data.id === id ? data : null;
  return (
    <Screen key={id} title={found ? t('helpline.detail.title', { number: found.number }) : t('helpline.detail.loadingTitle')} headingTestId="contact-heading">
      <p>
        <Link to="/helpline/contacts">{t('helpline.detail.back')}</Link>
      </p>
      {found ? (
        <ContactView contact={found} reload={reload} savedAs={saved} />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        <p role="status">{t('console.loading')}</p>
      )}
    </Screen>
  );
}

function ContactView({ contact, reload, savedAs }: { contact: Contact; reload: () => void; savedAs: 'draft' | 'final' | null }) {
  const { t } = useTranslation();
  const me = useUser();
  const canEdit = contact.counsellorId === null || contact.counsellorId === me.id || me.roles.includes('supervisor');
  const isFinal = contact.status === 'final';
  const [isEditing, setIsEditing] = useState(!isFinal && canEdit);
  const [message, setMessage] = useState<string | null>(savedAs ? t(savedAs === 'final' ? 'helpline.form.savedFinal' : 'helpline.form.saved', { number: contact.number }) : null);
  /** The receipt is shown once: kept here so that reloading the contact does not lose it. */
  const [receipt, setReceipt] = useState<string | null>(null);

  const onSaved = (text: string) => {
    setMessage(text);
    setIsEditing(false);
    reload();
  };

  return (
    <>
      <StatusMessage message={message} />
      <ContactFacts contact={contact} />
      {canEdit ? (
        isEditing ? (
          <ContactEditor key={contact.version + contact.updatedAt} contact={contact} onSaved={onSaved} onCancel={isFinal ? () => setIsEditing(false) : null} />
        ) : (
          <div className="button-row">
            {isFinal && <p className="hint">{t('helpline.detail.editFinalHint')}</p>}
            <button type="button" data-testid="edit-contact" onClick={() => setIsEditing(true)}>
              {t('helpline.detail.edit')}
            </button>
          </div>
        )
      ) : (
        <p className="hint">{t('helpline.detail.noEdit')}</p>
      )}
      <Transcript contact={contact} />
      {canEdit && <EscalatePanel contact={contact} receipt={receipt} onEscalated={(value) => { setReceipt(value); reload(); }} />}
      <CaseLinkPanel contact={contact} canEdit={canEdit} onLinked={reload} />
      <Versions contact={contact} />
    </>
  );
}

/** Only the fields that changed are sent, so a final contact gets a new version only for real changes. */
function changes(original: ContactValues, current: ContactValues): UpdateContactRequest {
  const before = toRequest(original) as Record<string, unknown>;
  const after = toRequest(current) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === 'startedAt') continue;
    if (JSON.stringify(value) !== JSON.stringify(before[key])) patch[key] = value;
  }
  return patch as UpdateContactRequest;
}

function ContactEditor({ contact, onSaved, onCancel }: { contact: Contact; onSaved: (message: string) => void; onCancel: (() => void) | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [original] = useState(() => valuesFromContact(contact, language));
  const [values, setValues] = useState(original);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const lookup = useCallerLookup();
  const isFinal = contact.status === 'final';
  const change = useCallback((patch: Partial<ContactValues>) => setValues((v) => ({ ...v, ...patch })), []);

  useEffect(() => {
    if (isFinal) formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [isFinal]);

  const save = async (finalise: boolean) => {
    setError(null);
    setNote(null);
    const local = checkValues(t, values, finalise || isFinal);
    setErrors(local);
    if (Object.keys(local).length) {
      focusFirstInvalid(formRef.current, local);
      return;
    }
    const patch = changes(original, values);
    if (!finalise && Object.keys(patch).length === 0) {
      setNote(t('console.common.noChanges'));
      return;
    }
    setIsBusy(true);
    try {
      if (finalise) await contactsApi.finalise(contact.id, patch);
      else await contactsApi.update(contact.id, patch);
      onSaved(finalise ? t('helpline.detail.finalised') : t('helpline.detail.updated'));
    } catch (reason) {
      const apiError = asApiError(reason);
      setError(apiError);
      const fromServer = serverFieldErrors(apiError);
      setErrors(fromServer);
      focusFirstInvalid(formRef.current, fromServer);
    } finally {
      setIsBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };
  const hasLocalErrors = Object.keys(errors).length > 0 && !error;

  return (
    <section aria-labelledby="contact-edit">
      <h2 id="contact-edit">{t('helpline.form.editTitle')}</h2>
      {isFinal && <p className="hint">{t('helpline.detail.editFinalHint')}</p>}
      <ErrorAlert error={error} message={hasLocalErrors ? t('helpline.form.errorsTitle') : null} knownFields={[...FIELD_ORDER, 'value']} />
      <StatusMessage message={note} />
      <form ref={formRef} className="form contact-form" onSubmit={submit} onKeyDown={preventEnterSubmit} noValidate data-testid="contact-form">
        <ContactFields
          values={values}
          onChange={change}
          errors={errors}
          hasTimer={false}
          identifierNote={
            <p className="hint">
              {contact.keptCallerIdentifier
                ? t('helpline.form.identifierKept', { value: contact.keptCallerIdentifier })
                : contact.hasCallerIdentifier
                  ? t('helpline.form.identifierSaved')
                  : t('helpline.detail.identifierNone')}
            </p>
          }
          identifierTools={
            <button type="button" className="button-small" disabled={values.callerIdentifier.trim().length < 3 || lookup.isBusy} onClick={() => void lookup.look(values.callerIdentifier)}>
              {t('helpline.form.checkRepeat')}
            </button>
          }
        />
        <LookupResults found={lookup.found} error={lookup.error} excludeId={contact.id} />
        <div className="button-row form-actions">
          <button type="submit" className={isFinal ? 'button-primary' : undefined} disabled={isBusy} data-testid="save-changes">
            {isBusy ? t('helpline.form.saving') : t('helpline.form.saveChanges')}
          </button>
          {!isFinal && (
            <button type="button" className="button-primary" disabled={isBusy} data-testid="finalise-contact" onClick={() => void save(true)}>
              {t('helpline.detail.finalise')}
            </button>
          )}
          {onCancel && (
            <button type="button" disabled={isBusy} onClick={onCancel}>
              {t('helpline.form.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

