// The supervisor's live view of the helpline: who is waiting, what is open, what is late and
// how the work is spread across counsellors. Counts only; no case content.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { dateColumn } from '../db/index';
import type { helplineOverviewSchema } from '../../common/schemas/helpline';
import { can, type Actor } from '../auth/policy';
import { forbidden } from '../http/errors';
import { helplinePolicy } from './policy';
import { localToUtc, wallClock } from '../../common/belgrade-time';

type Overview = z.infer<typeof helplineOverviewSchema>;

export async function helplineOverview(ctx: AppContext, actor: Actor): Promise<Overview> {
  if (!can(helplinePolicy, actor, 'supervise')) throw forbidden();
  const db = ctx.db;
  // "Today" is the day in Belgrade, not in UTC.
  const wall = wallClock(Date.now(), 'Europe/Belgrade');
  const startOfDay = localToUtc(wall - (wall % 86_400_000), 'Europe/Belgrade');
  const [chats, awaiting, cases, overdue, people] = await Promise.all([
    db
      .selectFrom('chats')
      .select((eb) => [
        eb.fn.countAll<string>().filterWhere('status', '=', 'waiting').as('waiting'),
        eb.fn.countAll<string>().filterWhere('status', '=', 'active').as('active'),
        eb.fn.min('createdAt').filterWhere('status', '=', 'waiting').as('oldest'),
      ])
      .where('status', '<>', 'ended')
      .executeTakeFirstOrThrow(),
    db.selectFrom('contacts').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'awaiting').executeTakeFirstOrThrow(),
    db.selectFrom('cases').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('status', '<>', 'closed').groupBy('status').execute(),
    db
      .selectFrom('caseTasks')
      .innerJoin('cases', 'cases.id', 'caseTasks.caseId')
      .leftJoin('users', 'users.id', 'caseTasks.assigneeId')
      .select(['caseTasks.id', 'caseTasks.caseId', 'cases.number as caseNumber', 'caseTasks.title', 'caseTasks.dueOn', 'users.displayName as assigneeName'])
      .where('caseTasks.doneAt', 'is', null)
      .where('cases.status', '<>', 'closed')
      .where('caseTasks.dueOn', '<', sql<Date>`current_date`)
      .orderBy('caseTasks.dueOn')
      .limit(100)
      .execute(),
    db
      .selectFrom('users')
      .select((eb) => [
        'users.id',
        'users.displayName',
        eb.selectFrom('chats').select((e) => e.fn.countAll<string>().as('n')).whereRef('chats.counsellorId', '=', 'users.id').where('chats.status', '=', 'active').as('activeChats'),
        eb.selectFrom('contacts').select((e) => e.fn.countAll<string>().as('n')).whereRef('contacts.counsellorId', '=', 'users.id').where('contacts.status', '=', 'draft').as('draftContacts'),
        eb
          .selectFrom('contacts')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('contacts.counsellorId', '=', 'users.id')
          .where('contacts.startedAt', '>=', startOfDay)
          .as('contactsToday'),
        eb.selectFrom('cases').select((e) => e.fn.countAll<string>().as('n')).whereRef('cases.assigneeId', '=', 'users.id').where('cases.status', '<>', 'closed').as('openCases'),
        eb
          .selectFrom('caseTasks')
          .innerJoin('cases', 'cases.id', 'caseTasks.caseId')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('caseTasks.assigneeId', '=', 'users.id')
          .where('caseTasks.doneAt', 'is', null)
          .where('cases.status', '<>', 'closed')
          .as('openTasks'),
      ])
      .where('users.isActive', '=', true)
      .where(sql<boolean>`roles && ARRAY['counsellor', 'supervisor']::text[]`)
      .orderBy('users.displayName')
      .execute(),
  ]);
  return {
    waitingChats: Number(chats.waiting),
    activeChats: Number(chats.active),
    oldestWaitingChatSince: chats.oldest ? new Date(chats.oldest).toISOString() : null,
    awaitingContacts: Number(awaiting.n),
    openCases: Object.fromEntries(cases.map((c) => [c.status, Number(c.n)])),
    overdueTasks: overdue.map((t) => ({ id: t.id, caseId: t.caseId, caseNumber: String(t.caseNumber), title: t.title, dueOn: dateColumn(t.dueOn), assigneeName: t.assigneeName })),
    workload: people.map((p) => ({
      userId: p.id,
      name: p.displayName,
      activeChats: Number(p.activeChats ?? 0),
      draftContacts: Number(p.draftContacts ?? 0),
      contactsToday: Number(p.contactsToday ?? 0),
      openCases: Number(p.openCases ?? 0),
      openTasks: Number(p.openTasks ?? 0),
    })),
  };
}
