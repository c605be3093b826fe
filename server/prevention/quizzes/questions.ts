// The quiz question bank: questions with 3–4 options and one right answer, in Serbian (written
// in Cyrillic; Latin is derived where shown) and English, by topic. Coordinators keep it. A
// question an event's quiz has used is never deleted and its wording and answer never change
// (old results must keep their meaning): it is retired, and a corrected copy is a new question.
import { sql, type Selectable } from 'kysely';
import type { AppContext } from '../../context';
import type { DbOrTrx } from '../../db/index';
import type { QuizQuestionsTable, QuizQuestionTexts } from '../../db/schema-prevention';
import { PREVENTION_TOPICS, type PreventionTopic } from '../../../common/prevention';
import {
  questionIssues,
  type CreateQuizQuestionRequest,
  type QuizQuestion,
  type QuizQuestionListQuery,
  type UpdateQuizQuestionRequest,
} from '../../../common/schemas/prevention/quizzes';
import { recordAudit } from '../../audit/log';
import { can, type Actor } from '../../auth/policy';
import { auditActor } from '../../auth/request';
import { conflict, forbidden, notFound, validationFailed } from '../../http/errors';
import { quizPolicy } from '../policy';

export type QuizQuestionRow = Selectable<QuizQuestionsTable>;

/** How many event quizzes use each question (absent when none). */
export async function usageCounts(db: DbOrTrx, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: string; count: number }>`
    SELECT q.id::text AS id, count(*)::int AS count
    FROM unnest(${[...ids]}::uuid[]) AS q(id)
    JOIN event_quizzes eq ON q.id = ANY(eq.question_ids)
    GROUP BY q.id`.execute(db);
  return new Map(rows.map((r) => [r.id, r.count]));
}

export function presentQuestion(row: QuizQuestionRow, usedByEvents: number): QuizQuestion {
  const texts = row.texts as QuizQuestionTexts;
  return {
    id: row.id,
    topic: row.topic as PreventionTopic,
    sr: texts.sr,
    en: texts.en,
    correctOption: row.correctOption,
    isActive: row.isActive,
    needsReview: row.needsReview,
    isStarter: row.starterKey !== null,
    usedByEvents,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const requireManager = (actor: Actor) => {
  if (!can(quizPolicy, actor, 'manage')) throw forbidden();
};

export async function listQuestions(ctx: AppContext, actor: Actor, query: QuizQuestionListQuery): Promise<QuizQuestion[]> {
  requireManager(actor);
  let q = ctx.db.selectFrom('quizQuestions').selectAll();
  if (query.topic) q = q.where('topic', '=', query.topic);
  if (query.status !== 'all') q = q.where('isActive', '=', query.status === 'active');
  const rows = await q.orderBy('createdAt').orderBy('id').execute();
  // By topic in the order the topics are listed (common/prevention.ts), oldest first within one.
  const topicOrder = (topic: string) => (PREVENTION_TOPICS as readonly string[]).indexOf(topic);
  rows.sort((a, b) => topicOrder(a.topic) - topicOrder(b.topic));
  const used = await usageCounts(ctx.db, rows.map((r) => r.id));
  return rows.map((row) => presentQuestion(row, used.get(row.id) ?? 0));
}

async function loadQuestion(db: DbOrTrx, id: string, forUpdate = false): Promise<QuizQuestionRow> {
  let q = db.selectFrom('quizQuestions').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('No such quiz question');
  return row;
}

export async function getQuestion(ctx: AppContext, actor: Actor, id: string): Promise<QuizQuestion> {
  requireManager(actor);
  const row = await loadQuestion(ctx.db, id);
  return presentQuestion(row, (await usageCounts(ctx.db, [id])).get(id) ?? 0);
}

export async function createQuestion(ctx: AppContext, actor: Actor, input: CreateQuizQuestionRequest): Promise<string> {
  requireManager(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const texts: QuizQuestionTexts = { sr: input.sr, en: input.en };
    const row = await trx
      .insertInto('quizQuestions')
      .values({ topic: input.topic, texts: JSON.stringify(texts), correctOption: input.correctOption, needsReview: input.needsReview, createdBy: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: 'quiz-question.create', recordType: 'quiz-question', recordId: row.id, details: { topic: input.topic } });
    return row.id;
  });
}

export async function updateQuestion(ctx: AppContext, actor: Actor, id: string, patch: UpdateQuizQuestionRequest): Promise<void> {
  requireManager(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadQuestion(trx, id, true);
    const texts = current.texts as QuizQuestionTexts;
    const rewords = patch.sr !== undefined || patch.en !== undefined || (patch.correctOption !== undefined && patch.correctOption !== current.correctOption);
    if (rewords && ((await usageCounts(trx, [id])).get(id) ?? 0) > 0) {
      throw conflict('question_in_use', 'A quiz has used this question: its wording and answer stay as they were. Retire it and write a new one.');
    }
    const next = { sr: patch.sr ?? texts.sr, en: patch.en ?? texts.en, correctOption: patch.correctOption ?? current.correctOption };
    const issues = questionIssues(next);
    if (issues.length) throw validationFailed(Object.fromEntries(issues.map((i) => [i.path, i.message])));
    await trx
      .updateTable('quizQuestions')
      .set({
        ...(patch.topic !== undefined && { topic: patch.topic }),
        ...(rewords && { texts: JSON.stringify({ sr: next.sr, en: next.en }), correctOption: next.correctOption }),
        ...(patch.isActive !== undefined && { isActive: patch.isActive }),
        ...(patch.needsReview !== undefined && { needsReview: patch.needsReview }),
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const action = patch.isActive === false && current.isActive ? 'quiz-question.retire' : patch.isActive === true && !current.isActive ? 'quiz-question.reactivate' : 'quiz-question.update';
    await recordAudit(trx, { actor: auditActor(actor), action, recordType: 'quiz-question', recordId: id, details: { fields: Object.keys(patch).sort() } });
  });
}

/** Deletes a question no quiz has used; a used or a starter one can only be retired (409). */
export async function deleteQuestion(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  requireManager(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadQuestion(trx, id, true);
    if (row.starterKey !== null) {
      throw conflict('starter_question', 'A question of the starting bank is retired, not deleted (it would come back at the next start).');
    }
    if (((await usageCounts(trx, [id])).get(id) ?? 0) > 0) {
      throw conflict('question_in_use', 'A quiz has used this question: retire it instead, so its results stay readable.');
    }
    await trx.deleteFrom('quizQuestions').where('id', '=', id).execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'quiz-question.delete', recordType: 'quiz-question', recordId: id });
  });
}

/** Questions in the order given (a quiz's order); every id must exist. */
export async function questionsInOrder(db: DbOrTrx, ids: readonly string[]): Promise<QuizQuestionRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('quizQuestions').selectAll().where('id', 'in', [...ids]).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new Error(`Quiz question ${id} is missing`);
    return row;
  });
}
