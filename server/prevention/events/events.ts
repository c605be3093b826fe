// Prevention events: planning them on the calendar, editing and cancelling, and recording what
// happened (the audience by group, the real length, notes). The whole team sees the calendar;
// coordinators plan; a presenter edits and records the events they present (eventPolicy).
// Nothing here is personal data of children: the audience is counts only.
import { sql } from 'kysely';
import type { AppContext } from '../../context';
import type { DbOrTrx } from '../../db/index';
import type { EventRow } from '../../db/schema-prevention';
import {
  createEventRequestSchema,
  placeAndTimeIssues,
  type CancelEventRequest,
  type CreateEventRequest,
  type Event,
  type EventAudience,
  type EventListQuery,
  type EventListResponse,
  type EventSummary,
  type Presenter,
  type RecordEventRequest,
  type UpdateEventRequest,
} from '../../../common/schemas/prevention/events';
import { districtOf, isMunicipality } from '../../../common/geography';
import type { Language } from '../../../common/roles';
import { can, scopeFilter, type Actor } from '../../auth/policy';
import { auditActor } from '../../auth/request';
import { recordAudit } from '../../audit/log';
import { conflict, forbidden, notFound, validationFailed } from '../../http/errors';
import { eventPolicy, type EventAccess } from '../policy';
import { listPhotos } from './photos';

/** Who may be named a presenter: active staff with one of these roles. */
export const PRESENTER_ROLES = ['presenter', 'prevention-coordinator'] as const;

// ---- reference checks ---------------------------------------------------------------------

/** The active people with a presenter role among `ids` (deduplicated); refuses any other id. */
async function checkPresenters(db: DbOrTrx, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', unique)
    .where('isActive', '=', true)
    .where(sql<boolean>`roles && ${sql.val([...PRESENTER_ROLES])}::text[]`)
    .execute();
  if (found.length !== unique.length) throw validationFailed({ presenterIds: 'A presenter must be an active staff account with the role presenter or prevention coordinator' });
  return unique;
}

async function checkCampaign(db: DbOrTrx, campaignId: string | null | undefined): Promise<void> {
  if (!campaignId) return;
  const found = await db.selectFrom('campaigns').select('id').where('id', '=', campaignId).executeTakeFirst();
  if (!found) throw validationFailed({ campaignId: 'No such campaign' });
}

/**
 * The place: a school from the registry (its municipality is the event's) or a venue in a
 * named municipality. Returns the columns to store, district derived.
 */
async function resolvePlace(
  db: DbOrTrx,
  place: { schoolId: string | null; venue: string; municipalityId: string | undefined },
  options: { allowInactiveSchool?: string | null } = {},
): Promise<{ schoolId: string | null; venue: string; municipalityId: string; districtId: string }> {
  if (place.schoolId) {
    const school = await db.selectFrom('schools').select(['id', 'municipalityId', 'isActive']).where('id', '=', place.schoolId).executeTakeFirst();
    if (!school || (!school.isActive && school.id !== options.allowInactiveSchool)) throw validationFailed({ schoolId: 'No such school in the registry' });
    if (place.municipalityId && place.municipalityId !== school.municipalityId) {
      throw validationFailed({ municipalityId: 'The school is in another municipality' });
    }
    return { schoolId: school.id, venue: place.venue, municipalityId: school.municipalityId, districtId: districtOf(school.municipalityId) };
  }
  if (!place.venue) throw validationFailed({ venue: 'Choose a school or write the venue' });
  if (!place.municipalityId || !isMunicipality(place.municipalityId)) throw validationFailed({ municipalityId: 'Choose the municipality of the venue' });
  return { schoolId: null, venue: place.venue, municipalityId: place.municipalityId, districtId: districtOf(place.municipalityId) };
}

function endOf(startsAt: Date, input: { endsAt?: string | undefined; durationMinutes?: number | undefined }, fallbackMinutes: number): Date {
  if (input.endsAt !== undefined) return new Date(input.endsAt);
  return new Date(startsAt.getTime() + (input.durationMinutes ?? fallbackMinutes) * 60_000);
}

// ---- create -------------------------------------------------------------------------------

/**
 * Inserts an event with its presenters and the audit entry, inside the caller's transaction
 * (a coordinator's own form, or accepting a presentation request). Checks every reference:
 * the school, the presenters (active, presenter or coordinator), the municipality, the
 * campaign. Does NOT check the policy: the caller has (createEvent, or the request's decide).
 */
export async function insertEvent(trx: DbOrTrx, actor: Actor, input: CreateEventRequest): Promise<string> {
  const parsed = createEventRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw validationFailed(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.') || 'body', issue.message])));
  }
  const v = parsed.data;
  const place = await resolvePlace(trx, { schoolId: v.schoolId ?? null, venue: v.venue ?? '', municipalityId: v.municipalityId });
  const presenterIds = await checkPresenters(trx, v.presenterIds);
  await checkCampaign(trx, v.campaignId);
  const startsAt = new Date(v.startsAt);
  const created = await trx
    .insertInto('events')
    .values({
      type: v.type,
      title: v.title ?? '',
      startsAt,
      endsAt: endOf(startsAt, v, 60),
      ...place,
      campaignId: v.campaignId ?? null,
      language: v.language,
      topics: [...new Set(v.topics)],
      materials: v.materials,
      createdBy: actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (presenterIds.length) {
    await trx
      .insertInto('eventPresenters')
      .values(presenterIds.map((userId) => ({ eventId: created.id, userId })))
      .execute();
  }
  await recordAudit(trx, {
    actor: auditActor(actor),
    action: 'event.create',
    recordType: 'event',
    recordId: created.id,
    details: { type: v.type, municipalityId: place.municipalityId, schoolId: place.schoolId, campaignId: v.campaignId ?? null, presenterIds },
  });
  return created.id;
}

/** A coordinator plans an event from the calendar. */
export async function createEvent(ctx: AppContext, actor: Actor, input: CreateEventRequest): Promise<string> {
  if (!can(eventPolicy, actor, 'create')) throw forbidden();
  return ctx.db.transaction().execute((trx) => insertEvent(trx, actor, input));
}

// ---- read ---------------------------------------------------------------------------------

const summaryColumns = [
  'events.id',
  'events.number',
  'events.type',
  'events.status',
  'events.title',
  'events.startsAt',
  'events.endsAt',
  'events.schoolId',
  'schools.name as schoolName',
  'events.venue',
  'events.municipalityId',
  'events.districtId',
  'events.campaignId',
  'campaigns.name as campaignName',
  'events.language',
  'events.topics',
] as const;

const eventsWithPlace = (db: DbOrTrx) =>
  db.selectFrom('events').leftJoin('schools', 'schools.id', 'events.schoolId').leftJoin('campaigns', 'campaigns.id', 'events.campaignId');

type SummaryRow = Pick<EventRow, 'id' | 'number' | 'type' | 'status' | 'title' | 'startsAt' | 'endsAt' | 'schoolId' | 'venue' | 'municipalityId' | 'districtId' | 'campaignId' | 'language' | 'topics'> & {
  schoolName: string | null;
  campaignName: string | null;
};

/** The presenters of these events, by event, in name order. */
async function presentersOf(db: DbOrTrx, eventIds: readonly string[]): Promise<Map<string, Presenter[]>> {
  const byEvent = new Map<string, Presenter[]>();
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .selectFrom('eventPresenters')
    .innerJoin('users', 'users.id', 'eventPresenters.userId')
    .select(['eventPresenters.eventId', 'users.id', 'users.displayName'])
    .where('eventPresenters.eventId', 'in', eventIds)
    .orderBy('users.displayName')
    .execute();
  for (const row of rows) {
    const list = byEvent.get(row.eventId) ?? [];
    list.push({ id: row.id, displayName: row.displayName });
    byEvent.set(row.eventId, list);
  }
  return byEvent;
}

function presentSummary(row: SummaryRow, presenters: Presenter[]): EventSummary {
  return {
    id: row.id,
    number: String(row.number),
    type: row.type as EventSummary['type'],
    status: row.status as EventSummary['status'],
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    venue: row.venue,
    municipalityId: row.municipalityId,
    districtId: row.districtId,
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    language: row.language as Language,
    topics: row.topics,
    presenters,
  };
}

/** The longest range one calendar request covers. */
const MAX_RANGE_DAYS = 400;
const DEFAULT_LIMIT = 1000;

/** The calendar: events starting in [from, to), oldest first, with the filters. */
export async function listEvents(ctx: AppContext, actor: Actor, query: EventListQuery, now = new Date()): Promise<EventListResponse> {
  if (!can(eventPolicy, actor, 'list')) throw forbidden();
  const from = query.from === 'now' ? now : new Date(query.from);
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + MAX_RANGE_DAYS * 86_400_000);
  if (to <= from) throw validationFailed({ to: 'The end of the range must be after its start' });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw validationFailed({ to: `At most ${MAX_RANGE_DAYS} days at once` });
  const limit = query.limit ?? DEFAULT_LIMIT;
  const presenterId = query.presenter === 'me' ? actor.id : query.presenter;
  let q = eventsWithPlace(ctx.db)
    .select(summaryColumns)
    .where((eb) => scopeFilter(eventPolicy, actor, 'list', eb))
    .where('events.startsAt', '<', to);
  // 'from=now' is "what is still to come": an event that has started but not ended counts.
  q = query.from === 'now' ? q.where('events.endsAt', '>', from) : q.where('events.startsAt', '>=', from);
  if (presenterId) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('eventPresenters').select('eventPresenters.userId').whereRef('eventPresenters.eventId', '=', 'events.id').where('eventPresenters.userId', '=', presenterId)),
    );
  }
  if (query.campaignId) q = q.where('events.campaignId', '=', query.campaignId);
  if (query.type?.length) q = q.where('events.type', 'in', query.type);
  if (query.status?.length) q = q.where('events.status', 'in', query.status);
  if (query.municipalityId) q = q.where('events.municipalityId', '=', query.municipalityId);
  const rows = await q.orderBy('events.startsAt').orderBy('events.number').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const presenters = await presentersOf(ctx.db, page.map((r) => r.id));
  return { events: page.map((row) => presentSummary(row, presenters.get(row.id) ?? [])), truncated: rows.length > limit };
}

/** What the policy needs to know of one event. */
async function accessOf(db: DbOrTrx, eventId: string): Promise<EventAccess> {
  const rows = await db.selectFrom('eventPresenters').select('userId').where('eventId', '=', eventId).execute();
  return { presenterIds: rows.map((r) => r.userId) };
}

type EventAction = 'edit' | 'record' | 'cancel';

/**
 * Loads an event for an action: 404 when it does not exist or cannot be read, 403 when it can
 * be read but not changed this way. Locks the row when inside a transaction.
 */
export async function loadEventFor(db: DbOrTrx, actor: Actor, id: string, action: EventAction | 'read', forUpdate = false): Promise<EventRow & EventAccess> {
  if (!can(eventPolicy, actor, 'read')) throw forbidden();
  let q = db.selectFrom('events').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('No such event');
  const access = await accessOf(db, id);
  if (!can(eventPolicy, actor, 'read', access)) throw notFound('No such event');
  if (action !== 'read' && !can(eventPolicy, actor, action, access)) throw forbidden();
  return { ...row, ...access };
}

function audienceOf(row: EventRow): EventAudience | null {
  if (row.recordedAt === null) return null;
  return {
    pupilsPrimaryLower: row.pupilsPrimaryLower ?? 0,
    pupilsPrimaryUpper: row.pupilsPrimaryUpper ?? 0,
    pupilsSecondary: row.pupilsSecondary ?? 0,
    parents: row.parents ?? 0,
    teachers: row.teachers ?? 0,
    other: row.otherAttendees ?? 0,
  };
}

export async function getEvent(ctx: AppContext, actor: Actor, id: string): Promise<Event> {
  const row = await loadEventFor(ctx.db, actor, id, 'read');
  const summary = await eventsWithPlace(ctx.db).select(summaryColumns).where('events.id', '=', id).executeTakeFirstOrThrow();
  const presenters = (await presentersOf(ctx.db, [id])).get(id) ?? [];
  const recorder = row.recordedBy ? await ctx.db.selectFrom('users').select('displayName').where('id', '=', row.recordedBy).executeTakeFirst() : undefined;
  return {
    ...presentSummary(summary, presenters),
    materials: row.materials,
    audience: audienceOf(row),
    durationMinutes: row.recordedAt ? row.durationMinutes : null,
    notes: row.notes,
    recordedAt: row.recordedAt?.toISOString() ?? null,
    recordedBy: recorder?.displayName ?? null,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    photos: await listPhotos(ctx.db, id),
    may: {
      edit: can(eventPolicy, actor, 'edit', row) && row.status !== 'cancelled',
      record: can(eventPolicy, actor, 'record', row) && row.status !== 'cancelled',
      cancel: can(eventPolicy, actor, 'cancel', row) && row.status === 'planned',
    },
  };
}

/** The people who can be named presenters: id and display name only. */
export async function listPresenters(ctx: AppContext, actor: Actor): Promise<Presenter[]> {
  if (!can(eventPolicy, actor, 'list')) throw forbidden();
  return ctx.db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('isActive', '=', true)
    .where(sql<boolean>`roles && ${sql.val([...PRESENTER_ROLES])}::text[]`)
    .orderBy('displayName')
    .execute();
}

// ---- edit, cancel, record -----------------------------------------------------------------

/**
 * Changes a planned (or held) event. A moved start keeps the planned length unless a new end
 * or length is sent; the day-before reminder is sent again for the new start time (reminded_for
 * no longer matches). Presenters added get their own reminder; those removed lose theirs.
 */
export async function updateEvent(ctx: AppContext, actor: Actor, id: string, patch: UpdateEventRequest): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadEventFor(trx, actor, id, 'edit', true);
    if (current.status === 'cancelled') throw conflict('event_cancelled', 'A cancelled event cannot be changed');
    const startsAt = patch.startsAt !== undefined ? new Date(patch.startsAt) : current.startsAt;
    const plannedMinutes = Math.round((current.endsAt.getTime() - current.startsAt.getTime()) / 60_000);
    const endsAt = patch.endsAt !== undefined || patch.durationMinutes !== undefined || patch.startsAt !== undefined ? endOf(startsAt, patch, plannedMinutes) : current.endsAt;
    const timeIssues = placeAndTimeIssues({ startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }, false);
    if (timeIssues.length) throw validationFailed(Object.fromEntries(timeIssues.map((i) => [i.path, i.message])));
    const placeChanged = patch.schoolId !== undefined || patch.venue !== undefined || patch.municipalityId !== undefined;
    const place = placeChanged
      ? await resolvePlace(
          trx,
          {
            schoolId: patch.schoolId !== undefined ? patch.schoolId : current.schoolId,
            venue: patch.venue ?? (patch.schoolId === null ? '' : current.venue),
            // A new school brings its own municipality; otherwise the one sent, or the current one.
            municipalityId: patch.municipalityId ?? (patch.schoolId ? undefined : current.municipalityId),
          },
          { allowInactiveSchool: current.schoolId },
        )
      : undefined;
    if (patch.campaignId !== undefined) await checkCampaign(trx, patch.campaignId);
    const presenterIds = patch.presenterIds !== undefined ? await checkPresenters(trx, patch.presenterIds) : undefined;
    // A presenter editing their own event may not take themselves off it (they would lose it).
    if (presenterIds && !can(eventPolicy, actor, 'edit', { presenterIds })) {
      throw validationFailed({ presenterIds: 'You cannot take yourself off an event you present; ask a coordinator' });
    }
    const changes = {
      ...(patch.type !== undefined && { type: patch.type }),
      ...(patch.title !== undefined && { title: patch.title }),
      ...(startsAt.getTime() !== current.startsAt.getTime() && { startsAt }),
      ...(endsAt.getTime() !== current.endsAt.getTime() && { endsAt }),
      ...(place && place),
      ...(patch.campaignId !== undefined && { campaignId: patch.campaignId }),
      ...(patch.language !== undefined && { language: patch.language }),
      ...(patch.topics !== undefined && { topics: [...new Set(patch.topics)] }),
      ...(patch.materials !== undefined && { materials: patch.materials }),
    };
    await trx.updateTable('events').set({ ...changes, updatedAt: new Date() }).where('id', '=', id).execute();
    let presentersChanged = false;
    if (presenterIds) {
      const removed = current.presenterIds.filter((p) => !presenterIds.includes(p));
      const added = presenterIds.filter((p) => !current.presenterIds.includes(p));
      if (removed.length) await trx.deleteFrom('eventPresenters').where('eventId', '=', id).where('userId', 'in', removed).execute();
      if (added.length) await trx.insertInto('eventPresenters').values(added.map((userId) => ({ eventId: id, userId }))).execute();
      presentersChanged = removed.length > 0 || added.length > 0;
    }
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'event.update',
      recordType: 'event',
      recordId: id,
      details: { fields: [...Object.keys(changes), ...(presentersChanged ? ['presenterIds'] : [])], ...(presentersChanged && { presenterIds }) },
    });
  });
}

export async function cancelEvent(ctx: AppContext, actor: Actor, id: string, input: CancelEventRequest): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadEventFor(trx, actor, id, 'cancel', true);
    if (current.status !== 'planned') throw conflict('event_not_planned', current.status === 'held' ? 'The event has been held; it cannot be cancelled' : 'The event is already cancelled');
    await trx.updateTable('events').set({ status: 'cancelled', cancelReason: input.reason, updatedAt: new Date() }).where('id', '=', id).execute();
    // Pupils can no longer answer the quiz of an event that will not take place.
    await trx.updateTable('eventQuizzes').set({ phase: 'closed', updatedAt: new Date() }).where('eventId', '=', id).where('phase', '<>', 'closed').execute();
    // The reason is free text: the audit entry says only that it was cancelled.
    await recordAudit(trx, { actor: auditActor(actor), action: 'event.cancel', recordType: 'event', recordId: id, details: { from: current.status } });
  });
}

/**
 * Records what happened: the audience by group, the real length and notes; the event becomes
 * held. Only once it has started; the same people may correct it later (each change audited
 * with the counts it replaced).
 */
export async function recordEvent(ctx: AppContext, actor: Actor, id: string, input: RecordEventRequest, now = new Date()): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadEventFor(trx, actor, id, 'record', true);
    if (current.status === 'cancelled') throw conflict('event_cancelled', 'A cancelled event has no audience to record');
    if (current.startsAt > now) throw conflict('event_not_started', 'The audience can be recorded once the event has started');
    const a = input.audience;
    await trx
      .updateTable('events')
      .set({
        status: 'held',
        pupilsPrimaryLower: a.pupilsPrimaryLower,
        pupilsPrimaryUpper: a.pupilsPrimaryUpper,
        pupilsSecondary: a.pupilsSecondary,
        parents: a.parents,
        teachers: a.teachers,
        otherAttendees: a.other,
        durationMinutes: input.durationMinutes,
        notes: input.notes,
        recordedBy: actor.id,
        recordedAt: now,
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    const previous = audienceOf(current);
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: current.recordedAt ? 'event.record.correct' : 'event.record',
      recordType: 'event',
      recordId: id,
      details: { audience: a, durationMinutes: input.durationMinutes, ...(previous && { previous: { audience: previous, durationMinutes: current.durationMinutes } }) },
    });
  });
}
