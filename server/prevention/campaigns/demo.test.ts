// The demo data of schools and campaigns: realistic, consistent with the API (the figures come
// out of the same queries), alongside the events demo, and seeded once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { seedSchoolsDemo } from '../schools/demo';
import { seedEventsDemo } from '../events/demo';
import { seedCampaignsDemo } from './demo';

let p: TestPlatform;
let coordinator: Client;

beforeAll(async () => {
  p = await createTestPlatform();
  coordinator = await signIn(p.app, await createUser(p.ctx, { roles: ['prevention-coordinator'], username: 'coordinator' }));
  await createUser(p.ctx, { roles: ['presenter'], username: 'presenter' });
}, 120_000);
afterAll(async () => p?.close());

describe('schools and campaigns demo', () => {
  it('seeds schools across Serbia, the 2023 campaign and the tour, once', async () => {
    for (let run = 0; run < 2; run++) {
      await seedSchoolsDemo(p.ctx);
      await seedEventsDemo(p.ctx);
      await seedCampaignsDemo(p.ctx);
    }
    const schools = (await coordinator.get('/api/v1/schools?limit=500')).json();
    expect(schools.total).toBeGreaterThanOrEqual(40);
    expect(new Set(schools.schools.map((s: { districtId: string }) => s.districtId)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(schools.schools.map((s: { type: string }) => s.type))).toEqual(new Set(['primary', 'secondary']));
    // Searchable in Latin although written in Cyrillic.
    expect((await coordinator.get('/api/v1/schools?q=uzicka')).json().schools.map((s: { name: string }) => s.name)).toEqual(['Ужичка гимназија']);

    const campaigns = (await coordinator.get('/api/v1/campaigns')).json().campaigns;
    expect(campaigns).toHaveLength(2);
    const respect = campaigns.find((c: { name: string }) => c.name === 'Покажи поштовање, реагуј на мржњу');
    expect(respect).toMatchObject({ startsOn: '2023-03-01', figures: { eventsHeld: 3, onlineActions: 5 } });
    expect(respect.partners.filter((x: { kind: string; note: string }) => x.kind === 'influencer' && x.note.includes('демо'))).toHaveLength(3);
    expect(respect.figures.peopleReached).toBe(respect.figures.audienceAtEvents + respect.figures.reachedOnline);

    const tourSummary = campaigns.find((c: { name: string }) => c.name.includes('турнеја'));
    const tour = (await coordinator.get(`/api/v1/campaigns/${tourSummary.id}`)).json().campaign;
    const statuses = tour.route.map((s: { status: string }) => s.status);
    expect(statuses).toContain('held');
    expect(statuses).toContain('planned');
    expect(statuses).toContain('cancelled');
    const times = tour.route.map((s: { startsAt: string }) => s.startsAt);
    expect(times).toEqual([...times].sort());
    expect(tour.route.map((s: { municipalityId: string }) => s.municipalityId)).toEqual(expect.arrayContaining(['kragujevac', 'cacak', 'vranje']));
    expect(tour.route.every((s: { type: string }) => s.type === 'campaign-city-stop')).toBe(true);
    const held = tour.route.filter((s: { status: string }) => s.status === 'held');
    expect(tour.figures.eventsHeld).toBe(held.length);
    expect(tour.figures.audienceAtEvents).toBe(held.reduce((sum: number, s: { audience: number }) => sum + s.audience, 0));
  });
});
