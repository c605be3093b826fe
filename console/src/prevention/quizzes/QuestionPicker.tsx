// Choosing a quiz's 3–10 questions from the bank's active questions, filtered by topic. The
// choice keeps its order: pupils see the questions in the order they were ticked.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PREVENTION_TOPICS } from '../../../../common/prevention';
import { QUIZ_MAX_QUESTIONS, QUIZ_MIN_QUESTIONS, questionTextIn } from '../../../../common/schemas/prevention/quizzes';
import type { ApiError } from '../../api';
import { SelectField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { useLanguage } from '../../i18n';
import { useLoad } from '../../useLoad';
import { quizBankApi } from './api';
import { fieldAt, refusal } from './text';

interface Props {
  title: string;
  submitLabel: string;
  initial: string[];
  isBusy: boolean;
  error: ApiError | null;
  onSave: (questionIds: string[]) => void;
  onCancel?: () => void;
}

export function QuestionPicker({ title, submitLabel, initial, isBusy, error, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [topic, setTopic] = useState('');
  const [chosen, setChosen] = useState<string[]>(initial);
  const [isTooFew, setIsTooFew] = useState(false);
  const loaded = useLoad(() => quizBankApi.list({ status: 'active' }), []);
  const all = loaded.data?.questions ?? [];
  const shown = all.filter((q) => !topic || q.topic === topic || chosen.includes(q.id));
  const topics = PREVENTION_TOPICS.filter((code) => all.some((q) => q.topic === code));
  const isFull = chosen.length >= QUIZ_MAX_QUESTIONS;
  const toggle = (id: string) => setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  const problem = isTooFew && chosen.length < QUIZ_MIN_QUESTIONS ? t('prevention.quizzes.panel.tooFew') : fieldAt(error, 'questionIds');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIsTooFew(chosen.length < QUIZ_MIN_QUESTIONS);
    if (chosen.length >= QUIZ_MIN_QUESTIONS) onSave(chosen);
  };

  return (
    <form className="form quiz-picker" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      {error && <ErrorAlert error={error} message={refusal(t, error, 'panel')} knownFields={['questionIds']} />}
      <ErrorAlert error={loaded.error} />
      <SelectField label={t('prevention.quizzes.panel.showTopic')} name="pickerTopic" value={topic} onChange={(event) => setTopic(event.target.value)}>
        <option value="">{t('prevention.quizzes.bank.allTopics')}</option>
        {topics.map((code) => (
          <option key={code} value={code}>{t(`prevention.codes.topics.${code}`)}</option>
        ))}
      </SelectField>
      <fieldset className={problem ? 'field-invalid' : undefined} aria-describedby={problem ? 'picker-error picker-count' : 'picker-count'}>
        <legend>{t('prevention.quizzes.panel.choose')}</legend>
        <p id="picker-count" className="hint" role="status">{t('prevention.quizzes.panel.chosen', { count: chosen.length })}</p>
        {problem && <p id="picker-error" className="field-error">{problem}</p>}
        {loaded.isLoading && <p>{t('console.loading')}</p>}
        {!loaded.isLoading && shown.length === 0 && <p>{t('prevention.quizzes.panel.noQuestions')}</p>}
        <ul className="quiz-picker-list">
          {shown.map((q) => {
            const isChosen = chosen.includes(q.id);
            return (
              <li key={q.id}>
                <label className="checkbox">
                  <input type="checkbox" name="questionIds" value={q.id} checked={isChosen} disabled={!isChosen && isFull} onChange={() => toggle(q.id)} data-testid="quiz-pick" />
                  <span>
                    {isChosen && <strong className="quiz-pick-number">{chosen.indexOf(q.id) + 1}. </strong>}
                    {questionTextIn(q, language).prompt} <span className="muted">({t(`prevention.codes.topics.${q.topic}`)})</span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={isBusy} data-testid="quiz-attach">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('prevention.quizzes.panel.cancelChange')}
          </button>
        )}
      </div>
    </form>
  );
}
