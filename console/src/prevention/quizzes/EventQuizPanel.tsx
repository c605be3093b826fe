// The quiz of one event, on the event's page: a coordinator attaches or changes it; at the
// event a coordinator or one of its presenters opens the "before" phase, closes it, opens the
// "after" phase and closes it, showing the code, short link and QR code on the screen; and
// everyone on the team sees the share of right answers per question before and after. What
// the viewer may do comes from the server (canManage, canRun).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { questionTextIn } from '../../../../common/schemas/prevention/quizzes';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { formatDateTimeShort, useLanguage } from '../../i18n';
import { useLoad } from '../../useLoad';
import { useRecordAction } from '../../useRecordAction';
import { eventQuizApi, type EventQuiz, type EventQuizState, type QuizPhase } from './api';
import { QuestionPicker } from './QuestionPicker';
import { QuizCode } from './QuizCode';
import { QuizResults } from './QuizResults';
import { refusal } from './text';
import './quizzes.css';

/** While a phase is open the answer counts and results refresh by themselves. */
const REFRESH_MS = 10_000;

export function EventQuizPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => eventQuizApi.get(eventId), [eventId]);
  const results = useLoad(() => eventQuizApi.results(eventId).catch(() => null), [eventId]);
  const setState = loaded.setData;
  const reloadResults = results.reload;
  const onChanged = useCallback(
    (state: EventQuizState) => {
      setState(state);
      reloadResults();
    },
    [setState, reloadResults],
  );
  const action = useRecordAction<EventQuizState>(onChanged);
  const [isChanging, setIsChanging] = useState(false);
  const state = loaded.data;
  const isOpen = state?.quiz !== null && state?.quiz !== undefined && state.quiz.phase !== 'closed';

  useEffect(() => {
    if (!isOpen) return undefined;
    const timer = setInterval(() => {
      eventQuizApi.get(eventId).then(setState, () => undefined);
      reloadResults();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [isOpen, eventId, setState, reloadResults]);

  let body;
  if (loaded.isLoading && !state) body = <p role="status">{t('console.loading')}</p>;
  else if (!state) body = <ErrorAlert error={loaded.error} />;
  else if (!state.quiz) {
    body = state.canManage ? (
      <QuestionPicker
        title={t('prevention.quizzes.panel.attachTitle')}
        submitLabel={t('prevention.quizzes.panel.attach')}
        initial={[]}
        isBusy={action.isBusy}
        error={action.error}
        onSave={(questionIds) => void action.run(() => eventQuizApi.attach(eventId, { questionIds }), t('prevention.quizzes.panel.added'))}
      />
    ) : (
      <p>
        {t('prevention.quizzes.panel.none')} {t('prevention.quizzes.panel.noneHint')}
      </p>
    );
  } else if (isChanging) {
    body = (
      <QuestionPicker
        title={t('prevention.quizzes.panel.changeTitle')}
        submitLabel={t('prevention.quizzes.panel.saveQuestions')}
        initial={state.quiz.questions.filter((q) => q.isActive).map((q) => q.id)}
        isBusy={action.isBusy}
        error={action.error}
        onSave={(questionIds) =>
          void action.run(() => eventQuizApi.attach(eventId, { questionIds }), t('prevention.quizzes.panel.saved')).then((ok) => ok && setIsChanging(false))
        }
        onCancel={() => setIsChanging(false)}
      />
    );
  } else {
    body = (
      <QuizDetails
        state={state}
        quiz={state.quiz}
        isBusy={action.isBusy}
        onPhase={(phase) =>
          void action.run(() => eventQuizApi.setPhase(eventId, phase), phase === 'closed' ? t('prevention.quizzes.panel.closedMessage') : t('prevention.quizzes.panel.opened'))
        }
        onChange={() => {
          action.reset();
          setIsChanging(true);
        }}
        onRemove={() =>
          action.run(async () => {
            await eventQuizApi.remove(eventId);
            return { ...state, quiz: null };
          }, t('prevention.quizzes.panel.removed')).then(() => undefined)
        }
      />
    );
  }

  return (
    <section className="quiz-panel" aria-labelledby="quiz-panel-title" data-testid="event-quiz-panel">
      <h2 id="quiz-panel-title">{t('prevention.quizzes.panel.title')}</h2>
      <p className="muted">{t('prevention.quizzes.panel.lead')}</p>
      <StatusMessage message={action.message} />
      {action.error && !isChanging && state?.quiz && <ErrorAlert error={action.error} message={refusal(t, action.error, 'panel')} />}
      {body}
      {state?.quiz && results.data && <QuizResults results={results.data} />}
    </section>
  );
}

function QuizDetails({ state, quiz, isBusy, onPhase, onChange, onRemove }: {
  state: EventQuizState;
  quiz: EventQuiz;
  isBusy: boolean;
  onPhase: (phase: QuizPhase) => void;
  onChange: () => void;
  onRemove: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const time = (iso: string) => formatDateTimeShort(iso, language);
  const hasPostStarted = quiz.postOpenedAt !== null;
  const button = (phase: QuizPhase, label: string, testId: string, isPrimary = false) => (
    <button type="button" className={isPrimary ? 'button-primary' : undefined} disabled={isBusy} onClick={() => onPhase(phase)} data-testid={testId}>
      {label}
    </button>
  );
  return (
    <>
      <p>
        {t('prevention.quizzes.panel.state')}:{' '}
        <strong className={quiz.phase === 'closed' ? 'tag tag-muted' : 'tag tag-ok'} data-testid="quiz-phase">
          {t(`prevention.quizzes.panel.phases.${quiz.phase}`)}
        </strong>
      </p>
      <ul className="plain-list quiz-history">
        {!quiz.preOpenedAt && !quiz.postOpenedAt && <li>{t('prevention.quizzes.panel.notYetRun')}</li>}
        {quiz.preOpenedAt && <li>{t('prevention.quizzes.panel.preOpenedAt', { time: time(quiz.preOpenedAt) })}</li>}
        {quiz.postOpenedAt && <li>{t('prevention.quizzes.panel.postOpenedAt', { time: time(quiz.postOpenedAt) })}</li>}
      </ul>
      {state.canRun && (
        <>
          <p className="hint">{t('prevention.quizzes.panel.window', { from: time(state.opensFrom), to: time(state.expiresAt) })}</p>
          <div className="button-row" role="group" aria-label={t('prevention.quizzes.panel.state')}>
            {quiz.phase === 'closed' && !hasPostStarted && button('pre', t('prevention.quizzes.panel.openPre'), 'quiz-open-pre', true)}
            {quiz.phase !== 'post' && button('post', t('prevention.quizzes.panel.openPost'), 'quiz-open-post', quiz.phase === 'pre' || hasPostStarted)}
            {quiz.phase !== 'closed' && button('closed', t('prevention.quizzes.panel.close'), 'quiz-close')}
          </div>
        </>
      )}
      <QuizCode quiz={quiz} />
      <h3>{t('prevention.quizzes.panel.questions')}</h3>
      <ol className="quiz-question-list">
        {quiz.questions.map((q) => (
          <li key={q.id}>
            {questionTextIn(q, language).prompt}
            {!q.isActive && <span className="muted"> ({t('prevention.quizzes.panel.retiredQuestion')})</span>}
          </li>
        ))}
      </ol>
      {state.canManage && quiz.canChangeQuestions && (
        <div className="button-row">
          <button type="button" onClick={onChange} data-testid="quiz-change">
            {t('prevention.quizzes.panel.changeQuestions')}
          </button>
          <ConfirmButton label={t('prevention.quizzes.panel.remove')} isDangerous onConfirm={onRemove} />
        </div>
      )}
    </>
  );
}
