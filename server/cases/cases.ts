// Cases: the centre's working file about one situation. A case joins hotline reports and
// helpline contacts, has a status, a priority and an assignee, follow-up tasks with due
// dates, notes, and a timeline built from the audit log of everything in it.
import type { ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { dateColumn, type DbOrTrx, type Trx } from '../db/index';
import type { Database } from '../db/schema';
import type { caseListQuerySchema, caseSchema, caseSummarySchema, createTaskRequestSchema, updateCaseRequestSchema } from '../../common/schemas/cases';
import { can, scopeFilter, type Actor } from '../auth/policy';
import { auditActor } from '../auth/request';
import { recordAudit } from '../audit/log';
import { conflict, forbidden, notFound, validationFailed } from '../http/errors';
import { reportPolicy } from '../hotline/policy';
import { presentSummary, summaryColumns, urlsOf } from '../hotline/staff';
import { contactPolicy } from '../helpline/policy';
import { contactsOfCase } from '../helpline/contacts';
import { referralsOfCase } from '../referrals/referrals';
import { casePolicy, type CaseAction } from './policy';
import { referralPolicy } from '../referrals/policy';

type Case = z.infer<typeof caseSchema>;
type CaseSummary = z.infer<typeof caseSummarySchema>;

const today = () => new Date().toISOString().slice(0, 10);

async function loadCaseRow(db: DbOrTrx, id: string, forUpdate = false) {
  let query = db.selectFrom('cases').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

async function loadCase(db: DbOrTrx, actor: Actor, id: string, action: CaseAction, forUpdate = false) {
  const row = await loadCaseRow(db, id, forUpdate);
  if (!row || !can(casePolicy, actor, 'read', row)) throw notFound('No such case');
  if (!can(casePolicy, actor, action, row)) throw forbidden();
  return row;
}

/** Reports and contacts the actor may add to a case (a report needs 'work', a contact 'update'), locked until the case holds them. */
async function checkLinkable(trx: Trx, actor: Actor, input: { reportIds: string[]; contactIds: string[] }) {
  const reports = input.reportIds.length
    ? await trx.selectFrom('reports').select(['id', 'number', 'escalatedTo', 'category', 'isUrgent', 'caseId']).where('id', 'in', input.reportIds).forUpdate().execute()
    : [];
  if (reports.filter((r) => can(reportPolicy, actor, 'work', r)).length !== new Set(input.reportIds).size) throw validationFailed({ reportIds: 'Unknown report' });
  const contacts = input.contactIds.length
    ? await trx.selectFrom('contacts').select(['id', 'number', 'counsellorId', 'caseId']).where('id', 'in', input.contactIds).forUpdate().execute()
    : [];
  if (contacts.filter((c) => can(contactPolicy, actor, 'update', c)).length !== new Set(input.contactIds).size) throw validationFailed({ contactIds: 'Unknown contact' });
  return { reports, contacts };
}

async function link(trx: Trx, caseId: string, input: { reportIds: string[]; contactIds: string[] }) {
  if (input.reportIds.length) {
    await trx
      .updateTable('reports')
      .set((eb) => ({ caseId, status: eb.case().when('status', '=', 'new').then('in-review').else(eb.ref('status')).end() }))
      .where('id', 'in', input.reportIds)
      .execute();
  }
  if (input.contactIds.length) {
    await trx
      .updateTable('contacts')
      .set((eb) => ({ caseId, outcome: eb.fn.coalesce('outcome', eb.val('case-opened')), updatedAt: new Date() }))
      .where('id', 'in', input.contactIds)
      .execute();
  }
}

export async function openCase(ctx: AppContext, actor: Actor, input: { reportIds: string[]; contactIds: string[]; title?: string | undefined }): Promise<string> {
  if (!can(casePolicy, actor, 'open')) throw forbidden();
  if (input.reportIds.length === 0 && input.contactIds.length === 0) throw validationFailed({ reportIds: 'Choose at least one report or contact' });
  return ctx.db.transaction().execute(async (trx) => {
    const { reports, contacts } = await checkLinkable(trx, actor, input);
    if ([...reports, ...contacts].some((r) => r.caseId)) throw conflict('in_another_case', 'Already part of another case');
    const title = input.title ?? [reports.length ? `Пријава ${reports.map((r) => r.number).join(', ')}` : '', contacts.length ? `Контакт ${contacts.map((c) => c.number).join(', ')}` : ''].filter(Boolean).join('; ');
    const created = await trx
      .insertInto('cases')
      .values({ title, priority: reports.some((r) => r.isUrgent) ? 'urgent' : 'normal', assigneeId: actor.id, createdBy: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await link(trx, created.id, input);
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'case.create',
      recordType: 'case',
      recordId: created.id,
      details: { reports: input.reportIds.length, contacts: input.contactIds.length },
    });
    return created.id;
  });
}

export async function linkToCase(ctx: AppContext, actor: Actor, id: string, input: { reportIds: string[]; contactIds: string[] }) {
  await ctx.db.transaction().execute(async (trx) => {
    await loadCase(trx, actor, id, 'update', true);
    const { reports, contacts } = await checkLinkable(trx, actor, input);
    if ([...reports, ...contacts].some((r) => r.caseId && r.caseId !== id)) throw conflict('in_another_case', 'Already part of another case');
    await link(trx, id, input);
    await trx.updateTable('cases').set({ updatedAt: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'case.link', recordType: 'case', recordId: id, details: input });
  });
}

/** Cases and their tasks go only to people who work cases. */
async function checkCaseWorker(trx: Trx, userId: string) {
  const assignee = await trx.selectFrom('users').select(['roles', 'isActive']).where('id', '=', userId).executeTakeFirst();
  const caseWorker = assignee?.isActive && assignee.roles.some((r) => r === 'counsellor' || r === 'analyst' || r === 'supervisor');
  if (!caseWorker) throw validationFailed({ assigneeId: 'Not an active counsellor, analyst or supervisor' });
}

export async function updateCase(ctx: AppContext, actor: Actor, id: string, patch: z.infer<typeof updateCaseRequestSchema>) {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadCase(trx, actor, id, 'update', true);
    if (patch.assigneeId) await checkCaseWorker(trx, patch.assigneeId);
    const now = new Date();
    const closing = patch.status === 'closed' && current.status !== 'closed';
    await trx
      .updateTable('cases')
      .set({
        ...patch,
        ...(closing && { closedAt: now }),
        ...(patch.status && patch.status !== 'closed' && { closedAt: null }),
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: closing ? 'case.close' : 'case.update',
      recordType: 'case',
      recordId: id,
      // Codes and ids only: the title is the counsellor's free text and the audit log is permanent.
      details: { changed: Object.keys(patch), ...(patch.status && { status: patch.status }), ...(patch.priority && { priority: patch.priority }), ...(patch.assigneeId !== undefined && { assigneeId: patch.assigneeId }) },
    });
  });
}

export async function addTask(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof createTaskRequestSchema>): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const theCase = await loadCase(trx, actor, id, 'update');
    if (input.assigneeId) await checkCaseWorker(trx, input.assigneeId);
    const task = await trx
      .insertInto('caseTasks')
      .values({ caseId: id, title: input.title, dueOn: input.dueOn, assigneeId: input.assigneeId ?? theCase.assigneeId, createdBy: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: 'case.task-add', recordType: 'case', recordId: id, details: { taskId: task.id, dueOn: input.dueOn } });
    return task.id;
  });
}

export async function setTaskDone(ctx: AppContext, actor: Actor, id: string, taskId: string, done: boolean) {
  await ctx.db.transaction().execute(async (trx) => {
    await loadCase(trx, actor, id, 'update');
    const updated = await trx
      .updateTable('caseTasks')
      .set(done ? { doneAt: new Date(), doneBy: actor.id } : { doneAt: null, doneBy: null })
      .where('id', '=', taskId)
      .where('caseId', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw notFound('No such task');
    await recordAudit(trx, { actor: auditActor(actor), action: done ? 'case.task-done' : 'case.task-reopen', recordType: 'case', recordId: id, details: { taskId } });
  });
}

export async function addNote(ctx: AppContext, actor: Actor, id: string, body: string) {
  await ctx.db.transaction().execute(async (trx) => {
    await loadCase(trx, actor, id, 'update');
    await trx.insertInto('caseNotes').values({ caseId: id, authorId: actor.id, body }).execute();
    await trx.updateTable('cases').set({ updatedAt: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'case.note', recordType: 'case', recordId: id });
  });
}

const openTasks = (eb: ExpressionBuilder<Database, 'cases'>) =>
  eb.selectFrom('caseTasks').whereRef('caseTasks.caseId', '=', 'cases.id').where('caseTasks.doneAt', 'is', null);

const summaryQuery = (db: DbOrTrx) =>
  db
    .selectFrom('cases')
    .leftJoin('users', 'users.id', 'cases.assigneeId')
    .selectAll('cases')
    .select('users.displayName as assigneeName')
    .select((eb) => [
      openTasks(eb).select((e) => e.fn.countAll<string>().as('n')).as('openTasks'),
      openTasks(eb).select((e) => e.fn.min('caseTasks.dueOn').as('d')).as('nextDueOn'),
    ]);

function presentCaseSummary(row: Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>): CaseSummary {
  return {
    id: row.id,
    number: String(row.number),
    title: row.title,
    status: row.status as CaseSummary['status'],
    priority: row.priority as CaseSummary['priority'],
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    openTasks: Number(row.openTasks ?? 0),
    nextDueOn: row.nextDueOn ? dateColumn(row.nextDueOn) : null,
  };
}


export async function listCases(ctx: AppContext, actor: Actor, q: z.infer<typeof caseListQuerySchema>) {
  if (!can(casePolicy, actor, 'list')) throw forbidden();
  const limit = q.limit ?? 50;
  let query = summaryQuery(ctx.db).where((eb) => scopeFilter(casePolicy, actor, 'list', eb));
  if (q.status === 'active') query = query.where('cases.status', '<>', 'closed');
  else if (q.status) query = query.where('cases.status', '=', q.status);
  if (q.assigneeId === 'none') query = query.where('cases.assigneeId', 'is', null);
  else if (q.assigneeId) query = query.where('cases.assigneeId', '=', q.assigneeId === 'me' ? actor.id : q.assigneeId);
  if (q.before) query = query.where('cases.number', '<', String(q.before));
  const rows = await query.orderBy('cases.number', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  await recordAudit(ctx.db, { actor: auditActor(actor), action: 'case.list', recordType: 'case', details: { shown: page.length } });
  return { cases: page.map(presentCaseSummary), nextBefore: rows.length > limit ? Number(page[page.length - 1]!.number) : null };
}

export async function getCase(ctx: AppContext, actor: Actor, id: string): Promise<Case> {
  const row = await summaryQuery(ctx.db).where('cases.id', '=', id).executeTakeFirst();
  if (!row || !can(casePolicy, actor, 'read', row)) {
    if (row) await recordAudit(ctx.db, { actor: auditActor(actor), action: 'case.read-refused', recordType: 'case', recordId: id });
    throw notFound('No such case');
  }
  const reports = await ctx.db
    .selectFrom('reports')
    .leftJoin('users', 'users.id', 'reports.assigneeId')
    .select(summaryColumns)
    .select('reports.category')
    .where('reports.caseId', '=', id)
    .where((eb) => scopeFilter(reportPolicy, actor, 'read', eb))
    .orderBy('reports.number')
    .execute();
  const [urls, contacts, referrals, tasks, notes] = await Promise.all([
    urlsOf(ctx.db, reports.map((r) => r.id)),
    contactsOfCase(ctx.db, actor, id),
    // Referrals are for those who forward cases (a counsellor's case shows none, nor their history).
    can(referralPolicy, actor, 'list') ? referralsOfCase(ctx.db, id) : [],
    ctx.db
      .selectFrom('caseTasks')
      .leftJoin('users', 'users.id', 'caseTasks.assigneeId')
      .select(['caseTasks.id', 'caseTasks.title', 'caseTasks.dueOn', 'caseTasks.assigneeId', 'caseTasks.doneAt', 'users.displayName as assigneeName'])
      .where('caseTasks.caseId', '=', id)
      .orderBy('caseTasks.doneAt', (ob) => ob.desc().nullsFirst())
      .orderBy('caseTasks.dueOn')
      .execute(),
    ctx.db
      .selectFrom('caseNotes')
      .leftJoin('users', 'users.id', 'caseNotes.authorId')
      .select(['caseNotes.id', 'caseNotes.body', 'caseNotes.createdAt', 'users.displayName as authorName'])
      .where('caseNotes.caseId', '=', id)
      .orderBy('caseNotes.id')
      .execute(),
  ]);
  // The timeline is the audit log of the case and of what it holds (reads left out).
  const recordIds = [id, ...reports.map((r) => r.id), ...contacts.map((c) => c.id), ...referrals.map((r) => r.id)];
  const events = await ctx.db
    .selectFrom('auditLog')
    .select(['occurredAt', 'action', 'actorUsername', 'recordType', 'recordId', 'details'])
    .where('recordId', 'in', recordIds)
    .where('action', 'not like', '%.read')
    .where('action', 'not like', '%.read-refused')
    .orderBy('id')
    .execute();
  await recordAudit(ctx.db, { actor: auditActor(actor), action: 'case.read', recordType: 'case', recordId: id });
  const now = today();
  return {
    ...presentCaseSummary(row),
    closedAt: row.closedAt?.toISOString() ?? null,
    reports: reports.map((r) => presentSummary(r, urls.get(r.id) ?? [])),
    contacts,
    referrals,
    tasks: tasks.map((t) => {
      const dueOn = dateColumn(t.dueOn);
      return { id: t.id, title: t.title, dueOn, assigneeId: t.assigneeId, assigneeName: t.assigneeName, doneAt: t.doneAt?.toISOString() ?? null, isOverdue: !t.doneAt && dueOn < now };
    }),
    notes: notes.map((n) => ({ id: String(n.id), authorName: n.authorName, body: n.body, createdAt: n.createdAt.toISOString() })),
    timeline: events.map((e) => ({ at: e.occurredAt.toISOString(), action: e.action, actorName: e.actorUsername, recordType: e.recordType, recordId: e.recordId, details: e.details ?? {} })),
  };
}
