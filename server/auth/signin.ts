// Signing in: password, then TOTP (or a recovery code). Failures are slowed down and, after
// repeated failures, lock the account for a while. Every attempt is audited. The answer to a
// failure never says which part was wrong.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { AppContext } from '../context';
import type { SessionStage } from '../../common/schemas/session';
import { HttpError } from '../http/errors';
import { recordAudit } from '../audit/log';
import { getSettings } from '../settings/settings';
import { decryptField } from '../security/keys';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { checkTotp, isRecoveryCodeFormat, recoveryCodeHash } from './totp';
import { createSession, type NewSession } from './sessions';
import type { UserRow } from '../db/schema';

export const invalidCredentials = () =>
  new HttpError(
    401,
    'invalid_credentials',
    'Wrong username, password or code. After repeated failures the account is locked for a while.',
  );

/** Demo accounts and, where the operator relaxed it explicitly, everyone may skip TOTP. */
export function isTotpRequired(ctx: AppContext, user: Pick<UserRow, 'isDemo'>): boolean {
  return ctx.config.totpRequired && !user.isDemo;
}

export function nextStage(ctx: AppContext, user: Pick<UserRow, 'isDemo' | 'mustChangePassword' | 'totpEnabledAt'>): SessionStage {
  if (user.mustChangePassword) return 'password-change';
  if (isTotpRequired(ctx, user) && user.totpEnabledAt === null) return 'totp-setup';
  return 'none';
}

/** Growing pause after each failure: 0.5 s, 1 s, 2 s, 4 s (at most). */
const failureDelayMs = (failures: number) => Math.min(500 * 2 ** Math.max(0, failures - 1), 4_000);

export interface SignInResult {
  user: UserRow;
  session: NewSession;
  stage: SessionStage;
}

export async function signIn(
  ctx: AppContext,
  input: { username: string; password: string; otp?: string | undefined },
): Promise<SignInResult> {
  const { db } = ctx;
  const settings = await getSettings(db);
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', input.username.trim().toLowerCase())
    .executeTakeFirst();

  if (!user) {
    await burnPasswordCheck(input.password);
    await recordAudit(db, { actor: null, action: 'session.login-failed', details: { reason: 'unknown-user' } });
    await sleep(failureDelayMs(1));
    throw invalidCredentials();
  }
  const who = { id: user.id, username: user.username };
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  const isLocked = user.lockedUntil !== null && user.lockedUntil.getTime() > Date.now();

  const fail = async (reason: string): Promise<never> => {
    const failures = await db.transaction().execute(async (trx) => {
      // Counted in SQL, so parallel attempts cannot each see the old count.
      const { failedLoginCount } = await trx
        .updateTable('users')
        .set({ failedLoginCount: sql<number>`failed_login_count + 1` })
        .where('id', '=', user.id)
        .returning('failedLoginCount')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actor: null, action: 'session.login-failed', recordType: 'user', recordId: user.id, details: { reason } });
      if (failedLoginCount >= settings.loginMaxFailures) {
        const lockedUntil = new Date(Date.now() + settings.loginLockMinutes * 60_000);
        await trx.updateTable('users').set({ failedLoginCount: 0, lockedUntil }).where('id', '=', user.id).execute();
        await recordAudit(trx, {
          actor: null,
          action: 'user.locked',
          recordType: 'user',
          recordId: user.id,
          details: { minutes: settings.loginLockMinutes, failures: failedLoginCount },
        });
      }
      return failedLoginCount;
    });
    await sleep(failureDelayMs(failures));
    throw invalidCredentials();
  };

  if (isLocked) {
    await recordAudit(db, { actor: null, action: 'session.login-refused', recordType: 'user', recordId: user.id, details: { reason: 'locked' } });
    await sleep(failureDelayMs(settings.loginMaxFailures));
    throw invalidCredentials();
  }
  if (!passwordOk) return fail('password');
  if (!user.isActive) {
    await recordAudit(db, { actor: null, action: 'session.login-refused', recordType: 'user', recordId: user.id, details: { reason: 'deactivated' } });
    await sleep(failureDelayMs(1));
    throw invalidCredentials();
  }

  let totpStep: number | null = null;
  let recoveryCodeId: string | null = null;
  if (user.totpSecretEnc && user.totpEnabledAt) {
    if (!input.otp) throw new HttpError(401, 'otp_required', 'Enter the code from your authenticator app');
    if (isRecoveryCodeFormat(input.otp)) {
      const code = await db
        .selectFrom('recoveryCodes')
        .select('id')
        .where('userId', '=', user.id)
        .where('codeHash', '=', recoveryCodeHash(ctx.keys, input.otp))
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      if (!code) return fail('recovery-code');
      recoveryCodeId = code.id;
    } else {
      const secret = decryptField(ctx.keys, user.totpSecretEnc);
      totpStep = await checkTotp(secret, input.otp, user.totpLastStep === null ? null : Number(user.totpLastStep));
      if (totpStep === null) return fail('otp');
    }
  }

  const stage = nextStage(ctx, user);
  const session = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        failedLoginCount: 0,
        lockedUntil: null,
        lastLoginAt: new Date(),
        ...(totpStep !== null ? { totpLastStep: totpStep } : {}),
      })
      .where('id', '=', user.id)
      .execute();
    if (recoveryCodeId) {
      await trx.updateTable('recoveryCodes').set({ usedAt: new Date() }).where('id', '=', recoveryCodeId).execute();
    }
    await recordAudit(trx, {
      actor: who,
      action: 'session.login',
      recordType: 'user',
      recordId: user.id,
      details: { secondFactor: totpStep !== null ? 'totp' : recoveryCodeId ? 'recovery-code' : 'none', stage },
    });
    return createSession(trx, user.id, stage, ctx.config.sessionMaxHours);
  });
  return { user, session, stage };
}
