// Peer-educator records for this part's tests, made through the API as the console makes them
// (the cohort, the young person, the linked account, a recorded session).
import type { TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client, type TestUser } from '../../../test/helpers/factories';

let counter = 0;

async function created(response: { statusCode: number; body: string; json(): { id?: string; cohort?: { id: string } } }, status = 201): Promise<string> {
  if (response.statusCode !== status) throw new Error(`${response.statusCode}: ${response.body}`);
  const body = response.json();
  return body.id ?? body.cohort!.id;
}

export async function newCohort(coordinator: Client, name = `Ниш, пролеће ${++counter}`): Promise<string> {
  return created(await coordinator.post('/api/v1/peer-cohorts', { name, startsOn: '2026-02-01', endsOn: '2026-06-30' }));
}

/** An adult peer educator (18–24) unless the overrides say otherwise. */
export async function newEducator(coordinator: Client, cohortId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  return created(
    await coordinator.post('/api/v1/peer-educators', { cohortId, firstName: 'Мина', lastInitial: 'Ј', municipalityId: 'nis', ageGroup: '18-24', ...overrides }),
  );
}

export interface LinkedPeer {
  educatorId: string;
  user: TestUser;
  client: Client;
}

/**
 * A peer educator with a console account (role peer-educator) linked to the record, signed in.
 * `{ withTotp: false, isDemo: true }` gives an account the browser tests sign in with.
 */
export async function linkedPeer(
  p: TestPlatform,
  coordinator: Client,
  cohortId: string,
  overrides: Record<string, unknown> = {},
  account: { withTotp?: boolean; isDemo?: boolean } = {},
): Promise<LinkedPeer> {
  const educatorId = await newEducator(coordinator, cohortId, overrides);
  const user = await createUser(p.ctx, { roles: ['peer-educator'], ...account });
  const linked = await coordinator.put(`/api/v1/peer-educators/${educatorId}/account`, { userId: user.id });
  if (linked.statusCode !== 200) throw new Error(linked.body);
  return { educatorId, user, client: await signIn(p.app, user) };
}

export const SESSION = { heldOn: '2026-03-10', venue: 'Дом омладине', municipalityId: 'nis', peersReached: 18, topics: ['cyberbullying', 'privacy'], notes: 'Радионица у библиотеци.' };

export async function recordSession(peer: Client, overrides: Record<string, unknown> = {}): Promise<string> {
  return created(await peer.post('/api/v1/peer-sessions', { ...SESSION, ...overrides }));
}
