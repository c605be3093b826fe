// The signed-in person's own account: the sign-in steps (temporary password, TOTP set-up)
// and later changes (password, language, TOTP).
import type { AppContext } from '../context';
import type { LoadedSession } from './sessions';
import { endAllSessions } from './sessions';
import { recordAudit } from '../audit/log';
import { HttpError, validationFailed } from '../http/errors';
import { decryptField, encryptField } from '../security/keys';
import { hashPassword, verifyPassword } from './passwords';
import { checkTotp, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpSetupDetails } from './totp';
import { nextStage } from './signin';
import type { SessionStage } from '../../common/schemas/session';
import type { Language } from '../../common/roles';

const who = (s: LoadedSession) => ({ id: s.id, username: s.username });

export async function startTotpSetup(ctx: AppContext, session: LoadedSession) {
  const secret = newTotpSecret();
  await ctx.db
    .updateTable('sessions')
    .set({ pendingTotpSecretEnc: encryptField(ctx.keys, secret) })
    .where('idHash', '=', session.idHash)
    .execute();
  return totpSetupDetails(secret, session.username);
}

export async function confirmTotp(
  ctx: AppContext,
  session: LoadedSession,
  otp: string,
): Promise<{ recoveryCodes: string[]; stage: SessionStage }> {
  if (!session.pendingTotpSecretEnc) {
    throw new HttpError(409, 'totp_setup_not_started', 'Start the set-up first (POST /api/v1/account/totp/setup)');
  }
  const secret = decryptField(ctx.keys, session.pendingTotpSecretEnc);
  const step = await checkTotp(secret, otp, null);
  if (step === null) throw validationFailed({ otp: 'This code is not right. Check the time on your phone and try the newest code.' });
  const recoveryCodes = newRecoveryCodes();
  const wasEnabled = session.totpEnabledAt !== null;
  const stage = await ctx.db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable('users')
      .set({ totpSecretEnc: encryptField(ctx.keys, secret), totpEnabledAt: new Date(), totpLastStep: step, updatedAt: new Date() })
      .where('id', '=', session.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('recoveryCodes').where('userId', '=', session.id).execute();
    await trx
      .insertInto('recoveryCodes')
      .values(recoveryCodes.map((code) => ({ userId: session.id, codeHash: recoveryCodeHash(ctx.keys, code) })))
      .execute();
    const stage = nextStage(ctx, user);
    await trx.updateTable('sessions').set({ stage, pendingTotpSecretEnc: null }).where('idHash', '=', session.idHash).execute();
    // A new second factor ends every other session: whoever held the old one is out.
    await endAllSessions(trx, session.id, session.idHash);
    await recordAudit(trx, {
      actor: who(session),
      action: wasEnabled ? 'user.totp-replaced' : 'user.totp-enabled',
      recordType: 'user',
      recordId: session.id,
    });
    return stage;
  });
  return { recoveryCodes, stage };
}

export async function changeOwnPassword(
  ctx: AppContext,
  session: LoadedSession,
  currentPassword: string,
  newPassword: string,
): Promise<SessionStage> {
  if (!(await verifyPassword(session.passwordHash, currentPassword))) {
    await recordAudit(ctx.db, { actor: who(session), action: 'user.password-change-failed', recordType: 'user', recordId: session.id });
    throw validationFailed({ currentPassword: 'The current password is not right' });
  }
  if (newPassword === currentPassword) throw validationFailed({ newPassword: 'Choose a password different from the current one' });
  if (newPassword.toLowerCase().includes(session.username.toLowerCase())) {
    throw validationFailed({ newPassword: 'The password must not contain the username' });
  }
  const passwordHash = await hashPassword(newPassword);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable('users')
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
      .where('id', '=', session.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const stage = nextStage(ctx, user);
    await trx.updateTable('sessions').set({ stage }).where('idHash', '=', session.idHash).execute();
    await endAllSessions(trx, session.id, session.idHash);
    await recordAudit(trx, { actor: who(session), action: 'user.password-changed', recordType: 'user', recordId: session.id });
    return stage;
  });
}

export async function updateOwnAccount(
  ctx: AppContext,
  session: LoadedSession,
  changes: { language?: Language | undefined; displayName?: string | undefined },
): Promise<void> {
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length === 0) return;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ ...set, updatedAt: new Date() }).where('id', '=', session.id).execute();
    await recordAudit(trx, {
      actor: who(session),
      action: 'user.update-own',
      recordType: 'user',
      recordId: session.id,
      details: { changed: Object.keys(set) },
    });
  });
}
