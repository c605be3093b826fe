// The permission matrix of the helpline's contacts, cases and overview: every role against
// every action through the HTTP layer, plus nobody signed in (401). A record the caller may not
// know exists is 404; an action on a record they may see but not change is 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../common/roles';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../test/helpers/factories';
import { matrixTests, type MatrixAction } from '../../test/helpers/matrix';

const SOME_ID = '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f';
let p: TestPlatform;
const clients = new Map<Role, Client>();
let owner: Client;
/** A complete contact of another counsellor, in no case. */
let theirContact: string;
/** One of the matrix counsellor's own contacts. */
let myContact: string;
/** Another counsellor's contact, in another counsellor's case. */
let contactInCase: string;
let theirCase: string;
let theirTask: string;
/** A case the matrix counsellor opened. */
let myCase: string;
let myTask: string;
/** Fresh records for each successful "open a case". */
const freshReports: string[] = [];
const freshOwnContacts: string[] = [];
const freshContacts: string[] = [];

const COMPLETE = { channel: 'phone', contactType: 'data', callerType: 'child', primaryCategory: 'gaming', outcome: 'advice-given', summary: 'матрица' };

async function contactOf(client: Client, body: Record<string, unknown> = COMPLETE): Promise<string> {
  const response = await client.post('/api/v1/contacts', body);
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().id;
}
async function caseOf(client: Client, body: Record<string, unknown>): Promise<string> {
  const response = await client.post('/api/v1/cases', body);
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().id;
}
async function reportId(): Promise<string> {
  const response = await p.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { category: 'hate-speech', description: 'матрица', urls: ['https://forum.example/t/1'] } });
  return response.json().reportId;
}

beforeAll(async () => {
  p = await createTestPlatform({ PUBLIC_POW_DIFFICULTY: '0', PUBLIC_RATE_LIMIT_PER_HOUR: '1000' });
  for (const role of ROLES) clients.set(role, await signIn(p.app, await createUser(p.ctx, { roles: [role] })));
  owner = await signIn(p.app, await createUser(p.ctx, { roles: ['counsellor'] }));
  const counsellor = clients.get('counsellor')!;
  theirContact = await contactOf(owner);
  myContact = await contactOf(counsellor);
  contactInCase = await contactOf(owner);
  theirCase = await caseOf(owner, { contactIds: [contactInCase] });
  theirTask = (await owner.post(`/api/v1/cases/${theirCase}/tasks`, { title: 'Позвати', dueOn: '2030-01-01' })).json().id;
  myCase = await caseOf(counsellor, { contactIds: [await contactOf(counsellor)] });
  myTask = (await counsellor.post(`/api/v1/cases/${myCase}/tasks`, { title: 'Мој рок', dueOn: '2030-01-01' })).json().id;
  for (let i = 0; i < 3; i++) {
    freshReports.push(await reportId());
    freshOwnContacts.push(await contactOf(counsellor));
    freshContacts.push(await contactOf(owner));
  }
}, 120_000);
afterAll(async () => p?.close());

/** The role whose matrix test is running (the matrix names each test "<role> may…"). */
const currentRole = (): Role | undefined => {
  const name = expect.getState().currentTestName ?? '';
  return ROLES.find((role) => name.includes(`> ${role} may`));
};

/** What each case-working role may open a case from: a counsellor their contacts, an analyst reports, a supervisor both. */
function openCaseBody(): object {
  switch (currentRole()) {
    case 'counsellor':
      return { contactIds: [freshOwnContacts.pop()!] };
    case 'analyst':
      return { reportIds: [freshReports.pop()!] };
    case 'supervisor':
      return { reportIds: [freshReports.pop()!], contactIds: [freshContacts.pop()!] };
    default:
      return { contactIds: [SOME_ID] };
  }
}

const ACTIONS: MatrixAction[] = [
  // Contacts: counsellors and supervisors log and read all; analysts read those in a case.
  { name: 'log a contact', method: 'POST', url: () => '/api/v1/contacts', body: () => ({ channel: 'phone', contactType: 'data' }), expect: { counsellor: 201, supervisor: 201, otherwise: 403 } },
  { name: 'list contacts', method: 'GET', url: () => '/api/v1/contacts', expect: { counsellor: 200, supervisor: 200, analyst: 200, otherwise: 403 } },
  { name: 'search contacts', method: 'GET', url: () => '/api/v1/contacts?q=matrica&category=gaming&counsellorId=me', expect: { counsellor: 200, supervisor: 200, analyst: 200, otherwise: 403 } },
  { name: "read a colleague's contact", method: 'GET', url: () => `/api/v1/contacts/${theirContact}`, expect: { counsellor: 200, supervisor: 200, otherwise: 404 } },
  { name: 'read a contact in a case', method: 'GET', url: () => `/api/v1/contacts/${contactInCase}`, expect: { counsellor: 200, supervisor: 200, analyst: 200, otherwise: 404 } },
  { name: 'read an unknown contact', method: 'GET', url: () => `/api/v1/contacts/${SOME_ID}`, expect: { otherwise: 404 } },
  { name: 'change own contact', method: 'PATCH', url: () => `/api/v1/contacts/${myContact}`, body: () => ({ summary: 'исправка' }), expect: { counsellor: 200, supervisor: 200, otherwise: 404 } },
  {
    name: "change a colleague's contact",
    method: 'PATCH',
    url: () => `/api/v1/contacts/${theirContact}`,
    body: () => ({ summary: 'исправка' }),
    expect: { counsellor: 403, supervisor: 200, otherwise: 404 },
  },
  { name: 'change a contact in a case', method: 'PATCH', url: () => `/api/v1/contacts/${contactInCase}`, body: () => ({ summary: 'исправка' }), expect: { counsellor: 403, supervisor: 200, analyst: 403, otherwise: 404 } },
  { name: 'finalise own contact', method: 'POST', url: () => `/api/v1/contacts/${myContact}/finalise`, body: () => ({}), expect: { counsellor: 200, supervisor: 200, otherwise: 404 } },
  { name: "finalise a colleague's contact", method: 'POST', url: () => `/api/v1/contacts/${theirContact}/finalise`, body: () => ({}), expect: { counsellor: 403, supervisor: 200, otherwise: 404 } },
  { name: 'look up a repeat caller', method: 'POST', url: () => '/api/v1/contacts/lookup', body: () => ({ identifier: '064/123-4567' }), expect: { counsellor: 200, supervisor: 200, otherwise: 403 } },
  // Only the supervisor gets through (and escalates it once); everyone else is refused first.
  {
    name: "escalate a colleague's contact to the hotline",
    method: 'POST',
    url: () => `/api/v1/contacts/${theirContact}/report`,
    body: () => ({ category: 'hate-speech', description: 'из матрице', urls: ['https://forum.example/t/2'] }),
    expect: { counsellor: 403, supervisor: 201, otherwise: 404 },
  },
  // Cases: analysts and supervisors work all; a counsellor those assigned to or opened by them.
  { name: 'open a case', method: 'POST', url: () => '/api/v1/cases', body: openCaseBody, expect: { counsellor: 201, analyst: 201, supervisor: 201, otherwise: 403 } },
  { name: 'list cases', method: 'GET', url: () => '/api/v1/cases?status=active&assigneeId=me', expect: { counsellor: 200, analyst: 200, supervisor: 200, otherwise: 403 } },
  { name: "read a colleague's case", method: 'GET', url: () => `/api/v1/cases/${theirCase}`, expect: { analyst: 200, supervisor: 200, otherwise: 404 } },
  { name: 'read own case', method: 'GET', url: () => `/api/v1/cases/${myCase}`, expect: { counsellor: 200, analyst: 200, supervisor: 200, otherwise: 404 } },
  { name: 'read an unknown case', method: 'GET', url: () => `/api/v1/cases/${SOME_ID}`, expect: { otherwise: 404 } },
  { name: "change a colleague's case", method: 'PATCH', url: () => `/api/v1/cases/${theirCase}`, body: () => ({ priority: 'urgent' }), expect: { analyst: 200, supervisor: 200, otherwise: 404 } },
  { name: 'change own case', method: 'PATCH', url: () => `/api/v1/cases/${myCase}`, body: () => ({ status: 'in-progress' }), expect: { counsellor: 200, analyst: 200, supervisor: 200, otherwise: 404 } },
  { name: "add to a colleague's case", method: 'POST', url: () => `/api/v1/cases/${theirCase}/links`, body: () => ({ reportIds: [], contactIds: [] }), expect: { analyst: 200, supervisor: 200, otherwise: 404 } },
  { name: 'add to own case', method: 'POST', url: () => `/api/v1/cases/${myCase}/links`, body: () => ({ contactIds: [] }), expect: { counsellor: 200, analyst: 200, supervisor: 200, otherwise: 404 } },
  {
    name: "add a task to a colleague's case",
    method: 'POST',
    url: () => `/api/v1/cases/${theirCase}/tasks`,
    body: () => ({ title: 'Проверити', dueOn: '2030-02-01' }),
    expect: { analyst: 201, supervisor: 201, otherwise: 404 },
  },
  { name: 'add a task to own case', method: 'POST', url: () => `/api/v1/cases/${myCase}/tasks`, body: () => ({ title: 'Проверити', dueOn: '2030-02-01' }), expect: { counsellor: 201, analyst: 201, supervisor: 201, otherwise: 404 } },
  { name: "mark a task of a colleague's case done", method: 'PATCH', url: () => `/api/v1/cases/${theirCase}/tasks/${theirTask}`, body: () => ({ done: true }), expect: { analyst: 200, supervisor: 200, otherwise: 404 } },
  { name: 'mark a task of own case done', method: 'PATCH', url: () => `/api/v1/cases/${myCase}/tasks/${myTask}`, body: () => ({ done: true }), expect: { counsellor: 200, analyst: 200, supervisor: 200, otherwise: 404 } },
  { name: "note on a colleague's case", method: 'POST', url: () => `/api/v1/cases/${theirCase}/notes`, body: () => ({ body: 'белешка' }), expect: { analyst: 201, supervisor: 201, otherwise: 404 } },
  { name: 'note on own case', method: 'POST', url: () => `/api/v1/cases/${myCase}/notes`, body: () => ({ body: 'белешка' }), expect: { counsellor: 201, analyst: 201, supervisor: 201, otherwise: 404 } },
  // The live overview is the supervisors'.
  { name: 'see the helpline overview', method: 'GET', url: () => '/api/v1/helpline/overview', expect: { supervisor: 200, otherwise: 403 } },
];

describe('helpline permission matrix', () => {
  matrixTests(ACTIONS, () => clients, () => p.app);
});

describe('lists hold exactly what a single read allows (scope filter = record check)', () => {
  it('for every role that lists contacts', async () => {
    const all = new Set((await p.ctx.db.selectFrom('contacts').select('id').execute()).map((r) => r.id));
    for (const role of ['counsellor', 'supervisor', 'analyst'] as const) {
      const client = clients.get(role)!;
      const listed = new Set(((await client.get('/api/v1/contacts?limit=200')).json().contacts as { id: string }[]).map((c) => c.id));
      for (const id of all) {
        const status = (await client.get(`/api/v1/contacts/${id}`)).statusCode;
        expect(status, `${role} ${id}`).toBe(listed.has(id) ? 200 : 404);
      }
      if (role === 'analyst') expect(listed).toEqual(new Set([contactInCase, ...(await p.ctx.db.selectFrom('contacts').select('id').where('caseId', 'is not', null).execute()).map((r) => r.id)]));
      else expect(listed.size).toBe(all.size);
    }
  });

  it('for every role that lists cases', async () => {
    const all = (await p.ctx.db.selectFrom('cases').select('id').execute()).map((r) => r.id);
    expect(all.length).toBeGreaterThan(3);
    for (const role of ['counsellor', 'supervisor', 'analyst'] as const) {
      const client = clients.get(role)!;
      const listed = new Set(((await client.get('/api/v1/cases?limit=200')).json().cases as { id: string }[]).map((c) => c.id));
      for (const id of all) expect((await client.get(`/api/v1/cases/${id}`)).statusCode, `${role} ${id}`).toBe(listed.has(id) ? 200 : 404);
      if (role === 'counsellor') {
        expect(listed.has(myCase)).toBe(true);
        expect(listed.has(theirCase)).toBe(false);
      } else expect(listed.size).toBe(all.length);
    }
  });
});
