// The permission matrix of peer educators and peer sessions: every role against every action
// through the HTTP layer, plus nobody signed in (401). Coordinators manage everything; a peer
// educator records and sees only their own sessions (another's is 404, as if it did not exist);
// every other role is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/roles';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { matrixTests, type MatrixAction } from '../../../test/helpers/matrix';
import { seedPeerTrainingModules } from './modules';
import { linkedPeer, newCohort, newEducator, recordSession, SESSION, type LinkedPeer } from './test-support';

let p: TestPlatform;
const clients = new Map<Role, Client>();
let coordinator: Client;
let cohortId: string;
let moduleId: string;
let educatorId: string;
/** The matrix's own peer educator (the peer-educator client) and another one. */
let me: LinkedPeer;
let other: LinkedPeer;
let mySession: string;
let theirSession: string;
/** A fresh submitted session of the matrix's peer educator for each decision that succeeds. */
let toConfirm: string;
let toReturn: string;
let toErase: string;
let moduleCounter = 0;

beforeAll(async () => {
  p = await createTestPlatform();
  await seedPeerTrainingModules(p.ctx.db);
  for (const role of ROLES) {
    if (role !== 'peer-educator') clients.set(role, await signIn(p.app, await createUser(p.ctx, { roles: [role] })));
  }
  coordinator = clients.get('prevention-coordinator')!;
  cohortId = await newCohort(coordinator);
  moduleId = (await coordinator.get('/api/v1/peer-training-modules')).json().modules[0].id;
  educatorId = await newEducator(coordinator, cohortId);
  toErase = await newEducator(coordinator, cohortId);
  me = await linkedPeer(p, coordinator, cohortId, { firstName: 'Ана' });
  other = await linkedPeer(p, coordinator, cohortId, { firstName: 'Лука' });
  clients.set('peer-educator', me.client);
  mySession = await recordSession(me.client);
  theirSession = await recordSession(other.client, { notes: 'Туђа радионица' });
  toConfirm = await recordSession(me.client);
  toReturn = await recordSession(me.client);
}, 120_000);
afterAll(async () => p?.close());

const coordinatorOnly = (status: number) => ({ 'prevention-coordinator': status, otherwise: 403 });

describe('peer educators permission matrix', () => {
  const actions: MatrixAction[] = [
    { name: 'list cohorts', method: 'GET', url: () => '/api/v1/peer-cohorts', expect: coordinatorOnly(200) },
    { name: 'start a cohort', method: 'POST', url: () => '/api/v1/peer-cohorts', body: () => ({ name: 'Нова генерација', startsOn: '2026-09-01' }), expect: coordinatorOnly(201) },
    { name: 'change a cohort', method: 'PATCH', url: () => `/api/v1/peer-cohorts/${cohortId}`, body: () => ({ endsOn: '2026-07-01' }), expect: coordinatorOnly(200) },
    { name: 'list training modules', method: 'GET', url: () => '/api/v1/peer-training-modules', expect: coordinatorOnly(200) },
    {
      name: 'add a training module',
      method: 'POST',
      url: () => '/api/v1/peer-training-modules',
      body: () => ({ code: `matrix-${++moduleCounter}`, names: { 'sr-Cyrl': 'Модул', en: 'Module' }, position: 900 }),
      expect: coordinatorOnly(201),
    },
    { name: 'change a training module', method: 'PATCH', url: () => `/api/v1/peer-training-modules/${moduleId}`, body: () => ({ position: 10 }), expect: coordinatorOnly(200) },
    { name: 'list peer educators', method: 'GET', url: () => '/api/v1/peer-educators', expect: coordinatorOnly(200) },
    {
      name: 'add a peer educator',
      method: 'POST',
      url: () => '/api/v1/peer-educators',
      body: () => ({ cohortId, firstName: 'Јана', lastInitial: 'Т', municipalityId: 'zvezdara', ageGroup: '15-17', consent: { obtainedOn: '2026-02-01', obtainedBy: 'педагог' } }),
      expect: coordinatorOnly(201),
    },
    { name: 'read a peer educator', method: 'GET', url: () => `/api/v1/peer-educators/${educatorId}`, expect: coordinatorOnly(200) },
    { name: 'read their own peer-educator record', method: 'GET', url: () => `/api/v1/peer-educators/${me.educatorId}`, expect: coordinatorOnly(200) },
    { name: 'change a peer educator', method: 'PATCH', url: () => `/api/v1/peer-educators/${educatorId}`, body: () => ({ firstName: 'Ива' }), expect: coordinatorOnly(200) },
    {
      name: 'set the modules completed',
      method: 'PUT',
      url: () => `/api/v1/peer-educators/${educatorId}/modules`,
      body: () => ({ completions: [{ moduleId, completedOn: '2026-02-15' }] }),
      expect: coordinatorOnly(200),
    },
    { name: 'withdraw a certification', method: 'DELETE', url: () => `/api/v1/peer-educators/${educatorId}/certification`, expect: coordinatorOnly(200) },
    { name: 'list unlinked accounts', method: 'GET', url: () => '/api/v1/peer-educators/accounts', expect: coordinatorOnly(200) },
    { name: 'link an account', method: 'PUT', url: () => `/api/v1/peer-educators/${educatorId}/account`, body: () => ({ userId: null }), expect: coordinatorOnly(200) },
    { name: "erase a peer educator's personal data", method: 'POST', url: () => `/api/v1/peer-educators/${toErase}/erase`, expect: coordinatorOnly(200) },
    { name: 'read their own peer-educator profile', method: 'GET', url: () => '/api/v1/peer-educators/me', expect: { 'peer-educator': 200, otherwise: 403 } },
    { name: 'list peer sessions', method: 'GET', url: () => '/api/v1/peer-sessions', expect: { 'prevention-coordinator': 200, 'peer-educator': 200, otherwise: 403 } },
    { name: 'record a peer session', method: 'POST', url: () => '/api/v1/peer-sessions', body: () => SESSION, expect: { 'peer-educator': 201, otherwise: 403 } },
    { name: 'read their own peer session', method: 'GET', url: () => `/api/v1/peer-sessions/${mySession}`, expect: { 'prevention-coordinator': 200, 'peer-educator': 200, otherwise: 404 } },
    { name: "read another peer educator's session", method: 'GET', url: () => `/api/v1/peer-sessions/${theirSession}`, expect: { 'prevention-coordinator': 200, otherwise: 404 } },
    {
      name: 'correct their own peer session',
      method: 'PUT',
      url: () => `/api/v1/peer-sessions/${mySession}`,
      body: () => SESSION,
      expect: { 'peer-educator': 200, 'prevention-coordinator': 403, otherwise: 404 },
    },
    { name: "correct another peer educator's session", method: 'PUT', url: () => `/api/v1/peer-sessions/${theirSession}`, body: () => SESSION, expect: { 'prevention-coordinator': 403, otherwise: 404 } },
    { name: 'confirm a peer session', method: 'POST', url: () => `/api/v1/peer-sessions/${toConfirm}/confirm`, expect: { 'prevention-coordinator': 200, 'peer-educator': 403, otherwise: 404 } },
    {
      name: 'return a peer session',
      method: 'POST',
      url: () => `/api/v1/peer-sessions/${toReturn}/return`,
      body: () => ({ reason: 'Недостаје школа.' }),
      expect: { 'prevention-coordinator': 200, 'peer-educator': 403, otherwise: 404 },
    },
  ];
  matrixTests(actions, () => clients, () => p.app);
});

describe('a peer educator sees only their own sessions', () => {
  it('each of two peer educators lists only theirs and cannot read the other one by id', async () => {
    const mine = (await me.client.get('/api/v1/peer-sessions')).json().sessions.map((s: { id: string }) => s.id);
    const theirs = (await other.client.get('/api/v1/peer-sessions')).json().sessions.map((s: { id: string }) => s.id);
    expect(mine).toContain(mySession);
    expect(mine).not.toContain(theirSession);
    expect(theirs).toEqual([theirSession]);
    expect((await other.client.get(`/api/v1/peer-sessions/${mySession}`)).statusCode).toBe(404);
    expect((await me.client.get(`/api/v1/peer-sessions/${theirSession}`)).statusCode).toBe(404);
    // Not through a filter either: asking for the other's sessions by educator gives nothing.
    expect((await me.client.get(`/api/v1/peer-sessions?peerEducatorId=${other.educatorId}`)).json().sessions).toEqual([]);
  });

  it("shows a peer educator no one's name, not even their own, and nothing of others", async () => {
    const body = (await me.client.get('/api/v1/peer-sessions')).body;
    expect(body).not.toMatch(/Лука|Туђа/);
    expect(JSON.parse(body).sessions.every((s: { educatorName: string | null }) => s.educatorName === null)).toBe(true);
    const coordinatorView = (await coordinator.get('/api/v1/peer-sessions')).json().sessions;
    expect(coordinatorView.map((s: { educatorName: string }) => s.educatorName)).toEqual(expect.arrayContaining(['Ана Ј.', 'Лука Ј.']));
  });

  it('a coordinator sees every session; a second role does not narrow what a coordinator sees', async () => {
    const both = await signIn(p.app, await createUser(p.ctx, { roles: ['prevention-coordinator', 'peer-educator'] }));
    const ids = (await both.get('/api/v1/peer-sessions')).json().sessions.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining([mySession, theirSession]));
  });
});
