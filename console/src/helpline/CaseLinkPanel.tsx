// A contact's case: the link to it, or opening a new case from the contact, or adding the
// contact to one of the person's active cases.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ApiError } from '../api';
import { SelectField, TextField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { asApiError, useUser } from '../session';
import { useLoad } from '../useLoad';
import { helplineCasesApi, type Contact } from './api';
import { casePath } from './format';

type Choice = 'new' | 'existing';

export function CaseLinkPanel({ contact, canEdit, onLinked }: { contact: Contact; canEdit: boolean; onLinked: () => void }) {
  const { t } = useTranslation();
  const me = useUser();
  const [message, setMessage] = useState<string | null>(null);
  if (!contact.caseId && (!canEdit || !me.abilities['cases.list'])) return null;
  return (
    <section aria-labelledby="contact-case">
      <h2 id="contact-case">{t('helpline.caseLink.title')}</h2>
      <StatusMessage message={message} />
      {contact.caseId ? (
        <p data-testid="contact-case">
          <Link to={casePath(me, contact.caseId)}>{t('helpline.caseLink.inCaseLink')}</Link>
        </p>
      ) : (
        <CaseLinkForm
          contact={contact}
          onDone={(text) => {
            setMessage(text);
            onLinked();
          }}
        />
      )}
    </section>
  );
}

function CaseLinkForm({ contact, onDone }: { contact: Contact; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Choice>('new');
  const [title, setTitle] = useState('');
  const [caseId, setCaseId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (choice === 'existing' && !caseId) {
      setProblem(t('helpline.caseLink.caseRequired'));
      return;
    }
    setProblem(null);
    setIsBusy(true);
    try {
      if (choice === 'new') {
        await helplineCasesApi.open({ contactIds: [contact.id], ...(title.trim() ? { title: title.trim() } : {}) });
        onDone(t('helpline.caseLink.opened'));
      } else {
        await helplineCasesApi.link(caseId, { contactIds: [contact.id] });
        onDone(t('helpline.caseLink.linked'));
      }
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="case-link-form">
      <ErrorAlert error={error} message={problem} knownFields={['title']} />
      <fieldset>
        <legend>{t('helpline.caseLink.choice')}</legend>
        {(['new', 'existing'] as const).map((option) => (
          <label key={option} className="checkbox">
            <input type="radio" name="caseChoice" value={option} checked={choice === option} onChange={() => setChoice(option)} />
            {t(`helpline.caseLink.${option}`)}
          </label>
        ))}
      </fieldset>
      {choice === 'new' ? (
        <TextField
          label={t('helpline.caseLink.caseTitle')}
          hint={t('helpline.caseLink.caseTitleHint')}
          name="title"
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={error?.fieldError('title')}
        />
      ) : (
        <ActiveCases value={caseId} onChange={setCaseId} error={problem ?? error?.fieldError('contactIds')} />
      )}
      <button type="submit" disabled={isBusy} data-testid="case-link-submit">
        {choice === 'new' ? t('helpline.caseLink.submitNew') : t('helpline.caseLink.submitExisting')}
      </button>
    </form>
  );
}

function ActiveCases({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string | null | undefined }) {
  const { t } = useTranslation();
  const { data, error: loadError } = useLoad(() => helplineCasesApi.list({ status: 'active', limit: '200' }), []);
  if (loadError) return <p className="field-error">{t('helpline.caseLink.casesFailed')}</p>;
  if (!data) return <p role="status">{t('console.loading')}</p>;
  if (data.cases.length === 0) return <p>{t('helpline.caseLink.noCases')}</p>;
  return (
    <SelectField label={t('helpline.caseLink.existingCase')} name="caseId" required value={value} onChange={(event) => onChange(event.target.value)} error={error ?? undefined}>
      <option value="">{t('helpline.caseLink.chooseCase')}</option>
      {data.cases.map((c) => (
        <option key={c.id} value={c.id}>
          {c.number}: {c.title} ({t(`helpline.codes.caseStatus.${c.status}`)})
        </option>
      ))}
    </SelectField>
  );
}
