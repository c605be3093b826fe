// The demo quizzes: on the demo events, past presentations have before/after answers that show
// learning, the next presentation for pupils has a quiz ready to run, and a second start
// changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn } from '../../../test/helpers/factories';
import { seedEventsDemo } from '../events/demo';
import { seedQuizzesDemo } from './demo';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
}, 120_000);
afterAll(async () => p?.close());

describe('demo quizzes', () => {
  it('gives past presentations results that show learning and the next one a quiz to run, once', async () => {
    const coordinator = await createUser(p.ctx, { roles: ['prevention-coordinator'], username: 'coordinator' });
    await createUser(p.ctx, { roles: ['presenter'], username: 'presenter' });
    await seedEventsDemo(p.ctx);
    await seedQuizzesDemo(p.ctx);
    const quizzes = await p.ctx.db.selectFrom('eventQuizzes').innerJoin('events', 'events.id', 'eventQuizzes.eventId').select(['eventId', 'phase', 'code', 'events.startsAt']).execute();
    const past = quizzes.filter((q) => q.startsAt < new Date());
    const upcoming = quizzes.filter((q) => q.startsAt > new Date());
    expect(past.length).toBeGreaterThanOrEqual(2);
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0]).toMatchObject({ phase: 'closed', code: null });

    const client = await signIn(p.app, coordinator);
    for (const quiz of past) {
      const results = (await client.get(`/api/v1/events/${quiz.eventId}/quiz/results`)).json();
      expect(results.responses.pre).toBeGreaterThan(0);
      expect(results.responses.post).toBeGreaterThan(0);
      expect(results.overall.change).toBeGreaterThan(0.15);
      // The old code is expired: pupils get the "no longer valid" page.
      expect((await p.app.inject({ method: 'GET', url: `/q/${quiz.code}` })).statusCode).toBe(410);
    }
    const count = async () => (await p.ctx.db.selectFrom('quizResponses').select('id').execute()).length;
    const before = await count();
    await seedQuizzesDemo(p.ctx);
    expect(await count()).toBe(before);
  });
});
