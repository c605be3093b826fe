// The peer-educator demo data: seeded once, minors with consent, the demo account `peer` linked
// and seeing its own sessions, and a session waiting for the demo coordinator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { seedPeersDemo } from './demo';

let p: TestPlatform;
let coordinator: Client;
let peer: Client;

beforeAll(async () => {
  p = await createTestPlatform();
  coordinator = await signIn(p.app, await createUser(p.ctx, { roles: ['prevention-coordinator'], username: 'coordinator' }));
  peer = await signIn(p.app, await createUser(p.ctx, { roles: ['peer-educator'], username: 'peer' }));
  await seedPeersDemo(p.ctx);
  await seedPeersDemo(p.ctx);
}, 120_000);
afterAll(async () => p?.close());

describe('peer-educator demo data', () => {
  it('is seeded once, with consent for every minor', async () => {
    const { cohorts } = (await coordinator.get('/api/v1/peer-cohorts')).json();
    expect(cohorts).toHaveLength(2);
    const { educators } = (await coordinator.get('/api/v1/peer-educators')).json();
    expect(educators).toHaveLength(8);
    for (const e of educators) expect(e.ageGroup === '18-24' || e.hasConsent, e.firstName).toBe(true);
    expect(educators.filter((e: { certifiedOn: string | null }) => e.certifiedOn).length).toBeGreaterThanOrEqual(3);
  });

  it('links the demo account peer, which sees only its own sessions', async () => {
    const me = (await peer.get('/api/v1/peer-educators/me')).json().educator;
    expect(me.firstName).toBe('Лука');
    const mine = (await peer.get('/api/v1/peer-sessions')).json().sessions;
    expect(mine.map((s: { status: string }) => s.status).sort()).toEqual(['confirmed', 'confirmed', 'submitted']);
    const waiting = (await coordinator.get('/api/v1/peer-sessions?status=submitted')).json().sessions;
    expect(waiting).toHaveLength(2);
  });
});
