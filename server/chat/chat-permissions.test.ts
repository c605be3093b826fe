// The permission matrix of the live chat's staff endpoints, every role against every action
// (and nobody signed in: 401), and bad input for its endpoints with a body. The WebSocket
// checks (token, session, role, origin, holder) are in chat.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../common/roles';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, signIn, type Client, type TestUser } from '../../test/helpers/factories';
import { matrixTests, type MatrixAction } from '../../test/helpers/matrix';
import { expectRejectsBadInput } from '../../test/helpers/bad-input';
import { CHAT_ALWAYS_OPEN, setSettings } from '../../test/helpers/settings';

let p: TestPlatform;
const clients = new Map<Role, Client>();
let holder: Client;
let colleague: TestUser;
let heldForEnding: string;
let heldForTransfer: string;
let waiting: string;

async function openChat(): Promise<string> {
  const response = await p.app.inject({ method: 'POST', url: '/api/v1/chats', payload: { language: 'sr-Latn' } });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().chatId;
}

beforeAll(async () => {
  p = await createTestPlatform();
  await setSettings(p.ctx, CHAT_ALWAYS_OPEN);
  for (const role of ROLES) clients.set(role, await signIn(p.app, await createUser(p.ctx, { roles: [role] })));
  // Chats held by a counsellor who is not in the matrix: only a supervisor may act on them.
  holder = await signIn(p.app, await createUser(p.ctx, { roles: ['counsellor'] }));
  colleague = await createUser(p.ctx, { roles: ['counsellor'] });
  heldForEnding = await openChat();
  heldForTransfer = await openChat();
  for (const id of [heldForEnding, heldForTransfer]) await holder.post(`/api/v1/chats/${id}/accept`);
  waiting = await openChat();
}, 120_000);
afterAll(async () => p?.close());

const ACTIONS: MatrixAction[] = [
  { name: 'see the chat queue', method: 'GET', url: () => '/api/v1/chats', expect: { counsellor: 200, supervisor: 200, otherwise: 403 } },
  { name: 'read prepared replies', method: 'GET', url: () => '/api/v1/chat/snippets?language=en', expect: { counsellor: 200, supervisor: 200, otherwise: 403 } },
  { name: 'list counsellors to transfer to', method: 'GET', url: () => '/api/v1/chat/counsellors', expect: { counsellor: 200, supervisor: 200, otherwise: 403 } },
  { name: "end another counsellor's chat", method: 'POST', url: () => `/api/v1/chats/${heldForEnding}/end`, expect: { supervisor: 200, otherwise: 403 } },
  {
    name: "transfer another counsellor's chat",
    method: 'POST',
    url: () => `/api/v1/chats/${heldForTransfer}/transfer`,
    body: () => ({ counsellorId: colleague.id }),
    expect: { supervisor: 200, otherwise: 403 },
  },
];

describe('live chat permissions', () => {
  matrixTests(ACTIONS, () => clients, () => p.app);
  // Whether the chat is open is public (no "nobody signed in" refusal for it).
  for (const role of ROLES) {
    it(`${role} and anyone else may see whether the chat is open`, async () => {
      const response = await clients.get(role)!.get('/api/v1/chat/status');
      if (response.statusCode !== 200) throw new Error(response.body);
    });
  }

  it('answers bad input with a 4xx naming the field', async () => {
    const counsellor = clients.get('counsellor')!;
    await expectRejectsBadInput(counsellor, { method: 'POST', url: '/api/v1/chats', valid: { language: 'en' }, required: 'language', wrongType: ['ageGroup', 'ancient'] });
    await expectRejectsBadInput(counsellor, { method: 'POST', url: `/api/v1/chats/${waiting}/transfer`, valid: { counsellorId: colleague.id }, required: 'counsellorId', wrongType: ['counsellorId', 42] });
  });

  it('refuses opening hours that close before they open, naming the field', async () => {
    const admin = clients.get('administrator')!;
    const refused = await admin.patch('/api/v1/settings', { chatOpensAt: '20:00', chatClosesAt: '08:00' });
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json().error.fields)).toEqual(['chatClosesAt']);
    expect((await admin.patch('/api/v1/settings', { chatOpensAt: '00:00', chatClosesAt: '24:00' })).statusCode).toBe(200);
  });

  // Last: it uses up this address's chats for the hour.
  it('limits how many chats one address opens in an hour (PUBLIC_RATE_LIMIT_PER_HOUR)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await p.app.inject({ method: 'POST', url: '/api/v1/chats', payload: { language: 'en' } })).statusCode);
    expect(statuses).toContain(429);
    const refused = await p.app.inject({ method: 'POST', url: '/api/v1/chats', payload: { language: 'en' } });
    expect(refused.json().error).toMatchObject({ code: 'rate_limited' });
    expect(refused.json().error.retryAfterSeconds).toBeGreaterThan(0);
  });
});
