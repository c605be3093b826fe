// Peer educators through the HTTP API: the starter modules, parental consent for minors (the API
// names the field; the table refuses it too), modules and certification, linking the console
// account, deletion of personal data on request (counts kept, the raw row blanked, the account
// closed and signed out), sessions recorded by the peer educator and confirmed or returned by a
// coordinator, an unlinked account refused, and the audit of reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { insertSchool } from '../../../test/helpers/prevention';
import { STARTER_MODULES, seedPeerTrainingModules } from './modules';
import { linkedPeer, newCohort, newEducator, recordSession, SESSION } from './test-support';

let p: TestPlatform;
let coordinator: Client;
let cohortId: string;
let moduleIds: string[];

beforeAll(async () => {
  p = await createTestPlatform();
  await seedPeerTrainingModules(p.ctx.db);
  coordinator = await signIn(p.app, await createUser(p.ctx, { roles: ['prevention-coordinator'] }));
  cohortId = await newCohort(coordinator);
  moduleIds = (await coordinator.get('/api/v1/peer-training-modules')).json().modules.map((m: { id: string }) => m.id);
}, 120_000);
afterAll(async () => p?.close());

const audit = (recordId: string) => p.ctx.db.selectFrom('auditLog').select(['action', 'details']).where('recordId', '=', recordId).orderBy('id').execute();
const educator = async (id: string) => {
  const response = await coordinator.get(`/api/v1/peer-educators/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().educator;
};
const allModules = (completedOn = '2026-03-01') => ({ completions: moduleIds.map((moduleId) => ({ moduleId, completedOn })) });

describe('training modules', () => {
  it('seeds the starter set once, in Cyrillic and English, and keeps what the centre changed', async () => {
    expect(await seedPeerTrainingModules(p.ctx.db)).toBe(0);
    const { modules } = (await coordinator.get('/api/v1/peer-training-modules')).json();
    expect(modules.map((m: { code: string }) => m.code)).toEqual(STARTER_MODULES.map((m) => m.code));
    const help = modules.find((m: { code: string }) => m.code === 'where-to-get-help');
    expect(help.names['sr-Cyrl']).toMatch(/^[\u0400-\u04FF :0-9]+$/);
    expect(help.names.en).toContain('19833');

    const renamed = await coordinator.patch(`/api/v1/peer-training-modules/${help.id}`, { names: { 'sr-Cyrl': 'Где потражити помоћ (19833)', en: 'Getting help (19833)' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    await seedPeerTrainingModules(p.ctx.db);
    const again = (await coordinator.get('/api/v1/peer-training-modules')).json().modules;
    expect(again).toHaveLength(STARTER_MODULES.length);
    expect(again.find((m: { code: string }) => m.code === 'where-to-get-help').names.en).toBe('Getting help (19833)');
  });

  it('adds a module with a code of its own (a second with the same code is refused)', async () => {
    const body = { code: 'sexting-basics', names: { 'sr-Cyrl': 'Секстинг', en: 'Sexting' } };
    const added = await coordinator.post('/api/v1/peer-training-modules', body);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().module.position).toBeGreaterThan(STARTER_MODULES.length * 10);
    const twice = await coordinator.post('/api/v1/peer-training-modules', body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.fields).toHaveProperty('code');
    // Not part of the programme for the rest of these tests.
    await coordinator.patch(`/api/v1/peer-training-modules/${added.json().module.id}`, { isActive: false });
  });
});

describe('parental consent', () => {
  it('refuses a minor without a consent record, naming the field', async () => {
    for (const ageGroup of ['12-14', '15-17']) {
      const refused = await coordinator.post('/api/v1/peer-educators', { cohortId, firstName: 'Лана', lastInitial: 'М', municipalityId: 'nis', ageGroup });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().error.fields.consent).toMatch(/parental consent/);
    }
    const count = await p.ctx.db.selectFrom('peerEducators').select((eb) => eb.fn.countAll<string>().as('n')).where('firstName', '=', 'Лана').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('keeps the rule in the table itself', async () => {
    await expect(
      p.ctx.db
        .insertInto('peerEducators')
        .values({ cohortId, firstName: 'Лана', lastInitial: 'М', municipalityId: 'nis', districtId: 'nisavski', ageGroup: '15-17' })
        .execute(),
    ).rejects.toThrow(/check/i);
  });

  it('saves a minor with consent: the day, who obtained it and which staff member recorded it', async () => {
    const id = await newEducator(coordinator, cohortId, { firstName: 'Лана', lastInitial: 'м.', ageGroup: '15-17', consent: { obtainedOn: '2026-02-03', obtainedBy: 'школски педагог' } });
    const saved = await educator(id);
    expect(saved).toMatchObject({ firstName: 'Лана', lastInitial: 'М', ageGroup: '15-17', hasConsent: true, consent: { obtainedOn: '2026-02-03', obtainedBy: 'школски педагог' } });
    expect(saved.consent.recordedByName).toMatch(/^Тест/);
    const row = await p.ctx.db.selectFrom('peerEducators').select('consentRecordedBy').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.consentRecordedBy).not.toBeNull();

    // The record cannot lose its consent, nor become a minor's without one.
    const dropped = await coordinator.patch(`/api/v1/peer-educators/${id}`, { consent: null });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.json().error.fields).toHaveProperty('consent');
    const adult = await newEducator(coordinator, cohortId);
    const younger = await coordinator.patch(`/api/v1/peer-educators/${adult}`, { ageGroup: '12-14' });
    expect(younger.statusCode).toBe(400);
    expect(younger.json().error.fields).toHaveProperty('consent');
    const withConsent = await coordinator.patch(`/api/v1/peer-educators/${adult}`, { ageGroup: '12-14', consent: { obtainedOn: '2026-02-10', obtainedBy: 'одељенски старешина' } });
    expect(withConsent.statusCode, withConsent.body).toBe(200);
    expect(withConsent.json().educator.hasConsent).toBe(true);
  });

  it('saves an adult without consent, and refuses a consent day in the future', async () => {
    const id = await newEducator(coordinator, cohortId, { firstName: 'Огњен', lastInitial: 'Lj', ageGroup: '18-24' });
    expect(await educator(id)).toMatchObject({ firstName: 'Огњен', lastInitial: 'Lj', hasConsent: false, consent: null });
    const future = await coordinator.post('/api/v1/peer-educators', { cohortId, firstName: 'Ема', lastInitial: 'К', municipalityId: 'nis', ageGroup: '12-14', consent: { obtainedOn: '2999-01-01', obtainedBy: 'педагог' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toHaveProperty(['consent.obtainedOn']);
  });

  it('takes the municipality from the school when none is given', async () => {
    const schoolId = await insertSchool(p.ctx, { municipalityId: 'kragujevac' });
    const id = await newEducator(coordinator, cohortId, { municipalityId: undefined, schoolId });
    expect(await educator(id)).toMatchObject({ schoolId, municipalityId: 'kragujevac' });
    const neither = await coordinator.post('/api/v1/peer-educators', { cohortId, firstName: 'Ема', lastInitial: 'К', ageGroup: '18-24' });
    expect(neither.json().error.fields).toHaveProperty('municipalityId');
  });
});

describe('modules and certification', () => {
  it('certifies only when every active module is completed, not before the last one', async () => {
    const id = await newEducator(coordinator, cohortId);
    const some = await coordinator.put(`/api/v1/peer-educators/${id}/modules`, { completions: [{ moduleId: moduleIds[0], completedOn: '2026-02-10' }] });
    expect(some.statusCode, some.body).toBe(200);
    expect(some.json().educator.modulesCompleted).toBe(1);

    const early = await coordinator.post(`/api/v1/peer-educators/${id}/certification`, { certifiedOn: '2026-03-15' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('modules_incomplete');

    const all = await coordinator.put(`/api/v1/peer-educators/${id}/modules`, allModules('2026-03-01'));
    expect(all.json().educator.modulesCompleted).toBe(STARTER_MODULES.length);
    const beforeLast = await coordinator.post(`/api/v1/peer-educators/${id}/certification`, { certifiedOn: '2026-02-20' });
    expect(beforeLast.statusCode).toBe(400);
    expect(beforeLast.json().error.fields).toHaveProperty('certifiedOn');
    const certified = await coordinator.post(`/api/v1/peer-educators/${id}/certification`, { certifiedOn: '2026-03-15' });
    expect(certified.statusCode, certified.body).toBe(200);
    expect(certified.json().educator.certifiedOn).toBe('2026-03-15');

    // A certified peer educator keeps their modules until the certification is withdrawn.
    const dropped = await coordinator.put(`/api/v1/peer-educators/${id}/modules`, { completions: [] });
    expect(dropped.statusCode).toBe(409);
    const withdrawn = await coordinator.delete(`/api/v1/peer-educators/${id}/certification`);
    expect(withdrawn.json().educator.certifiedOn).toBeNull();
    expect((await coordinator.put(`/api/v1/peer-educators/${id}/modules`, { completions: [] })).statusCode).toBe(200);
    expect((await audit(id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['peer-educator.create', 'peer-educator.modules', 'peer-educator.certify', 'peer-educator.uncertify']),
    );
  });

  it('refuses an unknown module, a module listed twice and a day in the future', async () => {
    const id = await newEducator(coordinator, cohortId);
    const unknown = await coordinator.put(`/api/v1/peer-educators/${id}/modules`, { completions: [{ moduleId: '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f', completedOn: '2026-02-10' }] });
    expect(unknown.json().error.fields).toHaveProperty(['completions.0.moduleId']);
    const twice = await coordinator.put(`/api/v1/peer-educators/${id}/modules`, { completions: [{ moduleId: moduleIds[0], completedOn: '2026-02-10' }, { moduleId: moduleIds[0], completedOn: '2026-02-11' }] });
    expect(twice.json().error.fields).toHaveProperty('completions');
    const future = await coordinator.put(`/api/v1/peer-educators/${id}/modules`, { completions: [{ moduleId: moduleIds[0], completedOn: '2999-02-10' }] });
    expect(future.json().error.fields).toHaveProperty(['completions.0.completedOn']);
  });

  it('counts certified peer educators per cohort', async () => {
    const cohort = await newCohort(coordinator);
    const one = await newEducator(coordinator, cohort);
    await newEducator(coordinator, cohort);
    await coordinator.put(`/api/v1/peer-educators/${one}/modules`, allModules());
    await coordinator.post(`/api/v1/peer-educators/${one}/certification`, { certifiedOn: '2026-03-02' });
    const { cohorts } = (await coordinator.get('/api/v1/peer-cohorts')).json();
    expect(cohorts.find((c: { id: string }) => c.id === cohort)).toMatchObject({ educators: 2, certified: 1 });
  });
});

describe('console accounts', () => {
  it('lists only active, unlinked peer-educator accounts and links one to one record', async () => {
    const free = await createUser(p.ctx, { roles: ['peer-educator'] });
    const presenter = await createUser(p.ctx, { roles: ['presenter'] });
    const closed = await createUser(p.ctx, { roles: ['peer-educator'] });
    await p.ctx.db.updateTable('users').set({ isActive: false }).where('id', '=', closed.id).execute();
    const taken = await linkedPeer(p, coordinator, cohortId);

    const { accounts } = (await coordinator.get('/api/v1/peer-educators/accounts')).json();
    const ids = accounts.map((a: { id: string }) => a.id);
    expect(ids).toContain(free.id);
    for (const other of [presenter.id, closed.id, taken.user.id]) expect(ids).not.toContain(other);
    expect(Object.keys(accounts[0]).sort()).toEqual(['displayName', 'id']);

    const id = await newEducator(coordinator, cohortId);
    const wrongRole = await coordinator.put(`/api/v1/peer-educators/${id}/account`, { userId: presenter.id });
    expect(wrongRole.json().error.fields).toHaveProperty('userId');
    const twice = await coordinator.put(`/api/v1/peer-educators/${id}/account`, { userId: taken.user.id });
    expect(twice.statusCode).toBe(409);
    const linked = await coordinator.put(`/api/v1/peer-educators/${id}/account`, { userId: free.id });
    expect(linked.json().educator.account).toMatchObject({ id: free.id, username: free.username });
    const unlinked = await coordinator.put(`/api/v1/peer-educators/${id}/account`, { userId: null });
    expect(unlinked.json().educator.account).toBeNull();
  });
});

describe('peer sessions', () => {
  it('a peer educator records a session; a coordinator returns it, it is fixed and resubmitted, then confirmed', async () => {
    const peer = await linkedPeer(p, coordinator, cohortId, { firstName: 'Вук', lastInitial: 'С' });
    const me = (await peer.client.get('/api/v1/peer-educators/me')).json().educator;
    expect(me).toMatchObject({ id: peer.educatorId, firstName: 'Вук' });

    const schoolId = await insertSchool(p.ctx, { municipalityId: 'leskovac' });
    const id = await recordSession(peer.client, { schoolId, venue: undefined, municipalityId: undefined });
    const mine = (await peer.client.get(`/api/v1/peer-sessions/${id}`)).json().session;
    expect(mine).toMatchObject({ status: 'submitted', schoolId, municipalityId: 'leskovac', peersReached: 18, educatorName: null });

    const waiting = (await coordinator.get('/api/v1/peer-sessions?status=submitted')).json().sessions;
    expect(waiting.find((s: { id: string }) => s.id === id)).toMatchObject({ educatorName: 'Вук С.' });

    const returned = await coordinator.post(`/api/v1/peer-sessions/${id}/return`, { reason: 'Број вршњака делује превелик за једно одељење.' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().session).toMatchObject({ status: 'returned', returnReason: 'Број вршњака делује превелик за једно одељење.' });
    expect((await coordinator.post(`/api/v1/peer-sessions/${id}/confirm`)).statusCode).toBe(409);

    const seen = (await peer.client.get('/api/v1/peer-sessions')).json().sessions;
    expect(seen.map((s: { status: string; returnReason: string }) => [s.status, s.returnReason])).toEqual([['returned', 'Број вршњака делује превелик за једно одељење.']]);
    const fixed = await peer.client.put(`/api/v1/peer-sessions/${id}`, { ...SESSION, schoolId, venue: undefined, municipalityId: undefined, peersReached: 24 });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().session).toMatchObject({ status: 'submitted', returnReason: null, peersReached: 24 });

    const confirmed = await coordinator.post(`/api/v1/peer-sessions/${id}/confirm`);
    expect(confirmed.json().session.status).toBe('confirmed');
    expect(confirmed.json().session.confirmedAt).not.toBeNull();
    const locked = await peer.client.put(`/api/v1/peer-sessions/${id}`, { ...SESSION, peersReached: 30 });
    expect(locked.statusCode).toBe(409);
    expect((await educator(peer.educatorId)).peersReached).toBe(24);
    expect((await audit(id)).map((a) => a.action)).toEqual(['peer-session.record', 'peer-session.return', 'peer-session.resubmit', 'peer-session.confirm']);
  });

  it('refuses a session in the future, without a place, or with no topic', async () => {
    const peer = await linkedPeer(p, coordinator, cohortId);
    const future = await peer.client.post('/api/v1/peer-sessions', { ...SESSION, heldOn: '2999-01-01' });
    expect(future.json().error.fields).toHaveProperty('heldOn');
    const nowhere = await peer.client.post('/api/v1/peer-sessions', { ...SESSION, venue: undefined, municipalityId: undefined });
    expect(Object.keys(nowhere.json().error.fields).sort()).toEqual(['municipalityId', 'venue']);
    const noTopic = await peer.client.post('/api/v1/peer-sessions', { ...SESSION, topics: [] });
    expect(noTopic.json().error.fields).toHaveProperty('topics');
  });

  it('an account not linked to a peer educator gets a clear refusal and records nothing', async () => {
    const user = await createUser(p.ctx, { roles: ['peer-educator'] });
    const client = await signIn(p.app, user);
    expect((await client.get('/api/v1/peer-educators/me')).json()).toEqual({ educator: null });
    const refused = await client.post('/api/v1/peer-sessions', SESSION);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'not_linked', message: expect.stringMatching(/not linked to a peer educator/) });
    expect((await client.get('/api/v1/peer-sessions')).json().sessions).toEqual([]);
  });
});

describe('deleting personal data on request', () => {
  it('blanks what identifies the young person, keeps the counts, and closes their account', async () => {
    const cohort = await newCohort(coordinator);
    const schoolId = await insertSchool(p.ctx, { municipalityId: 'nis' });
    const peer = await linkedPeer(p, coordinator, cohort, {
      firstName: 'Теодора',
      lastInitial: 'Р',
      ageGroup: '12-14',
      schoolId,
      consent: { obtainedOn: '2026-02-02', obtainedBy: 'мајка, преко школског педагога' },
    });
    await p.ctx.db.updateTable('users').set({ displayName: 'Теодора Ристић', email: 'teodora@example.org' }).where('id', '=', peer.user.id).execute();
    await coordinator.put(`/api/v1/peer-educators/${peer.educatorId}/modules`, allModules());
    await coordinator.post(`/api/v1/peer-educators/${peer.educatorId}/certification`, { certifiedOn: '2026-03-05' });
    const confirmedId = await recordSession(peer.client, { peersReached: 20 });
    await coordinator.post(`/api/v1/peer-sessions/${confirmedId}/confirm`);
    const waitingId = await recordSession(peer.client, { peersReached: 7, notes: 'Била је и моја другарица Јована.' });
    const before = await educator(peer.educatorId);
    const cohortBefore = (await coordinator.get('/api/v1/peer-cohorts')).json().cohorts.find((c: { id: string }) => c.id === cohort);

    const erased = await coordinator.post(`/api/v1/peer-educators/${peer.educatorId}/erase`);
    expect(erased.statusCode, erased.body).toBe(200);
    const after = erased.json().educator;
    expect(after).toMatchObject({
      firstName: null,
      lastInitial: null,
      schoolId: null,
      schoolName: null,
      account: null,
      hasAccount: false,
      cohortId: cohort,
      municipalityId: 'nis',
      ageGroup: '12-14',
      hasConsent: true,
      certifiedOn: '2026-03-05',
      modulesCompleted: before.modulesCompleted,
      sessionsConfirmed: 1,
      peersReached: 20,
      sessionsSubmitted: 1,
    });
    expect(after.personalDataDeletedAt).not.toBeNull();
    expect(after.consent.obtainedBy).toBe('');

    // The raw row holds nothing that names them.
    const row = await p.ctx.db.selectFrom('peerEducators').selectAll().where('id', '=', peer.educatorId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ firstName: null, lastInitial: null, schoolId: null, userId: null, consentObtainedBy: null, ageGroup: '12-14', municipalityId: 'nis' });
    expect(JSON.stringify(row)).not.toMatch(/Теодора|мајка/);
    const notes = await p.ctx.db.selectFrom('peerSessions').select('notes').where('peerEducatorId', '=', peer.educatorId).execute();
    expect(notes.map((n) => n.notes)).toEqual(['', '']);

    // The counts are what they were.
    const cohortAfter = (await coordinator.get('/api/v1/peer-cohorts')).json().cohorts.find((c: { id: string }) => c.id === cohort);
    expect(cohortAfter).toEqual(cohortBefore);
    const sessions = (await coordinator.get(`/api/v1/peer-sessions?peerEducatorId=${peer.educatorId}`)).json().sessions;
    expect(sessions.map((s: { peersReached: number; educatorName: string | null }) => [s.peersReached, s.educatorName])).toEqual(
      expect.arrayContaining([[20, null], [7, null]]),
    );
    const listed = (await coordinator.get(`/api/v1/peer-educators?cohortId=${cohort}`)).json().educators;
    expect(listed).toHaveLength(1);
    expect(listed[0].personalDataDeletedAt).not.toBeNull();

    // The account is closed, no longer says who it was, and its sessions are over.
    const account = await p.ctx.db.selectFrom('users').selectAll().where('id', '=', peer.user.id).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ isActive: false, email: null });
    expect(`${account.displayName} ${account.username}`).not.toMatch(/Теодора|Ристић/);
    const open = await p.ctx.db.selectFrom('sessions').select('idHash').where('userId', '=', peer.user.id).execute();
    expect(open).toEqual([]);
    expect((await peer.client.get('/api/v1/peer-sessions')).statusCode).toBe(401);
    const again = await p.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: peer.user.username, password: peer.user.password } });
    expect(again.statusCode).toBe(401);

    // Audited with ids only; nothing more can change on the record.
    const entry = (await audit(peer.educatorId)).find((a) => a.action === 'peer-educator.erase')!;
    expect(entry.details).toEqual({ userId: peer.user.id });
    expect((await coordinator.post(`/api/v1/peer-educators/${peer.educatorId}/erase`)).statusCode).toBe(409);
    expect((await coordinator.patch(`/api/v1/peer-educators/${peer.educatorId}`, { firstName: 'Нико' })).statusCode).toBe(409);
    // A session still waiting can be confirmed: it happened, and it counts.
    expect((await coordinator.post(`/api/v1/peer-sessions/${waitingId}/confirm`)).statusCode).toBe(200);
  });
});

describe('the audit of personal data', () => {
  it('records every read of a peer educator and every list of names', async () => {
    const id = await newEducator(coordinator, cohortId);
    await coordinator.get(`/api/v1/peer-educators/${id}`);
    await coordinator.get('/api/v1/peer-educators');
    expect((await audit(id)).map((a) => a.action)).toEqual(['peer-educator.create', 'peer-educator.read']);
    const lists = await p.ctx.db.selectFrom('auditLog').select('details').where('action', '=', 'peer-educator.list').execute();
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) expect(JSON.stringify(list.details)).not.toMatch(/[\u0400-\u04FF]/);
  });
});

describe('the API document', () => {
  it('documents every peer-educator route with a summary', async () => {
    const doc = (await p.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, { summary?: string }>>)
      .filter(([path]) => path.startsWith('/api/v1/peer-'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.summary ? 'ok' : 'no summary'}`));
    const routes = [
      'GET /api/v1/peer-cohorts', 'POST /api/v1/peer-cohorts', 'PATCH /api/v1/peer-cohorts/{id}',
      'GET /api/v1/peer-training-modules', 'POST /api/v1/peer-training-modules', 'PATCH /api/v1/peer-training-modules/{id}',
      'GET /api/v1/peer-educators', 'POST /api/v1/peer-educators', 'GET /api/v1/peer-educators/accounts', 'GET /api/v1/peer-educators/me',
      'GET /api/v1/peer-educators/{id}', 'PATCH /api/v1/peer-educators/{id}', 'PUT /api/v1/peer-educators/{id}/modules',
      'POST /api/v1/peer-educators/{id}/certification', 'DELETE /api/v1/peer-educators/{id}/certification',
      'PUT /api/v1/peer-educators/{id}/account', 'POST /api/v1/peer-educators/{id}/erase',
      'GET /api/v1/peer-sessions', 'POST /api/v1/peer-sessions', 'GET /api/v1/peer-sessions/{id}', 'PUT /api/v1/peer-sessions/{id}',
      'POST /api/v1/peer-sessions/{id}/confirm', 'POST /api/v1/peer-sessions/{id}/return',
    ];
    expect(documented.sort()).toEqual(routes.map((r) => `${r} ok`).sort());
  });
});
