// Pupils' answers, anonymous: a quiz page found by its event code, and the answer sheet it
// sends. Nothing about the pupil is kept — no account, name, address, user agent or cookie —
// only the options chosen, the phase, the page's language and the hour. The page carries a
// random submission id, so the same sheet sent twice (a double tap, a resent form) counts once
// and gets the same thank-you page.
import crypto from 'node:crypto';
import type { AppContext } from '../../context';
import { keyedHash, type Keys } from '../../security/keys';
import type { DbOrTrx } from '../../db/index';
import type { Language } from '../../../common/roles';
import { SUBMISSION_ID_PATTERN, quizSubmissionSchema, type AnswerPhase, type QuizPhase } from '../../../common/schemas/prevention/quizzes';
import type { QuizQuestionTexts } from '../../db/schema-prevention';
import { questionsInOrder, type QuizQuestionRow } from './questions';
import type { EventQuizRow } from './quizzes';

/**
 * A sheet's id: 16 random characters and the server's keyed signature of them with the code, so
 * only a page the server rendered for this quiz can answer (a script cannot mint pupils).
 */
export function newSubmissionId(keys: Keys, code: string): string {
  const random = crypto.randomBytes(12).toString('base64url');
  return random + submissionSignature(keys, code, random);
}
const submissionSignature = (keys: Keys, code: string, random: string) => keyedHash(keys, 'quiz-sheet', `${code}:${random}`).slice(0, 16);

function isSignedSubmissionId(keys: Keys, code: string, id: unknown): id is string {
  if (typeof id !== 'string' || !SUBMISSION_ID_PATTERN.test(id)) return false;
  const expected = Buffer.from(submissionSignature(keys, code, id.slice(0, 16)));
  const given = Buffer.from(id.slice(16));
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** Why a quiz that exists takes no answers now. */
export type ClosedStage = 'between' | 'over';

export type QuizState =
  | { kind: 'unknown' }
  | { kind: 'expired' }
  | { kind: 'closed'; stage: ClosedStage }
  | { kind: 'open'; phase: AnswerPhase; questions: QuizQuestionRow[] };

function stateOf(quiz: EventQuizRow, questions: QuizQuestionRow[], now: Date): QuizState {
  if (!quiz.codeExpiresAt || quiz.codeExpiresAt <= now) return { kind: 'expired' };
  // A code exists only once a phase has opened: closed is after the before part or after the end.
  if (quiz.phase === 'closed') return { kind: 'closed', stage: quiz.postOpenedAt ? 'over' : 'between' };
  return { kind: 'open', phase: quiz.phase as AnswerPhase, questions };
}

async function findByCode(db: DbOrTrx, code: string, lock: boolean): Promise<EventQuizRow | undefined> {
  let q = db.selectFrom('eventQuizzes').selectAll().where('code', '=', code);
  // A phase change waits for sheets being stored, and a sheet waits for a phase change.
  if (lock) q = q.forShare();
  return q.executeTakeFirst();
}

/** What the quiz page for a code shows now. */
export async function quizStateByCode(db: DbOrTrx, code: string, now = new Date()): Promise<QuizState> {
  const quiz = await findByCode(db, code, false);
  if (!quiz) return { kind: 'unknown' };
  return stateOf(quiz, await questionsInOrder(db, quiz.questionIds), now);
}

/** Per question id: what is wrong with its answer. */
export type AnswerProblem = 'missing' | 'not-an-option';

export type SubmitOutcome =
  | Exclude<QuizState, { kind: 'open' }>
  | { kind: 'phase-changed'; current: QuizPhase }
  | {
      kind: 'invalid';
      phase: AnswerPhase;
      questions: QuizQuestionRow[];
      /** The submission id to send again (the one given when it was well-formed). */
      submissionId: string;
      /** The choices that were valid, to keep them ticked. */
      chosen: Record<string, number>;
      problems: Record<string, AnswerProblem>;
      /** The sheet could not be read at all (a broken or altered page). */
      isUnreadable: boolean;
    }
  | { kind: 'thanks'; phase: AnswerPhase; questions: QuizQuestionRow[]; answers: number[]; isRepeat: boolean };

/** The form's fields (submission, phase, answer-<questionId>…) as the submission schema reads them. */
export function sheetFromForm(body: unknown): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [key, value] of Object.entries(body)) {
      if (key.startsWith('answer-')) answers[key.slice('answer-'.length)] = value;
      else rest[key] = value;
    }
  }
  return { ...rest, answers };
}

const optionCount = (q: QuizQuestionRow) => (q.texts as QuizQuestionTexts).sr.options.length;

/** Valid choices of a sheet that could not be read as a whole, to keep them ticked on the page again. */
function validChoices(sheet: Record<string, unknown>, questions: QuizQuestionRow[]): Record<string, number> {
  const raw = (sheet.answers ?? {}) as Record<string, unknown>;
  const chosen: Record<string, number> = {};
  for (const q of questions) {
    const value = raw[q.id];
    if (typeof value === 'string' && /^\d$/.test(value) && Number(value) < optionCount(q)) chosen[q.id] = Number(value);
  }
  return chosen;
}

/**
 * Stores one answer sheet for the quiz with this code, or says why not. A sheet already stored
 * under its submission id answers "thanks" again without counting twice, whatever happened
 * since. Otherwise the code must be valid, the phase open and the same as the page's, and every
 * question answered with one of its options.
 */
export async function submitQuizAnswers(ctx: AppContext, code: string, body: unknown, language: Language, now = new Date()): Promise<SubmitOutcome> {
  const sheet = sheetFromForm(body);
  return ctx.db.transaction().execute(async (trx): Promise<SubmitOutcome> => {
    const quiz = await findByCode(trx, code, true);
    if (!quiz) return { kind: 'unknown' };
    const questions = await questionsInOrder(trx, quiz.questionIds);
    const givenId = isSignedSubmissionId(ctx.keys, code, sheet.submission) ? sheet.submission : null;
    const earlier = async (id: string) => {
      const row = await trx.selectFrom('quizResponses').select(['eventId', 'phase', 'answers']).where('submissionId', '=', id).executeTakeFirst();
      return row && row.eventId === quiz.eventId ? { kind: 'thanks' as const, phase: row.phase as AnswerPhase, questions, answers: row.answers, isRepeat: true } : null;
    };
    if (givenId) {
      const repeat = await earlier(givenId);
      if (repeat) return repeat;
    }
    const state = stateOf(quiz, questions, now);
    if (state.kind !== 'open') return state;

    const parsed = quizSubmissionSchema.safeParse(sheet);
    const invalid = (problems: Record<string, AnswerProblem>, isUnreadable: boolean): SubmitOutcome => ({
      kind: 'invalid',
      phase: state.phase,
      questions,
      submissionId: givenId ?? newSubmissionId(ctx.keys, code),
      chosen: validChoices(sheet, questions),
      problems,
      isUnreadable,
    });
    if (!parsed.success) {
      const phase = sheet.phase;
      if ((phase === 'pre' || phase === 'post') && phase !== state.phase) return { kind: 'phase-changed', current: quiz.phase as QuizPhase };
      return invalid({}, true);
    }
    if (parsed.data.phase !== state.phase) return { kind: 'phase-changed', current: quiz.phase as QuizPhase };
    if (!givenId) return invalid({}, true);
    const { answers } = parsed.data;
    if (Object.keys(answers).some((id) => !quiz.questionIds.includes(id))) return invalid({}, true);
    const problems: Record<string, AnswerProblem> = {};
    for (const q of questions) {
      const answer = answers[q.id];
      if (answer === undefined) problems[q.id] = 'missing';
      else if (answer >= optionCount(q)) problems[q.id] = 'not-an-option';
    }
    if (Object.keys(problems).length > 0) return invalid(problems, false);

    const ordered = questions.map((q) => answers[q.id]!);
    const stored = await trx
      .insertInto('quizResponses')
      .values({ eventId: quiz.eventId, phase: state.phase, submissionId: parsed.data.submission, answers: ordered, language })
      .onConflict((oc) => oc.column('submissionId').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (stored) return { kind: 'thanks', phase: state.phase, questions, answers: ordered, isRepeat: false };
    // The same id arrived twice at once, or was made for another quiz's page.
    return (await earlier(parsed.data.submission)) ?? invalid({}, true);
  });
}
