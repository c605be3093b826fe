// Every endpoint that takes a body answers bad input with a 4xx naming the field, and query
// and path parameters are checked too. New routes add a row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { clientFor, createUser, signIn, type Client, type TestUser } from '../../test/helpers/factories';
import { expectRejectsBadInput, type BadInputCase } from '../../test/helpers/bad-input';

const SOME_ID = '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f';
let p: TestPlatform;
let admin: Client;
let target: TestUser;
beforeAll(async () => {
  p = await createTestPlatform();
  admin = await signIn(p.app, await createUser(p.ctx, { roles: ['administrator'] }));
  target = await createUser(p.ctx, { roles: ['counsellor'] });
});
afterAll(async () => p?.close());

const cases = (): BadInputCase[] => [
  { method: 'POST', url: '/api/v1/session', valid: { username: 'someone', password: 'x' }, required: 'password', wrongType: ['username', 42] },
  { method: 'PATCH', url: '/api/v1/account', valid: { language: 'en' }, wrongType: ['language', 'klingon'] },
  { method: 'PUT', url: '/api/v1/account/password', valid: { currentPassword: 'a', newPassword: 'long enough password' }, required: 'newPassword', wrongType: ['newPassword', ['x']] },
  { method: 'POST', url: '/api/v1/account/totp/confirm', valid: { otp: '123456' }, required: 'otp', wrongType: ['otp', 123456] },
  { method: 'POST', url: '/api/v1/users', valid: { username: 'valid.name', displayName: 'Име', roles: ['counsellor'] }, required: 'roles', wrongType: ['roles', ['janitor']] },
  { method: 'PATCH', url: `/api/v1/users/${target.id}`, valid: { displayName: 'Име' }, wrongType: ['isActive', 'yes'] },
  { method: 'PATCH', url: '/api/v1/settings', valid: { helplinePhone: '19833' }, wrongType: ['sessionIdleMinutes', 'thirty'] },
  { method: 'POST', url: '/api/v1/reports/follow-up', valid: { receipt: '1234567812345678' }, required: 'receipt', wrongType: ['receipt', 1234] },
  { method: 'POST', url: '/api/v1/reports/follow-up/messages', valid: { receipt: '1234567812345678', body: 'x' }, required: 'body', wrongType: ['body', ['x']] },
  { method: 'POST', url: `/api/v1/reports/${SOME_ID}/assessments`, valid: { classification: 'grooming', rationale: 'x' }, required: 'rationale', wrongType: ['isUrgent', 'very'] },
  { method: 'POST', url: `/api/v1/reports/${SOME_ID}/messages`, valid: { body: 'x' }, required: 'body', wrongType: ['body', 5] },
  { method: 'POST', url: `/api/v1/reports/${SOME_ID}/close`, valid: { reason: 'duplicate' }, required: 'reason', wrongType: ['reason', 'bored'] },
  { method: 'POST', url: `/api/v1/reports/${SOME_ID}/notice-takedown`, valid: { note: 'x' }, required: 'note', wrongType: ['note', false] },
  { method: 'POST', url: `/api/v1/reports/${SOME_ID}/case`, valid: {}, wrongType: ['caseId', 'not-a-uuid'] },
  { method: 'POST', url: `/api/v1/reports/${SOME_ID}/escalate`, valid: { counsellorId: SOME_ID }, required: 'counsellorId', wrongType: ['counsellorId', 7] },
  { method: 'POST', url: `/api/v1/reports/${SOME_ID}/exposure`, valid: { seconds: 30 }, required: 'seconds', wrongType: ['seconds', '30s'] },
  { method: 'POST', url: '/api/v1/cases', valid: { reportIds: [SOME_ID] }, wrongType: ['reportIds', SOME_ID] },
  { method: 'POST', url: `/api/v1/cases/${SOME_ID}/referrals`, valid: { institutionId: SOME_ID, reason: 'x', urgency: 'normal' }, required: 'urgency', wrongType: ['urgency', 'asap'] },
  { method: 'POST', url: `/api/v1/referrals/${SOME_ID}/outcome`, valid: { outcome: 'no-action', note: 'x' }, required: 'note', wrongType: ['outcome', 'solved'] },
  { method: 'POST', url: `/api/v1/referrals/${SOME_ID}/messages`, valid: { body: 'x' }, required: 'body', wrongType: ['body', {}] },
  { method: 'POST', url: '/api/v1/institutions', valid: { code: 'new-one', type: 'health', nameSr: 'Дом здравља', nameEn: 'Health Centre', areaKind: 'national' }, required: 'nameEn', wrongType: ['type', 'hospital'] },
  { method: 'PATCH', url: `/api/v1/institutions/${SOME_ID}`, valid: { workingHours: '08–16' }, wrongType: ['isActive', 'no'] },
  { method: 'POST', url: `/api/v1/institutions/${SOME_ID}/api-tokens`, valid: { name: 'system' }, required: 'name', wrongType: ['name', 42] },
];

describe('bad input', () => {
  it('is refused with a 4xx naming the field, for every endpoint with a body', async () => {
    for (const c of cases()) await expectRejectsBadInput(admin, c);
  });

  it('checks query and path parameters too', async () => {
    const badId = await admin.get('/api/v1/users/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.fields).toHaveProperty('id');
    const badQuery = await admin.get('/api/v1/audit?limit=5000');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error.fields).toHaveProperty('limit');
    const unknownQuery = await admin.get('/api/v1/users?sort=name');
    expect(unknownQuery.json().error.fields).toHaveProperty('sort');
  });

  it('names the fields of semantic errors too (institution of a contact person, taken username)', async () => {
    const noInstitution = await admin.post('/api/v1/users', { username: 'contact.x', displayName: 'К', roles: ['institution-contact'] });
    expect(noInstitution.statusCode).toBe(400);
    expect(noInstitution.json().error.fields).toHaveProperty('institutionId');
    const taken = await admin.post('/api/v1/users', { username: target.username, displayName: 'К', roles: ['counsellor'] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields).toHaveProperty('username');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await clientFor(p.app, '', '').get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});
