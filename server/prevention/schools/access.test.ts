// Who may do what with the schools registry (every role against every action, plus nobody
// signed in), and bad input to each of its endpoints answered with a 4xx naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/roles';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { matrixTests, type MatrixAction } from '../../../test/helpers/matrix';
import { expectRejectsBadInput } from '../../../test/helpers/bad-input';
import { insertSchool } from '../../../test/helpers/prevention';
import { MAX_IMPORT_CHARS } from '../../../common/schemas/prevention/schools';

const SOME_ID = '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f';
let p: TestPlatform;
const clients = new Map<Role, Client>();
let schoolId: string;
let fresh = 0;
const freshName = () => `ОШ „Матрица ${++fresh}“`;

beforeAll(async () => {
  p = await createTestPlatform();
  for (const role of ROLES) clients.set(role, await signIn(p.app, await createUser(p.ctx, { roles: [role] })));
  schoolId = await insertSchool(p.ctx, { municipalityId: 'valjevo' });
}, 120_000);
afterAll(async () => p?.close());

const readers = { 'prevention-coordinator': 200, presenter: 200, 'peer-educator': 200, supervisor: 200, otherwise: 403 };
const ACTIONS: MatrixAction[] = [
  { name: 'list schools', method: 'GET', url: () => '/api/v1/schools', expect: readers },
  { name: 'search schools', method: 'GET', url: () => '/api/v1/schools?q=matrica&districtId=kolubarski&type=primary&limit=5', expect: readers },
  { name: 'read a school', method: 'GET', url: () => `/api/v1/schools/${schoolId}`, expect: readers },
  { name: 'read an unknown school', method: 'GET', url: () => `/api/v1/schools/${SOME_ID}`, expect: { 'prevention-coordinator': 404, presenter: 404, 'peer-educator': 404, supervisor: 404, otherwise: 403 } },
  { name: 'register a school', method: 'POST', url: () => '/api/v1/schools', body: () => ({ name: freshName(), type: 'primary', municipalityId: 'valjevo' }), expect: { 'prevention-coordinator': 201, otherwise: 403 } },
  { name: 'change a school', method: 'PATCH', url: () => `/api/v1/schools/${schoolId}`, body: () => ({ address: 'Карађорђева 5' }), expect: { 'prevention-coordinator': 200, otherwise: 403 } },
  {
    name: 'import schools',
    method: 'POST',
    url: () => '/api/v1/schools/import',
    body: () => ({ csv: `name,type,municipality\n${freshName()},основна,Ваљево` }),
    expect: { 'prevention-coordinator': 200, otherwise: 403 },
  },
  {
    name: 'try an import (dry run)',
    method: 'POST',
    url: () => '/api/v1/schools/import?dryRun=true',
    body: () => ({ csv: `name,type,municipality\n${freshName()},основна,Ваљево` }),
    expect: { 'prevention-coordinator': 200, otherwise: 403 },
  },
];

describe('schools permission matrix', () => {
  matrixTests(ACTIONS, () => clients, () => p.app);
});

describe('bad input to the schools registry', () => {
  const coordinator = () => clients.get('prevention-coordinator')!;
  const valid = { name: 'ОШ „Исправна“', type: 'primary', municipalityId: 'valjevo' };

  it('is refused with a 4xx naming the field, for every endpoint with a body', async () => {
    for (const c of [
      { method: 'POST' as const, url: '/api/v1/schools', valid, required: 'name', wrongType: ['type', 'college'] as [string, unknown] },
      { method: 'POST' as const, url: '/api/v1/schools', valid, required: 'municipalityId', wrongType: ['municipalityId', 'atlantis'] as [string, unknown] },
      { method: 'POST' as const, url: '/api/v1/schools', valid, required: 'type', wrongType: ['email', 'not-an-address'] as [string, unknown] },
      { method: 'POST' as const, url: '/api/v1/schools', valid, wrongType: ['phone', 'call me'] as [string, unknown] },
      { method: 'PATCH' as const, url: `/api/v1/schools/${schoolId}`, valid: { address: 'x' }, wrongType: ['isActive', 'yes'] as [string, unknown] },
      { method: 'PATCH' as const, url: `/api/v1/schools/${schoolId}`, valid: { address: 'x' }, wrongType: ['code', 'a b c'] as [string, unknown] },
      {
        method: 'POST' as const,
        url: '/api/v1/schools/import?dryRun=true',
        valid: { csv: 'name,type,municipality\nОШ,основна,Ниш' },
        required: 'csv',
        wrongType: ['csv', 5] as [string, unknown],
        bodyLimit: MAX_IMPORT_CHARS * 2 + 64 * 1024,
      },
    ]) {
      await expectRejectsBadInput(coordinator(), c);
    }
  });

  it('refuses bad query and path parameters, blank names and an empty change', async () => {
    for (const [url, field] of [
      ['/api/v1/schools?limit=0', 'limit'],
      ['/api/v1/schools?type=college', 'type'],
      ['/api/v1/schools?q=a', 'q'],
      ['/api/v1/schools?municipalityId=atlantis', 'municipalityId'],
      ['/api/v1/schools?surprise=1', 'surprise'],
      ['/api/v1/schools/not-an-id', 'id'],
    ] as const) {
      const response = await coordinator().get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.fields, url).toHaveProperty(field);
    }
    const dry = await coordinator().post('/api/v1/schools/import?dryRun=maybe', { csv: 'name,type,municipality\nОШ,основна,Ниш' });
    expect(dry.json().error.fields).toHaveProperty('dryRun');
    const blank = await coordinator().post('/api/v1/schools', { ...valid, name: '   ' });
    expect(blank.json().error.fields).toHaveProperty('name');
    const empty = await coordinator().patch(`/api/v1/schools/${schoolId}`, {});
    expect(empty.statusCode).toBe(400);
    const emptyCsv = await coordinator().post('/api/v1/schools/import', { csv: '' });
    expect(emptyCsv.json().error.fields).toHaveProperty('csv');
    // None of it registered anything.
    const names = await p.ctx.db.selectFrom('schools').select('name').where('name', 'in', ['ОШ „Исправна“', 'ОШ']).execute();
    expect(names).toEqual([]);
  });
});
