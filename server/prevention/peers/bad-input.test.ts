// Every peer-educator endpoint that takes a body answers bad input with a 4xx naming the field;
// query and path parameters are checked too, and the rules a schema cannot see (a date of birth
// is no field at all, a last name is only its initial) hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { expectRejectsBadInput, type BadInputCase } from '../../../test/helpers/bad-input';
import { seedPeerTrainingModules } from './modules';
import { linkedPeer, newCohort, newEducator, recordSession, SESSION, type LinkedPeer } from './test-support';

let p: TestPlatform;
let coordinator: Client;
let cohortId: string;
let educatorId: string;
let moduleId: string;
let peer: LinkedPeer;
let sessionId: string;

beforeAll(async () => {
  p = await createTestPlatform();
  await seedPeerTrainingModules(p.ctx.db);
  coordinator = await signIn(p.app, await createUser(p.ctx, { roles: ['prevention-coordinator'] }));
  cohortId = await newCohort(coordinator);
  educatorId = await newEducator(coordinator, cohortId);
  moduleId = (await coordinator.get('/api/v1/peer-training-modules')).json().modules[0].id;
  peer = await linkedPeer(p, coordinator, cohortId);
  sessionId = await recordSession(peer.client);
}, 120_000);
afterAll(async () => p?.close());

const EDUCATOR = () => ({ cohortId, firstName: 'Мина', lastInitial: 'Ј', municipalityId: 'nis', ageGroup: '18-24' });

const coordinatorCases = (): BadInputCase[] => [
  { method: 'POST', url: '/api/v1/peer-cohorts', valid: { name: 'Генерација', startsOn: '2026-02-01' }, required: 'name', wrongType: ['startsOn', '1.2.2026.'] },
  { method: 'PATCH', url: `/api/v1/peer-cohorts/${cohortId}`, valid: { name: 'Генерација' }, wrongType: ['endsOn', 20260601] },
  { method: 'POST', url: '/api/v1/peer-training-modules', valid: { code: 'x-module', names: { 'sr-Cyrl': 'Модул', en: 'Module' } }, required: 'names', wrongType: ['code', 'Has Spaces'] },
  { method: 'PATCH', url: `/api/v1/peer-training-modules/${moduleId}`, valid: { position: 5 }, wrongType: ['isActive', 'no'] },
  { method: 'POST', url: '/api/v1/peer-educators', valid: EDUCATOR(), required: 'firstName', wrongType: ['ageGroup', '16'] },
  { method: 'POST', url: '/api/v1/peer-educators', valid: EDUCATOR(), required: 'ageGroup', wrongType: ['lastInitial', 'Јовановић'] },
  { method: 'POST', url: '/api/v1/peer-educators', valid: EDUCATOR(), required: 'cohortId', wrongType: ['consent', 'yes'] },
  { method: 'POST', url: '/api/v1/peer-educators', valid: EDUCATOR(), wrongType: ['municipalityId', 'atlantis'] },
  { method: 'PATCH', url: `/api/v1/peer-educators/${educatorId}`, valid: { firstName: 'Ива' }, wrongType: ['schoolId', 'ОШ Вук'] },
  { method: 'PUT', url: `/api/v1/peer-educators/${educatorId}/modules`, valid: { completions: [] }, required: 'completions', wrongType: ['completions', [{ moduleId, completedOn: 'yesterday' }]] },
  { method: 'POST', url: `/api/v1/peer-educators/${educatorId}/certification`, valid: { certifiedOn: '2026-03-01' }, required: 'certifiedOn', wrongType: ['certifiedOn', true] },
  { method: 'PUT', url: `/api/v1/peer-educators/${educatorId}/account`, valid: { userId: null }, required: 'userId', wrongType: ['userId', 'peer'] },
  { method: 'POST', url: `/api/v1/peer-sessions/${sessionId}/return`, valid: { reason: 'Недостаје школа.' }, required: 'reason', wrongType: ['reason', 5] },
];

const peerCases = (): BadInputCase[] => [
  { method: 'POST', url: '/api/v1/peer-sessions', valid: SESSION, required: 'heldOn', wrongType: ['peersReached', '18'] },
  { method: 'POST', url: '/api/v1/peer-sessions', valid: SESSION, required: 'topics', wrongType: ['topics', ['football']] },
  { method: 'PUT', url: `/api/v1/peer-sessions/${sessionId}`, valid: SESSION, required: 'peersReached', wrongType: ['peersReached', 0] },
];

describe('bad input to the peer-educator endpoints', () => {
  it('is refused with a 4xx naming the field, for every endpoint with a body', async () => {
    for (const c of coordinatorCases()) await expectRejectsBadInput(coordinator, c);
    for (const c of peerCases()) await expectRejectsBadInput(peer.client, c);
  });

  it('takes no date of birth and no full last name', async () => {
    const born = await coordinator.post('/api/v1/peer-educators', { ...EDUCATOR(), dateOfBirth: '2011-04-02' });
    expect(born.statusCode).toBe(400);
    expect(born.json().error.fields).toHaveProperty('dateOfBirth');
    for (const lastInitial of ['Петровић', 'Pe', '1', '']) {
      const refused = await coordinator.post('/api/v1/peer-educators', { ...EDUCATOR(), lastInitial });
      expect(refused.json().error.fields, lastInitial).toHaveProperty('lastInitial');
    }
    for (const firstName of ['   ', 'Ана 2', '<b>Ана</b>', 'a'.repeat(61)]) {
      const refused = await coordinator.post('/api/v1/peer-educators', { ...EDUCATOR(), firstName });
      expect(refused.json().error.fields, firstName).toHaveProperty('firstName');
    }
  });

  it('refuses out-of-range and inconsistent values', async () => {
    const backwards = await coordinator.post('/api/v1/peer-cohorts', { name: 'Генерација', startsOn: '2026-06-01', endsOn: '2026-02-01' });
    expect(backwards.json().error.fields).toHaveProperty('endsOn');
    const tooMany = await peer.client.post('/api/v1/peer-sessions', { ...SESSION, peersReached: 501 });
    expect(tooMany.json().error.fields).toHaveProperty('peersReached');
    const longNotes = await peer.client.post('/api/v1/peer-sessions', { ...SESSION, notes: 'x'.repeat(1001) });
    expect(longNotes.json().error.fields).toHaveProperty('notes');
    const noSchool = await peer.client.post('/api/v1/peer-sessions', { ...SESSION, schoolId: '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f' });
    expect(noSchool.json().error.fields).toHaveProperty('schoolId');
    const blankReason = await coordinator.post(`/api/v1/peer-sessions/${sessionId}/return`, { reason: '   ' });
    expect(blankReason.json().error.fields).toHaveProperty('reason');
    const noConsentGiver = await coordinator.post('/api/v1/peer-educators', { ...EDUCATOR(), ageGroup: '12-14', consent: { obtainedOn: '2026-02-01', obtainedBy: ' ' } });
    expect(noConsentGiver.json().error.fields).toHaveProperty(['consent.obtainedBy']);
  });

  it('checks path and query parameters', async () => {
    expect((await coordinator.get('/api/v1/peer-educators/not-an-id')).json().error.fields).toHaveProperty('id');
    expect((await coordinator.get('/api/v1/peer-sessions?status=done')).json().error.fields).toHaveProperty('status');
    expect((await coordinator.get('/api/v1/peer-educators?cohortId=7')).json().error.fields).toHaveProperty('cohortId');
    expect((await coordinator.get('/api/v1/peer-sessions/3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f')).statusCode).toBe(404);
    expect((await coordinator.patch('/api/v1/peer-cohorts/3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f', { name: 'Нико' })).statusCode).toBe(404);
  });
});
