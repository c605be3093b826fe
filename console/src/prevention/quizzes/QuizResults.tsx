// Did the children learn anything? Per question, the share of right answers before and after
// the presentation and the change, in a table (the numbers are the content; the small bars
// beside them are drawn as SVG and hidden from screen readers).
import { useTranslation } from 'react-i18next';
import { questionTextIn } from '../../../../common/schemas/prevention/quizzes';
import type { Language } from '../../../../common/roles';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import type { QuizResults as Results } from './api';
import { percent, signedPoints } from './text';

type PhaseShare = Results['overall']['pre'];

function Share({ value, kind, language }: { value: PhaseShare; kind: 'pre' | 'post'; language: Language }) {
  const { t } = useTranslation();
  const noValue = t('prevention.quizzes.results.noValue');
  return (
    <>
      <span className="quiz-share">{percent(value.share, language, noValue)}</span>
      {value.share !== null && (
        <>
          {' '}
          <span className="muted quiz-share-of">({t('prevention.quizzes.results.of', { correct: value.correct, answers: value.answers })})</span>
          <svg className={`quiz-bar quiz-bar-${kind}`} viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect className="quiz-bar-track" x="0" y="0" width="100" height="8" />
            <rect className="quiz-bar-value" x="0" y="0" width={Math.round(value.share * 100)} height="8" />
          </svg>
        </>
      )}
    </>
  );
}

function Change({ value, language }: { value: number | null; language: Language }) {
  const { t } = useTranslation();
  if (value === null) return <>{t('prevention.quizzes.results.noValue')}</>;
  const className = value > 0.005 ? 'quiz-change quiz-change-up' : value < -0.005 ? 'quiz-change quiz-change-down' : 'quiz-change';
  return <span className={className}>{t('prevention.quizzes.results.points', { value: signedPoints(value, language) })}</span>;
}

export function QuizResults({ results }: { results: Results }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = results.responses.pre + results.responses.post;
  return (
    <section aria-labelledby="quiz-results-title" className="quiz-results">
      <h3 id="quiz-results-title">{t('prevention.quizzes.results.title')}</h3>
      <p>{t('prevention.quizzes.panel.responses', results.responses)}</p>
      {total === 0 ? (
        <p>{t('prevention.quizzes.results.none')}</p>
      ) : (
        <TableWrap label={t('prevention.quizzes.results.title')}>
          <table className="quiz-results-table" data-testid="quiz-results">
            <caption>{t('prevention.quizzes.results.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prevention.quizzes.results.question')}</th>
                <th scope="col">{t('prevention.quizzes.results.before')}</th>
                <th scope="col">{t('prevention.quizzes.results.after')}</th>
                <th scope="col">{t('prevention.quizzes.results.change')}</th>
              </tr>
            </thead>
            <tbody>
              {results.questions.map((q, index) => (
                <tr key={q.id} data-testid="quiz-result-row">
                  <th scope="row">
                    {index + 1}. {questionTextIn(q, language).prompt}
                  </th>
                  <td><Share value={q.pre} kind="pre" language={language} /></td>
                  <td><Share value={q.post} kind="post" language={language} /></td>
                  <td><Change value={q.change} language={language} /></td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('prevention.quizzes.results.overall')}</th>
                <td><Share value={results.overall.pre} kind="pre" language={language} /></td>
                <td><Share value={results.overall.post} kind="post" language={language} /></td>
                <td><Change value={results.overall.change} language={language} /></td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
