// Escalating a contact to the hotline: a content report prefilled from the contact. The
// receipt comes back once; the counsellor reads it to the caller.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { REPORT_CATEGORIES, type ReportCategory } from '../../../common/hotline';
import { SelectField, TextAreaField } from '../components/Field';
import { ErrorAlert } from '../components/Messages';
import { useUser } from '../session';
import type { ApiError } from '../api';
import { asApiError } from '../session';
import { contactsApi, type Contact } from './api';

/** The hotline category a helpline issue most likely is; the counsellor can change it. */
const CATEGORY_FOR: Partial<Record<string, ReportCategory>> = {
  grooming: 'grooming',
  sextortion: 'sextortion',
  cyberbullying: 'cyberbullying',
  'hate-speech': 'hate-speech',
  'potentially-harmful-content': 'harmful-content',
  'self-harm': 'harmful-content',
  suicide: 'harmful-content',
  radicalisation: 'harmful-content',
  pornography: 'harmful-content',
};

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;

/** Receipts are shown in groups of four digits, as on the public site. */
const grouped = (receipt: string) => receipt.replace(/(\d{4})(?=\d)/g, '$1 ');

export function EscalatePanel({ contact, receipt, onEscalated }: { contact: Contact; receipt: string | null; onEscalated: (receipt: string) => void }) {
  const { t } = useTranslation();
  const me = useUser();
  const [isOpen, setIsOpen] = useState(false);
  const receiptRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (receipt) receiptRef.current?.focus();
  }, [receipt]);

  return (
    <section aria-labelledby="contact-escalate">
      <h2 id="contact-escalate">{t('helpline.escalate.title')}</h2>
      {receipt && (
        <div className="alert alert-warning receipt-box" ref={receiptRef} tabIndex={-1} data-testid="escalation-receipt">
          <p>{t('helpline.escalate.done')}</p>
          <p>
            {t('helpline.escalate.receiptTitle')}: <code className="receipt">{grouped(receipt)}</code>
          </p>
          <p>
            <strong>{t('helpline.escalate.receiptNote')}</strong>
          </p>
        </div>
      )}
      {contact.reportId ? (
        <p>
          {t('helpline.escalate.already')}{' '}
          {me.abilities['reports.list'] && <Link to={`/reports/${contact.reportId}`}>{t('helpline.escalate.openReport')}</Link>}
        </p>
      ) : isOpen ? (
        <EscalateForm contact={contact} onEscalated={onEscalated} onCancel={() => setIsOpen(false)} />
      ) : (
        <>
          <p className="hint">{t('helpline.escalate.intro')}</p>
          <button type="button" data-testid="escalate-contact" onClick={() => setIsOpen(true)}>
            {t('helpline.escalate.submit')}…
          </button>
        </>
      )}
    </section>
  );
}

function EscalateForm({ contact, onEscalated, onCancel }: { contact: Contact; onEscalated: (receipt: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<ReportCategory>(CATEGORY_FOR[contact.primaryCategory ?? ''] ?? 'other');
  const [description, setDescription] = useState(contact.summary);
  const [urls, setUrls] = useState(() => [...new Set(`${contact.summary}\n${contact.adviceGiven}`.match(URL_PATTERN) ?? [])].join('\n'));
  const [error, setError] = useState<ApiError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const firstRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    firstRef.current?.querySelector('select')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!description.trim()) {
      setProblem(t('console.errors.validation'));
      return;
    }
    setProblem(null);
    setIsBusy(true);
    try {
      const result = await contactsApi.escalate(contact.id, {
        category,
        description: description.trim(),
        urls: urls.split('\n').map((u) => u.trim()).filter(Boolean),
      });
      onEscalated(result.receipt);
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form ref={firstRef} className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="escalate-form">
      <p className="hint">{t('helpline.escalate.intro')}</p>
      <ErrorAlert error={error} knownFields={['category', 'description', 'urls']} />
      <SelectField label={t('helpline.escalate.category')} name="category" value={category} onChange={(event) => setCategory(event.target.value as ReportCategory)} error={error?.fieldError('category')}>
        {REPORT_CATEGORIES.map((code) => (
          <option key={code} value={code}>
            {t(`console.hotline.categories.${code}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('helpline.escalate.description')}
        name="description"
        required
        maxLength={5000}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        error={problem ?? error?.fieldError('description')}
      />
      <TextAreaField label={t('helpline.escalate.urls')} hint={t('helpline.escalate.urlsHint')} name="urls" rows={3} value={urls} onChange={(event) => setUrls(event.target.value)} error={error?.fieldError('urls')} />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={isBusy} data-testid="send-escalation">
          {isBusy ? t('helpline.escalate.sending') : t('helpline.escalate.submit')}
        </button>
        <button type="button" disabled={isBusy} onClick={onCancel}>
          {t('helpline.form.cancel')}
        </button>
      </div>
    </form>
  );
}
