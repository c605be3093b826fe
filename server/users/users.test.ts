// Administrators manage staff accounts: create with a temporary password, edit roles, bind
// contact persons to institutions, deactivate, reset, unlock; and cannot lock themselves out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { clientFor, createUser, institutionId, sessionCookieFrom, signIn, type Client, type TestUser } from '../../test/helpers/factories';

let p: TestPlatform;
let admin: Client;
let adminUser: TestUser;
beforeAll(async () => {
  p = await createTestPlatform();
  adminUser = await createUser(p.ctx, { roles: ['administrator'] });
  admin = await signIn(p.app, adminUser);
});
afterAll(async () => p?.close());

describe('staff accounts', () => {
  it('creates an account whose temporary password must be changed, then TOTP set up, at first sign-in', async () => {
    const created = await admin.post('/api/v1/users', { username: 'Milica.Savic', displayName: 'Милица Савић', email: 'milica@example.org', roles: ['counsellor', 'analyst'], language: 'sr-Latn' });
    expect(created.statusCode).toBe(201);
    const { user, temporaryPassword } = created.json();
    expect(user).toMatchObject({ username: 'milica.savic', roles: ['counsellor', 'analyst'], mustChangePassword: true, hasTotp: false, isActive: true });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const first = await p.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'milica.savic', password: temporaryPassword } });
    expect(first.json().user.pendingStep).toBe('password-change');
    const client = clientFor(p.app, sessionCookieFrom(first), first.json().csrfToken);
    const changed = await client.put('/api/v1/account/password', { currentPassword: temporaryPassword, newPassword: 'моја нова дуга лозинка' });
    expect(changed.json().user.pendingStep).toBe('totp-setup');
  });

  it('binds an institution contact person to exactly one institution', async () => {
    const prosecutor = await institutionId(p.ctx, 'vtk-prosecutor');
    const created = await admin.post('/api/v1/users', { username: 'contact.one', displayName: 'Контакт', roles: ['institution-contact'], institutionId: prosecutor });
    expect(created.statusCode).toBe(201);
    expect(created.json().user.institutionId).toBe(prosecutor);
    const counsellorWithInstitution = await admin.post('/api/v1/users', { username: 'wrong.one', displayName: 'К', roles: ['counsellor'], institutionId: prosecutor });
    expect(counsellorWithInstitution.json().error.fields).toHaveProperty('institutionId');
    const unknown = await admin.post('/api/v1/users', { username: 'wrong.two', displayName: 'К', roles: ['institution-contact'], institutionId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.json().error.fields).toHaveProperty('institutionId');
    // Taking the contact role away without removing the institution is refused too.
    const id = created.json().user.id;
    const dropRole = await admin.patch(`/api/v1/users/${id}`, { roles: ['counsellor'] });
    expect(dropRole.json().error.fields).toHaveProperty('institutionId');
    const moved = await admin.patch(`/api/v1/users/${id}`, { roles: ['counsellor'], institutionId: null });
    expect(moved.statusCode).toBe(200);
  });

  it('deactivates and reactivates, auditing each change by field name only', async () => {
    const target = await createUser(p.ctx, { roles: ['presenter'] });
    expect((await admin.patch(`/api/v1/users/${target.id}`, { isActive: false })).json().user.isActive).toBe(false);
    expect((await admin.get('/api/v1/users')).json().users.map((u: { id: string }) => u.id)).not.toContain(target.id);
    expect((await admin.get('/api/v1/users?includeInactive=true')).json().users.map((u: { id: string }) => u.id)).toContain(target.id);
    expect((await admin.patch(`/api/v1/users/${target.id}`, { isActive: true, email: 'secret-address@example.org' })).statusCode).toBe(200);
    const entries = await p.ctx.db.selectFrom('auditLog').select(['action', 'details']).where('recordId', '=', target.id).orderBy('id').execute();
    expect(entries.map((e) => e.action)).toEqual(['user.deactivate', 'user.reactivate']);
    expect(JSON.stringify(entries)).not.toContain('secret-address');
  });

  it('refuses to let administrators lock themselves out', async () => {
    const selfDeactivate = await admin.patch(`/api/v1/users/${adminUser.id}`, { isActive: false });
    expect(selfDeactivate.statusCode).toBe(409);
    expect(selfDeactivate.json().error.code).toBe('would_lock_out');
    expect((await admin.patch(`/api/v1/users/${adminUser.id}`, { roles: ['dpo'] })).statusCode).toBe(409);
  });

  it('resets a password (ending the person\'s sessions), resets TOTP, and unlocks', async () => {
    const target = await createUser(p.ctx, { roles: ['counsellor'] });
    const targetClient = await signIn(p.app, target);
    const reset = await admin.post(`/api/v1/users/${target.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().user.mustChangePassword).toBe(true);
    expect((await targetClient.get('/api/v1/session')).statusCode).toBe(401);
    const signedIn = await p.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: target.username, password: reset.json().temporaryPassword, otp: '123456' } });
    expect(signedIn.statusCode).toBe(401); // TOTP still required...
    expect((await admin.post(`/api/v1/users/${target.id}/reset-totp`)).json().user.hasTotp).toBe(false);
    const afterTotpReset = await p.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: target.username, password: reset.json().temporaryPassword } });
    expect(afterTotpReset.json().user.pendingStep).toBe('password-change'); // ...until an administrator resets it.

    await p.ctx.db.updateTable('users').set({ lockedUntil: new Date(Date.now() + 3_600_000) }).where('id', '=', target.id).execute();
    expect((await admin.get(`/api/v1/users/${target.id}`)).json().user.lockedUntil).not.toBeNull();
    expect((await admin.post(`/api/v1/users/${target.id}/unlock`)).json().user.lockedUntil).toBeNull();
  });

  it('finds staff by name in either script and without diacritics', async () => {
    await createUser(p.ctx, { roles: ['counsellor'], username: 'djordje.x' });
    await p.ctx.db.updateTable('users').set({ displayName: 'Ђорђе Љубичић' }).where('username', '=', 'djordje.x').execute();
    for (const q of ['Ђорђе', 'Đorđe', 'ljubicic', 'LJUBIČIĆ']) {
      const found = (await admin.get(`/api/v1/users?q=${encodeURIComponent(q)}`)).json().users;
      expect(found.map((u: { username: string }) => u.username), q).toEqual(['djordje.x']);
    }
  });
});
