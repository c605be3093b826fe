// Writing or editing a quiz question: the topic, the question and its 3–4 answers in Serbian
// (Cyrillic) and English side by side, the right answer and a short explanation for pupils.
// A question a quiz has used keeps its wording (the server refuses a change): the form then
// offers only the topic and the review mark, and a corrected copy (/new?copy=<id>).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PREVENTION_TOPICS, type PreventionTopic } from '../../../../common/prevention';
import { QUIZ_MAX_OPTIONS, QUIZ_MIN_OPTIONS, questionTextIn } from '../../../../common/schemas/prevention/quizzes';
import type { ApiError } from '../../api';
import { SelectField, TextAreaField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { useLanguage } from '../../i18n';
import { asApiError } from '../../session';
import { useLoad } from '../../useLoad';
import { quizBankApi, type QuizQuestion } from './api';
import { fieldAt, optionLetter, refusal } from './text';

interface Wording {
  prompt: string;
  options: string[];
  explanation: string;
}
interface Draft {
  topic: PreventionTopic | '';
  sr: Wording;
  en: Wording;
  correctOption: number | null;
  needsReview: boolean;
}

const blankWording = (): Wording => ({ prompt: '', options: ['', '', ''], explanation: '' });
const emptyDraft: Draft = { topic: '', sr: blankWording(), en: blankWording(), correctOption: null, needsReview: false };
const draftOf = (q: QuizQuestion, asCopy: boolean): Draft => ({
  topic: q.topic,
  sr: { ...q.sr, options: [...q.sr.options] },
  en: { ...q.en, options: [...q.en.options] },
  correctOption: q.correctOption,
  needsReview: asCopy ? false : q.needsReview,
});

export function QuestionEditor() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const copyOf = id ? null : params.get('copy');
  const source = id ?? copyOf;
  const loaded = useLoad(async () => (source ? (await quizBankApi.get(source)).question : null), [source]);
  const { t } = useTranslation();
  if (source && loaded.isLoading) return <p role="status">{t('console.loading')}</p>;
  if (source && !loaded.data) {
    return (
      <Screen title={t('prevention.quizzes.form.newTitle')}>
        <ErrorAlert error={loaded.error} />
      </Screen>
    );
  }
  return <EditorForm key={`${id ?? 'new'}-${copyOf ?? ''}`} question={id ? loaded.data : null} copyFrom={copyOf ? loaded.data : null} />;
}

function WordingFields({ lang, legend, wording, count, isLocked, error, onChange }: {
  lang: 'sr' | 'en';
  legend: string;
  wording: Wording;
  count: number;
  isLocked: boolean;
  error: ApiError | null;
  onChange: (next: Wording) => void;
}) {
  const { t } = useTranslation();
  const setOption = (index: number, value: string) => onChange({ ...wording, options: wording.options.map((o, i) => (i === index ? value : o)) });
  return (
    <fieldset lang={lang === 'sr' ? 'sr-Cyrl' : 'en'} className="quiz-wording">
      <legend>{legend}</legend>
      <TextAreaField
        label={t('prevention.quizzes.form.prompt')}
        name={`${lang}.prompt`}
        rows={2}
        required
        maxLength={300}
        disabled={isLocked}
        value={wording.prompt}
        onChange={(event) => onChange({ ...wording, prompt: event.target.value })}
        error={fieldAt(error, `${lang}.prompt`)}
      />
      {Array.from({ length: count }, (_, index) => (
        <TextAreaField
          key={index}
          label={t('prevention.quizzes.form.option', { letter: optionLetter(index) })}
          name={`${lang}.options.${index}`}
          rows={2}
          required
          maxLength={160}
          disabled={isLocked}
          value={wording.options[index] ?? ''}
          onChange={(event) => setOption(index, event.target.value)}
          error={fieldAt(error, `${lang}.options.${index}`) ?? (index === 0 ? error?.fields[`${lang}.options`] : undefined)}
        />
      ))}
      <TextAreaField
        label={t('prevention.quizzes.form.explanation')}
        hint={t('prevention.quizzes.form.explanationHint')}
        name={`${lang}.explanation`}
        rows={2}
        maxLength={500}
        disabled={isLocked}
        value={wording.explanation}
        onChange={(event) => onChange({ ...wording, explanation: event.target.value })}
        error={fieldAt(error, `${lang}.explanation`)}
      />
    </fieldset>
  );
}

function EditorForm({ question, copyFrom }: { question: QuizQuestion | null; copyFrom: QuizQuestion | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(question ? draftOf(question, false) : copyFrom ? draftOf(copyFrom, true) : emptyDraft);
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const isLocked = question !== null && question.usedByEvents > 0;
  const count = draft.sr.options.length;

  const setCount = (next: number) =>
    setDraft((d) => {
      const resize = (w: Wording) => ({ ...w, options: Array.from({ length: next }, (_, i) => w.options[i] ?? '') });
      return { ...d, sr: resize(d.sr), en: resize(d.en), correctOption: d.correctOption !== null && d.correctOption < next ? d.correctOption : null };
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    const wording = { sr: draft.sr, en: draft.en, correctOption: draft.correctOption ?? -1 };
    try {
      if (question) {
        await quizBankApi.update(question.id, { topic: draft.topic as PreventionTopic, needsReview: draft.needsReview, ...(isLocked ? {} : wording) });
      } else {
        await quizBankApi.create({ topic: draft.topic as PreventionTopic, needsReview: draft.needsReview, ...wording });
      }
      void navigate('/prevention/quizzes', { state: { message: t('prevention.quizzes.bank.saved') } });
    } catch (reason) {
      setError(asApiError(reason));
      setIsSaving(false);
    }
  };

  const title = question ? t('prevention.quizzes.form.editTitle') : copyFrom ? t('prevention.quizzes.form.copyTitle') : t('prevention.quizzes.form.newTitle');
  const correctError = fieldAt(error, 'correctOption');
  // The right-answer choices repeat the answers in the interface language as they are typed.
  const shownOptions = language === 'en' ? draft.en.options.map((o, i) => o || draft.sr.options[i]) : questionTextIn(draft, language).options;
  return (
    <Screen title={title} headingTestId="quiz-question-editor-heading">
      <form className="form quiz-question-form" onSubmit={(event) => void save(event)} noValidate aria-label={title}>
        {error && <ErrorAlert error={error} message={refusal(t, error, 'bank')} knownFields={['topic', 'sr', 'en', 'correctOption', 'needsReview']} />}
        {isLocked && (
          <div className="alert alert-info">
            <p>{t('prevention.quizzes.form.locked')}</p>
            <p>
              <Link to={`/prevention/quizzes/new?copy=${question.id}`}>{t('prevention.quizzes.bank.copy')}</Link>
            </p>
          </div>
        )}
        <SelectField label={t('prevention.quizzes.form.topic')} name="topic" required value={draft.topic} onChange={(event) => setDraft((d) => ({ ...d, topic: event.target.value as PreventionTopic }))} error={fieldAt(error, 'topic')}>
          <option value="">—</option>
          {PREVENTION_TOPICS.map((code) => (
            <option key={code} value={code}>{t(`prevention.codes.topics.${code}`)}</option>
          ))}
        </SelectField>
        <SelectField label={t('prevention.quizzes.form.optionCount')} name="optionCount" disabled={isLocked} value={String(count)} onChange={(event) => setCount(Number(event.target.value))}>
          {Array.from({ length: QUIZ_MAX_OPTIONS - QUIZ_MIN_OPTIONS + 1 }, (_, i) => QUIZ_MIN_OPTIONS + i).map((n) => (
            <option key={n} value={n}>{n}</option>
          ))}
        </SelectField>
        <div className="quiz-wordings">
          <WordingFields lang="sr" legend={t('prevention.quizzes.form.serbian')} wording={draft.sr} count={count} isLocked={isLocked} error={error} onChange={(sr) => setDraft((d) => ({ ...d, sr }))} />
          <WordingFields lang="en" legend={t('prevention.quizzes.form.english')} wording={draft.en} count={count} isLocked={isLocked} error={error} onChange={(en) => setDraft((d) => ({ ...d, en }))} />
        </div>
        <fieldset className={correctError ? 'choice-group field-invalid' : 'choice-group'} aria-describedby={correctError ? 'correct-error' : undefined}>
          <legend>{t('prevention.quizzes.form.correct')}</legend>
          {correctError && <p className="field-error" id="correct-error">{correctError}</p>}
          <div className="quiz-correct-choices">
            {Array.from({ length: count }, (_, index) => (
              <label key={index} className="checkbox">
                <input type="radio" name="correctOption" value={index} disabled={isLocked} checked={draft.correctOption === index} onChange={() => setDraft((d) => ({ ...d, correctOption: index }))} />
                {optionLetter(index)}
                {shownOptions[index] ? `: ${shownOptions[index]}` : ''}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" name="needsReview" checked={draft.needsReview} onChange={(event) => setDraft((d) => ({ ...d, needsReview: event.target.checked }))} />
          {t('prevention.quizzes.form.needsReview')}
        </label>
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={isSaving} data-testid="quiz-question-save">
            {t('prevention.quizzes.form.save')}
          </button>
          <Link to="/prevention/quizzes">{t('prevention.quizzes.form.cancel')}</Link>
        </div>
      </form>
    </Screen>
  );
}
