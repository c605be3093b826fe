// Writing an article (supervisors): Markdown per language with a live preview rendered by the
// server's own sanitising renderer, so the preview is exactly what the public will see.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { HELPLINE_CATEGORIES } from '../../../common/helpline';
import { ADVICE_STATUSES, type AdviceStatus } from '../../../common/schemas/advice';
import type { ApiError } from '../api';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useLanguage } from '../i18n';
import { asApiError } from '../session';
import { useLoad } from '../useLoad';
import { adviceApi, type AdviceArticle } from './api';
import { titleIn } from './text';

const PREVIEW_PAUSE_MS = 400;
const TEXT_FIELDS = ['slug', 'titleSr', 'summarySr', 'bodySr', 'titleEn', 'summaryEn', 'bodyEn'] as const;
type TextFieldName = (typeof TEXT_FIELDS)[number];
interface Draft extends Record<TextFieldName, string> {
  categories: string[];
  status: AdviceStatus;
  needsReview: boolean;
}

const emptyDraft: Draft = { slug: '', titleSr: '', summarySr: '', bodySr: '', titleEn: '', summaryEn: '', bodyEn: '', categories: [], status: 'draft', needsReview: true };
const draftOf = (a: AdviceArticle): Draft => ({
  slug: a.slug,
  titleSr: a.titleSr,
  summarySr: a.summarySr,
  bodySr: a.bodySr,
  titleEn: a.titleEn,
  summaryEn: a.summaryEn,
  bodyEn: a.bodyEn,
  categories: a.categories,
  status: a.status,
  needsReview: a.needsReview,
});

/** The server's rendering of the Markdown, fetched once typing pauses. */
function Preview({ markdown, label, lang }: { markdown: string; label: string; lang: string }) {
  const { t } = useTranslation();
  const [html, setHtml] = useState('');
  const [hasFailed, setHasFailed] = useState(false);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    if (!markdown.trim()) {
      setHtml('');
      return;
    }
    const timer = setTimeout(() => {
      adviceApi.preview(markdown).then(
        (answer) => {
          if (request !== latest.current) return;
          setHtml(answer.html);
          setHasFailed(false);
        },
        () => {
          if (request === latest.current) setHasFailed(true);
        },
      );
    }, PREVIEW_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [markdown]);
  return (
    <section aria-label={label} className="card" lang={lang}>
      <h2>{label}</h2>
      {hasFailed && <p className="field-error">{t('advice.console.edit.previewFailed')}</p>}
      {html ? <div data-testid="advice-preview" dangerouslySetInnerHTML={{ __html: html }} /> : <p>{t('advice.console.edit.previewEmpty')}</p>}
    </section>
  );
}

export function AdviceEditor() {
  const { id } = useParams();
  const loaded = useLoad(async () => (id ? (await adviceApi.get(id)).article : null), [id]);
  const { t } = useTranslation();
  if (id && loaded.isLoading) return <p role="status">{t('console.loading')}</p>;
  if (id && !loaded.data) {
    return (
      <Screen title={t('advice.console.edit.newTitle')}>
        <ErrorAlert error={loaded.error} />
      </Screen>
    );
  }
  return <EditorForm key={id ?? 'new'} article={loaded.data} />;
}

function EditorForm({ article }: { article: AdviceArticle | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(article ? draftOf(article) : emptyDraft);
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const set = (name: TextFieldName) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value }));
  const toggleCategory = (code: string) =>
    setDraft((d) => ({ ...d, categories: d.categories.includes(code) ? d.categories.filter((c) => c !== code) : [...d.categories, code] }));
  const fieldError = (name: string) => error?.fieldError(name);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    const body = { ...draft, categories: draft.categories as (typeof HELPLINE_CATEGORIES)[number][] };
    try {
      const savedId = article ? (await adviceApi.update(article.id, body)).article.id : (await adviceApi.create(body)).id;
      void navigate(`/advice/${savedId}`);
    } catch (reason) {
      setError(asApiError(reason));
      setIsSaving(false);
    }
  };

  const title = article ? t('advice.console.edit.editTitle', { title: titleIn(article, language) }) : t('advice.console.edit.newTitle');
  return (
    <Screen title={title}>
      <form className="form" onSubmit={(event) => void save(event)} noValidate aria-label={title}>
        <ErrorAlert error={error} knownFields={[...TEXT_FIELDS, 'categories', 'status', 'needsReview']} />
        <TextField label={t('advice.console.edit.slug')} hint={t('advice.console.edit.slugHint')} name="slug" required maxLength={80} value={draft.slug} onChange={set('slug')} error={fieldError('slug')} />
        <fieldset className={fieldError('categories') ? 'field-invalid' : undefined}>
          <legend>{t('advice.console.edit.categories')}</legend>
          {fieldError('categories') && <p className="field-error">{fieldError('categories')}</p>}
          <div className="checkbox-grid">
            {HELPLINE_CATEGORIES.map((code) => (
              <label key={code} className="checkbox">
                <input type="checkbox" name="categories" value={code} checked={draft.categories.includes(code)} onChange={() => toggleCategory(code)} />
                {t(`advice.categories.${code}`)}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset lang="sr-Cyrl">
          <legend>{t('advice.console.edit.serbian')}</legend>
          <TextField label={t('advice.console.edit.title')} name="titleSr" required maxLength={200} value={draft.titleSr} onChange={set('titleSr')} error={fieldError('titleSr')} />
          <TextAreaField label={t('advice.console.edit.summary')} name="summarySr" rows={2} maxLength={500} value={draft.summarySr} onChange={set('summarySr')} error={fieldError('summarySr')} />
          <TextAreaField label={t('advice.console.edit.body')} hint={t('advice.console.edit.bodyHint')} name="bodySr" required rows={16} value={draft.bodySr} onChange={set('bodySr')} error={fieldError('bodySr')} />
          <Preview markdown={draft.bodySr} label={`${t('advice.console.edit.preview')} – ${t('advice.console.edit.serbian')}`} lang="sr-Cyrl" />
        </fieldset>

        <fieldset lang="en">
          <legend>{t('advice.console.edit.english')}</legend>
          <TextField label={t('advice.console.edit.title')} name="titleEn" required maxLength={200} value={draft.titleEn} onChange={set('titleEn')} error={fieldError('titleEn')} />
          <TextAreaField label={t('advice.console.edit.summary')} name="summaryEn" rows={2} maxLength={500} value={draft.summaryEn} onChange={set('summaryEn')} error={fieldError('summaryEn')} />
          <TextAreaField label={t('advice.console.edit.body')} hint={t('advice.console.edit.bodyHint')} name="bodyEn" required rows={16} value={draft.bodyEn} onChange={set('bodyEn')} error={fieldError('bodyEn')} />
          <Preview markdown={draft.bodyEn} label={`${t('advice.console.edit.preview')} – ${t('advice.console.edit.english')}`} lang="en" />
        </fieldset>

        <SelectField label={t('advice.console.edit.status')} name="status" value={draft.status} onChange={(event) => setDraft((d) => ({ ...d, status: event.target.value as AdviceStatus }))} error={fieldError('status')}>
          {ADVICE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`advice.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <label className="checkbox">
          <input type="checkbox" name="needsReview" checked={draft.needsReview} onChange={(event) => setDraft((d) => ({ ...d, needsReview: event.target.checked }))} />
          {t('advice.console.edit.needsReview')}
        </label>
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={isSaving} data-testid="advice-save">
            {t('advice.console.edit.save')}
          </button>
          <Link to={article ? `/advice/${article.id}` : '/advice'}>{t('advice.console.edit.cancel')}</Link>
        </div>
      </form>
    </Screen>
  );
}
