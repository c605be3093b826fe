// Logging a contact while on the phone: sensible defaults, the call timer, and a draft kept in
// this tab (sessionStorage, per person) so a reload loses nothing, while nothing of it stays on
// the computer once the tab is closed (shared workstations). Sign-out removes it too.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ApiError } from '../api';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useLanguage } from '../i18n';
import { asApiError, useUser } from '../session';
import { contactsApi } from './api';
import { LookupResults, useCallerLookup } from './CallerLookup';
import {
  ContactFields,
  FIELD_ORDER,
  checkValues,
  defaultValues,
  focusFirstInvalid,
  preventEnterSubmit,
  toRequest,
  type ContactValues,
  type FieldErrors,
  serverFieldErrors,
} from './ContactForm';
import { contactPath } from './format';

const draftKey = (userId: string) => `bezbedno.helpline.draft.${userId}`;
const identifierKey = (userId: string) => `bezbedno.helpline.draft-identifier.${userId}`;

function readDraft(userId: string, fallback: ContactValues): ContactValues | null {
  try {
    const stored = sessionStorage.getItem(draftKey(userId));
    if (!stored) return null;
    const parsed = JSON.parse(stored) as Partial<ContactValues>;
    const identifier = JSON.parse(sessionStorage.getItem(identifierKey(userId)) ?? '{}') as Partial<ContactValues>;
    const merged = { ...fallback, ...parsed, callerIdentifier: identifier.callerIdentifier ?? '', keepIdentifier: identifier.keepIdentifier ?? false };
    return Array.isArray(merged.peripheralCategories) && Array.isArray(merged.adviceArticles) ? merged : null;
  } catch {
    return null; // storage blocked or a draft from an older form: start afresh
  }
}

function writeDraft(userId: string, values: ContactValues): void {
  try {
    const { callerIdentifier, keepIdentifier, ...rest } = values;
    sessionStorage.setItem(draftKey(userId), JSON.stringify(rest));
    sessionStorage.setItem(identifierKey(userId), JSON.stringify({ callerIdentifier, keepIdentifier }));
  } catch {
    // not kept; the form still works
  }
}

export function clearDraft(userId: string): void {
  try {
    sessionStorage.removeItem(draftKey(userId));
    sessionStorage.removeItem(identifierKey(userId));
  } catch {
    // nothing to clear
  }
}

export function ContactNew() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useUser();
  const navigate = useNavigate();
  const [restored] = useState(() => readDraft(me.id, defaultValues(language)));
  const [values, setValues] = useState<ContactValues>(() => restored ?? defaultValues(language));
  const [isDirty, setIsDirty] = useState(restored !== null);
  const [message, setMessage] = useState<string | null>(restored ? t('helpline.form.draftRestored') : null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const lookup = useCallerLookup();

  useEffect(() => {
    if (isDirty) writeDraft(me.id, values);
  }, [isDirty, me.id, values]);

  const change = useCallback((patch: Partial<ContactValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setIsDirty(true);
  }, []);

  const discard = () => {
    clearDraft(me.id);
    setValues(defaultValues(language));
    setIsDirty(false);
    setErrors({});
    setError(null);
    setMessage(t('helpline.form.discarded'));
  };

  const save = async (isFinal: boolean) => {
    setError(null);
    setMessage(null);
    const local = checkValues(t, values, isFinal);
    setErrors(local);
    if (Object.keys(local).length) {
      focusFirstInvalid(formRef.current, local);
      return;
    }
    setIsBusy(true);
    try {
      const { id } = await contactsApi.create({ ...toRequest(values), finalise: isFinal });
      clearDraft(me.id);
      setIsDirty(false);
      navigate(contactPath(id), { state: { saved: isFinal ? 'final' : 'draft' } });
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
    <Screen title={t('helpline.form.newTitle')} headingTestId="new-contact-heading">
      <p className="hint">{t('helpline.form.intro')}</p>
      <StatusMessage message={message} />
      {isDirty && (
        <div className="button-row draft-bar">
          <p className="hint">{t('helpline.form.draftKept')}</p>
          <button type="button" className="button-small" data-testid="discard-draft" onClick={discard}>
            {t('helpline.form.discardDraft')}
          </button>
        </div>
      )}
      <ErrorAlert error={error} message={hasLocalErrors ? t('helpline.form.errorsTitle') : null} knownFields={[...FIELD_ORDER, 'value']} />
      <form ref={formRef} className="form contact-form" onSubmit={submit} onKeyDown={preventEnterSubmit} noValidate data-testid="contact-form">
        <ContactFields
          values={values}
          onChange={change}
          errors={errors}
          hasTimer
          identifierTools={
            <button type="button" className="button-small" disabled={values.callerIdentifier.trim().length < 3 || lookup.isBusy} data-testid="check-repeat" onClick={() => void lookup.look(values.callerIdentifier)}>
              {t('helpline.form.checkRepeat')}
            </button>
          }
        />
        <LookupResults found={lookup.found} error={lookup.error} />
        <p className="hint">{t('helpline.form.identifierNotInDraft')}</p>
        <div className="button-row form-actions">
          <button type="submit" disabled={isBusy} data-testid="save-contact">
            {isBusy ? t('helpline.form.saving') : t('helpline.form.save')}
          </button>
          <button type="button" className="button-primary" disabled={isBusy} data-testid="save-final" onClick={() => void save(true)}>
            {t('helpline.form.saveFinal')}
          </button>
        </div>
        <p className="hint">{t('helpline.form.shortcuts')}</p>
      </form>
    </Screen>
  );
}
