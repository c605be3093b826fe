// Who may do what with presentation requests: anyone (signed in or not) may ask; only
// prevention coordinators see the queue, read a request and decide it. Every role against every
// action through the HTTP layer, plus nobody signed in; then bad input for every body and query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/roles';
import { addDays, belgradeToday } from '../../../common/belgrade-time';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { matrixTests, type MatrixAction } from '../../../test/helpers/matrix';
import { expectRejectsBadInput } from '../../../test/helpers/bad-input';

const SOME_ID = '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f';
let p: TestPlatform;
const clients = new Map<Role, Client>();
let toRead: string;
let toAccept: string;
let toDecline: string;

const requestBody = () => ({
  organisation: 'ОШ „Матрица“',
  organisationType: 'primary-school',
  municipality: 'subotica',
  contactName: 'Мила Ковач',
  email: 'matrica@example.org',
  audience: { pupils: { 'primary-lower': { count: 50 } } },
  preferredDates: [{ date: addDays(belgradeToday(), 30), partOfDay: 'morning' }],
  language: 'sr-Cyrl',
});
const eventBody = () => ({ type: 'school-pupils', startsAt: `${addDays(belgradeToday(), 30)}T08:00:00Z`, durationMinutes: 45, venue: 'Сала', municipalityId: 'subotica' });

async function newRequest(): Promise<string> {
  const response = await p.app.inject({ method: 'POST', url: '/api/v1/presentation-requests', payload: requestBody() });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().id;
}

beforeAll(async () => {
  p = await createTestPlatform({ PUBLIC_RATE_LIMIT_PER_HOUR: '1000' });
  for (const role of ROLES) clients.set(role, await signIn(p.app, await createUser(p.ctx, { roles: [role] })));
  toRead = await newRequest();
  toAccept = await newRequest();
  toDecline = await newRequest();
});
afterAll(async () => p?.close());

describe('permission matrix', () => {
  const coordinatorOnly = (status: number) => ({ 'prevention-coordinator': status, otherwise: 403 });
  const actions: MatrixAction[] = [
    { name: 'see the queue', method: 'GET', url: () => '/api/v1/presentation-requests', expect: coordinatorOnly(200) },
    { name: "read a request with the requester's contact", method: 'GET', url: () => `/api/v1/presentation-requests/${toRead}`, expect: coordinatorOnly(200) },
    { name: 'accept a request', method: 'POST', url: () => `/api/v1/presentation-requests/${toAccept}/accept`, body: eventBody, expect: coordinatorOnly(200) },
    { name: 'decline a request', method: 'POST', url: () => `/api/v1/presentation-requests/${toDecline}/decline`, body: () => ({ reason: 'Немамо слободан термин.' }), expect: coordinatorOnly(200) },
  ];
  matrixTests(actions, () => clients, () => p.app);

  it('lets everyone ask for a presentation, signed in with any role or not at all', async () => {
    for (const role of ROLES) {
      const response = await clients.get(role)!.post('/api/v1/presentation-requests', requestBody());
      expect(response.statusCode, `${role}: ${response.body}`).toBe(201);
    }
    expect((await p.app.inject({ method: 'POST', url: '/api/v1/presentation-requests', payload: requestBody() })).statusCode).toBe(201);
  });

  it('refuses an unknown request with 404 to a coordinator, before anything is written', async () => {
    const coordinator = clients.get('prevention-coordinator')!;
    expect((await coordinator.get(`/api/v1/presentation-requests/${SOME_ID}`)).statusCode).toBe(404);
    expect((await coordinator.post(`/api/v1/presentation-requests/${SOME_ID}/accept`, eventBody())).statusCode).toBe(404);
    expect((await coordinator.post(`/api/v1/presentation-requests/${SOME_ID}/decline`, { reason: 'Нема таквог захтева.' })).statusCode).toBe(404);
  });
});

describe('bad input', () => {
  it('is refused with a 4xx naming the field, for every body', async () => {
    const coordinator = clients.get('prevention-coordinator')!;
    const target = await newRequest();
    await expectRejectsBadInput(coordinator, { method: 'POST', url: '/api/v1/presentation-requests', valid: requestBody(), required: 'preferredDates', wrongType: ['audience', 'many'] });
    await expectRejectsBadInput(coordinator, { method: 'POST', url: `/api/v1/presentation-requests/${target}/accept`, valid: eventBody(), required: 'startsAt', wrongType: ['presenterIds', 'Марко'] });
    await expectRejectsBadInput(coordinator, { method: 'POST', url: `/api/v1/presentation-requests/${target}/decline`, valid: { reason: 'Немамо слободан термин.' }, required: 'reason', wrongType: ['reason', 42] });
    // None of that decided it.
    expect((await coordinator.get(`/api/v1/presentation-requests/${target}`)).json().request.status).toBe('new');
  });

  it('checks the query and the path too', async () => {
    const coordinator = clients.get('prevention-coordinator')!;
    const cases: [string, string][] = [
      ['/api/v1/presentation-requests?status=pending', 'status'],
      ['/api/v1/presentation-requests?order=random', 'order'],
      ['/api/v1/presentation-requests?limit=5000', 'limit'],
      ['/api/v1/presentation-requests?cursor=-4', 'cursor'],
      ['/api/v1/presentation-requests?sort=name', 'sort'],
      ['/api/v1/presentation-requests/not-a-uuid', 'id'],
    ];
    for (const [url, field] of cases) {
      const response = await coordinator.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.fields, url).toHaveProperty(field);
    }
    const shortReason = await coordinator.post(`/api/v1/presentation-requests/${await newRequest()}/decline`, { reason: 'не' });
    expect(shortReason.json().error.fields).toHaveProperty('reason');
  });

  it('documents every route in the OpenAPI document, with the request body spelled out', async () => {
    const response = await p.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode, 'the OpenAPI document is built (a query schema with .meta({ id }) breaks it)').toBe(200);
    const doc = response.json();
    expect(Object.keys(doc.paths['/api/v1/presentation-requests'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/api/v1/presentation-requests/{id}'].get).toBeDefined();
    expect(doc.paths['/api/v1/presentation-requests/{id}/accept'].post).toBeDefined();
    expect(doc.paths['/api/v1/presentation-requests/{id}/decline'].post).toBeDefined();
    const schema = JSON.stringify(doc.paths['/api/v1/presentation-requests'].post.requestBody.content['application/json'].schema) + JSON.stringify(doc.components ?? {});
    for (const word of ['organisationType', 'preferredDates', 'partOfDay', 'primary-upper', 'grades', 'teachers', 'topics']) expect(schema).toContain(word);
  });
});
