// Staff sessions live in the database (several app processes share them). The cookie holds a
// random token; the table holds only its SHA-256, so a copy of the table signs nobody in.
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/index';
import type { SessionStage } from '../../common/schemas/session';
import { randomToken, sha256 } from '../security/keys';

export const SESSION_COOKIE = 'bezbedno_session';
/** Do not write last_seen_at more often than this (a write per request would be wasteful). */
const TOUCH_EVERY_MS = 30_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: DbOrTrx,
  userId: string,
  stage: SessionStage,
  maxHours: number,
): Promise<NewSession> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + maxHours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({ idHash: sha256(token), userId, csrfToken, stage, lastSeenAt: now, expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function findSession(db: DbOrTrx, token: string, idleMinutes: number, options: { touch?: boolean } = {}) {
  const idHash = sha256(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .leftJoin('institutions', 'institutions.id', 'users.institutionId')
    .selectAll('users')
    .select([
      'sessions.idHash',
      'sessions.csrfToken',
      'sessions.stage',
      'sessions.pendingTotpSecretEnc',
      'sessions.lastSeenAt',
      'sessions.expiresAt',
      'institutions.nameSr as institutionNameSr',
      'institutions.nameEn as institutionNameEn',
    ])
    .where('sessions.idHash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const idleLimit = row.lastSeenAt.getTime() + idleMinutes * 60_000;
  if (!row.isActive || row.expiresAt.getTime() <= now || idleLimit <= now) {
    await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
    return null;
  }
  if (options.touch !== false && now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ lastSeenAt: new Date(now) }).where('idHash', '=', idHash).execute();
  }
  return { ...row, stage: row.stage as SessionStage };
}
export type LoadedSession = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** Like findSession, but without counting as activity (for checks the server makes on its own). */
export const peekSession = (db: DbOrTrx, token: string, idleMinutes: number) => findSession(db, token, idleMinutes, { touch: false });

export async function endSession(db: DbOrTrx, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
}

/** Signs the person out on every device (optionally keeping the session in hand). */
export async function endAllSessions(db: DbOrTrx, userId: string, keepIdHash?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (keepIdHash) query = query.where('idHash', '!=', keepIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: DbOrTrx, idleMinutes: number): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expiresAt', '<=', sql<Date>`now()`),
        eb('lastSeenAt', '<=', sql<Date>`now() - make_interval(mins => ${idleMinutes})`),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
