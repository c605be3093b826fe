// The question bank: filter by topic and status (kept in the address), each question with its
// right answer in the interface language, where it is used, and what can be done with it: a
// question a quiz has used is retired (and copied to correct it), never deleted.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { PREVENTION_TOPICS } from '../../../../common/prevention';
import { questionTextIn } from '../../../../common/schemas/prevention/quizzes';
import type { ApiError } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SelectField } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { asApiError } from '../../session';
import { useLoad } from '../../useLoad';
import { quizBankApi, type QuizQuestion, type UpdateQuizQuestion } from './api';
import { optionLetter, refusal } from './text';

const STATUSES = ['active', 'retired', 'all'] as const;

export function QuestionList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const topic = params.get('topic') ?? '';
  const status = params.get('status') ?? 'active';
  const loaded = useLoad(() => quizBankApi.list({ topic: topic || undefined, status }), [topic, status]);
  const [message, setMessage] = useState<string | null>((location.state as { message?: string } | null)?.message ?? null);
  const [error, setError] = useState<ApiError | null>(null);

  const setFilter = (name: 'topic' | 'status', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const act = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    setMessage(null);
    try {
      await action();
      setMessage(done);
      loaded.reload();
    } catch (reason) {
      setError(asApiError(reason));
    }
  };
  const update = (q: QuizQuestion, body: UpdateQuizQuestion, done: string) => act(() => quizBankApi.update(q.id, body), done);
  const questions = loaded.data?.questions ?? [];

  return (
    <Screen title={t('prevention.quizzes.bank.title')} headingTestId="quiz-bank-heading">
      <p>{t('prevention.quizzes.bank.lead')}</p>
      <p>
        <Link to="/prevention/quizzes/new" className="button button-primary" data-testid="quiz-question-new">
          {t('prevention.quizzes.bank.newQuestion')}
        </Link>
      </p>
      <form className="form filters" aria-label={t('prevention.quizzes.bank.filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="filter-grid">
          <SelectField label={t('prevention.quizzes.bank.topic')} name="topic" value={topic} onChange={(event) => setFilter('topic', event.target.value)}>
            <option value="">{t('prevention.quizzes.bank.allTopics')}</option>
            {PREVENTION_TOPICS.map((code) => (
              <option key={code} value={code}>{t(`prevention.codes.topics.${code}`)}</option>
            ))}
          </SelectField>
          <SelectField label={t('prevention.quizzes.bank.status')} name="status" value={status} onChange={(event) => setFilter('status', event.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>{t(`prevention.quizzes.bank.statuses.${s}`)}</option>
            ))}
          </SelectField>
        </div>
      </form>
      <StatusMessage message={message} />
      {error && <ErrorAlert error={error} message={refusal(t, error, 'bank')} />}
      <ErrorAlert error={loaded.error} />
      <p role="status">{loaded.isLoading ? t('console.loading') : t('prevention.quizzes.bank.shown', { count: questions.length })}</p>
      {!loaded.isLoading && !loaded.error && questions.length === 0 && <p>{t('prevention.quizzes.bank.empty')}</p>}
      {questions.length > 0 && (
        <TableWrap label={t('prevention.quizzes.bank.title')}>
          <table className="quiz-bank-table">
            <thead>
              <tr>
                <th scope="col">{t('prevention.quizzes.bank.columns.question')}</th>
                <th scope="col">{t('prevention.quizzes.bank.columns.topic')}</th>
                <th scope="col">{t('prevention.quizzes.bank.columns.answer')}</th>
                <th scope="col">{t('prevention.quizzes.bank.columns.status')}</th>
                <th scope="col">{t('prevention.quizzes.bank.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {questions.map((q) => {
                const text = questionTextIn(q, language);
                const isUsed = q.usedByEvents > 0;
                return (
                  <tr key={q.id} data-testid="quiz-question-row">
                    <th scope="row" id={`question-${q.id}`}>{text.prompt}</th>
                    <td>{t(`prevention.codes.topics.${q.topic}`)}</td>
                    <td>
                      {optionLetter(q.correctOption)}: {text.options[q.correctOption]}
                    </td>
                    <td>
                      <ul className="tag-list">
                        <li className={q.isActive ? 'tag tag-ok' : 'tag tag-muted'}>{t(q.isActive ? 'prevention.quizzes.bank.active' : 'prevention.quizzes.bank.retired')}</li>
                        {q.needsReview && <li className="tag tag-warn">{t('prevention.quizzes.bank.needsReview')}</li>}
                        {q.isStarter && <li className="tag">{t('prevention.quizzes.bank.starter')}</li>}
                        {isUsed && <li className="tag">{t('prevention.quizzes.bank.usedBy', { count: q.usedByEvents })}</li>}
                      </ul>
                    </td>
                    <td>
                      <div className="button-row quiz-row-actions" role="group" aria-labelledby={`question-${q.id}`}>
                        <Link to={`/prevention/quizzes/${q.id}/edit`}>{t('prevention.quizzes.bank.edit')}</Link>
                        {isUsed && <Link to={`/prevention/quizzes/new?copy=${q.id}`}>{t('prevention.quizzes.bank.copy')}</Link>}
                        {q.needsReview && (
                          <button type="button" className="button-small" onClick={() => void update(q, { needsReview: false }, t('prevention.quizzes.bank.reviewedMessage'))}>
                            {t('prevention.quizzes.bank.markReviewed')}
                          </button>
                        )}
                        {q.isActive ? (
                          <button type="button" className="button-small" onClick={() => void update(q, { isActive: false }, t('prevention.quizzes.bank.retiredMessage'))}>
                            {t('prevention.quizzes.bank.retire')}
                          </button>
                        ) : (
                          <button type="button" className="button-small" onClick={() => void update(q, { isActive: true }, t('prevention.quizzes.bank.reactivatedMessage'))}>
                            {t('prevention.quizzes.bank.reactivate')}
                          </button>
                        )}
                        {!isUsed && !q.isStarter && (
                          <ConfirmButton label={t('prevention.quizzes.bank.delete')} isDangerous onConfirm={() => act(() => quizBankApi.remove(q.id), t('prevention.quizzes.bank.deletedMessage'))} />
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Screen>
  );
}
