// The demo events: written once for the demo coordinator and presenter, never twice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser } from '../../../test/helpers/factories';
import { insertEvent } from '../../../test/helpers/prevention';
import { seedEventsDemo } from './demo';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
}, 180_000);
afterAll(async () => p?.close());

it('seeds held, cancelled and upcoming events for the demo presenter, once', async () => {
  const presenter = await createUser(p.ctx, { roles: ['presenter'], username: 'presenter' });
  await createUser(p.ctx, { roles: ['prevention-coordinator'], username: 'coordinator' });
  // The campaigns demo runs first and writes its tour stops.
  const campaign = await p.ctx.db.insertInto('campaigns').values({ name: 'Турнеја', startsOn: '2026-01-01', endsOn: null, partners: '[]' }).returning('id').executeTakeFirstOrThrow();
  await insertEvent(p.ctx, { type: 'campaign-city-stop', campaignId: campaign.id });
  await seedEventsDemo(p.ctx);
  const events = await p.ctx.db.selectFrom('events').select(['status', 'startsAt', 'pupilsPrimaryUpper']).where('campaignId', 'is', null).execute();
  expect(new Set(events.map((e) => e.status))).toEqual(new Set(['held', 'cancelled', 'planned']));
  expect(events.filter((e) => e.status === 'held').every((e) => e.pupilsPrimaryUpper !== null && e.startsAt < new Date())).toBe(true);
  const own = await p.ctx.db.selectFrom('eventPresenters').select('eventId').where('userId', '=', presenter.id).execute();
  expect(own.length).toBeGreaterThan(3);
  await seedEventsDemo(p.ctx);
  expect((await p.ctx.db.selectFrom('events').select('id').execute()).length).toBe(events.length + 1);
});
