// A quiz on an event: the coordinator attaches 3–10 questions from the bank; at the event the
// presenter (or a coordinator) opens the "before" phase, closes it, opens the "after" phase
// and closes it. Pupils answer anonymously with a short code (made when the quiz first opens)
// that works only while a phase is open, and never after it expires. The results are the share
// of right answers per question before and after.
import crypto from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import QRCode from 'qrcode';
import type { AppContext } from '../../context';
import type { DbOrTrx, Trx } from '../../db/index';
import type { EventQuizzesTable, EventRow } from '../../db/schema-prevention';
import {
  QUIZ_CODE_ALPHABET,
  QUIZ_CODE_LENGTH,
  type AttachQuizRequest,
  type EventQuiz,
  type EventQuizResponse,
  type QuizPhase,
  type QuizResults,
} from '../../../common/schemas/prevention/quizzes';
import { recordAudit } from '../../audit/log';
import { can, type Actor } from '../../auth/policy';
import { auditActor } from '../../auth/request';
import { conflict, forbidden, notFound, validationFailed } from '../../http/errors';
import { localToUtc, wallClock } from '../../../common/belgrade-time';
import { quizPolicy, type EventAccess } from '../policy';
import { presentQuestion, questionsInOrder } from './questions';

export type EventQuizRow = Selectable<EventQuizzesTable>;

const TIME_ZONE = 'Europe/Belgrade';
const DAY_MS = 86_400_000;
/** A late group can still answer this long after the planned end. */
const GRACE_AFTER_EVENT_MS = 3 * 3_600_000;

function belgradeMidnight(at: Date, daysLater: number): Date {
  const wall = wallClock(at.getTime(), TIME_ZONE);
  return localToUtc(wall - (wall % DAY_MS) + daysLater * DAY_MS, TIME_ZONE);
}

/**
 * When a quiz may run: from the start of the event's day (Belgrade time) until the code expires,
 * at the end of the day the event ends or 3 hours after its planned end, whichever is later
 * (an evening event for parents still gets its 3 hours).
 */
export function quizWindow(event: { startsAt: Date; endsAt: Date }): { opensFrom: Date; expiresAt: Date } {
  const endOfDay = belgradeMidnight(event.endsAt, 1);
  const grace = new Date(event.endsAt.getTime() + GRACE_AFTER_EVENT_MS);
  return { opensFrom: belgradeMidnight(event.startsAt, 0), expiresAt: endOfDay > grace ? endOfDay : grace };
}

export function newQuizCode(): string {
  let code = '';
  for (let i = 0; i < QUIZ_CODE_LENGTH; i++) code += QUIZ_CODE_ALPHABET[crypto.randomInt(QUIZ_CODE_ALPHABET.length)];
  return code;
}

/** The short link pupils open; the base is PUBLIC_BASE_URL when set, else the console's own origin. */
export const quizLink = (origin: string, code: string) => `${origin.replace(/\/+$/, '')}/q/${code}`;

type EventForQuiz = Pick<EventRow, 'id' | 'status' | 'startsAt' | 'endsAt'> & EventAccess;

/** The event with its presenters (for the "own event" scope); 404 when it does not exist or may not be seen. */
async function loadEvent(db: DbOrTrx, actor: Actor, eventId: string): Promise<EventForQuiz> {
  if (!can(quizPolicy, actor, 'results')) throw forbidden();
  const event = await db.selectFrom('events').select(['id', 'status', 'startsAt', 'endsAt']).where('id', '=', eventId).executeTakeFirst();
  if (!event) throw notFound('No such event');
  const presenters = await db.selectFrom('eventPresenters').select('userId').where('eventId', '=', eventId).execute();
  return { ...event, presenterIds: presenters.map((p) => p.userId) };
}

async function responseCounts(db: DbOrTrx, eventId: string): Promise<{ pre: number; post: number }> {
  const rows = await db
    .selectFrom('quizResponses')
    .select(['phase', (eb) => eb.fn.countAll<string>().as('count')])
    .where('eventId', '=', eventId)
    .groupBy('phase')
    .execute();
  const of = (phase: string) => Number(rows.find((r) => r.phase === phase)?.count ?? 0);
  return { pre: of('pre'), post: of('post') };
}

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

async function presentQuiz(db: DbOrTrx, row: EventQuizRow, origin: string, now: Date): Promise<EventQuiz> {
  const questions = await questionsInOrder(db, row.questionIds);
  const responses = await responseCounts(db, row.eventId);
  const url = row.code ? quizLink(origin, row.code) : null;
  return {
    eventId: row.eventId,
    phase: row.phase as QuizPhase,
    questions: questions.map((q) => {
      const { id, topic, sr, en, correctOption, isActive } = presentQuestion(q, 0);
      return { id, topic, sr, en, correctOption, isActive };
    }),
    code: row.code,
    codeExpiresAt: isoOrNull(row.codeExpiresAt),
    isCodeExpired: row.codeExpiresAt !== null && row.codeExpiresAt <= now,
    url,
    qrSvg: url ? await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null,
    preOpenedAt: isoOrNull(row.preOpenedAt),
    postOpenedAt: isoOrNull(row.postOpenedAt),
    responses,
    canChangeQuestions: row.phase === 'closed' && responses.pre + responses.post === 0,
  };
}

export async function getEventQuiz(ctx: AppContext, actor: Actor, eventId: string, origin: string, now = new Date()): Promise<EventQuizResponse> {
  const event = await loadEvent(ctx.db, actor, eventId);
  const row = await ctx.db.selectFrom('eventQuizzes').selectAll().where('eventId', '=', eventId).executeTakeFirst();
  const window = quizWindow(event);
  return {
    quiz: row ? await presentQuiz(ctx.db, row, origin, now) : null,
    canManage: can(quizPolicy, actor, 'manage') && event.status !== 'cancelled',
    canRun: can(quizPolicy, actor, 'run', event) && event.status !== 'cancelled',
    opensFrom: window.opensFrom.toISOString(),
    expiresAt: window.expiresAt.toISOString(),
  };
}

function refuseCancelled(event: EventForQuiz) {
  if (event.status === 'cancelled') throw conflict('event_cancelled', 'The event is cancelled');
}

async function lockQuiz(trx: Trx, eventId: string): Promise<EventQuizRow | undefined> {
  return trx.selectFrom('eventQuizzes').selectAll().where('eventId', '=', eventId).forUpdate().executeTakeFirst();
}

/**
 * Attaches a quiz to an event, or replaces its questions while nobody has answered and no
 * phase is open. Only active questions can be chosen. Returns whether the quiz is new.
 */
export async function attachQuiz(ctx: AppContext, actor: Actor, eventId: string, input: AttachQuizRequest): Promise<boolean> {
  if (!can(quizPolicy, actor, 'manage')) throw forbidden();
  return ctx.db.transaction().execute(async (trx) => {
    const event = await loadEvent(trx, actor, eventId);
    refuseCancelled(event);
    const found = await trx.selectFrom('quizQuestions').select(['id', 'isActive']).where('id', 'in', input.questionIds).execute();
    if (found.length !== input.questionIds.length) throw validationFailed({ questionIds: 'Unknown quiz question' });
    if (found.some((q) => !q.isActive)) throw validationFailed({ questionIds: 'A retired question cannot be used in a new quiz' });
    const current = await lockQuiz(trx, eventId);
    if (current) {
      if (current.phase !== 'closed') throw conflict('quiz_running', 'Close the quiz before changing its questions');
      const counts = await responseCounts(trx, eventId);
      if (counts.pre + counts.post > 0) throw conflict('quiz_answered', 'Pupils have answered this quiz: its questions stay as they were');
      await trx.updateTable('eventQuizzes').set({ questionIds: input.questionIds, updatedAt: new Date() }).where('eventId', '=', eventId).execute();
    } else {
      await trx.insertInto('eventQuizzes').values({ eventId, questionIds: input.questionIds, createdBy: actor.id }).execute();
    }
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: current ? 'event-quiz.change' : 'event-quiz.attach',
      recordType: 'event',
      recordId: eventId,
      details: { questionIds: input.questionIds },
    });
    return !current;
  });
}

/** Removes a quiz nobody has answered (answers are results: they are not thrown away). */
export async function removeQuiz(ctx: AppContext, actor: Actor, eventId: string): Promise<void> {
  if (!can(quizPolicy, actor, 'manage')) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    await loadEvent(trx, actor, eventId);
    const current = await lockQuiz(trx, eventId);
    if (!current) throw notFound('The event has no quiz');
    const counts = await responseCounts(trx, eventId);
    if (counts.pre + counts.post > 0) throw conflict('quiz_answered', 'Pupils have answered this quiz: it stays with its results');
    await trx.deleteFrom('eventQuizzes').where('eventId', '=', eventId).execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'event-quiz.remove', recordType: 'event', recordId: eventId });
  });
}

async function unusedCode(trx: Trx): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = newQuizCode();
    const taken = await trx.selectFrom('eventQuizzes').select('eventId').where('code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
  throw new Error('No free quiz code after 10 attempts');
}

/**
 * Opens the before ('pre') or after ('post') phase, or closes the quiz. Opening keeps the
 * event's code while it is valid and makes a new one otherwise; it is refused before the
 * event's day and after the code would expire. The before phase cannot open again once the
 * after phase has opened (its answers would no longer be "before"). Setting the phase it is
 * already in changes nothing.
 */
export async function setQuizPhase(ctx: AppContext, actor: Actor, eventId: string, phase: QuizPhase, now = new Date()): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const event = await loadEvent(trx, actor, eventId);
    if (!can(quizPolicy, actor, 'run', event)) throw forbidden();
    const current = await lockQuiz(trx, eventId);
    if (!current) throw notFound('The event has no quiz');
    if (current.phase === phase) return;
    if (phase !== 'closed') {
      refuseCancelled(event);
      if (phase === 'pre' && current.postOpenedAt) throw conflict('post_started', 'The after-presentation quiz has started: the before quiz cannot open again');
      const window = quizWindow(event);
      if (now < window.opensFrom) throw conflict('too_early', 'The quiz opens on the day of the event');
      if (now >= window.expiresAt) throw conflict('event_over', 'The event is over: its quiz can no longer open');
      const keepsCode = current.code !== null && current.codeExpiresAt !== null && current.codeExpiresAt > now;
      await trx
        .updateTable('eventQuizzes')
        .set({
          phase,
          code: keepsCode ? current.code : await unusedCode(trx),
          codeExpiresAt: window.expiresAt,
          ...(phase === 'pre' && !current.preOpenedAt && { preOpenedAt: now }),
          ...(phase === 'post' && !current.postOpenedAt && { postOpenedAt: now }),
          updatedAt: now,
        })
        .where('eventId', '=', eventId)
        .execute();
    } else {
      await trx.updateTable('eventQuizzes').set({ phase, updatedAt: now }).where('eventId', '=', eventId).execute();
    }
    await recordAudit(trx, { actor: auditActor(actor), action: 'event-quiz.phase', recordType: 'event', recordId: eventId, details: { from: current.phase, to: phase } });
  });
}

interface ShareRow {
  phase: string;
  position: number;
  correct: number;
  answers: number;
}

/**
 * Right answers per question and phase, counted in SQL: each response's answers[i] belongs to
 * the quiz's question_ids[i] (the questions never change once answered).
 */
async function correctCounts(db: DbOrTrx, eventId: string): Promise<ShareRow[]> {
  const { rows } = await sql<ShareRow>`
    SELECT r.phase, a.position::int AS position,
           count(*) FILTER (WHERE a.answer = q.correct_option)::int AS correct,
           count(*)::int AS answers
    FROM quiz_responses r
    JOIN event_quizzes eq ON eq.event_id = r.event_id
    CROSS JOIN LATERAL unnest(r.answers) WITH ORDINALITY AS a(answer, position)
    JOIN quiz_questions q ON q.id = eq.question_ids[a.position]
    WHERE r.event_id = ${eventId}
    GROUP BY r.phase, a.position`.execute(db);
  return rows;
}

const share = (correct: number, answers: number) => ({ correct, answers, share: answers > 0 ? correct / answers : null });
const change = (pre: { share: number | null }, post: { share: number | null }) => (pre.share !== null && post.share !== null ? post.share - pre.share : null);

export async function quizResults(ctx: AppContext, actor: Actor, eventId: string): Promise<QuizResults> {
  await loadEvent(ctx.db, actor, eventId);
  const row = await ctx.db.selectFrom('eventQuizzes').selectAll().where('eventId', '=', eventId).executeTakeFirst();
  if (!row) throw notFound('The event has no quiz');
  const questions = await questionsInOrder(ctx.db, row.questionIds);
  const counts = await correctCounts(ctx.db, eventId);
  const countOf = (phase: string, position: number) => counts.find((c) => c.phase === phase && c.position === position) ?? { correct: 0, answers: 0 };
  const total = (phase: string) => counts.filter((c) => c.phase === phase).reduce((sum, c) => ({ correct: sum.correct + c.correct, answers: sum.answers + c.answers }), { correct: 0, answers: 0 });
  const overallPre = share(total('pre').correct, total('pre').answers);
  const overallPost = share(total('post').correct, total('post').answers);
  return {
    eventId,
    responses: await responseCounts(ctx.db, eventId),
    questions: questions.map((q, index) => {
      const { id, topic, sr, en, correctOption, isActive } = presentQuestion(q, 0);
      const pre = countOf('pre', index + 1);
      const post = countOf('post', index + 1);
      const preShare = share(pre.correct, pre.answers);
      const postShare = share(post.correct, post.answers);
      return { id, topic, sr, en, correctOption, isActive, pre: preShare, post: postShare, change: change(preShare, postShare) };
    }),
    overall: { pre: overallPre, post: overallPost, change: change(overallPre, overallPost) },
  };
}
