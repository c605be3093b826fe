// The job queue on the application's own database: a job enqueued in a transaction commits
// or rolls back with it, and the real workers run the session-expiry job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser } from '../../test/helpers/factories';
import { createSession } from '../auth/sessions';
import { enqueue } from './index';
import { expireSessionsJob } from './definitions/expire-sessions';
import { verifyAuditChainJob } from './definitions/verify-audit-chain';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({ JOBS_ENABLED: 'true' });
});
afterAll(async () => p?.close());

const queued = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job WHERE name = ${expireSessionsJob.name} AND state = 'created'`.execute(p.ctx.db)).rows[0]!.n);

describe('jobs', () => {
  it('removes expired sessions when the worker runs the expiry job', async () => {
    const user = await createUser(p.ctx, { roles: ['counsellor'] });
    const live = await createSession(p.ctx.db, user.id, 'none', 12);
    const stale = await createSession(p.ctx.db, user.id, 'none', 12);
    await p.ctx.db.updateTable('sessions').set({ lastSeenAt: sql<Date>`now() - interval '2 hours'` }).where('csrfToken', '=', stale.csrfToken).execute();
    // The worker started with the platform (JOBS_ENABLED) picks the job up.
    await p.ctx.jobs!.boss.send(expireSessionsJob.name, {});
    await expect
      .poll(async () => (await p.ctx.db.selectFrom('sessions').select('csrfToken').where('userId', '=', user.id).execute()).map((s) => s.csrfToken), { timeout: 15_000, interval: 250 })
      .toEqual([live.csrfToken]);
  });

  it('drops a job enqueued in a transaction that rolls back, and keeps one that commits', async () => {
    const jobs = p.ctx.jobs!;
    await jobs.boss.unschedule(expireSessionsJob.name);
    await jobs.boss.offWork(expireSessionsJob.name);
    const before = await queued();
    await p.ctx.db
      .transaction()
      .execute(async (trx) => {
        await enqueue(jobs, trx, expireSessionsJob, {});
        throw new Error('the change fails');
      })
      .catch(() => {});
    expect(await queued()).toBe(before);
    await p.ctx.db.transaction().execute((trx) => enqueue(jobs, trx, expireSessionsJob, {}));
    expect(await queued()).toBe(before + 1);
  });

  it('anchors the audit chain head in the chain itself each night', async () => {
    await verifyAuditChainJob.handler(p.ctx, {});
    const anchor = await p.ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'audit.chain-verified').executeTakeFirstOrThrow();
    expect(anchor.details).toMatchObject({ headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
