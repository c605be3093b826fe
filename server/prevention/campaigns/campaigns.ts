// Campaigns: the record (name, goal, period, partners), its online actions, and the reach
// figures — computed in SQL on every read from the campaign's HELD events (everyone counted
// there) plus the people its online actions reached, never stored, so a recorded or cancelled
// event changes them at once. The tour is the campaign's city-stop events in date order; stops
// are planned, recorded and cancelled through the events API (server/prevention/events).
import { sql } from 'kysely';
import type { AppContext } from '../../context';
import { dateColumn, type DbOrTrx } from '../../db/index';
import type { CampaignPartner } from '../../db/schema-prevention';
import type {
  Campaign,
  CampaignEvent,
  CampaignFigures,
  CampaignSummary,
  CreateCampaignRequest,
  OnlineAction,
  OnlineActionRequest,
  UpdateCampaignRequest,
  UpdateOnlineActionRequest,
} from '../../../common/schemas/prevention/campaigns';
import type { EventStatus, EventType, OnlineActionKind, PartnerKind } from '../../../common/prevention';
import { can, type Actor } from '../../auth/policy';
import { auditActor } from '../../auth/request';
import { recordAudit } from '../../audit/log';
import { forbidden, notFound, validationFailed } from '../../http/errors';
import { campaignPolicy, eventPolicy } from '../policy';

/** Everyone counted at one event (the audience columns of `events`; null until recorded). */
const AUDIENCE = sql<number>`(coalesce(pupils_primary_lower, 0) + coalesce(pupils_primary_upper, 0) + coalesce(pupils_secondary, 0)
  + coalesce(parents, 0) + coalesce(teachers, 0) + coalesce(other_attendees, 0))`;

/** Campaigns with their figures: one lateral aggregate over the events, one over the online actions. */
function campaignsWithFigures(db: DbOrTrx) {
  return db
    .selectFrom('campaigns')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('events')
          .select([
            sql<string>`count(*) FILTER (WHERE status = 'held')`.as('eventsHeld'),
            sql<string>`count(*) FILTER (WHERE status = 'planned')`.as('eventsPlanned'),
            sql<string>`coalesce(sum(${AUDIENCE}) FILTER (WHERE status = 'held'), 0)`.as('audienceAtEvents'),
            sql<string>`count(DISTINCT municipality_id) FILTER (WHERE status = 'held')`.as('municipalitiesCovered'),
          ])
          .whereRef('events.campaignId', '=', 'campaigns.id')
          .as('ev'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('campaignOnlineActions')
          .select([
            sql<string>`count(*)`.as('onlineActions'),
            sql<string>`coalesce(sum(people_reached), 0)`.as('reachedOnline'),
            sql<string>`coalesce(sum(engagements), 0)`.as('engagements'),
          ])
          .whereRef('campaignOnlineActions.campaignId', '=', 'campaigns.id')
          .as('oa'),
      (join) => join.onTrue(),
    )
    .select([
      'campaigns.id',
      'campaigns.number',
      'campaigns.name',
      'campaigns.goal',
      'campaigns.startsOn',
      'campaigns.endsOn',
      'campaigns.partners',
      'campaigns.createdAt',
      'campaigns.updatedAt',
      'ev.eventsHeld',
      'ev.eventsPlanned',
      'ev.audienceAtEvents',
      'ev.municipalitiesCovered',
      'oa.onlineActions',
      'oa.reachedOnline',
      'oa.engagements',
    ]);
}

type CampaignFiguresRow = Awaited<ReturnType<ReturnType<typeof campaignsWithFigures>['executeTakeFirstOrThrow']>>;

function presentSummary(row: CampaignFiguresRow): CampaignSummary {
  const n = (value: string | number | null) => Number(value ?? 0);
  const figures: CampaignFigures = {
    peopleReached: n(row.audienceAtEvents) + n(row.reachedOnline),
    audienceAtEvents: n(row.audienceAtEvents),
    reachedOnline: n(row.reachedOnline),
    engagements: n(row.engagements),
    eventsHeld: n(row.eventsHeld),
    eventsPlanned: n(row.eventsPlanned),
    municipalitiesCovered: n(row.municipalitiesCovered),
    onlineActions: n(row.onlineActions),
  };
  return {
    id: row.id,
    number: String(row.number),
    name: row.name,
    goal: row.goal,
    startsOn: dateColumn(row.startsOn),
    endsOn: row.endsOn === null ? null : dateColumn(row.endsOn),
    partners: (row.partners as CampaignPartner[]).map((p) => ({ name: p.name, kind: p.kind as PartnerKind, note: p.note ?? '' })),
    figures,
  };
}

export async function listCampaigns(ctx: AppContext, actor: Actor): Promise<CampaignSummary[]> {
  if (!can(campaignPolicy, actor, 'list')) throw forbidden();
  const rows = await campaignsWithFigures(ctx.db).orderBy('campaigns.startsOn', 'desc').orderBy('campaigns.number', 'desc').execute();
  return rows.map(presentSummary);
}

/** The campaign's events in date order, with everyone counted at each held one. */
async function campaignEvents(db: DbOrTrx, campaignId: string): Promise<CampaignEvent[]> {
  const rows = await db
    .selectFrom('events')
    .leftJoin('schools', 'schools.id', 'events.schoolId')
    .select([
      'events.id',
      'events.number',
      'events.type',
      'events.status',
      'events.title',
      'events.startsAt',
      'events.endsAt',
      'events.municipalityId',
      'events.districtId',
      'events.venue',
      'schools.name as schoolName',
      AUDIENCE.as('audience'),
    ])
    .where('events.campaignId', '=', campaignId)
    .orderBy('events.startsAt')
    .orderBy('events.number')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: String(row.number),
    type: row.type as EventType,
    status: row.status as EventStatus,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    municipalityId: row.municipalityId,
    districtId: row.districtId,
    venue: row.venue,
    schoolName: row.schoolName,
    audience: row.status === 'held' ? Number(row.audience) : null,
  }));
}

function presentAction(row: {
  id: string;
  kind: string;
  title: string;
  platform: string;
  happenedOn: Date | string;
  peopleReached: number;
  engagements: number | null;
  notes: string;
}): OnlineAction {
  return {
    id: row.id,
    kind: row.kind as OnlineActionKind,
    title: row.title,
    platform: row.platform,
    happenedOn: dateColumn(row.happenedOn),
    peopleReached: row.peopleReached,
    engagements: row.engagements,
    notes: row.notes,
  };
}

export async function getCampaign(ctx: AppContext, actor: Actor, id: string): Promise<Campaign> {
  if (!can(campaignPolicy, actor, 'list')) throw forbidden();
  const row = await campaignsWithFigures(ctx.db).where('campaigns.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such campaign');
  // The events themselves only for those who may see the calendar (supervisors get the figures).
  const [events, actions] = await Promise.all([
    can(eventPolicy, actor, 'list') ? campaignEvents(ctx.db, id) : [],
    ctx.db.selectFrom('campaignOnlineActions').selectAll().where('campaignId', '=', id).orderBy('happenedOn').orderBy('createdAt').execute(),
  ]);
  return {
    ...presentSummary(row),
    onlineActions: actions.map(presentAction),
    route: events.filter((e) => e.type === 'campaign-city-stop'),
    otherEvents: events.filter((e) => e.type !== 'campaign-city-stop'),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function createCampaign(ctx: AppContext, actor: Actor, input: CreateCampaignRequest): Promise<string> {
  if (!can(campaignPolicy, actor, 'manage')) throw forbidden();
  return ctx.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('campaigns')
      .values({ ...input, partners: JSON.stringify(input.partners), createdBy: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: 'campaign.create', recordType: 'campaign', recordId: created.id, details: { partners: input.partners.length } });
    return created.id;
  });
}

export async function updateCampaign(ctx: AppContext, actor: Actor, id: string, patch: UpdateCampaignRequest): Promise<void> {
  if (!can(campaignPolicy, actor, 'manage')) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('campaigns').select(['startsOn', 'endsOn']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('No such campaign');
    const startsOn = patch.startsOn ?? dateColumn(current.startsOn);
    const endsOn = patch.endsOn !== undefined ? patch.endsOn : current.endsOn === null ? null : dateColumn(current.endsOn);
    if (endsOn !== null && endsOn < startsOn) throw validationFailed({ [patch.endsOn !== undefined ? 'endsOn' : 'startsOn']: 'The end cannot be before the start' });
    const { partners, ...rest } = patch;
    await trx
      .updateTable('campaigns')
      .set({ ...rest, ...(partners !== undefined && { partners: JSON.stringify(partners) }), updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'campaign.update', recordType: 'campaign', recordId: id, details: { changed: Object.keys(patch) } });
  });
}

async function requireCampaign(db: DbOrTrx, id: string): Promise<void> {
  const found = await db.selectFrom('campaigns').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw notFound('No such campaign');
}

export async function addOnlineAction(ctx: AppContext, actor: Actor, campaignId: string, input: OnlineActionRequest): Promise<string> {
  if (!can(campaignPolicy, actor, 'manage')) throw forbidden();
  return ctx.db.transaction().execute(async (trx) => {
    await requireCampaign(trx, campaignId);
    const created = await trx
      .insertInto('campaignOnlineActions')
      .values({ ...input, campaignId, createdBy: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'campaign.online-action.create',
      recordType: 'campaign',
      recordId: campaignId,
      details: { actionId: created.id, kind: input.kind, peopleReached: input.peopleReached },
    });
    return created.id;
  });
}

export async function updateOnlineAction(ctx: AppContext, actor: Actor, campaignId: string, actionId: string, patch: UpdateOnlineActionRequest): Promise<void> {
  if (!can(campaignPolicy, actor, 'manage')) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await trx.updateTable('campaignOnlineActions').set(patch).where('id', '=', actionId).where('campaignId', '=', campaignId).executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) throw notFound('No such online action');
    await recordAudit(trx, { actor: auditActor(actor), action: 'campaign.online-action.update', recordType: 'campaign', recordId: campaignId, details: { actionId, changed: Object.keys(patch) } });
  });
}

export async function deleteOnlineAction(ctx: AppContext, actor: Actor, campaignId: string, actionId: string): Promise<void> {
  if (!can(campaignPolicy, actor, 'manage')) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('campaignOnlineActions').where('id', '=', actionId).where('campaignId', '=', campaignId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('No such online action');
    await recordAudit(trx, { actor: auditActor(actor), action: 'campaign.online-action.delete', recordType: 'campaign', recordId: campaignId, details: { actionId } });
  });
}
