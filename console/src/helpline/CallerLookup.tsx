// Repeat callers: earlier contacts from the person with this phone number or e-mail address
// (the server matches a keyed hash; the number is sent in a POST body, never in the address).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { TextField } from '../components/Field';
import { ErrorAlert } from '../components/Messages';
import { asApiError } from '../session';
import { contactsApi, type ContactSummary } from './api';
import { ContactTable } from './ContactTable';

type Found = { identifier: string; contacts: ContactSummary[] } | null;

export function CallerLookup() {
  const { t } = useTranslation();
  const [identifier, setIdentifier] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { found, error, isBusy, look } = useCallerLookup();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (identifier.trim().length < 3) {
      setProblem(t('helpline.lookup.tooShort'));
      return;
    }
    setProblem(null);
    void look(identifier);
  };

  return (
    <section aria-labelledby="caller-lookup" className="caller-lookup">
      <h2 id="caller-lookup">{t('helpline.lookup.title')}</h2>
      <form className="form form-inline" onSubmit={submit} noValidate data-testid="caller-lookup">
        <TextField
          label={t('helpline.lookup.identifier')}
          hint={t('helpline.lookup.identifierHint')}
          name="identifier"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={identifier}
          onChange={(event) => setIdentifier(event.target.value)}
          error={problem ?? error?.fieldError('identifier')}
        />
        <button type="submit" disabled={isBusy}>
          {t('helpline.lookup.submit')}
        </button>
      </form>
      <LookupResults found={found} error={error} />
    </section>
  );
}

export function useCallerLookup() {
  const [found, setFound] = useState<Found>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const look = async (identifier: string) => {
    setIsBusy(true);
    setError(null);
    try {
      const result = await contactsApi.lookup(identifier.trim());
      setFound({ identifier: identifier.trim(), contacts: result.contacts });
    } catch (reason) {
      setFound(null);
      setError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };
  return { found, error, isBusy, look };
}

export function LookupResults({ found, error, excludeId }: { found: Found; error: ApiError | null; excludeId?: string }) {
  const { t } = useTranslation();
  const contacts = found?.contacts.filter((c) => c.id !== excludeId) ?? [];
  return (
    <>
      <ErrorAlert error={error && !error.fieldError('identifier') ? error : null} />
      <p role="status" data-testid="lookup-status">
        {found ? (contacts.length ? t('helpline.lookup.found', { count: contacts.length }) : t('helpline.lookup.none')) : ''}
      </p>
      {contacts.length > 0 && <ContactTable contacts={contacts} label={t('helpline.lookup.results')} testId="lookup-row" />}
    </>
  );
}
