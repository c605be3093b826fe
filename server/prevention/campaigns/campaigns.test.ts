// Campaigns through the HTTP API: the record with its partners and period, online actions as a
// sub-resource, reach figures computed from HELD events only (planned and cancelled ones and
// other campaigns' events count for nothing) plus the online actions, and the tour route — the
// campaign's city stops in date order, apart from its other events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { insertEvent, insertSchool } from '../../../test/helpers/prevention';

let p: TestPlatform;
let coordinator: Client;
let presenter: Client;

beforeAll(async () => {
  p = await createTestPlatform();
  coordinator = await signIn(p.app, await createUser(p.ctx, { roles: ['prevention-coordinator'] }));
  presenter = await signIn(p.app, await createUser(p.ctx, { roles: ['presenter'] }));
}, 120_000);
afterAll(async () => p?.close());

async function createCampaign(body: Record<string, unknown>): Promise<string> {
  const response = await coordinator.post('/api/v1/campaigns', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}
async function campaign(id: string, client: Client = coordinator) {
  const response = await client.get(`/api/v1/campaigns/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().campaign;
}
async function addAction(id: string, body: Record<string, unknown>): Promise<string> {
  const response = await coordinator.post(`/api/v1/campaigns/${id}/online-actions`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

describe('campaigns', () => {
  it('keeps a campaign with its goal, period and partners, and checks the period', async () => {
    const id = await createCampaign({
      name: 'Покажи поштовање, реагуј на мржњу',
      goal: 'Мање дигиталног насиља међу ученицима',
      startsOn: '2023-03-01',
      endsOn: '2023-12-31',
      partners: [
        { name: 'Министарство просвете', kind: 'institution' },
        { name: 'Мила Мрежић (демо)', kind: 'influencer', note: 'TikTok' },
      ],
    });
    const read = await campaign(id, presenter);
    expect(read).toMatchObject({
      name: 'Покажи поштовање, реагуј на мржњу',
      startsOn: '2023-03-01',
      endsOn: '2023-12-31',
      partners: [
        { name: 'Министарство просвете', kind: 'institution', note: '' },
        { name: 'Мила Мрежић (демо)', kind: 'influencer', note: 'TikTok' },
      ],
      figures: { peopleReached: 0, eventsHeld: 0, municipalitiesCovered: 0, onlineActions: 0 },
      route: [],
      otherEvents: [],
      onlineActions: [],
    });

    const backwards = await coordinator.post('/api/v1/campaigns', { name: 'Наопако', startsOn: '2024-05-01', endsOn: '2024-04-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toHaveProperty('endsOn');
    // An edit is checked against what is stored: a start after the stored end is refused.
    const lateStart = await coordinator.patch(`/api/v1/campaigns/${id}`, { startsOn: '2024-01-10' });
    expect(lateStart.statusCode).toBe(400);
    expect(lateStart.json().error.fields).toHaveProperty('startsOn');
    const open = await coordinator.patch(`/api/v1/campaigns/${id}`, { endsOn: null, partners: [{ name: 'Мила Мрежић (демо)', kind: 'influencer' }] });
    expect(open.statusCode, open.body).toBe(200);
    expect(await campaign(id)).toMatchObject({ endsOn: null, partners: [{ name: 'Мила Мрежић (демо)', kind: 'influencer', note: '' }] });

    const audit = await p.ctx.db.selectFrom('auditLog').select(['action', 'details']).where('recordId', '=', id).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'campaign.create', details: { partners: 2 } },
      { action: 'campaign.update', details: { changed: ['endsOn', 'partners'] } },
    ]);
  });

  it('computes reach from held events only, plus the people online actions reached', async () => {
    const id = await createCampaign({ name: 'Турнеја 2024', startsOn: '2024-04-01', endsOn: '2024-10-31' });
    const other = await createCampaign({ name: 'Друга кампања', startsOn: '2024-04-01' });
    const stop = (municipalityId: string, day: string, status: 'held' | 'planned' | 'cancelled', audience?: object) =>
      insertEvent(p.ctx, { type: 'campaign-city-stop', campaignId: id, municipalityId, status, startsAt: new Date(`${day}T16:00:00Z`), venue: 'Градски трг', ...(audience ? { audience } : {}) });
    const nis = await stop('nis', '2024-05-10', 'held', { pupilsPrimaryLower: 0, pupilsPrimaryUpper: 120, pupilsSecondary: 80, parents: 40, teachers: 10, otherAttendees: 250 });
    const kragujevac = await stop('kragujevac', '2024-04-20', 'held', { pupilsPrimaryLower: 30, pupilsPrimaryUpper: 0, pupilsSecondary: 0, parents: 20, teachers: 5, otherAttendees: 45 });
    const nisAgain = await stop('nis', '2024-06-01', 'held', { pupilsPrimaryLower: 0, pupilsPrimaryUpper: 0, pupilsSecondary: 0, parents: 0, teachers: 0, otherAttendees: 100 });
    const planned = await stop('subotica', '2024-09-15', 'planned');
    await stop('pirot', '2024-07-01', 'cancelled');
    // A presentation at a school within the campaign counts too; one of another campaign does not.
    const school = await insertSchool(p.ctx, { municipalityId: 'cacak' });
    const lecture = await insertEvent(p.ctx, { type: 'school-pupils', campaignId: id, schoolId: school, municipalityId: 'cacak', status: 'held', startsAt: new Date('2024-05-02T08:00:00Z') });
    await insertEvent(p.ctx, { type: 'campaign-city-stop', campaignId: other, municipalityId: 'bor', status: 'held', startsAt: new Date('2024-05-03T08:00:00Z') });
    // A held event records its audience; insertEvent's default is 25 pupils and 2 teachers.
    const atEvents = 500 + 100 + 100 + 27;

    await addAction(id, { kind: 'video', title: 'Видео са инфлуенсерима', platform: 'YouTube', happenedOn: '2024-04-15', peopleReached: 12000, engagements: 800 });
    const post = await addAction(id, { kind: 'social-post', title: 'Објава о турнеји', platform: 'Instagram', happenedOn: '2024-05-11', peopleReached: 3000 });

    const read = await campaign(id);
    expect(read.figures).toEqual({
      peopleReached: atEvents + 15000,
      audienceAtEvents: atEvents,
      reachedOnline: 15000,
      engagements: 800,
      eventsHeld: 4,
      eventsPlanned: 1,
      municipalitiesCovered: 3, // Niš (twice), Kragujevac, Čačak
      onlineActions: 2,
    });
    // The route: the city stops in date order, cancelled ones included (marked), with what each drew.
    expect(read.route.map((s: { id: string; status: string; audience: number | null }) => [s.id, s.status, s.audience])).toEqual([
      [kragujevac, 'held', 100],
      [nis, 'held', 500],
      [nisAgain, 'held', 100],
      [expect.any(String), 'cancelled', null],
      [planned, 'planned', null],
    ]);
    expect(read.otherEvents.map((e: { id: string; schoolName: string | null }) => e.id)).toEqual([lecture]);
    expect(read.otherEvents[0].schoolName).toMatch(/^ОШ/);
    expect(read.onlineActions.map((a: { title: string }) => a.title)).toEqual(['Видео са инфлуенсерима', 'Објава о турнеји']);

    // The list shows the same figures.
    const listed = (await presenter.get('/api/v1/campaigns')).json().campaigns;
    expect(listed.find((c: { id: string }) => c.id === id).figures).toEqual(read.figures);
    expect(listed.find((c: { id: string }) => c.id === other).figures).toMatchObject({ eventsHeld: 1, peopleReached: 27, municipalitiesCovered: 1 });

    // Recording the planned stop as held (the events part does it) moves the figures at once.
    await p.ctx.db.updateTable('events').set({ status: 'held', otherAttendees: 60, recordedAt: new Date() }).where('id', '=', planned).execute();
    // Changing and removing an online action does too.
    expect((await coordinator.patch(`/api/v1/campaigns/${id}/online-actions/${post}`, { peopleReached: 5000, engagements: 100 })).statusCode).toBe(200);
    let figures = (await campaign(id)).figures;
    expect(figures).toMatchObject({ eventsHeld: 5, eventsPlanned: 0, municipalitiesCovered: 4, reachedOnline: 17000, engagements: 900, peopleReached: atEvents + 60 + 17000 });
    expect((await coordinator.delete(`/api/v1/campaigns/${id}/online-actions/${post}`)).statusCode).toBe(200);
    figures = (await campaign(id)).figures;
    expect(figures).toMatchObject({ reachedOnline: 12000, onlineActions: 1 });
  });

  it('changes an online action only within its own campaign', async () => {
    const mine = await createCampaign({ name: 'Прва', startsOn: '2025-01-01' });
    const theirs = await createCampaign({ name: 'Друга', startsOn: '2025-01-01' });
    const action = await addAction(mine, { kind: 'media', title: 'Гостовање на телевизији', happenedOn: '2025-02-01', peopleReached: 50000 });
    expect((await coordinator.patch(`/api/v1/campaigns/${theirs}/online-actions/${action}`, { title: 'Туђе' })).statusCode).toBe(404);
    expect((await coordinator.delete(`/api/v1/campaigns/${theirs}/online-actions/${action}`)).statusCode).toBe(404);
    expect((await coordinator.post('/api/v1/campaigns/3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f/online-actions', { kind: 'media', title: 'Ничија', happenedOn: '2025-02-01', peopleReached: 1 })).statusCode).toBe(404);
    expect((await campaign(mine)).onlineActions).toEqual([
      { id: action, kind: 'media', title: 'Гостовање на телевизији', platform: '', happenedOn: '2025-02-01', peopleReached: 50000, engagements: null, notes: '' },
    ]);
    const audit = await p.ctx.db.selectFrom('auditLog').select(['action', 'details']).where('action', 'like', 'campaign.online-action.%').where('recordId', '=', mine).execute();
    expect(audit).toEqual([{ action: 'campaign.online-action.create', details: { actionId: action, kind: 'media', peopleReached: 50000 } }]);
  });
});
