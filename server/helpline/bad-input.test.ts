// Every helpline and case endpoint that takes a body answers bad input with a 4xx naming the
// field; their query and path parameters are checked too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../test/helpers/factories';
import { expectRejectsBadInput, type BadInputCase } from '../../test/helpers/bad-input';

const SOME_ID = '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f';
let p: TestPlatform;
let supervisor: Client;
let contactId: string;
let caseId: string;
let taskId: string;

beforeAll(async () => {
  p = await createTestPlatform();
  supervisor = await signIn(p.app, await createUser(p.ctx, { roles: ['supervisor'] }));
  contactId = (await supervisor.post('/api/v1/contacts', { channel: 'phone', contactType: 'data' })).json().id;
  caseId = (await supervisor.post('/api/v1/cases', { contactIds: [contactId] })).json().id;
  taskId = (await supervisor.post(`/api/v1/cases/${caseId}/tasks`, { title: 'Рок', dueOn: '2030-01-01' })).json().id;
}, 120_000);
afterAll(async () => p?.close());

const cases = (): BadInputCase[] => [
  { method: 'POST', url: '/api/v1/contacts', valid: { channel: 'phone', contactType: 'data' }, required: 'channel', wrongType: ['ageGroup', 'teen'] },
  { method: 'POST', url: '/api/v1/contacts', valid: { channel: 'phone', contactType: 'data' }, required: 'contactType', wrongType: ['peripheralCategories', 'cyberbullying'] },
  { method: 'POST', url: '/api/v1/contacts', valid: { channel: 'phone', contactType: 'data' }, wrongType: ['callerIdentifier', '0641234567'] },
  { method: 'PATCH', url: `/api/v1/contacts/${contactId}`, valid: { summary: 'x' }, wrongType: ['outcome', 'solved'] },
  { method: 'PATCH', url: `/api/v1/contacts/${contactId}`, valid: { summary: 'x' }, wrongType: ['durationSeconds', -5] },
  { method: 'POST', url: `/api/v1/contacts/${contactId}/finalise`, valid: { outcome: 'advice-given' }, wrongType: ['callerType', 'alien'] },
  { method: 'POST', url: '/api/v1/contacts/lookup', valid: { identifier: '0641234567' }, required: 'identifier', wrongType: ['identifier', 641234567] },
  { method: 'POST', url: `/api/v1/contacts/${contactId}/report`, valid: { category: 'grooming', description: 'x' }, required: 'description', wrongType: ['category', 'spam'] },
  { method: 'POST', url: '/api/v1/cases', valid: { contactIds: [SOME_ID] }, wrongType: ['contactIds', [12]] },
  { method: 'PATCH', url: `/api/v1/cases/${caseId}`, valid: { status: 'closed' }, wrongType: ['status', 'done'] },
  { method: 'PATCH', url: `/api/v1/cases/${caseId}`, valid: { title: 'x' }, wrongType: ['assigneeId', 'me'] },
  { method: 'POST', url: `/api/v1/cases/${caseId}/links`, valid: { contactIds: [SOME_ID] }, wrongType: ['reportIds', 5] },
  { method: 'POST', url: `/api/v1/cases/${caseId}/tasks`, valid: { title: 'x', dueOn: '2030-01-01' }, required: 'dueOn', wrongType: ['dueOn', 'tomorrow'] },
  { method: 'PATCH', url: `/api/v1/cases/${caseId}/tasks/${taskId}`, valid: { done: true }, required: 'done', wrongType: ['done', 'yes'] },
  { method: 'POST', url: `/api/v1/cases/${caseId}/notes`, valid: { body: 'x' }, required: 'body', wrongType: ['body', 5] },
];

describe('bad input to the helpline and cases', () => {
  it('is refused with a 4xx naming the field, for every endpoint with a body', async () => {
    for (const c of cases()) await expectRejectsBadInput(supervisor, c);
  });

  it('refuses empty or blank required text and out-of-range values', async () => {
    const blank = await supervisor.post(`/api/v1/cases/${caseId}/notes`, { body: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields).toHaveProperty('body');
    const tooMany = await supervisor.post('/api/v1/contacts', { channel: 'phone', contactType: 'data', peripheralCategories: ['gaming'], adviceArticleIds: Array(21).fill(SOME_ID) });
    expect(tooMany.json().error.fields).toHaveProperty('adviceArticleIds');
    const shortIdentifier = await supervisor.post('/api/v1/contacts/lookup', { identifier: ' 1 ' });
    expect(shortIdentifier.json().error.fields).toHaveProperty('identifier');
    const badDate = await supervisor.post('/api/v1/contacts', { channel: 'phone', contactType: 'data', startedAt: 'yesterday' });
    expect(badDate.json().error.fields).toHaveProperty('startedAt');
    const badDay = await supervisor.post(`/api/v1/cases/${caseId}/tasks`, { title: 'x', dueOn: '2030-02-30' });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().error.fields).toHaveProperty('dueOn');
    // Nothing was written by any of it.
    expect((await supervisor.get(`/api/v1/cases/${caseId}`)).json().case.tasks).toHaveLength(1);
  });

  it('checks query and path parameters', async () => {
    for (const [url, field] of [
      ['/api/v1/contacts?channel=fax', 'channel'],
      ['/api/v1/contacts?category=boredom', 'category'],
      ['/api/v1/contacts?status=lost', 'status'],
      ['/api/v1/contacts?q=a', 'q'],
      ['/api/v1/contacts?municipality=atlantis', 'municipality'],
      ['/api/v1/contacts?counsellorId=you', 'counsellorId'],
      ['/api/v1/contacts?from=monday', 'from'],
      ['/api/v1/contacts?limit=0', 'limit'],
      ['/api/v1/contacts?limit=500', 'limit'],
      ['/api/v1/contacts?before=-3', 'before'],
      ['/api/v1/contacts?sort=name', 'sort'],
      ['/api/v1/contacts/not-a-uuid', 'id'],
      ['/api/v1/cases?status=lost', 'status'],
      ['/api/v1/cases?assigneeId=someone', 'assigneeId'],
      ['/api/v1/cases?limit=abc', 'limit'],
      ['/api/v1/cases/not-a-uuid', 'id'],
    ] as const) {
      const response = await supervisor.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.fields, url).toHaveProperty(field);
    }
    const badTask = await supervisor.patch(`/api/v1/cases/${caseId}/tasks/not-a-uuid`, { done: true });
    expect(badTask.statusCode).toBe(400);
    expect(badTask.json().error.fields).toHaveProperty('taskId');
  });
});
