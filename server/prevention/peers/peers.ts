// Peer educators: the cohorts young people are trained in, the young people themselves with
// the least data the programme needs (first name, initial of the last name, age group, school,
// municipality; for minors who obtained the parents' consent and when), the modules they
// completed, certification, the console account they sign in with, and the deletion of their
// personal data on request that keeps the anonymous counts. Coordinators only; every read of a
// name is audited.
import { sql, type ExpressionBuilder } from 'kysely';
import type { AppContext } from '../../context';
import { dateColumn, type DbOrTrx } from '../../db/index';
import type { Database } from '../../db/schema';
import { districtOf } from '../../../common/geography';
import type { PeerAgeGroup } from '../../../common/prevention';
import {
  consentIssue,
  type CreatePeerCohortRequest,
  type CreatePeerEducatorRequest,
  type PeerEducator,
  type PeerEducatorSummary,
  type SetPeerModulesRequest,
  type UpdatePeerCohortRequest,
  type UpdatePeerEducatorRequest,
} from '../../../common/schemas/prevention/peers';
import { can, type Actor } from '../../auth/policy';
import { auditActor } from '../../auth/request';
import { recordAudit } from '../../audit/log';
import { conflict, forbidden, notFound, validationFailed } from '../../http/errors';
import { belgradeToday } from '../../../common/belgrade-time';
import { deactivateAccount } from '../../users/users';
import { peerEducatorPolicy, peerSessionPolicy } from '../policy';


function requireManager(actor: Actor): void {
  if (!can(peerEducatorPolicy, actor, 'manage')) throw forbidden();
}

/** "Ана П." — how a peer educator is named on screens (null once the data was deleted). */
export function educatorName(row: { firstName: string | null; lastInitial: string | null }): string | null {
  return row.firstName && row.lastInitial ? `${row.firstName} ${row.lastInitial}.` : null;
}

/** An initial as it is shown: without the dot, first letter capital ("lj." → "Lj"). */
const normaliseInitial = (initial: string) => {
  const letters = initial.replace(/\.$/, '');
  return letters.charAt(0).toUpperCase() + letters.slice(1).toLowerCase();
};

// ---- cohorts ----------------------------------------------------------------------------------

export async function listCohorts(db: DbOrTrx, actor: Actor) {
  requireManager(actor);
  const rows = await db
    .selectFrom('peerCohorts')
    .selectAll('peerCohorts')
    .select((eb) => [
      eb.selectFrom('peerEducators').whereRef('peerEducators.cohortId', '=', 'peerCohorts.id').select(eb.fn.countAll<string>().as('n')).as('educators'),
      eb
        .selectFrom('peerEducators')
        .whereRef('peerEducators.cohortId', '=', 'peerCohorts.id')
        .where('peerEducators.certifiedOn', 'is not', null)
        .select(eb.fn.countAll<string>().as('n'))
        .as('certified'),
    ])
    .orderBy('peerCohorts.startsOn', 'desc')
    .orderBy('peerCohorts.name')
    .execute();
  return {
    cohorts: rows.map((c) => ({
      id: c.id,
      name: c.name,
      startsOn: dateColumn(c.startsOn),
      endsOn: c.endsOn ? dateColumn(c.endsOn) : null,
      educators: Number(c.educators ?? 0),
      certified: Number(c.certified ?? 0),
    })),
  };
}

async function cohortById(db: DbOrTrx, actor: Actor, id: string) {
  const { cohorts } = await listCohorts(db, actor);
  const cohort = cohorts.find((c) => c.id === id);
  if (!cohort) throw notFound('No such cohort');
  return { cohort };
}

export async function createCohort(ctx: AppContext, actor: Actor, input: CreatePeerCohortRequest) {
  requireManager(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('peerCohorts')
      .values({ name: input.name, startsOn: input.startsOn, endsOn: input.endsOn ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: 'peer-cohort.create', recordType: 'peer-cohort', recordId: row.id });
    return cohortById(trx, actor, row.id);
  });
}

export async function updateCohort(ctx: AppContext, actor: Actor, id: string, input: UpdatePeerCohortRequest) {
  requireManager(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('peerCohorts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('No such cohort');
    const startsOn = input.startsOn ?? dateColumn(current.startsOn);
    const endsOn = input.endsOn !== undefined ? input.endsOn : current.endsOn ? dateColumn(current.endsOn) : null;
    if (endsOn && endsOn < startsOn) throw validationFailed({ endsOn: 'The end cannot be before the start' });
    await trx
      .updateTable('peerCohorts')
      .set({ name: input.name ?? current.name, startsOn, endsOn })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'peer-cohort.update', recordType: 'peer-cohort', recordId: id, details: { changed: Object.keys(input) } });
    return cohortById(trx, actor, id);
  });
}

// ---- reading peer educators -------------------------------------------------------------------

const countOf = (eb: ExpressionBuilder<Database, 'peerEducators'>, status: 'confirmed' | 'submitted') =>
  eb
    .selectFrom('peerSessions')
    .whereRef('peerSessions.peerEducatorId', '=', 'peerEducators.id')
    .where('peerSessions.status', '=', status)
    .select(eb.fn.countAll<string>().as('n'));

function educatorRows(db: DbOrTrx) {
  return db
    .selectFrom('peerEducators')
    .innerJoin('peerCohorts', 'peerCohorts.id', 'peerEducators.cohortId')
    .leftJoin('schools', 'schools.id', 'peerEducators.schoolId')
    .selectAll('peerEducators')
    .select((eb) => [
      'peerCohorts.name as cohortName',
      'schools.name as schoolName',
      eb
        .selectFrom('peerModuleCompletions')
        .innerJoin('peerTrainingModules', 'peerTrainingModules.id', 'peerModuleCompletions.moduleId')
        .whereRef('peerModuleCompletions.peerEducatorId', '=', 'peerEducators.id')
        .where('peerTrainingModules.isActive', '=', true)
        .select(eb.fn.countAll<string>().as('n'))
        .as('modulesCompleted'),
      countOf(eb, 'confirmed').as('sessionsConfirmed'),
      countOf(eb, 'submitted').as('sessionsSubmitted'),
      eb
        .selectFrom('peerSessions')
        .whereRef('peerSessions.peerEducatorId', '=', 'peerEducators.id')
        .where('peerSessions.status', '=', 'confirmed')
        .select(sql<string>`coalesce(sum(peers_reached), 0)`.as('n'))
        .as('peersReached'),
    ]);
}
type EducatorRow = Awaited<ReturnType<ReturnType<typeof educatorRows>['executeTakeFirstOrThrow']>>;

function presentSummary(row: EducatorRow): PeerEducatorSummary {
  return {
    id: row.id,
    cohortId: row.cohortId,
    cohortName: row.cohortName,
    firstName: row.firstName,
    lastInitial: row.lastInitial,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    municipalityId: row.municipalityId,
    ageGroup: row.ageGroup as PeerAgeGroup,
    hasConsent: row.consentObtainedOn !== null,
    modulesCompleted: Number(row.modulesCompleted ?? 0),
    certifiedOn: row.certifiedOn ? dateColumn(row.certifiedOn) : null,
    hasAccount: row.userId !== null,
    sessionsConfirmed: Number(row.sessionsConfirmed ?? 0),
    peersReached: Number(row.peersReached ?? 0),
    personalDataDeletedAt: row.personalDataDeletedAt?.toISOString() ?? null,
  };
}

/** Every peer educator (or one cohort's), names included: the list is audited. */
export async function listEducators(ctx: AppContext, actor: Actor, query: { cohortId?: string | undefined }) {
  requireManager(actor);
  let rows = educatorRows(ctx.db);
  if (query.cohortId) rows = rows.where('peerEducators.cohortId', '=', query.cohortId);
  const found = await rows.orderBy('peerCohorts.startsOn', 'desc').orderBy('peerEducators.firstName').orderBy('peerEducators.createdAt').execute();
  await recordAudit(ctx.db, {
    actor: auditActor(actor),
    action: 'peer-educator.list',
    recordType: 'peer-educator',
    details: { shown: found.length, ...(query.cohortId && { cohortId: query.cohortId }) },
  });
  return { educators: found.map(presentSummary) };
}

async function loadEducator(db: DbOrTrx, id: string, forUpdate = false) {
  let query = db.selectFrom('peerEducators').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('No such peer educator');
  return row;
}

async function presentEducator(db: DbOrTrx, id: string): Promise<PeerEducator> {
  const row = await educatorRows(db).where('peerEducators.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such peer educator');
  const [modules, account, recordedBy] = await Promise.all([
    db.selectFrom('peerModuleCompletions').select(['moduleId', 'completedOn']).where('peerEducatorId', '=', id).execute(),
    row.userId ? db.selectFrom('users').select(['id', 'displayName', 'username']).where('id', '=', row.userId).executeTakeFirst() : undefined,
    row.consentRecordedBy ? db.selectFrom('users').select('displayName').where('id', '=', row.consentRecordedBy).executeTakeFirst() : undefined,
  ]);
  return {
    ...presentSummary(row),
    consent: row.consentObtainedOn
      ? { obtainedOn: dateColumn(row.consentObtainedOn), obtainedBy: row.consentObtainedBy ?? '', recordedByName: recordedBy?.displayName ?? null }
      : null,
    account: account ?? null,
    modules: modules.map((m) => ({ moduleId: m.moduleId, completedOn: dateColumn(m.completedOn) })),
    sessionsSubmitted: Number(row.sessionsSubmitted ?? 0),
    createdAt: row.createdAt.toISOString(),
  };
}

/** One peer educator with their modules, consent and account (audited). */
export async function getEducator(ctx: AppContext, actor: Actor, id: string) {
  requireManager(actor);
  const educator = await presentEducator(ctx.db, id);
  await recordAudit(ctx.db, { actor: auditActor(actor), action: 'peer-educator.read', recordType: 'peer-educator', recordId: id });
  return { educator };
}

// ---- writing peer educators -------------------------------------------------------------------

async function checkCohort(db: DbOrTrx, cohortId: string): Promise<void> {
  const found = await db.selectFrom('peerCohorts').select('id').where('id', '=', cohortId).executeTakeFirst();
  if (!found) throw validationFailed({ cohortId: 'No such cohort' });
}

/** The school's municipality, checking the school is in the registry. */
export async function schoolMunicipality(db: DbOrTrx, schoolId: string): Promise<string> {
  const school = await db.selectFrom('schools').select('municipalityId').where('id', '=', schoolId).where('isActive', '=', true).executeTakeFirst();
  if (!school) throw validationFailed({ schoolId: 'No such school in the registry' });
  return school.municipalityId;
}

function notFuture(day: string | undefined, field: string): void {
  if (day && day > belgradeToday()) throw validationFailed({ [field]: 'This day is in the future' });
}

function refuseIfErased(row: { personalDataDeletedAt: Date | null }): void {
  if (row.personalDataDeletedAt) throw conflict('personal_data_deleted', "This peer educator's personal data was deleted; the record is kept only for the counts");
}

export async function createEducator(ctx: AppContext, actor: Actor, input: CreatePeerEducatorRequest) {
  requireManager(actor);
  notFuture(input.consent?.obtainedOn, 'consent.obtainedOn');
  return ctx.db.transaction().execute(async (trx) => {
    await checkCohort(trx, input.cohortId);
    const schoolPlace = input.schoolId ? await schoolMunicipality(trx, input.schoolId) : null;
    const municipalityId = input.municipalityId ?? schoolPlace!;
    const row = await trx
      .insertInto('peerEducators')
      .values({
        cohortId: input.cohortId,
        firstName: input.firstName,
        lastInitial: normaliseInitial(input.lastInitial),
        schoolId: input.schoolId ?? null,
        municipalityId,
        districtId: districtOf(municipalityId),
        ageGroup: input.ageGroup,
        consentObtainedOn: input.consent?.obtainedOn ?? null,
        consentObtainedBy: input.consent?.obtainedBy ?? null,
        consentRecordedBy: input.consent ? actor.id : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'peer-educator.create',
      recordType: 'peer-educator',
      recordId: row.id,
      details: { cohortId: input.cohortId, ageGroup: input.ageGroup, consent: input.consent ? true : false },
    });
    return { id: row.id };
  });
}

export async function updateEducator(ctx: AppContext, actor: Actor, id: string, patch: UpdatePeerEducatorRequest) {
  requireManager(actor);
  notFuture(patch.consent?.obtainedOn, 'consent.obtainedOn');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadEducator(trx, id, true);
    refuseIfErased(current);
    const ageGroup = patch.ageGroup ?? current.ageGroup;
    const consent = patch.consent !== undefined ? patch.consent : current.consentObtainedOn ? { kept: true } : null;
    const issue = consentIssue(ageGroup, consent);
    if (issue) throw validationFailed({ consent: issue });
    if (patch.cohortId) await checkCohort(trx, patch.cohortId);
    let municipalityId = patch.municipalityId;
    if (patch.schoolId) {
      const schoolPlace = await schoolMunicipality(trx, patch.schoolId);
      municipalityId ??= schoolPlace;
    }
    await trx
      .updateTable('peerEducators')
      .set({
        ...(patch.cohortId && { cohortId: patch.cohortId }),
        ...(patch.firstName && { firstName: patch.firstName }),
        ...(patch.lastInitial && { lastInitial: normaliseInitial(patch.lastInitial) }),
        ...(patch.schoolId !== undefined && { schoolId: patch.schoolId }),
        ...(municipalityId && { municipalityId, districtId: districtOf(municipalityId) }),
        ageGroup,
        ...(patch.consent !== undefined && {
          consentObtainedOn: patch.consent?.obtainedOn ?? null,
          consentObtainedBy: patch.consent?.obtainedBy ?? null,
          consentRecordedBy: patch.consent ? actor.id : null,
        }),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'peer-educator.update', recordType: 'peer-educator', recordId: id, details: { changed: Object.keys(patch) } });
    return { educator: await presentEducator(trx, id) };
  });
}

/**
 * Sets the modules a peer educator completed (the whole list). A certified peer educator keeps
 * every active module: withdraw the certification first.
 */
export async function setModules(ctx: AppContext, actor: Actor, id: string, input: SetPeerModulesRequest) {
  requireManager(actor);
  const moduleIds = input.completions.map((c) => c.moduleId);
  if (new Set(moduleIds).size !== moduleIds.length) throw validationFailed({ completions: 'A module is listed twice' });
  input.completions.forEach((c, index) => notFuture(c.completedOn, `completions.${index}.completedOn`));
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadEducator(trx, id, true);
    refuseIfErased(current);
    const modules = await trx.selectFrom('peerTrainingModules').select(['id', 'isActive']).execute();
    const known = new Map(modules.map((m) => [m.id, m.isActive]));
    input.completions.forEach((c, index) => {
      if (!known.has(c.moduleId)) throw validationFailed({ [`completions.${index}.moduleId`]: 'No such training module' });
    });
    if (current.certifiedOn) {
      const kept = new Set(moduleIds);
      if (modules.some((m) => m.isActive && !kept.has(m.id))) {
        throw conflict('certified', 'A certified peer educator keeps every module; withdraw the certification first');
      }
    }
    await trx.deleteFrom('peerModuleCompletions').where('peerEducatorId', '=', id).execute();
    if (input.completions.length) {
      await trx
        .insertInto('peerModuleCompletions')
        .values(input.completions.map((c) => ({ peerEducatorId: id, moduleId: c.moduleId, completedOn: c.completedOn })))
        .execute();
    }
    await recordAudit(trx, { actor: auditActor(actor), action: 'peer-educator.modules', recordType: 'peer-educator', recordId: id, details: { moduleIds } });
    return { educator: await presentEducator(trx, id) };
  });
}

/**
 * Certifies a peer educator who completed every active module (an inactive module is no longer
 * part of the programme). The day is not before the last of those modules and not in the future.
 */
export async function certify(ctx: AppContext, actor: Actor, id: string, certifiedOn: string) {
  requireManager(actor);
  notFuture(certifiedOn, 'certifiedOn');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadEducator(trx, id, true);
    refuseIfErased(current);
    const modules = await trx
      .selectFrom('peerTrainingModules')
      .leftJoin('peerModuleCompletions', (join) =>
        join.onRef('peerModuleCompletions.moduleId', '=', 'peerTrainingModules.id').on('peerModuleCompletions.peerEducatorId', '=', id),
      )
      .select(['peerTrainingModules.code', 'peerModuleCompletions.completedOn'])
      .where('peerTrainingModules.isActive', '=', true)
      .execute();
    const missing = modules.filter((m) => m.completedOn === null).map((m) => m.code);
    if (missing.length) throw conflict('modules_incomplete', `Modules not yet completed: ${missing.join(', ')}`);
    const last = modules.map((m) => dateColumn(m.completedOn!)).sort().at(-1);
    if (last && certifiedOn < last) throw validationFailed({ certifiedOn: 'Certification cannot be before the last module was completed' });
    await trx.updateTable('peerEducators').set({ certifiedOn }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'peer-educator.certify', recordType: 'peer-educator', recordId: id });
    return { educator: await presentEducator(trx, id) };
  });
}

export async function withdrawCertification(ctx: AppContext, actor: Actor, id: string) {
  requireManager(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadEducator(trx, id, true);
    refuseIfErased(current);
    await trx.updateTable('peerEducators').set({ certifiedOn: null }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'peer-educator.uncertify', recordType: 'peer-educator', recordId: id });
    return { educator: await presentEducator(trx, id) };
  });
}

// ---- console accounts -------------------------------------------------------------------------

/**
 * An account that is a peer educator's only: erasure renames and closes the linked account, so
 * a staff account that also holds the role must never be linked.
 */
const isPeerAccount = sql<boolean>`users.roles = ARRAY['peer-educator']::text[]`;

/** Active peer-educator accounts not linked to anyone, for the coordinator to link (no e-mail, no username). */
export async function listUnlinkedAccounts(db: DbOrTrx, actor: Actor) {
  requireManager(actor);
  const accounts = await db
    .selectFrom('users')
    .select(['users.id', 'users.displayName'])
    .where('users.isActive', '=', true)
    .where(isPeerAccount)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('peerEducators').select('peerEducators.id').whereRef('peerEducators.userId', '=', 'users.id'))))
    .orderBy('users.displayName')
    .execute();
  // Display names of peer accounts are, in practice, young people's names.
  await recordAudit(db, { actor: auditActor(actor), action: 'peer-educator.accounts.list', recordType: 'user', recordId: null, details: { shown: accounts.length } });
  return { accounts };
}

export async function linkAccount(ctx: AppContext, actor: Actor, id: string, userId: string | null) {
  requireManager(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadEducator(trx, id, true);
    refuseIfErased(current);
    if (userId) {
      const account = await trx.selectFrom('users').select('id').where('id', '=', userId).where('isActive', '=', true).where(isPeerAccount).executeTakeFirst();
      if (!account) throw validationFailed({ userId: 'Not an active account with the role peer-educator and no other role' });
      const other = await trx.selectFrom('peerEducators').select('id').where('userId', '=', userId).where('id', '!=', id).executeTakeFirst();
      if (other) throw conflict('account_taken', 'This account is linked to another peer educator', { userId: 'This account is linked to another peer educator' });
    }
    await trx.updateTable('peerEducators').set({ userId }).where('id', '=', id).execute();
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: userId ? 'peer-educator.link-account' : 'peer-educator.unlink-account',
      recordType: 'peer-educator',
      recordId: id,
      details: { userId: userId ?? current.userId },
    });
    return { educator: await presentEducator(trx, id) };
  });
}

// ---- deletion on request ----------------------------------------------------------------------

/**
 * Deletes a peer educator's personal data on request. Blanked: first name, initial, school,
 * who obtained the consent, the notes, venues and return reasons of their sessions; their console account is closed,
 * renamed to a neutral name and unlinked. Kept, so anonymous counts stay right: the cohort,
 * municipality, age group, the day consent was obtained, modules, certification and sessions.
 */
export async function eraseEducator(ctx: AppContext, actor: Actor, id: string) {
  requireManager(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadEducator(trx, id, true);
    refuseIfErased(current);
    if (current.userId) await deactivateAccount(trx, current.userId, { forget: true });
    await trx
      .updateTable('peerEducators')
      .set({ firstName: null, lastInitial: null, schoolId: null, consentObtainedBy: null, userId: null, personalDataDeletedAt: new Date() })
      .where('id', '=', id)
      .execute();
    // Free text they or a coordinator wrote about their sessions may name them.
    await trx.updateTable('peerSessions').set({ notes: '', venue: '', returnReason: null }).where('peerEducatorId', '=', id).execute();
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'peer-educator.erase',
      recordType: 'peer-educator',
      recordId: id,
      details: { userId: current.userId },
    });
    return { educator: await presentEducator(trx, id) };
  });
}

// ---- the peer educator's own record -----------------------------------------------------------

/** The record linked to the signed-in account, or null (not linked, or deleted). */
export async function linkedEducator(db: DbOrTrx, actor: Actor) {
  return db
    .selectFrom('peerEducators')
    .innerJoin('peerCohorts', 'peerCohorts.id', 'peerEducators.cohortId')
    .select(['peerEducators.id', 'peerEducators.firstName', 'peerEducators.municipalityId', 'peerEducators.schoolId', 'peerEducators.certifiedOn', 'peerCohorts.name as cohortName'])
    .where('peerEducators.userId', '=', actor.id)
    .where('peerEducators.personalDataDeletedAt', 'is', null)
    .executeTakeFirst();
}

export async function myEducator(ctx: AppContext, actor: Actor) {
  if (!can(peerSessionPolicy, actor, 'record')) throw forbidden();
  const row = await linkedEducator(ctx.db, actor);
  return {
    educator: row
      ? {
          id: row.id,
          firstName: row.firstName ?? '',
          cohortName: row.cohortName,
          municipalityId: row.municipalityId,
          schoolId: row.schoolId,
          certifiedOn: row.certifiedOn ? dateColumn(row.certifiedOn) : null,
        }
      : null,
  };
}

