// Signing in and out: passwords, TOTP set-up and use, recovery codes, lockout, idle expiry,
// CSRF, sign-out everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { generate } from 'otplib';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { clientFor, createUser, currentOtp, sessionCookieFrom, signIn, type Client } from '../../test/helpers/factories';
import { createSession } from './sessions';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p?.close());

const login = (body: Record<string, unknown>) => p.app.inject({ method: 'POST', url: '/api/v1/session', payload: body });

describe('sign-in', () => {
  it('signs in with password and TOTP, sets an HttpOnly SameSite cookie and returns the user and a CSRF token', async () => {
    const user = await createUser(p.ctx, { roles: ['counsellor'] });
    const response = await login({ username: user.username, password: user.password, otp: await currentOtp(user.totpSecret!) });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ username: user.username, roles: ['counsellor'], pendingStep: 'none', hasTotp: true });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/bezbedno_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const me = await p.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: sessionCookieFrom(response) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(user.id);
  });

  it('answers a wrong password, an unknown user and a wrong code alike: 401 with no hint', async () => {
    const user = await createUser(p.ctx, { roles: ['counsellor'] });
    const answers = await Promise.all([
      login({ username: user.username, password: 'wrong password!', otp: '123456' }),
      login({ username: 'nobody-here', password: user.password, otp: '123456' }),
      login({ username: user.username, password: user.password, otp: '000000' }),
    ]);
    for (const a of answers) {
      expect(a.statusCode).toBe(401);
      expect(a.json().error.code).toBe('invalid_credentials');
    }
    expect(new Set(answers.map((a) => a.json().error.message)).size).toBe(1);
  });

  it('asks for the code when the password is right and the account has TOTP', async () => {
    const user = await createUser(p.ctx, { roles: ['analyst'] });
    const response = await login({ username: user.username, password: user.password });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('otp_required');
    expect(response.cookies).toHaveLength(0);
  });

  it('refuses a TOTP code that was already used (replay)', async () => {
    const user = await createUser(p.ctx, { roles: ['analyst'] });
    const otp = await currentOtp(user.totpSecret!);
    expect((await login({ username: user.username, password: user.password, otp })).statusCode).toBe(200);
    expect((await login({ username: user.username, password: user.password, otp })).statusCode).toBe(401);
  });

  it('locks the account after repeated failures, even for the right password, and audits the lock', async () => {
    const user = await createUser(p.ctx, { roles: ['counsellor'], withTotp: false, isDemo: true });
    for (let i = 0; i < 5; i++) expect((await login({ username: user.username, password: `wrong-${i}` })).statusCode).toBe(401);
    const locked = await login({ username: user.username, password: user.password });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('invalid_credentials');
    const row = await p.ctx.db.selectFrom('users').select('lockedUntil').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    const audit = await p.ctx.db.selectFrom('auditLog').select('action').where('recordId', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['session.login-failed', 'user.locked', 'session.login-refused']));
    // Once the lock has passed, the right password works again.
    await p.ctx.db.updateTable('users').set({ lockedUntil: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
    expect((await login({ username: user.username, password: user.password })).statusCode).toBe(200);
  }, 60_000);

  it('refuses a deactivated account', async () => {
    const user = await createUser(p.ctx, { roles: ['counsellor'] });
    await p.ctx.db.updateTable('users').set({ isActive: false }).where('id', '=', user.id).execute();
    const response = await login({ username: user.username, password: user.password, otp: await currentOtp(user.totpSecret!) });
    expect(response.statusCode).toBe(401);
  });
});

describe('TOTP set-up and recovery codes', () => {
  it('makes a new account set up TOTP before anything else, then accepts each recovery code once', async () => {
    const user = await createUser(p.ctx, { roles: ['counsellor'], withTotp: false });
    const first = await login({ username: user.username, password: user.password });
    expect(first.statusCode).toBe(200);
    expect(first.json().user.pendingStep).toBe('totp-setup');
    expect(first.json().user.abilities['users.list']).toBe(false);
    const client = clientFor(p.app, sessionCookieFrom(first), first.json().csrfToken);

    // Nothing else is open until TOTP is set up.
    expect((await client.get('/api/v1/institutions')).json().error.code).toBe('step_required');

    const setup = await client.post('/api/v1/account/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrCodeDataUrl } = setup.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    expect((await client.post('/api/v1/account/totp/confirm', { otp: '000000' })).json().error.fields.otp).toBeTruthy();
    const confirm = await client.post('/api/v1/account/totp/confirm', { otp: await generate({ secret }) });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes, user: after } = confirm.json();
    expect(after.pendingStep).toBe('none');
    expect(after.hasTotp).toBe(true);
    expect(recoveryCodes).toHaveLength(10);
    expect((await client.get('/api/v1/institutions')).statusCode).toBe(200);

    // The secret is stored encrypted, and the recovery codes only as keyed hashes.
    const row = await p.ctx.db.selectFrom('users').select('totpSecretEnc').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.totpSecretEnc).not.toContain(secret);
    const stored = await p.ctx.db.selectFrom('recoveryCodes').select('codeHash').where('userId', '=', user.id).execute();
    expect(stored.map((s) => s.codeHash)).not.toContain(recoveryCodes[0]);

    const withCode = await login({ username: user.username, password: user.password, otp: recoveryCodes[0] });
    expect(withCode.statusCode).toBe(200);
    expect((await login({ username: user.username, password: user.password, otp: recoveryCodes[0] })).statusCode).toBe(401);
  });

  it('lets a demo account skip TOTP, but no other account', async () => {
    const demo = await createUser(p.ctx, { roles: ['counsellor'], withTotp: false, isDemo: true });
    expect((await login({ username: demo.username, password: demo.password })).json().user.pendingStep).toBe('none');
    const real = await createUser(p.ctx, { roles: ['counsellor'], withTotp: false });
    expect((await login({ username: real.username, password: real.password })).json().user.pendingStep).toBe('totp-setup');
  });

  it('makes a person with a temporary password choose a new one first', async () => {
    const user = await createUser(p.ctx, { roles: ['presenter'], mustChangePassword: true });
    const first = await login({ username: user.username, password: user.password, otp: await currentOtp(user.totpSecret!) });
    expect(first.json().user.pendingStep).toBe('password-change');
    const client = clientFor(p.app, sessionCookieFrom(first), first.json().csrfToken);
    const short = await client.put('/api/v1/account/password', { currentPassword: user.password, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.newPassword).toBeTruthy();
    const wrong = await client.put('/api/v1/account/password', { currentPassword: 'not it at all', newPassword: 'a much better passphrase' });
    expect(wrong.json().error.fields.currentPassword).toBeTruthy();
    const changed = await client.put('/api/v1/account/password', { currentPassword: user.password, newPassword: 'a much better passphrase' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.pendingStep).toBe('none');
  });
});

describe('sessions', () => {
  it('requires the CSRF token on every state-changing request made with the cookie', async () => {
    const user = await createUser(p.ctx, { roles: ['counsellor'] });
    const client = await signIn(p.app, user);
    const without = await p.app.inject({ method: 'PATCH', url: '/api/v1/account', headers: { cookie: client.cookie }, payload: { language: 'en' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const wrong = await p.app.inject({ method: 'PATCH', url: '/api/v1/account', headers: { cookie: client.cookie, 'x-csrf-token': 'x'.repeat(32) }, payload: { language: 'en' } });
    expect(wrong.statusCode).toBe(403);
    const right = await client.patch('/api/v1/account', { language: 'en' });
    expect(right.statusCode).toBe(200);
    expect(right.json().user.language).toBe('en');
  });

  it('ends a session after inactivity', async () => {
    const user = await createUser(p.ctx, { roles: ['counsellor'] });
    const client = await signIn(p.app, user);
    expect((await client.get('/api/v1/session')).statusCode).toBe(200);
    await p.ctx.db.updateTable('sessions').set({ lastSeenAt: sql<Date>`now() - interval '31 minutes'` }).where('userId', '=', user.id).execute();
    expect((await client.get('/api/v1/session')).statusCode).toBe(401);
    expect(await p.ctx.db.selectFrom('sessions').select('idHash').where('userId', '=', user.id).execute()).toHaveLength(0);
  });

  it('signs out here, or everywhere', async () => {
    const user = await createUser(p.ctx, { roles: ['counsellor'] });
    const a = await signIn(p.app, user);
    expect((await a.delete('/api/v1/session')).statusCode).toBe(204);
    expect((await a.get('/api/v1/session')).statusCode).toBe(401);

    // Two more devices signed in.
    const devices = await Promise.all(
      [1, 2].map(async () => {
        const s = await createSession(p.ctx.db, user.id, 'none', 12);
        return clientFor(p.app, `bezbedno_session=${s.token}`, s.csrfToken);
      }),
    );
    const [clientB, clientC] = devices as [Client, Client];
    expect((await clientC.get('/api/v1/session')).statusCode).toBe(200);
    expect((await clientB.request({ method: 'DELETE', url: '/api/v1/session?everywhere=true' })).statusCode).toBe(204);
    expect((await clientB.get('/api/v1/session')).statusCode).toBe(401);
    expect((await clientC.get('/api/v1/session')).statusCode).toBe(401);
  });

  it('ends every session of an account an administrator deactivates', async () => {
    const admin = await createUser(p.ctx, { roles: ['administrator'] });
    const adminClient = await signIn(p.app, admin);
    const user = await createUser(p.ctx, { roles: ['counsellor'] });
    const client = await signIn(p.app, user);
    expect((await adminClient.patch(`/api/v1/users/${user.id}`, { isActive: false })).statusCode).toBe(200);
    expect((await client.get('/api/v1/session')).statusCode).toBe(401);
  });
});
