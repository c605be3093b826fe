// The audit log: what gets recorded, the hash chain, and that it cannot be changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, signIn } from '../../test/helpers/factories';
import { recordAudit, verifyAuditChain } from './log';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p?.close());

describe('audit log', () => {
  it('records sign-ins, failed sign-ins and account changes with who, what and when', async () => {
    const admin = await createUser(p.ctx, { roles: ['administrator'] });
    const client = await signIn(p.app, admin);
    await p.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: admin.username, password: 'wrong password' } });
    const created = await client.post('/api/v1/users', { username: 'audited.person', displayName: 'Особа', roles: ['presenter'] });
    expect(created.statusCode).toBe(201);
    const dpo = await signIn(p.app, await createUser(p.ctx, { roles: ['dpo'] }));
    const page = await dpo.get(`/api/v1/audit?recordId=${admin.id}`);
    const actions = page.json().entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['session.login', 'session.login-failed']));
    const creation = (await dpo.get(`/api/v1/audit?action=user.create&recordId=${created.json().user.id}`)).json().entries;
    expect(creation).toHaveLength(1);
    expect(creation[0]).toMatchObject({ actorId: admin.id, actorUsername: admin.username, recordType: 'user', details: { roles: ['presenter'] } });
    expect(Date.parse(creation[0].occurredAt)).toBeGreaterThan(Date.now() - 60_000);
    // Reading the log is itself recorded.
    const reads = (await dpo.get('/api/v1/audit?action=audit.read')).json().entries;
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it('pages backwards through the log', async () => {
    for (let i = 0; i < 5; i++) await recordAudit(p.ctx.db, { actor: null, action: 'test.paging', details: { i } });
    const dpo = await signIn(p.app, await createUser(p.ctx, { roles: ['dpo'] }));
    const first = (await dpo.get('/api/v1/audit?action=test.paging&limit=3')).json();
    expect(first.entries.map((e: { details: { i: number } }) => e.details.i)).toEqual([4, 3, 2]);
    const second = (await dpo.get(`/api/v1/audit?action=test.paging&limit=3&before=${first.nextBefore}`)).json();
    expect(second.entries.map((e: { details: { i: number } }) => e.details.i)).toEqual([1, 0]);
    expect(second.nextBefore).toBeNull();
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit log from the application', async () => {
    await recordAudit(p.ctx.db, { actor: null, action: 'test.immutable' });
    await expect(sql`UPDATE audit_log SET action = 'changed'`.execute(p.ctx.db)).rejects.toThrow(/append-only|permission denied/);
    await expect(sql`DELETE FROM audit_log`.execute(p.ctx.db)).rejects.toThrow(/append-only|permission denied/);
    await expect(sql`TRUNCATE audit_log`.execute(p.ctx.db)).rejects.toThrow(/append-only|permission denied/);
    expect((await verifyAuditChain(p.ctx.db)).ok).toBe(true);
  });

  it('keeps the chain whole when many entries are written at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(p.ctx.db, { actor: null, action: 'test.concurrent', details: { i } })));
    const result = await verifyAuditChain(p.ctx.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(20);
  });

  it('detects an entry changed behind the application\'s back, and says which', async () => {
    const other = await createTestPlatform();
    try {
      for (let i = 0; i < 4; i++) await recordAudit(other.ctx.db, { actor: null, action: 'test.tamper', details: { i } });
      const target = await other.ctx.db.selectFrom('auditLog').select('id').where('action', '=', 'test.tamper').orderBy('id').offset(2).limit(1).executeTakeFirstOrThrow();
      // Someone with DDL rights switches the guard off and edits a row.
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(other.ctx.db);
      await sql`GRANT UPDATE ON audit_log TO CURRENT_USER`.execute(other.ctx.db);
      await sql`UPDATE audit_log SET details = '{"i": 99}' WHERE id = ${target.id}`.execute(other.ctx.db);
      const result = await verifyAuditChain(other.ctx.db);
      expect(result.ok).toBe(false);
      expect(result.firstBrokenId).toBe(String(target.id));
      const dpo = await signIn(other.app, await createUser(other.ctx, { roles: ['dpo'] }));
      expect((await dpo.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: false, firstBrokenId: String(target.id) });
    } finally {
      await other.close();
    }
  });
});
