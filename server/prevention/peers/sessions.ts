// Peer sessions: a peer educator records a session they held (day, school or venue, how many
// peers, topics, short notes); a coordinator confirms it or returns it with a reason, and the
// peer educator fixes and resubmits a returned one. A peer educator sees only their own sessions
// (peerSessionPolicy's own-session scope, the same rule as SQL for lists); coordinators see
// every session with the peer educator's first name and initial, and those reads are audited.
import type { ExpressionBuilder } from 'kysely';
import type { AppContext } from '../../context';
import { dateColumn, type DbOrTrx } from '../../db/index';
import type { Database } from '../../db/schema';
import { districtOf } from '../../../common/geography';
import type { PreventionTopic } from '../../../common/prevention';
import type { PeerSession, PeerSessionRequest, PeerSessionStatus } from '../../../common/schemas/prevention/peers';
import { can, scopeFilter, type Actor } from '../../auth/policy';
import { auditActor } from '../../auth/request';
import { recordAudit } from '../../audit/log';
import { conflict, forbidden, HttpError, notFound, validationFailed } from '../../http/errors';
import { peerEducatorPolicy, peerSessionPolicy } from '../policy';
import { belgradeToday } from '../../../common/belgrade-time';
import { educatorName, linkedEducator, schoolMunicipality } from './peers';

function sessionRows(db: DbOrTrx) {
  return db
    .selectFrom('peerSessions')
    .innerJoin('peerEducators', 'peerEducators.id', 'peerSessions.peerEducatorId')
    .leftJoin('schools', 'schools.id', 'peerSessions.schoolId')
    .selectAll('peerSessions')
    .select(['peerEducators.firstName', 'peerEducators.lastInitial', 'peerEducators.userId as educatorUserId', 'schools.name as schoolName']);
}
type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionRows>['executeTakeFirstOrThrow']>>;

/** Coordinators see who held a session; a peer educator's own view names nobody. */
const showsNames = (actor: Actor) => can(peerEducatorPolicy, actor, 'manage');

function presentSession(row: SessionRow, withName: boolean): PeerSession {
  return {
    id: row.id,
    peerEducatorId: row.peerEducatorId,
    educatorName: withName ? educatorName(row) : null,
    heldOn: dateColumn(row.heldOn),
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    venue: row.venue,
    municipalityId: row.municipalityId,
    peersReached: row.peersReached,
    topics: row.topics as PreventionTopic[],
    notes: row.notes,
    status: row.status as PeerSessionStatus,
    returnReason: row.returnReason,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listSessions(ctx: AppContext, actor: Actor, query: { status?: PeerSessionStatus | undefined; peerEducatorId?: string | undefined }) {
  if (!can(peerSessionPolicy, actor, 'list')) throw forbidden();
  let rows = sessionRows(ctx.db).where((eb) => scopeFilter(peerSessionPolicy, actor, 'list', eb as unknown as ExpressionBuilder<Database, 'peerSessions'>));
  if (query.status) rows = rows.where('peerSessions.status', '=', query.status);
  if (query.peerEducatorId) rows = rows.where('peerSessions.peerEducatorId', '=', query.peerEducatorId);
  const found = await rows.orderBy('peerSessions.heldOn', 'desc').orderBy('peerSessions.createdAt', 'desc').limit(500).execute();
  const withName = showsNames(actor);
  if (withName) {
    await recordAudit(ctx.db, {
      actor: auditActor(actor),
      action: 'peer-session.list',
      recordType: 'peer-session',
      details: { shown: found.length, ...(query.status && { status: query.status }), ...(query.peerEducatorId && { peerEducatorId: query.peerEducatorId }) },
    });
  }
  return { sessions: found.map((row) => presentSession(row, withName)) };
}

/** A session the actor may see, else 404 (someone else's session does not exist for them). */
async function loadSession(db: DbOrTrx, actor: Actor, id: string): Promise<SessionRow> {
  const row = await sessionRows(db).where('peerSessions.id', '=', id).executeTakeFirst();
  if (!row || !can(peerSessionPolicy, actor, 'read', { educatorUserId: row.educatorUserId })) throw notFound('No such peer session');
  return row;
}

export async function getSession(ctx: AppContext, actor: Actor, id: string) {
  const row = await loadSession(ctx.db, actor, id);
  const withName = showsNames(actor);
  if (withName) await recordAudit(ctx.db, { actor: auditActor(actor), action: 'peer-session.read', recordType: 'peer-session', recordId: id });
  return { session: presentSession(row, withName) };
}

/** Where and when: the school's municipality when at a school, else the venue's. */
async function sessionColumns(db: DbOrTrx, input: PeerSessionRequest) {
  if (input.heldOn > belgradeToday()) throw validationFailed({ heldOn: 'This day is in the future' });
  const municipalityId = input.schoolId ? await schoolMunicipality(db, input.schoolId) : input.municipalityId!;
  return {
    heldOn: input.heldOn,
    schoolId: input.schoolId ?? null,
    venue: input.schoolId ? '' : (input.venue ?? ''),
    municipalityId,
    districtId: districtOf(municipalityId),
    peersReached: input.peersReached,
    topics: [...new Set(input.topics)],
    notes: input.notes,
  };
}

const notLinked = () =>
  new HttpError(403, 'not_linked', 'This account is not linked to a peer educator yet; the prevention coordinator links it');

/** A peer educator records a session they held, as themselves. */
export async function recordSession(ctx: AppContext, actor: Actor, input: PeerSessionRequest) {
  if (!can(peerSessionPolicy, actor, 'record')) throw forbidden();
  return ctx.db.transaction().execute(async (trx) => {
    const educator = await linkedEducator(trx, actor);
    if (!educator) throw notLinked();
    const row = await trx
      .insertInto('peerSessions')
      .values({ ...(await sessionColumns(trx, input)), peerEducatorId: educator.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: 'peer-session.record', recordType: 'peer-session', recordId: row.id, details: { peerEducatorId: educator.id } });
    return { id: row.id };
  });
}

/** The peer educator corrects a session not yet confirmed; a returned one goes back for confirmation. */
export async function resubmitSession(ctx: AppContext, actor: Actor, id: string, input: PeerSessionRequest) {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadSession(trx, actor, id);
    if (!can(peerSessionPolicy, actor, 'record', { educatorUserId: current.educatorUserId })) throw forbidden();
    if (!(await linkedEducator(trx, actor))) throw notLinked();
    if (current.status === 'confirmed') throw conflict('already_confirmed', 'A confirmed session cannot be changed');
    await trx
      .updateTable('peerSessions')
      .set({ ...(await sessionColumns(trx, input)), status: 'submitted', returnReason: null })
      .where('id', '=', id)
      .where('status', '!=', 'confirmed')
      .execute();
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: current.status === 'returned' ? 'peer-session.resubmit' : 'peer-session.update',
      recordType: 'peer-session',
      recordId: id,
    });
    return { session: presentSession(await loadSession(trx, actor, id), false) };
  });
}

/** A coordinator confirms a submitted session (it then counts in the figures) or returns it with a reason. */
export async function decideSession(ctx: AppContext, actor: Actor, id: string, decision: { confirm: true } | { returnReason: string }) {
  return ctx.db.transaction().execute(async (trx) => {
    await loadSession(trx, actor, id);
    if (!can(peerSessionPolicy, actor, 'confirm')) throw forbidden();
    const isConfirm = 'confirm' in decision;
    const changed = await trx
      .updateTable('peerSessions')
      .set(
        isConfirm
          ? { status: 'confirmed', confirmedBy: actor.id, confirmedAt: new Date(), returnReason: null }
          : { status: 'returned', returnReason: decision.returnReason },
      )
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) throw conflict('not_submitted', 'Only a session waiting for confirmation can be confirmed or returned');
    await recordAudit(trx, { actor: auditActor(actor), action: isConfirm ? 'peer-session.confirm' : 'peer-session.return', recordType: 'peer-session', recordId: id });
    return { session: presentSession(await loadSession(trx, actor, id), true) };
  });
}
