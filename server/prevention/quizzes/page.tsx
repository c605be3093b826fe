// The pupils' quiz page: /q (type the code) and /q/<code> (the questions, or why there are none
// now). Server-rendered plain forms: no JavaScript, no account, no cookie needed; big touch
// targets for a phone. Nothing about the pupil is stored or logged (logLevel warn), and the
// limits count addresses only in memory (as keyed hashes), per code for answers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import type { QuizQuestionTexts } from '../../db/schema-prevention';
import { isQuizCode, normaliseQuizCode, questionTextIn, type AnswerPhase } from '../../../common/schemas/prevention/quizzes';
import { HttpError } from '../../http/errors';
import { perAddressLimit } from '../../http/rate-limit';
import { publicAdmission } from '../../hotline/admission';
import { renderPage, type PageContext } from '../../public-site/layout';
import { pageContext, sendHtml } from '../../public-site/routes';
import { newSubmissionId, quizStateByCode, submitQuizAnswers, type AnswerProblem, type ClosedStage } from './answers';
import type { QuizQuestionRow } from './questions';

const HOUR = 3_600_000;
/** Page views per address: a school hall behind one address loads each page a few times. */
const VIEWS_PER_HOUR = 1200;
/** Answer sheets per address (any code): two phases for a few classes behind one address. */
const SHEETS_PER_HOUR = 600;
const STYLESHEET = { stylesheet: '/assets/quiz.css' };

const textOf = (q: QuizQuestionRow, page: PageContext) => questionTextIn(q.texts as QuizQuestionTexts, page.language);
const k = (key: string) => `prevention.quizzes.public.${key}`;

function HelpBox({ page }: { page: PageContext }) {
  const { t, helplinePhone } = page;
  return (
    <aside className="quiz-help" aria-labelledby="quiz-help-title">
      <h2 id="quiz-help-title">{t(k('helpTitle'))}</h2>
      <p>{t(k('helpText'))}</p>
      <p className="quiz-help-links">
        <a href={`tel:${helplinePhone.replace(/\s/g, '')}`} className="phone">{helplinePhone}</a>
        <a href="/chat">{t('public.nav.chat')}</a>
        <a href="/advice">{t('public.nav.advice')}</a>
      </p>
    </aside>
  );
}

function CodeForm({ page, code, error }: { page: PageContext; code: string; error?: string | undefined }) {
  const { t } = page;
  return (
    <form method="get" action="/q" className="quiz-code-form" noValidate>
      <div className="field">
        <label htmlFor="code">{t(k('codeLabel'))}</label>
        <p className="hint" id="code-hint">{t(k('codeHint'))}</p>
        {error && <p className="field-error" id="code-error">{error}</p>}
        <input
          type="text"
          id="code"
          name="code"
          defaultValue={code}
          maxLength={20}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="quiz-code-input"
          aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <button type="submit" className="primary">{t(k('start'))}</button>
    </form>
  );
}

export function renderCodeEntry(page: PageContext, options: { code?: string; error?: string } = {}): string {
  const { t } = page;
  return renderPage(
    page,
    t(k('enterTitle')),
    <div className="quiz">
      <h1>{t(k('enterTitle'))}</h1>
      <p className="lead">{t(k('enterLead'))}</p>
      <CodeForm page={page} code={options.code ?? ''} error={options.error} />
      <p className="quiz-anonymous">{t(k('anonymous'))}</p>
    </div>,
    STYLESHEET,
  );
}

/** A page with a heading, a paragraph, an optional link onward, and where to find help. */
function renderMessage(page: PageContext, title: string, text: string, link?: { href: string; label: string }): string {
  return renderPage(
    page,
    title,
    <div className="quiz">
      <h1>{title}</h1>
      <p className="lead">{text}</p>
      {link && (
        <p>
          <a href={link.href} className="quiz-button">{link.label}</a>
        </p>
      )}
      <HelpBox page={page} />
    </div>,
    STYLESHEET,
  );
}

function renderClosed(page: PageContext, code: string, stage: ClosedStage): string {
  const reload = stage === 'between' ? { href: `/q/${code}`, label: page.t(k('reload')) } : undefined;
  return renderMessage(page, page.t(k(`${stage}Title`)), page.t(k(`${stage}Text`)), reload);
}

interface FormState {
  code: string;
  phase: AnswerPhase;
  questions: QuizQuestionRow[];
  submissionId: string;
  chosen?: Record<string, number>;
  problems?: Record<string, AnswerProblem>;
  isUnreadable?: boolean;
}

export function renderQuizForm(page: PageContext, state: FormState): string {
  const { t } = page;
  const problems = state.problems ?? {};
  const title = t(k(state.phase === 'pre' ? 'preTitle' : 'postTitle'));
  const total = state.questions.length;
  const problemText = (problem: AnswerProblem) => t(k(problem === 'missing' ? 'missing' : 'notAnOption'));
  const withProblems = state.questions.map((q, index) => ({ q, number: index + 1, problem: problems[q.id] })).filter((x) => x.problem);
  return renderPage(
    page,
    title,
    <div className="quiz">
      <h1>{title}</h1>
      {(state.isUnreadable || withProblems.length > 0) && (
        <div className="error-summary" role="alert" aria-labelledby="quiz-errors-title" tabIndex={-1} id="errors">
          <h2 id="quiz-errors-title">{t(k('errorsTitle'))}</h2>
          {state.isUnreadable && <p>{t(k('unreadable'))}</p>}
          {withProblems.length > 0 && (
            <ul>
              {withProblems.map(({ q, number, problem }) => (
                <li key={q.id}>
                  <a href={`#question-${number}`}>{t(k('questionNumber'), { number, total })}: {problemText(problem!)}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p className="lead">{t(k(state.phase === 'pre' ? 'preLead' : 'postLead'))}</p>
      <p className="quiz-anonymous">{t(k('anonymous'))}</p>
      {/* #main: the answer (the errors, or the thank-you) opens at its heading, below the site header, without JavaScript. */}
      <form method="post" action={`/q/${state.code}#main`} className="quiz-form" noValidate>
        <input type="hidden" name="submission" value={state.submissionId} />
        <input type="hidden" name="phase" value={state.phase} />
        {state.questions.map((q, index) => {
          const number = index + 1;
          const text = textOf(q, page);
          const problem = problems[q.id];
          const errorId = `question-${number}-error`;
          return (
            <fieldset key={q.id} className={problem ? 'quiz-question quiz-invalid' : 'quiz-question'} id={`question-${number}`} aria-describedby={problem ? errorId : undefined}>
              <legend>
                <span className="quiz-number">{t(k('questionNumber'), { number, total })}</span>
                <span className="quiz-prompt">{text.prompt}</span>
              </legend>
              {problem && <p className="field-error" id={errorId}>{problemText(problem)}</p>}
              <div className="quiz-options">
                {text.options.map((option, position) => (
                  <label key={position} className="quiz-option">
                    <input type="radio" name={`answer-${q.id}`} value={position} defaultChecked={state.chosen?.[q.id] === position} />
                    <span>{option}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        <button type="submit" className="primary quiz-submit">{t(k('send'))}</button>
      </form>
    </div>,
    STYLESHEET,
  );
}

export function renderThanks(page: PageContext, code: string, phase: AnswerPhase, questions: QuizQuestionRow[], answers: number[]): string {
  const { t } = page;
  const title = t(k('thanksTitle'));
  return renderPage(
    page,
    title,
    <div className="quiz">
      <h1>{title}</h1>
      <p className="lead" role="status">{t(k(phase === 'pre' ? 'thanksPre' : 'thanksPost'))}</p>
      {phase === 'pre' && (
        <>
          <p>{t(k('secondPartWhen'))}</p>
          <p>
            <a href={`/q/${code}`} className="quiz-button">{t(k('secondPart'))}</a>
          </p>
        </>
      )}
      {phase === 'post' && (
        <ol className="quiz-review">
          {questions.map((q, index) => {
            const text = textOf(q, page);
            const chosen = answers[index];
            const isRight = chosen === q.correctOption;
            return (
              <li key={q.id}>
                <h2>{text.prompt}</h2>
                <p className={isRight ? 'quiz-yours quiz-right' : 'quiz-yours quiz-wrong'}>
                  {t(k('yourAnswer'))}: <strong>{chosen === undefined ? '–' : text.options[chosen]}</strong>{' '}
                  <span className="quiz-mark">({t(k(isRight ? 'markRight' : 'markWrong'))})</span>
                </p>
                {!isRight && (
                  <p className="quiz-correct">
                    {t(k('rightAnswer'))}: <strong>{text.options[q.correctOption]}</strong>
                  </p>
                )}
                {text.explanation && <p className="quiz-explanation">{text.explanation}</p>}
              </li>
            );
          })}
        </ol>
      )}
      <HelpBox page={page} />
    </div>,
    STYLESHEET,
  );
}

const firstString = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function quizPageRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(
    async (scope) => {
      const views = perAddressLimit(ctx, 'quiz-page', VIEWS_PER_HOUR, HOUR);
      // Per address only, whatever the code: a budget per code would let one address guess codes without end.
      const sheets = perAddressLimit(ctx, 'quiz-answer', SHEETS_PER_HOUR, HOUR);

      // A refusal by the limits is a page a pupil can read, in their language.
      scope.setErrorHandler(async (error: Error & { statusCode?: number; retryAfterSeconds?: number }, request, reply) => {
        if (error instanceof HttpError && error.statusCode === 429) {
          const page = await pageContext(ctx, request);
          const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
          void reply.header('retry-after', String(error.retryAfterSeconds ?? 60));
          return sendHtml(reply, renderMessage(page, page.t('public.tooManyTitle'), page.t(k('tooMany'), { minutes })), 429);
        }
        throw error;
      });

      const unknownCode = async (request: FastifyRequest, reply: FastifyReply, typed: string) => {
        const page = await pageContext(ctx, request);
        return sendHtml(reply, renderCodeEntry(page, { code: typed, error: page.t(k('unknownCode')) }), 404);
      };

      scope.get<{ Querystring: { code?: unknown } }>('/q', { schema: { hide: true }, config: { rateLimit: views } }, async (request, reply) => {
        const typed = firstString(request.query.code).slice(0, 40);
        if (typed.trim() === '') return sendHtml(reply, renderCodeEntry(await pageContext(ctx, request)));
        const code = normaliseQuizCode(typed);
        if (isQuizCode(code)) return reply.redirect(`/q/${code}`, 303);
        const page = await pageContext(ctx, request);
        return sendHtml(reply, renderCodeEntry(page, { code: typed, error: page.t(k('codeMalformed')) }), 400);
      });

      scope.get<{ Params: { code: string } }>('/q/:code', { schema: { hide: true }, config: { rateLimit: views } }, async (request, reply) => {
        const code = normaliseQuizCode(request.params.code);
        if (!isQuizCode(code)) return unknownCode(request, reply, request.params.code.slice(0, 40));
        if (code !== request.params.code) return reply.redirect(`/q/${code}`, 303);
        const page = await pageContext(ctx, request);
        const state = await quizStateByCode(ctx.db, code);
        switch (state.kind) {
          case 'unknown':
            return unknownCode(request, reply, code);
          case 'expired':
            return sendHtml(reply, renderMessage(page, page.t(k('expiredTitle')), page.t(k('expiredText'))), 410);
          case 'closed':
            return sendHtml(reply, renderClosed(page, code, state.stage));
          case 'open':
            return sendHtml(reply, renderQuizForm(page, { code, phase: state.phase, questions: state.questions, submissionId: newSubmissionId(ctx.keys, code) }));
        }
      });

      scope.post<{ Params: { code: string } }>('/q/:code', { schema: { hide: true }, config: { rateLimit: sheets } }, async (request, reply) => {
        const code = normaliseQuizCode(request.params.code);
        if (!isQuizCode(code)) return unknownCode(request, reply, request.params.code.slice(0, 40));
        const page = await pageContext(ctx, request);
        // Through the public admission queue, like reports: a flood of sheets cannot starve the staff.
        const outcome = await publicAdmission(ctx).run(() => submitQuizAnswers(ctx, code, request.body, page.language));
        switch (outcome.kind) {
          case 'unknown':
            return unknownCode(request, reply, code);
          case 'expired':
            return sendHtml(reply, renderMessage(page, page.t(k('expiredTitle')), page.t(k('expiredText'))), 410);
          case 'closed':
            return sendHtml(reply, renderClosed(page, code, outcome.stage), 409);
          case 'phase-changed':
            return sendHtml(
              reply,
              renderMessage(page, page.t(k('phaseChangedTitle')), page.t(k(outcome.current === 'post' ? 'phaseChangedToPost' : 'phaseChangedText')), {
                href: `/q/${code}`,
                label: page.t(k(outcome.current === 'post' ? 'openPost' : 'reload')),
              }),
              409,
            );
          case 'invalid':
            return sendHtml(reply, renderQuizForm(page, { code, ...outcome }), 400);
          case 'thanks':
            return sendHtml(reply, renderThanks(page, code, outcome.phase, outcome.questions, outcome.answers));
        }
      });
    },
    { logLevel: 'warn' },
  );
}
