// The permission matrix: every role against every action, allowed and refused, through the
// HTTP layer. Each later feature adds its rows to ACTIONS. A refusal is 403 when the caller
// may know the record exists, 404 when they may not (an account they cannot see).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../common/roles';
import { ABILITIES } from '../common/abilities';
import { createTestPlatform, type TestPlatform } from '../test/helpers/platform';
import { createUser, signIn, type Client, type TestUser } from '../test/helpers/factories';
import { everyone, matrixTests, type MatrixAction } from '../test/helpers/matrix';

let p: TestPlatform;
const clients = new Map<Role | 'anonymous', Client>();
let activeTarget: TestUser;
let inactiveTarget: TestUser;
let reportId: string;

beforeAll(async () => {
  p = await createTestPlatform({ PUBLIC_POW_DIFFICULTY: '0' });
  for (const role of ROLES) clients.set(role, await signIn(p.app, await createUser(p.ctx, { roles: [role] })));
  activeTarget = await createUser(p.ctx, { roles: ['counsellor'] });
  inactiveTarget = await createUser(p.ctx, { roles: ['counsellor'] });
  await p.ctx.db.updateTable('users').set({ isActive: false }).where('id', '=', inactiveTarget.id).execute();
  const report = await p.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { category: 'hate-speech', description: 'матрица', urls: ['https://forum.example/t/1'] } });
  reportId = report.json().reportId;
}, 120_000);
afterAll(async () => p?.close());

const ACTIONS: MatrixAction[] = [
  { name: 'see own session', method: 'GET', url: () => '/api/v1/session', expect: everyone(200) },
  { name: 'change own language', method: 'PATCH', url: () => '/api/v1/account', body: () => ({ language: 'sr-Latn' }), expect: everyone(200) },
  { name: 'list staff', method: 'GET', url: () => '/api/v1/users', expect: { administrator: 200, supervisor: 200, otherwise: 403 } },
  { name: 'read an active account', method: 'GET', url: () => `/api/v1/users/${activeTarget.id}`, expect: { administrator: 200, supervisor: 200, otherwise: 404 } },
  { name: 'read a deactivated account', method: 'GET', url: () => `/api/v1/users/${inactiveTarget.id}`, expect: { administrator: 200, otherwise: 404 } },
  {
    name: 'create an account',
    method: 'POST',
    url: () => '/api/v1/users',
    body: () => ({ username: `new.${Math.random().toString(36).slice(2, 8)}`, displayName: 'Нова особа', roles: ['counsellor'] }),
    expect: { administrator: 201, otherwise: 403 },
  },
  { name: 'change an account', method: 'PATCH', url: () => `/api/v1/users/${activeTarget.id}`, body: () => ({ displayName: 'Промењено' }), expect: { administrator: 200, supervisor: 403, otherwise: 404 } },
  { name: 'reset a password', method: 'POST', url: () => `/api/v1/users/${activeTarget.id}/reset-password`, expect: { administrator: 200, supervisor: 403, otherwise: 404 } },
  { name: 'reset TOTP', method: 'POST', url: () => `/api/v1/users/${activeTarget.id}/reset-totp`, expect: { administrator: 200, supervisor: 403, otherwise: 404 } },
  { name: 'unlock an account', method: 'POST', url: () => `/api/v1/users/${activeTarget.id}/unlock`, expect: { administrator: 200, supervisor: 403, otherwise: 404 } },
  { name: 'list institutions', method: 'GET', url: () => '/api/v1/institutions', expect: { administrator: 200, supervisor: 200, analyst: 200, counsellor: 200, otherwise: 403 } },
  { name: 'read the audit log', method: 'GET', url: () => '/api/v1/audit', expect: { dpo: 200, administrator: 200, otherwise: 403 } },
  { name: 'verify the audit chain', method: 'GET', url: () => '/api/v1/audit/verify', expect: { dpo: 200, administrator: 200, otherwise: 403 } },
  { name: 'read settings', method: 'GET', url: () => '/api/v1/settings', expect: { administrator: 200, otherwise: 403 } },
  { name: 'change settings', method: 'PATCH', url: () => '/api/v1/settings', body: () => ({ helplinePhone: '19833' }), expect: { administrator: 200, otherwise: 403 } },
  // Hotline reports: analysts and supervisors work them; a counsellor sees only what was
  // escalated to them (none here); nobody else sees any, administrators included.
  { name: 'list reports', method: 'GET', url: () => '/api/v1/reports', expect: { analyst: 200, supervisor: 200, counsellor: 200, otherwise: 403 } },
  { name: 'read a report', method: 'GET', url: () => `/api/v1/reports/${reportId}`, expect: { analyst: 200, supervisor: 200, otherwise: 404 } },
  { name: 'claim a report', method: 'POST', url: () => `/api/v1/reports/${reportId}/claim`, expect: { analyst: 200, supervisor: 200, otherwise: 404 } },
  {
    name: 'assess a report',
    method: 'POST',
    url: () => `/api/v1/reports/${reportId}/assessments`,
    body: () => ({ classification: 'hate-speech', legalBasis: ['KZ-317'], rationale: 'Позив на насиље' }),
    expect: { analyst: 200, supervisor: 200, otherwise: 404 },
  },
  { name: 'write to a reporter', method: 'POST', url: () => `/api/v1/reports/${reportId}/messages`, body: () => ({ body: 'Питање' }), expect: { analyst: 200, supervisor: 200, otherwise: 404 } },
  { name: 'record notice and takedown', method: 'POST', url: () => `/api/v1/reports/${reportId}/notice-takedown`, body: () => ({ note: 'Платформа' }), expect: { analyst: 200, supervisor: 200, otherwise: 404 } },
  { name: 'see own exposure time', method: 'GET', url: () => '/api/v1/hotline/exposure', expect: everyone(200) },
  // The registry and its API tokens are the administrators'.
  {
    name: 'add an institution',
    method: 'POST',
    url: () => '/api/v1/institutions',
    body: () => ({ code: `inst-${Math.random().toString(36).slice(2, 8)}`, type: 'other', nameSr: 'Нова институција', nameEn: 'New institution', areaKind: 'national' }),
    expect: { administrator: 201, otherwise: 403 },
  },
  // The mailbox shows recipients' addresses: administrators and supervisors only.
  { name: 'read the mailbox', method: 'GET', url: () => '/api/v1/mailbox', expect: { administrator: 200, supervisor: 200, otherwise: 403 } },
];

describe('permission matrix', () => {
  matrixTests(ACTIONS, () => clients as Map<Role, Client>, () => p.app);

  it('gives each role the abilities its policy grants, and nothing to a session that owes a step', async () => {
    const abilities = async (role: Role) => (await clients.get(role)!.get('/api/v1/session')).json().user.abilities;
    const none = Object.fromEntries(ABILITIES.map((a) => [a, false]));
    expect(await abilities('administrator')).toEqual({ ...none, 'users.list': true, 'users.manage': true, 'institutions.list': true, 'audit.read': true, 'settings.manage': true, 'mailbox.read': true });
    expect(await abilities('dpo')).toEqual({ ...none, 'audit.read': true });
    expect(await abilities('analyst')).toEqual({ ...none, 'institutions.list': true, 'reports.list': true, 'reports.work': true, 'contacts.list': true, 'cases.list': true, 'advice.read': true });
    const helpline = { 'contacts.list': true, 'contacts.create': true, 'cases.list': true, 'chats.answer': true, 'advice.read': true, 'inbox.read': true };
    expect(await abilities('counsellor')).toEqual({ ...none, 'institutions.list': true, 'reports.list': true, ...helpline });
    expect(await abilities('supervisor')).toMatchObject({ ...helpline, 'helpline.supervise': true, 'advice.edit': true, 'reports.work': true });
    expect(await abilities('supervisor')).toMatchObject({ 'schools.list': true, 'campaigns.list': true, 'prevention.figures': true, 'events.list': false });
    expect(await abilities('prevention-coordinator')).toEqual({
      ...none,
      'advice.read': true,
      'schools.list': true,
      'schools.manage': true,
      'presentationRequests.list': true,
      'events.list': true,
      'events.create': true,
      'campaigns.list': true,
      'campaigns.manage': true,
      'quizzes.manage': true,
      'peerEducators.manage': true,
      'prevention.figures': true,
    });
    expect(await abilities('presenter')).toEqual({ ...none, 'advice.read': true, 'schools.list': true, 'events.list': true, 'campaigns.list': true });
    expect(await abilities('peer-educator')).toEqual({ ...none, 'schools.list': true, 'peerSessions.record': true });
  });

  it('shows a supervisor in a list exactly the accounts a single read would show (scope filter = record check)', async () => {
    const supervisor = clients.get('supervisor')!;
    const listed = (await supervisor.get('/api/v1/users?includeInactive=true')).json().users as { id: string; isActive: boolean }[];
    expect(listed.every((u) => u.isActive)).toBe(true);
    expect(listed.map((u) => u.id)).not.toContain(inactiveTarget.id);
    const admin = clients.get('administrator')!;
    const all = (await admin.get('/api/v1/users?includeInactive=true')).json().users as { id: string }[];
    expect(all.map((u) => u.id)).toContain(inactiveTarget.id);
  });
});
