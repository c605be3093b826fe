// Who may work the helpline mailbox (every role against every endpoint), bad input for every
// endpoint, the OpenAPI entries, and intake turned off without IMAP_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../common/roles';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../test/helpers/factories';
import { matrixTests, type MatrixAction } from '../../test/helpers/matrix';
import { expectRejectsBadInput } from '../../test/helpers/bad-input';
import { runJob } from '../jobs/index';
import { fetchInboxJob } from '../jobs/definitions/fetch-inbox';
import { fetchInbox, parseIncoming, storeIncomingMessage } from './intake';

let p: TestPlatform;
const clients = new Map<Role, Client>();
let threadId: string;
let attachmentId: string;
const SOME_ID = '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f';

beforeAll(async () => {
  p = await createTestPlatform();
  for (const role of ROLES) clients.set(role, await signIn(p.app, await createUser(p.ctx, { roles: [role] })));
  const raw = Buffer.from(
    [
      'From: dete@example.org',
      'Subject: Matrica',
      'Message-ID: <matrix@example.org>',
      'Content-Type: multipart/mixed; boundary="x"',
      '',
      '--x',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Tekst',
      '--x',
      'Content-Type: image/png',
      'Content-Disposition: attachment; filename="slika.png"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('not really a png').toString('base64'),
      '--x--',
      '',
    ].join('\r\n'),
  );
  const message = await parseIncoming(raw);
  const stored = await p.ctx.db.transaction().execute((trx) => storeIncomingMessage(p.ctx, trx, message));
  threadId = stored!.threadId;
  const attachment = await p.ctx.db.selectFrom('emailAttachments').select('id').where('messageId', '=', stored!.emailMessageId).executeTakeFirstOrThrow();
  attachmentId = attachment.id;
}, 120_000);
afterAll(async () => p?.close());

const workers = { counsellor: 200, supervisor: 200 } as const;
const ACTIONS: MatrixAction[] = [
  { name: 'list e-mail threads', method: 'GET', url: () => '/api/v1/inbox/threads', expect: { ...workers, otherwise: 403 } },
  { name: 'read an e-mail thread', method: 'GET', url: () => `/api/v1/inbox/threads/${threadId}`, expect: { ...workers, otherwise: 404 } },
  { name: 'download an e-mail attachment', method: 'GET', url: () => `/api/v1/inbox/threads/${threadId}/attachments/${attachmentId}`, expect: { ...workers, otherwise: 404 } },
  {
    name: 'reply to an e-mail thread',
    method: 'POST',
    url: () => `/api/v1/inbox/threads/${threadId}/replies`,
    body: () => ({ body: 'Одговор' }),
    expect: { counsellor: 201, supervisor: 201, otherwise: 404 },
  },
  { name: 'close an e-mail thread', method: 'POST', url: () => `/api/v1/inbox/threads/${threadId}/close`, expect: { ...workers, otherwise: 404 } },
];

describe('helpline mailbox permissions', () => {
  matrixTests(ACTIONS, () => clients, () => p.app);

  it('tells the console who may read the inbox', async () => {
    for (const role of ROLES) {
      const session = (await clients.get(role)!.get('/api/v1/session')).json();
      expect(session.user.abilities['inbox.read'], role).toBe(role === 'counsellor' || role === 'supervisor');
    }
  });
});

describe('helpline mailbox bad input', () => {
  it('refuses bad reply bodies with a 4xx naming the field', async () => {
    const counsellor = clients.get('counsellor')!;
    await expectRejectsBadInput(counsellor, { method: 'POST', url: `/api/v1/inbox/threads/${threadId}/replies`, valid: { body: 'x' }, required: 'body', wrongType: ['body', 5] });
    const blank = await counsellor.post(`/api/v1/inbox/threads/${threadId}/replies`, { body: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields).toHaveProperty('body');
    const long = await counsellor.post(`/api/v1/inbox/threads/${threadId}/replies`, { body: 'x'.repeat(20_001) });
    expect(long.json().error.fields).toHaveProperty('body');
  });

  it('refuses fields on close, and checks path and query parameters', async () => {
    const counsellor = clients.get('counsellor')!;
    await expectRejectsBadInput(counsellor, { method: 'POST', url: `/api/v1/inbox/threads/${threadId}/close`, valid: {}, wrongType: ['reason', 'bored'] });
    const cases: [string, string][] = [
      ['/api/v1/inbox/threads?status=pending', 'status'],
      ['/api/v1/inbox/threads?limit=5000', 'limit'],
      ['/api/v1/inbox/threads?before=yesterday', 'before'],
      ['/api/v1/inbox/threads?sort=subject', 'sort'],
      ['/api/v1/inbox/threads/not-a-uuid', 'id'],
      [`/api/v1/inbox/threads/not-a-uuid/attachments/${attachmentId}`, 'id'],
      [`/api/v1/inbox/threads/${threadId}/attachments/nope`, 'attachmentId'],
    ];
    for (const [url, field] of cases) {
      const response = await counsellor.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.fields, url).toHaveProperty(field);
    }
    for (const url of [`/api/v1/inbox/threads/not-a-uuid/replies`, `/api/v1/inbox/threads/not-a-uuid/close`]) {
      const response = await counsellor.post(url, { body: 'x' });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.fields, url).toHaveProperty('id');
    }
    // Unknown records are 404, never 500.
    expect((await counsellor.get(`/api/v1/inbox/threads/${SOME_ID}`)).statusCode).toBe(404);
    expect((await counsellor.get(`/api/v1/inbox/threads/${threadId}/attachments/${SOME_ID}`)).statusCode).toBe(404);
    expect((await counsellor.post(`/api/v1/inbox/threads/${SOME_ID}/replies`, { body: 'x' })).statusCode).toBe(404);
    expect((await counsellor.post(`/api/v1/inbox/threads/${SOME_ID}/close`)).statusCode).toBe(404);
  });

  it('pages the list with nextBefore, awaiting threads first', async () => {
    const counsellor = clients.get('counsellor')!;
    for (let i = 0; i < 3; i++) {
      const message = await parseIncoming(Buffer.from(`From: page${i}@example.org\r\nSubject: Strana ${i}\r\nMessage-ID: <page-${i}@example.org>\r\n\r\nTekst\r\n`));
      await p.ctx.db.transaction().execute((trx) => storeIncomingMessage(p.ctx, trx, message));
    }
    const all = (await counsellor.get('/api/v1/inbox/threads?limit=200')).json();
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: { threads: { id: string }[]; nextBefore: string | null } = (await counsellor.get(`/api/v1/inbox/threads?limit=2${before ? `&before=${before}` : ''}`)).json();
      seen.push(...page.threads.map((t) => t.id));
      before = page.nextBefore;
    } while (before);
    expect(seen).toEqual(all.threads.map((t: { id: string }) => t.id));
    const statuses: string[] = all.threads.map((t: { status: string }) => t.status);
    expect(statuses.indexOf('awaiting')).toBe(0);
    expect(statuses.lastIndexOf('awaiting')).toBeLessThan(statuses.findIndex((s) => s !== 'awaiting') === -1 ? Infinity : statuses.findIndex((s) => s !== 'awaiting'));
    expect(all.counts.awaiting).toBe(statuses.filter((s) => s === 'awaiting').length);
  });
});

describe('without IMAP_URL', () => {
  it('reads nothing, and the scheduled job succeeds doing nothing', async () => {
    expect(await fetchInbox(p.ctx)).toEqual({ status: 'not-configured', stored: 0, alreadyHeld: 0 });
    await runJob(p.ctx, fetchInboxJob, {});
    expect(fetchInboxJob.schedule).toBe('* * * * *');
    expect(p.ctx.jobs!.definitions.has('inbox.fetch')).toBe(true);
    // The console can say why the inbox is empty.
    expect((await clients.get('counsellor')!.get('/api/v1/inbox/threads')).json().isConfigured).toBe(false);
  });

  it('documents every inbox endpoint in /api/openapi.json', async () => {
    const doc = (await p.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/v1/inbox/threads'])).toContain('get');
    expect(Object.keys(doc.paths['/api/v1/inbox/threads/{id}'])).toContain('get');
    expect(Object.keys(doc.paths['/api/v1/inbox/threads/{id}/attachments/{attachmentId}'])).toContain('get');
    expect(Object.keys(doc.paths['/api/v1/inbox/threads/{id}/replies'])).toContain('post');
    expect(Object.keys(doc.paths['/api/v1/inbox/threads/{id}/close'])).toContain('post');
  });
});
