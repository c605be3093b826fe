// The audit log: who did what to which record, and who looked at which record. Entries are
// written in the same transaction as the change they describe (so a rolled-back change
// leaves no entry and a committed one always has it), and each entry carries the hash of
// the one before it.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../db/index';

export interface AuditActor {
  id: string;
  username: string;
}

export interface AuditInput {
  /** null for the system itself (jobs, start-up) or an unknown person (failed sign-in). */
  actor: AuditActor | null;
  /** Dotted verb, feature first: session.login, user.create, report.read ... */
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  /** Small, non-sensitive facts: changed field names, counts. Never passwords, contact details or report text. */
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
// Arbitrary constant: the advisory lock that orders appends to the chain across processes.
const AUDIT_CHAIN_LOCK = 4_721_339_001;

/** Stable JSON: object keys sorted at every depth, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashedFields {
  prevHash: string;
  occurredAt: Date;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  details: Record<string, unknown>;
}

export function entryHash(e: HashedFields): string {
  const material = canonicalJson([
    e.prevHash,
    e.occurredAt.toISOString(),
    e.actorId,
    e.actorUsername,
    e.action,
    e.recordType,
    e.recordId,
    e.details,
  ]);
  return crypto.createHash('sha256').update(material).digest('hex');
}

export async function recordAudit(dbOrTrx: DbOrTrx, input: AuditInput): Promise<void> {
  if (!dbOrTrx.isTransaction) {
    await dbOrTrx.transaction().execute((trx) => recordAudit(trx, input));
    return;
  }
  const trx = dbOrTrx as Trx;
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('auditLog').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const fields: HashedFields = {
    prevHash: last?.hash ?? GENESIS_HASH,
    // Millisecond precision: what JavaScript and the hash can represent exactly.
    occurredAt: new Date(),
    actorId: input.actor?.id ?? null,
    actorUsername: input.actor?.username ?? null,
    action: input.action,
    recordType: input.recordType ?? null,
    recordId: input.recordId ?? null,
    details: input.details ?? {},
  };
  await trx
    .insertInto('auditLog')
    .values({ ...fields, details: JSON.stringify(fields.details), hash: entryHash(fields) })
    .execute();
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
  headHash: string;
}

/**
 * Walks the whole chain in order and recomputes every hash. A changed row, a removed row in
 * the middle or a reordered row breaks it. (Cutting rows off the end is caught by comparing
 * headHash and checked with a value recorded earlier, e.g. in the operations log.)
 */
export async function verifyAuditChain(db: DbOrTrx, batchSize = 2000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let afterId = '0';
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .where(sql<boolean>`id > ${afterId}::bigint`)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const expected = entryHash({ ...row, prevHash, details: row.details ?? {} });
      if (row.prevHash !== prevHash || row.hash !== expected) {
        return { ok: false, checked, firstBrokenId: String(row.id), headHash: prevHash };
      }
      prevHash = row.hash;
      checked++;
    }
    if (rows.length < batchSize) return { ok: true, checked, firstBrokenId: null, headHash: prevHash };
    afterId = String(rows[rows.length - 1]!.id);
  }
}
