// Staff accounts: administrators create, change, deactivate and reset them. Every change is
// audited with the names of the fields that changed (never their values).
import { sql } from 'kysely';
import type { AppContext } from '../context';
import type { DbOrTrx } from '../db/index';
import type { UserRow } from '../db/schema';
import type { CreateUserRequest, StaffUser, UpdateUserRequest } from '../../common/schemas/users';
import { INSTITUTION_BOUND_ROLES, DEFAULT_LANGUAGE, type Language, type Role } from '../../common/roles';
import { searchKey } from '../../common/i18n/translit';
import { recordAudit } from '../audit/log';
import { can, scopeFilter, type Actor } from '../auth/policy';
import { auditActor } from '../auth/request';
import { hashPassword, generateTemporaryPassword } from '../auth/passwords';
import { endAllSessions } from '../auth/sessions';
import { conflict, forbidden, notFound, validationFailed } from '../http/errors';
import { userPolicy } from './policy';

export function presentStaffUser(user: UserRow): StaffUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    roles: user.roles as Role[],
    institutionId: user.institutionId,
    language: user.language as Language,
    isActive: user.isActive,
    isDemo: user.isDemo,
    hasTotp: user.totpEnabledAt !== null,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: user.lockedUntil && user.lockedUntil.getTime() > Date.now() ? user.lockedUntil.toISOString() : null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

export async function listUsers(
  db: DbOrTrx,
  actor: Actor,
  options: { q?: string | undefined; includeInactive?: boolean },
): Promise<StaffUser[]> {
  let query = db
    .selectFrom('users')
    .selectAll()
    .where((eb) => scopeFilter(userPolicy, actor, 'list', eb))
    .orderBy('displayName');
  if (!options.includeInactive) query = query.where('isActive', '=', true);
  const rows = await query.execute();
  // Staff lists are small; matching in code lets Cyrillic, Latin and plain-ASCII spellings meet.
  const needle = options.q ? searchKey(options.q) : '';
  return rows.filter((u) => !needle || searchKey(`${u.username} ${u.displayName}`).includes(needle)).map(presentStaffUser);
}

/** Loads a user the actor may see, else 404 (an account one may not see does not exist for them). */
export async function getVisibleUser(db: DbOrTrx, actor: Actor, id: string): Promise<UserRow> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user || !can(userPolicy, actor, 'read', user)) throw notFound('No such staff account');
  return user;
}

async function checkInstitution(db: DbOrTrx, roles: Role[], institutionId: string | null): Promise<void> {
  const isBound = roles.some((r) => INSTITUTION_BOUND_ROLES.includes(r));
  if (isBound && !institutionId) {
    throw validationFailed({ institutionId: 'An institution contact person must belong to an institution' });
  }
  if (!isBound && institutionId) {
    throw validationFailed({ institutionId: 'Only institution contact persons belong to an institution' });
  }
  if (institutionId) {
    const found = await db.selectFrom('institutions').select('id').where('id', '=', institutionId).where('isActive', '=', true).executeTakeFirst();
    if (!found) throw validationFailed({ institutionId: 'No such institution' });
  }
}

export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: CreateUserRequest,
): Promise<{ user: StaffUser; temporaryPassword: string }> {
  if (!can(userPolicy, actor, 'create')) throw forbidden();
  const roles = [...new Set(input.roles)];
  const institutionId = input.institutionId ?? null;
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return ctx.db.transaction().execute(async (trx) => {
    await checkInstitution(trx, roles, institutionId);
    const taken = await trx.selectFrom('users').select('id').where(sql<string>`lower(username)`, '=', input.username).executeTakeFirst();
    if (taken) throw conflict('username_taken', 'This username is taken', { username: 'This username is taken' });
    const user = await trx
      .insertInto('users')
      .values({
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        passwordHash,
        roles,
        institutionId,
        language: input.language ?? DEFAULT_LANGUAGE,
        mustChangePassword: true,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: 'user.create', recordType: 'user', recordId: user.id, details: { roles } });
    return { user: presentStaffUser(user), temporaryPassword };
  });
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, input: UpdateUserRequest): Promise<StaffUser> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getVisibleUser(trx, actor, id);
    if (!can(userPolicy, actor, 'update', before)) throw forbidden();
    const roles = input.roles ? [...new Set(input.roles)] : (before.roles as Role[]);
    const institutionId = input.institutionId !== undefined ? input.institutionId : before.institutionId;
    if (input.roles !== undefined || input.institutionId !== undefined) await checkInstitution(trx, roles, institutionId);
    if (id === actor.id && (input.isActive === false || !roles.includes('administrator'))) {
      throw conflict('would_lock_out', 'You cannot deactivate your own account or remove your own administrator role');
    }
    const changes = Object.fromEntries(
      Object.entries({ ...input, roles: input.roles ? roles : undefined }).filter(([, v]) => v !== undefined),
    );
    const user = await trx
      .updateTable('users')
      .set({ ...changes, updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.isActive === false) await deactivateAccount(trx, id);
    const action = input.isActive === false && before.isActive ? 'user.deactivate' : input.isActive === true && !before.isActive ? 'user.reactivate' : 'user.update';
    await recordAudit(trx, {
      actor: auditActor(actor),
      action,
      recordType: 'user',
      recordId: id,
      details: { changed: Object.keys(changes), ...(input.roles ? { roles } : {}) },
    });
    return presentStaffUser(user);
  });
}

/**
 * Closes an account: it can no longer sign in and is signed out everywhere at once. With
 * `forget`, who it was goes too (display name, e-mail, username become neutral): a peer
 * educator's erasure on request. The caller checks permissions and writes the audit entry.
 */
export async function deactivateAccount(trx: DbOrTrx, id: string, options: { forget?: boolean } = {}): Promise<void> {
  await trx
    .updateTable('users')
    .set({
      isActive: false,
      ...(options.forget && { displayName: 'Обрисан налог', email: null, username: `deleted-${id.replaceAll('-', '')}` }),
      updatedAt: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await endAllSessions(trx, id);
}

/** A new temporary password; the person must change it at the next sign-in. Ends their sessions. */
export async function resetPassword(ctx: AppContext, actor: Actor, id: string) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getVisibleUser(trx, actor, id);
    if (!can(userPolicy, actor, 'resetCredentials', before)) throw forbidden();
    const user = await trx
      .updateTable('users')
      .set({ passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await endAllSessions(trx, id);
    await recordAudit(trx, { actor: auditActor(actor), action: 'user.password-reset', recordType: 'user', recordId: id });
    return { user: presentStaffUser(user), temporaryPassword };
  });
}

/** Removes TOTP (lost phone); the person sets it up again at the next sign-in. */
export async function resetTotp(ctx: AppContext, actor: Actor, id: string): Promise<StaffUser> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getVisibleUser(trx, actor, id);
    if (!can(userPolicy, actor, 'resetCredentials', before)) throw forbidden();
    const user = await trx
      .updateTable('users')
      .set({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('recoveryCodes').where('userId', '=', id).execute();
    await endAllSessions(trx, id);
    await recordAudit(trx, { actor: auditActor(actor), action: 'user.totp-reset', recordType: 'user', recordId: id });
    return presentStaffUser(user);
  });
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: string): Promise<StaffUser> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getVisibleUser(trx, actor, id);
    if (!can(userPolicy, actor, 'update', before)) throw forbidden();
    const user = await trx
      .updateTable('users')
      .set({ failedLoginCount: 0, lockedUntil: null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: 'user.unlock', recordType: 'user', recordId: id });
    return presentStaffUser(user);
  });
}
