// Presentation requests: a school (or a parents' council, a sports camp) asks on the public site;
// coordinators see the queue, accept (scheduling the event in the same transaction) or decline
// with a reason. The requester gets an e-mail at each step, in the language they chose. The
// requester's name, e-mail, phone and message are encrypted; a coordinator's read of them is
// audited. Nothing about the requester's connection is stored.
import type { AppContext } from '../../context';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/index';
import type { PresentationRequestsTable } from '../../db/schema-prevention';
import type { CreateEventRequest } from '../../../common/schemas/prevention/events';
import type {
  CreatePresentationRequest,
  PresentationRequest,
  RequestListQuery,
  RequestListResponse,
  RequestStatus,
  RequestSummary,
} from '../../../common/schemas/prevention/requests';
import type { OrganisationType } from '../../../common/prevention';
import { districtOf } from '../../../common/geography';
import { searchKey } from '../../../common/i18n/translit';
import type { Language } from '../../../common/roles';
import { can, type Actor } from '../../auth/policy';
import { auditActor } from '../../auth/request';
import { recordAudit } from '../../audit/log';
import { conflict, forbidden, notFound } from '../../http/errors';
import { decryptField, encryptField } from '../../security/keys';
import { presentationRequestPolicy } from '../policy';
import { insertEvent } from '../events/events';
import { acceptedMail, declinedMail, receivedMail, type ScheduledEvent } from './mail';

type RequestRow = Selectable<PresentationRequestsTable>;

const RECORD_TYPE = 'presentation-request';

/** What the public form and the API both end in. Returns once the request and its e-mail are committed. */
export async function submitPresentationRequest(ctx: AppContext, input: CreatePresentationRequest): Promise<{ id: string; number: string }> {
  const encrypt = (value: string) => encryptField(ctx.keys, value);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('presentationRequests')
      .values({
        organisation: input.organisation,
        organisationType: input.organisationType,
        municipalityId: input.municipality,
        districtId: districtOf(input.municipality),
        contactNameEnc: encrypt(input.contactName),
        emailEnc: encrypt(input.email),
        phoneEnc: input.phone ? encrypt(input.phone) : null,
        messageEnc: input.message ? encrypt(input.message) : null,
        audience: JSON.stringify(input.audience),
        preferredDates: JSON.stringify([...input.preferredDates].sort((a, b) => a.date.localeCompare(b.date))),
        language: input.language,
        topics: [...new Set(input.topics)],
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    const number = String(row.number);
    await recordAudit(trx, {
      actor: null,
      action: 'presentation-request.create',
      recordType: RECORD_TYPE,
      recordId: row.id,
      details: { organisationType: input.organisationType, municipalityId: input.municipality },
    });
    await receivedMail(ctx, trx, { to: input.email, language: input.language, name: input.contactName, organisation: input.organisation, number });
    return { id: row.id, number };
  });
}

// ---- the queue ----------------------------------------------------------------------------

function firstPreferredDate(row: Pick<RequestRow, 'preferredDates'>): string | null {
  const days = row.preferredDates.map((d) => d.date).sort();
  return days[0] ?? null;
}

function presentSummary(row: RequestRow): RequestSummary {
  return {
    id: row.id,
    number: String(row.number),
    status: row.status as RequestStatus,
    organisation: row.organisation,
    organisationType: row.organisationType as OrganisationType,
    municipality: row.municipalityId,
    district: row.districtId,
    language: row.language as Language,
    audience: row.audience,
    firstPreferredDate: firstPreferredDate(row),
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    eventId: row.eventId,
  };
}

export async function listPresentationRequests(ctx: AppContext, actor: Actor, q: RequestListQuery): Promise<RequestListResponse> {
  if (!can(presentationRequestPolicy, actor, 'list')) throw forbidden();
  const isOldestFirst = q.order === 'oldest';
  let query = ctx.db.selectFrom('presentationRequests').selectAll();
  if (q.status) query = query.where('status', '=', q.status);
  if (q.cursor) query = query.where('number', isOldestFirst ? '>' : '<', String(q.cursor));
  const rows = await query
    .orderBy('number', isOldestFirst ? 'asc' : 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const counted = await ctx.db
    .selectFrom('presentationRequests')
    .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .groupBy('status')
    .execute();
  const counts = { new: 0, accepted: 0, declined: 0 };
  for (const c of counted) counts[c.status as RequestStatus] = Number(c.count);
  return {
    requests: page.map(presentSummary),
    nextCursor: rows.length > q.limit ? Number(page[page.length - 1]!.number) : null,
    counts,
  };
}

// ---- one request --------------------------------------------------------------------------

/** The organisation's name without the words every school name shares, for matching the registry. */
function nameCore(name: string): string {
  return searchKey(name)
    .replace(/["'„“”«»()]/g, ' ')
    .replace(/\b(osnovna|srednja|skola|os|ss|gimnazija|prva|druga|u|i)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Active schools of the request's municipality, those whose name matches the organisation first. */
async function schoolCandidates(db: DbOrTrx, row: RequestRow): Promise<PresentationRequest['schoolCandidates']> {
  const schools = await db
    .selectFrom('schools')
    .select(['id', 'name', 'type', 'address'])
    .where('municipalityId', '=', row.municipalityId)
    .where('isActive', '=', true)
    .orderBy('name')
    .limit(300)
    .execute();
  const wanted = nameCore(row.organisation);
  const isMatch = (name: string) => {
    const core = nameCore(name);
    return wanted.length >= 3 && core.length >= 3 && (core.includes(wanted) || wanted.includes(core));
  };
  return schools
    .map((s) => ({ ...s, isLikelyMatch: row.schoolId === s.id || isMatch(s.name) }))
    .sort((a, b) => Number(b.isLikelyMatch) - Number(a.isLikelyMatch));
}

async function presentRequest(ctx: AppContext, row: RequestRow): Promise<PresentationRequest> {
  const decrypt = (value: string | null) => (value === null ? null : decryptField(ctx.keys, value));
  const [decider, event, candidates] = await Promise.all([
    row.decidedBy ? ctx.db.selectFrom('users').select('displayName').where('id', '=', row.decidedBy).executeTakeFirst() : undefined,
    row.eventId ? ctx.db.selectFrom('events').select(['id', 'number', 'startsAt', 'status']).where('id', '=', row.eventId).executeTakeFirst() : undefined,
    schoolCandidates(ctx.db, row),
  ]);
  return {
    ...presentSummary(row),
    contactName: decryptField(ctx.keys, row.contactNameEnc),
    email: decryptField(ctx.keys, row.emailEnc),
    phone: decrypt(row.phoneEnc),
    message: decrypt(row.messageEnc),
    preferredDates: row.preferredDates,
    topics: row.topics,
    schoolId: row.schoolId,
    declineReason: row.declineReason,
    decidedBy: decider?.displayName ?? null,
    event: event ? { id: event.id, number: String(event.number), startsAt: event.startsAt.toISOString(), status: event.status } : null,
    schoolCandidates: candidates,
  };
}

/** One request with the requester's contact details (the read is audited). */
export async function getPresentationRequest(ctx: AppContext, actor: Actor, id: string): Promise<PresentationRequest> {
  if (!can(presentationRequestPolicy, actor, 'list')) throw forbidden();
  const row = await ctx.db.selectFrom('presentationRequests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such presentation request');
  await recordAudit(ctx.db, { actor: auditActor(actor), action: 'presentation-request.read', recordType: RECORD_TYPE, recordId: id });
  return presentRequest(ctx, row);
}

// ---- deciding -----------------------------------------------------------------------------

/**
 * Locks a request that is still new. Of two coordinators deciding at once, the second waits
 * for the first to commit, then finds it decided: 409.
 */
async function lockUndecided(trx: DbOrTrx, id: string): Promise<RequestRow> {
  const row = await trx.selectFrom('presentationRequests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('No such presentation request');
  if (row.status !== 'new') throw conflict('already_decided', `This request is already ${row.status}`);
  return row;
}

function requester(ctx: AppContext, row: RequestRow) {
  return {
    to: decryptField(ctx.keys, row.emailEnc),
    name: decryptField(ctx.keys, row.contactNameEnc),
    language: row.language as Language,
    organisation: row.organisation,
    number: String(row.number),
  };
}

/** The scheduled event as the requester is told it: when, where, who comes. */
async function scheduledEvent(trx: DbOrTrx, eventId: string): Promise<ScheduledEvent> {
  const event = await trx
    .selectFrom('events')
    .leftJoin('schools', 'schools.id', 'events.schoolId')
    .select(['events.startsAt', 'events.endsAt', 'events.venue', 'events.municipalityId', 'schools.name as schoolName', 'schools.address as schoolAddress'])
    .where('events.id', '=', eventId)
    .executeTakeFirstOrThrow();
  const presenters = await trx
    .selectFrom('eventPresenters')
    .innerJoin('users', 'users.id', 'eventPresenters.userId')
    .select('users.displayName')
    .where('eventPresenters.eventId', '=', eventId)
    .orderBy('users.displayName')
    .execute();
  return { ...event, presenters: presenters.map((p) => p.displayName) };
}

/** Accepts a new request: the event is scheduled, the request points to it, the requester is told — one transaction. */
export async function acceptPresentationRequest(ctx: AppContext, actor: Actor, id: string, event: CreateEventRequest): Promise<string> {
  if (!can(presentationRequestPolicy, actor, 'decide')) throw forbidden();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockUndecided(trx, id);
    const eventId = await insertEvent(trx, actor, event);
    const { schoolId } = await trx.selectFrom('events').select('schoolId').where('id', '=', eventId).executeTakeFirstOrThrow();
    await trx
      .updateTable('presentationRequests')
      .set({ status: 'accepted', eventId, schoolId: schoolId ?? row.schoolId, decidedBy: actor.id, decidedAt: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'new')
      .execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'presentation-request.accept', recordType: RECORD_TYPE, recordId: id, details: { eventId, schoolId } });
    await acceptedMail(ctx, trx, { ...requester(ctx, row), event: await scheduledEvent(trx, eventId) });
    return eventId;
  });
}

/** Declines a new request; the reason goes to the requester by e-mail. */
export async function declinePresentationRequest(ctx: AppContext, actor: Actor, id: string, reason: string): Promise<void> {
  if (!can(presentationRequestPolicy, actor, 'decide')) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockUndecided(trx, id);
    await trx
      .updateTable('presentationRequests')
      .set({ status: 'declined', declineReason: reason, decidedBy: actor.id, decidedAt: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'new')
      .execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'presentation-request.decline', recordType: RECORD_TYPE, recordId: id });
    await declinedMail(ctx, trx, { ...requester(ctx, row), reason });
  });
}
