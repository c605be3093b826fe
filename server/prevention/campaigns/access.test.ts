// Who may do what with campaigns and their online actions (every role against every action,
// plus nobody signed in), and bad input to each endpoint answered with a 4xx naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/roles';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { matrixTests, type MatrixAction } from '../../../test/helpers/matrix';
import { expectRejectsBadInput, type BadInputCase } from '../../../test/helpers/bad-input';

const SOME_ID = '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f';
let p: TestPlatform;
const clients = new Map<Role, Client>();
let campaignId: string;
let actionId: string;
/** Removed by the one role that may remove it. */
let doomedActionId: string;

const ACTION = { kind: 'social-post', title: 'Објава', happenedOn: '2024-05-01', peopleReached: 1500 };

beforeAll(async () => {
  p = await createTestPlatform();
  for (const role of ROLES) clients.set(role, await signIn(p.app, await createUser(p.ctx, { roles: [role] })));
  const coordinator = clients.get('prevention-coordinator')!;
  campaignId = (await coordinator.post('/api/v1/campaigns', { name: 'Матрица', startsOn: '2024-01-01' })).json().id;
  actionId = (await coordinator.post(`/api/v1/campaigns/${campaignId}/online-actions`, ACTION)).json().id;
  doomedActionId = (await coordinator.post(`/api/v1/campaigns/${campaignId}/online-actions`, ACTION)).json().id;
}, 120_000);
afterAll(async () => p?.close());

const readers = { 'prevention-coordinator': 200, presenter: 200, supervisor: 200, otherwise: 403 };
const managers = (status: number) => ({ 'prevention-coordinator': status, otherwise: 403 });
const ACTIONS: MatrixAction[] = [
  { name: 'list campaigns', method: 'GET', url: () => '/api/v1/campaigns', expect: readers },
  { name: 'read a campaign', method: 'GET', url: () => `/api/v1/campaigns/${campaignId}`, expect: readers },
  { name: 'read an unknown campaign', method: 'GET', url: () => `/api/v1/campaigns/${SOME_ID}`, expect: { 'prevention-coordinator': 404, presenter: 404, supervisor: 404, otherwise: 403 } },
  { name: 'start a campaign', method: 'POST', url: () => '/api/v1/campaigns', body: () => ({ name: 'Нова', startsOn: '2025-01-01' }), expect: managers(201) },
  { name: 'change a campaign', method: 'PATCH', url: () => `/api/v1/campaigns/${campaignId}`, body: () => ({ goal: 'Циљ' }), expect: managers(200) },
  { name: 'add an online action', method: 'POST', url: () => `/api/v1/campaigns/${campaignId}/online-actions`, body: () => ACTION, expect: managers(201) },
  { name: 'change an online action', method: 'PATCH', url: () => `/api/v1/campaigns/${campaignId}/online-actions/${actionId}`, body: () => ({ peopleReached: 2000 }), expect: managers(200) },
  { name: 'remove an online action', method: 'DELETE', url: () => `/api/v1/campaigns/${campaignId}/online-actions/${doomedActionId}`, expect: managers(200) },
];

describe('campaigns permission matrix', () => {
  matrixTests(ACTIONS, () => clients, () => p.app);
});

describe('bad input to campaigns', () => {
  const coordinator = () => clients.get('prevention-coordinator')!;
  const cases = (): BadInputCase[] => [
    { method: 'POST', url: '/api/v1/campaigns', valid: { name: 'Исправна', startsOn: '2024-01-01' }, required: 'startsOn', wrongType: ['startsOn', 'yesterday'] },
    { method: 'POST', url: '/api/v1/campaigns', valid: { name: 'Исправна', startsOn: '2024-01-01' }, required: 'name', wrongType: ['partners', [{ name: 'X', kind: 'celebrity' }]] },
    { method: 'PATCH', url: `/api/v1/campaigns/${campaignId}`, valid: { goal: 'x' }, wrongType: ['endsOn', '2024-02-30'] },
    { method: 'POST', url: `/api/v1/campaigns/${campaignId}/online-actions`, valid: ACTION, required: 'peopleReached', wrongType: ['peopleReached', -1] },
    { method: 'POST', url: `/api/v1/campaigns/${campaignId}/online-actions`, valid: ACTION, required: 'kind', wrongType: ['kind', 'billboard'] },
    { method: 'PATCH', url: `/api/v1/campaigns/${campaignId}/online-actions/${actionId}`, valid: { title: 'Наслов' }, wrongType: ['engagements', 'many'] },
  ];

  it('is refused with a 4xx naming the field, for every endpoint with a body', async () => {
    for (const c of cases()) await expectRejectsBadInput(coordinator(), c);
  });

  it('refuses bad path parameters, blank names and empty changes, and writes nothing', async () => {
    expect((await coordinator().get('/api/v1/campaigns/not-an-id')).json().error.fields).toHaveProperty('id');
    expect((await coordinator().delete(`/api/v1/campaigns/${campaignId}/online-actions/nope`)).json().error.fields).toHaveProperty('actionId');
    expect((await coordinator().post('/api/v1/campaigns', { name: '  ', startsOn: '2024-01-01' })).json().error.fields).toHaveProperty('name');
    expect((await coordinator().patch(`/api/v1/campaigns/${campaignId}`, {})).statusCode).toBe(400);
    expect((await coordinator().patch(`/api/v1/campaigns/${campaignId}/online-actions/${actionId}`, {})).statusCode).toBe(400);
    const tooManyPartners = Array.from({ length: 51 }, (_, i) => ({ name: `Партнер ${i}`, kind: 'company' }));
    expect((await coordinator().post('/api/v1/campaigns', { name: 'Много', startsOn: '2024-01-01', partners: tooManyPartners })).json().error.fields).toHaveProperty('partners');
    const names = await p.ctx.db.selectFrom('campaigns').select('name').where('name', 'in', ['Исправна', 'Много']).execute();
    expect(names).toEqual([]);
  });
});
