// The permission matrix of events: every role against every endpoint through the HTTP layer,
// plus nobody signed in (401). Coordinators do everything; presenters see the whole calendar
// and edit, record and photograph only the events they present; everyone else sees nothing.
// Then bad input for every JSON body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/roles';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client, type TestUser } from '../../../test/helpers/factories';
import { matrixTests, type MatrixAction } from '../../../test/helpers/matrix';
import { expectRejectsBadInput } from '../../../test/helpers/bad-input';
import { insertEvent } from '../../../test/helpers/prevention';
import { photoPart, png, uploadPhoto } from './test-support';

let p: TestPlatform;
const clients = new Map<Role, Client>();
let matrixPresenter: TestUser;
let otherPresenter: TestUser;
let futureOwn: string;
let futureTheirs: string;
let toCancel: string;
let pastOwn: string;
let pastTheirs: string;
let photoOfOwn: string;
const future = () => new Date(Date.now() + 10 * 86_400_000);
const past = () => new Date(Date.now() - 2 * 3_600_000);
const audience = { pupilsPrimaryLower: 10, pupilsPrimaryUpper: 0, pupilsSecondary: 0, parents: 0, teachers: 1, other: 0 };
const onlyTeam = (coordinator: number, presenter: number) => ({ 'prevention-coordinator': coordinator, presenter, otherwise: 403 });

beforeAll(async () => {
  p = await createTestPlatform();
  for (const role of ROLES) {
    const user = await createUser(p.ctx, { roles: [role] });
    if (role === 'presenter') matrixPresenter = user;
    clients.set(role, await signIn(p.app, user));
  }
  otherPresenter = await createUser(p.ctx, { roles: ['presenter'] });
  futureOwn = await insertEvent(p.ctx, { startsAt: future(), presenterIds: [matrixPresenter.id] });
  futureTheirs = await insertEvent(p.ctx, { startsAt: future(), presenterIds: [otherPresenter.id] });
  toCancel = await insertEvent(p.ctx, { startsAt: future(), presenterIds: [matrixPresenter.id] });
  pastOwn = await insertEvent(p.ctx, { startsAt: past(), presenterIds: [matrixPresenter.id] });
  pastTheirs = await insertEvent(p.ctx, { startsAt: past(), presenterIds: [otherPresenter.id] });
  const uploaded = await uploadPhoto(clients.get('prevention-coordinator')!, pastOwn, [{ name: 'noChildrenFaces', value: 'true' }, photoPart(await png(), 'image/png', 'p.png')]);
  photoOfOwn = uploaded.json().id;
}, 180_000);
afterAll(async () => p?.close());

describe('events permission matrix', () => {
  const actions: MatrixAction[] = [
    { name: 'see the calendar', method: 'GET', url: () => `/api/v1/events?from=${encodeURIComponent(new Date().toISOString())}`, expect: onlyTeam(200, 200) },
    { name: 'see their upcoming events', method: 'GET', url: () => '/api/v1/events?presenter=me&from=now', expect: onlyTeam(200, 200) },
    { name: 'list who can present', method: 'GET', url: () => '/api/v1/events/presenters', expect: onlyTeam(200, 200) },
    {
      name: 'plan an event',
      method: 'POST',
      url: () => '/api/v1/events',
      body: () => ({ type: 'other', startsAt: future().toISOString(), durationMinutes: 30, venue: 'Сала', municipalityId: 'nis' }),
      expect: { 'prevention-coordinator': 201, otherwise: 403 },
    },
    { name: 'read an event they do not present', method: 'GET', url: () => `/api/v1/events/${futureTheirs}`, expect: onlyTeam(200, 200) },
    { name: 'edit an event they present', method: 'PATCH', url: () => `/api/v1/events/${futureOwn}`, body: () => ({ materials: 'Квиз' }), expect: onlyTeam(200, 200) },
    { name: 'edit an event they do not present', method: 'PATCH', url: () => `/api/v1/events/${futureTheirs}`, body: () => ({ materials: 'Квиз' }), expect: onlyTeam(200, 403) },
    { name: 'cancel an event they present', method: 'POST', url: () => `/api/v1/events/${toCancel}/cancel`, body: () => ({ reason: 'Школа је затворена' }), expect: onlyTeam(200, 403) },
    { name: 'record the audience of an event they present', method: 'POST', url: () => `/api/v1/events/${pastOwn}/record`, body: () => ({ audience, durationMinutes: 45 }), expect: onlyTeam(200, 200) },
    { name: 'record the audience of an event they do not present', method: 'POST', url: () => `/api/v1/events/${pastTheirs}/record`, body: () => ({ audience, durationMinutes: 45 }), expect: onlyTeam(200, 403) },
    { name: "list an event's photos", method: 'GET', url: () => `/api/v1/events/${pastTheirs}/photos`, expect: onlyTeam(200, 200) },
    { name: 'see a photo', method: 'GET', url: () => `/api/v1/events/${pastOwn}/photos/${photoOfOwn}`, expect: onlyTeam(200, 200) },
    { name: 'read an event that does not exist', method: 'GET', url: () => '/api/v1/events/3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f', expect: onlyTeam(404, 404) },
  ];
  matrixTests(actions, () => clients, () => p.app);

  describe('photo uploads and deletions (multipart)', () => {
    const tick = { name: 'noChildrenFaces', value: 'true' };
    for (const role of ROLES) {
      const allowed = role === 'prevention-coordinator' || role === 'presenter';
      it(`${role} ${allowed ? 'may' : 'may not'} upload and delete a photo of an event they present`, async () => {
        const client = clients.get(role)!;
        const response = await uploadPhoto(client, pastOwn, [tick, photoPart(await png(), 'image/png', 'p.png')]);
        expect(response.statusCode, response.body).toBe(allowed ? 201 : 403);
        const photoId = allowed ? response.json().id : photoOfOwn;
        expect((await client.delete(`/api/v1/events/${pastOwn}/photos/${photoId}`)).statusCode).toBe(allowed ? 200 : 403);
      });
      it(`${role} ${role === 'prevention-coordinator' ? 'may' : 'may not'} upload a photo of an event they do not present`, async () => {
        const response = await uploadPhoto(clients.get(role)!, pastTheirs, [tick, photoPart(await png(), 'image/png', 'p.png')]);
        expect(response.statusCode, response.body).toBe(role === 'prevention-coordinator' ? 201 : 403);
      });
    }
    it('nobody signed in may upload, see or delete a photo (401)', async () => {
      const upload = await p.app.inject({ method: 'POST', url: `/api/v1/events/${pastOwn}/photos`, payload: { noChildrenFaces: 'true' } });
      expect(upload.statusCode).toBe(401);
      expect((await p.app.inject({ method: 'GET', url: `/api/v1/events/${pastOwn}/photos/${photoOfOwn}` })).statusCode).toBe(401);
      expect((await p.app.inject({ method: 'DELETE', url: `/api/v1/events/${pastOwn}/photos/${photoOfOwn}` })).statusCode).toBe(401);
    });
  });
});

describe('bad input', () => {
  const coordinator = () => clients.get('prevention-coordinator')!;
  it('refuses bad event plans', async () => {
    await expectRejectsBadInput(coordinator(), {
      method: 'POST',
      url: '/api/v1/events',
      valid: { type: 'school-pupils', startsAt: future().toISOString(), durationMinutes: 45, venue: 'Сала', municipalityId: 'nis' },
      required: 'type',
      wrongType: ['presenterIds', 'everyone'],
    });
  });
  it('refuses bad edits', async () => {
    await expectRejectsBadInput(coordinator(), { method: 'PATCH', url: `/api/v1/events/${futureOwn}`, valid: { materials: 'Квиз' }, wrongType: ['durationMinutes', 'long'] });
  });
  it('refuses bad cancellations', async () => {
    await expectRejectsBadInput(coordinator(), { method: 'POST', url: `/api/v1/events/${futureOwn}/cancel`, valid: { reason: 'Школа је затворена' }, required: 'reason', wrongType: ['reason', 42] });
  });
  it('refuses bad audience records', async () => {
    await expectRejectsBadInput(coordinator(), { method: 'POST', url: `/api/v1/events/${pastOwn}/record`, valid: { audience, durationMinutes: 45 }, required: 'audience', wrongType: ['audience', [1, 2]] });
  });
  it('refuses ids that are not ids, and an empty edit', async () => {
    expect((await coordinator().get('/api/v1/events/nope')).json().error.fields).toHaveProperty('id');
    expect((await coordinator().get(`/api/v1/events/${pastOwn}/photos/nope`)).json().error.fields).toHaveProperty('photoId');
    expect((await coordinator().patch(`/api/v1/events/${futureOwn}`, {})).statusCode).toBe(400);
  });
});
