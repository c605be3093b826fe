// The hotline through the HTTP layer: public submission and follow-up, de-duplication,
// the analysts' queue and decisions, mail to reporters, limits, and what is never stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { clientFor, createUser, signIn, type Client } from '../../test/helpers/factories';
import { expectRejectsBadInput } from '../../test/helpers/bad-input';
import { startSmtpReceiver } from '../../test/helpers/smtp';
import { solve } from './pow';
import { REPORT_BODY_LIMIT } from './routes';

let p: TestPlatform;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let analyst: Client;
let anonymous: Client;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  p = await createTestPlatform({ PUBLIC_POW_DIFFICULTY: '0', PUBLIC_RATE_LIMIT_PER_HOUR: '1000', SMTP_URL: smtp.url, JOBS_ENABLED: 'true' });
  analyst = await signIn(p.app, await createUser(p.ctx, { roles: ['analyst'] }));
  anonymous = clientFor(p.app, '', '');
});
afterAll(async () => {
  await p?.close();
  await smtp?.close();
});

const submit = (body: Record<string, unknown>, extra: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  p.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body, ...extra });

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');

describe('public submission', () => {
  it('commits an anonymous report and answers with a 16-digit receipt that is stored only as a keyed hash', async () => {
    const response = await submit({ category: 'grooming', description: 'Одрасли тражи слике од мог друга у игрици', urls: [], platform: 'game', childAgeGroup: '10-12', municipality: 'novi-sad', language: 'sr-Latn' });
    expect(response.statusCode).toBe(201);
    const { receipt, reportId } = response.json();
    expect(receipt).toMatch(/^\d{16}$/);
    const row = await p.ctx.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ category: 'grooming', platform: 'game', childAgeGroup: '10-12', municipality: 'novi-sad', language: 'sr-Latn', hasContact: false, contactEnc: null, status: 'new' });
    expect(JSON.stringify(row)).not.toContain(receipt);
    expect(row.receivedAt.getUTCMinutes()).toBe(0);
    expect(row.receivedAt.getUTCSeconds()).toBe(0);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    await expectRejectsBadInput(anonymous, { method: 'POST', url: '/api/v1/reports', valid: { category: 'other', description: 'x' }, required: 'description', wrongType: ['urls', 'not-a-list'], bodyLimit: REPORT_BODY_LIMIT });
    const cases: [Record<string, unknown>, string][] = [
      [{ category: 'csam', description: 'x', urls: [] }, 'urls'],
      [{ category: 'unknown', description: 'x' }, 'category'],
      [{ category: 'other', description: 'x', municipality: 'atlantis' }, 'municipality'],
      [{ category: 'other', description: 'x', urls: ['not a link at all'] }, 'urls.0'],
      [{ category: 'other', description: 'x', contact: { email: 'not-an-email' } }, 'contact.email'],
      [{ category: 'csam', description: 'x', urls: ['http://a.example/'], attachments: [{ contentType: 'image/png', dataBase64: PNG }] }, 'attachments'],
      [{ category: 'cyberbullying', description: 'x', attachments: [{ contentType: 'image/png', dataBase64: Buffer.from('GIF89a').toString('base64') }] }, 'attachments.0'],
    ];
    for (const [body, field] of cases) {
      const response = await submit(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json().error.fields)).toContain(field);
    }
    expect(await p.ctx.db.selectFrom('reports').select('id').where('description', '=', 'x').execute()).toHaveLength(0);
  });

  it('keeps screenshots encrypted, and shows them to an analyst only on request (audited)', async () => {
    const { reportId } = (await submit({ category: 'cyberbullying', description: 'Вређају га у групи', attachments: [{ contentType: 'image/png', dataBase64: PNG }] })).json();
    const stored = await p.ctx.db.selectFrom('reportAttachments').selectAll().where('reportId', '=', reportId).executeTakeFirstOrThrow();
    expect(stored.dataEnc).not.toContain(PNG.slice(0, 12));
    const detail = (await analyst.get(`/api/v1/reports/${reportId}`)).json().report;
    expect(detail.attachments).toHaveLength(1);
    const picture = await analyst.get(`/api/v1/reports/${reportId}/attachments/${detail.attachments[0].id}`);
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toBe('image/png');
    expect(picture.rawPayload.toString('base64')).toBe(PNG);
    const audit = await p.ctx.db.selectFrom('auditLog').select('action').where('recordId', '=', reportId).execute();
    expect(audit.map((a) => a.action)).toEqual(['report.read', 'report.attachment-view']);
  });
});

describe('de-duplication', () => {
  it('groups reports whose links have the same canonical form, and tells the analyst', async () => {
    const a = (await submit({ category: 'csam', description: 'prva', urls: ['HTTP://Bad.Example:80/a/./b/../c#frag'] })).json();
    const b = (await submit({ category: 'csam', description: 'druga', urls: ['http://bad.example/a/c'] })).json();
    const c = (await submit({ category: 'csam', description: 'treća', urls: ['http://bad.example/other'] })).json();
    const detailB = (await analyst.get(`/api/v1/reports/${b.reportId}`)).json().report;
    expect(detailB.urls[0].canonicalUrl).toBe('http://bad.example/a/c');
    expect(detailB.contentItems[0].reportCount).toBe(2);
    expect(detailB.contentItems[0].otherReports.map((r: { id: string }) => r.id)).toEqual([a.reportId]);
    const list = (await analyst.get('/api/v1/reports?category=csam&limit=200')).json().reports as { id: string; urls: { contentId: string }[] }[];
    const contentOf = (id: string) => list.find((r) => r.id === id)!.urls[0]!.contentId;
    expect(contentOf(a.reportId)).toBe(contentOf(b.reportId));
    expect(contentOf(c.reportId)).not.toBe(contentOf(a.reportId));

    // An assessment of one report shows on the shared content item.
    await analyst.post(`/api/v1/reports/${a.reportId}/assessments`, { classification: 'csam-national', legalBasis: ['KZ-185'], rationale: 'Јасно', siteType: 'image-host' });
    expect((await analyst.get(`/api/v1/reports/${b.reportId}`)).json().report.contentItems[0].latestClassification).toBe('csam-national');
  });
});

describe('follow-up with the receipt', () => {
  it('lets the reporter see the status and exchange messages with the analyst, never learning who they are', async () => {
    const { receipt, reportId } = (await submit({ category: 'sextortion', description: 'Прети да ће објавити слике' })).json();
    const first = await anonymous.post('/api/v1/reports/follow-up', { receipt: receipt.replace(/(\d{4})/g, '$1 ').trim() });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'received', category: 'sextortion', messages: [] });

    const asked = await analyst.post(`/api/v1/reports/${reportId}/messages`, { body: 'Да ли знаш корисничко име те особе?' });
    expect(asked.json().report.status).toBe('waiting-reporter');
    const second = (await anonymous.post('/api/v1/reports/follow-up', { receipt })).json();
    expect(second.status).toBe('being-reviewed');
    expect(second.messages).toEqual([{ author: 'centre', body: 'Да ли знаш корисничко име те особе?', sentOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);

    expect((await anonymous.post('/api/v1/reports/follow-up/messages', { receipt, body: 'Да, зове се lovac123' })).statusCode).toBe(201);
    const detail = (await analyst.get(`/api/v1/reports/${reportId}`)).json().report;
    expect(detail.status).toBe('in-review');
    expect(detail.messages.map((m: { author: string }) => m.author)).toEqual(['centre', 'reporter']);
    const stored = await p.ctx.db.selectFrom('reportMessages').select('sentAt').where('reportId', '=', reportId).where('author', '=', 'reporter').executeTakeFirstOrThrow();
    expect(stored.sentAt.getUTCMinutes()).toBe(0);
  });

  it('answers a wrong and an expired receipt alike, with 404', async () => {
    const { receipt, reportId } = (await submit({ category: 'other', description: 'нешто' })).json();
    const wrong = await anonymous.post('/api/v1/reports/follow-up', { receipt: '0000000000000000' });
    expect(wrong.statusCode).toBe(404);
    await p.ctx.db.updateTable('reports').set({ receiptActiveOn: '2020-01-01' }).where('id', '=', reportId).execute();
    const expired = await anonymous.post('/api/v1/reports/follow-up', { receipt });
    expect(expired.statusCode).toBe(404);
    expect(expired.json()).toEqual(wrong.json());
  });
});

describe('mail to reporters who left an e-mail address', () => {
  it('sends a short confirmation and a note when the report is closed, with no details of the report', async () => {
    const toMira = () => smtp.received.filter((m) => m.to.includes('mira@example.org'));
    const { reportId } = (await submit({ category: 'hate-speech', description: 'ТАЈНИ ОПИС ПРИЈАВЕ', contact: { name: 'Мира', email: 'mira@example.org' }, language: 'en' })).json();
    await expect.poll(() => toMira().length, { timeout: 20_000, interval: 250 }).toBe(1);
    const confirmation = toMira()[0]!;
    expect(confirmation.to).toEqual(['mira@example.org']);
    expect(confirmation.raw).toContain('We received your report');
    expect(confirmation.raw).not.toMatch(/ТАЈНИ|hate|Мира/i);
    // The address is encrypted at rest, and the job queue carries only the message id.
    expect(JSON.stringify(await p.ctx.db.selectFrom('reports').selectAll().where('id', '=', reportId).execute())).not.toContain('mira@');
    const jobs = await sql<{ data: unknown }>`SELECT data FROM pgboss.job WHERE name = 'mail.send'`.execute(p.ctx.db);
    expect(JSON.stringify(jobs.rows)).not.toContain('mira@');

    // Supervisors see it in the mailbox, with its delivery state.
    const supervisor = await signIn(p.app, await createUser(p.ctx, { roles: ['supervisor'] }));
    const mailbox = (await supervisor.get('/api/v1/mailbox')).json();
    expect(mailbox.isDemo).toBe(false);
    expect(mailbox.messages.find((m: { to: string }) => m.to === 'mira@example.org')).toMatchObject({ purpose: 'report-received', status: 'sent', attempts: 1 });

    await analyst.post(`/api/v1/reports/${reportId}/close`, { reason: 'content-removed' });
    await expect.poll(() => toMira().length, { timeout: 20_000, interval: 250 }).toBe(2);
    expect(toMira()[1]!.raw).toContain('We have finished with your report');
  });

  it('retries a failed send and keeps the message until it goes', async () => {
    const { deliverMail } = await import('../mail/mail');
    const down = await createTestPlatform({ SMTP_URL: 'smtp://127.0.0.1:1', PUBLIC_POW_DIFFICULTY: '0' });
    try {
      const { queueMail } = await import('../mail/mail');
      const id = await down.ctx.db.transaction().execute((trx) => queueMail(down.ctx, trx, { to: 'x@example.org', subject: 's', text: 't', purpose: 'test' }));
      await expect(deliverMail(down.ctx, id)).rejects.toThrow(/retried/);
      const row = await down.ctx.db.selectFrom('outgoingMail').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'queued', attempts: 1 });
      expect(row.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      const job = await sql<{ retryLimit: number }>`SELECT retry_limit FROM pgboss.job WHERE name = 'mail.send'`.execute(down.ctx.db);
      expect(job.rows[0]!.retryLimit).toBe(8);
    } finally {
      await down.close();
    }
  });
});

describe('limits', () => {
  it('refuses a flood from one address with a 429 saying when to retry, the API and the form counting together', async () => {
    const limited = await createTestPlatform({ PUBLIC_POW_DIFFICULTY: '0', PUBLIC_RATE_LIMIT_PER_HOUR: '2' });
    try {
      const send = () => limited.app.inject({ method: 'POST', url: '/api/v1/reports', remoteAddress: '192.0.2.9', payload: { category: 'other', description: 'flood' } });
      expect((await send()).statusCode).toBe(201);
      const form = await limited.app.inject({ method: 'POST', url: '/report', remoteAddress: '192.0.2.9', payload: 'category=other&description=flood', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(form.statusCode).toBe(200);
      const refused = await send();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('rate_limited');
      expect(refused.json().error.retryAfterSeconds).toBeGreaterThan(0);
      const refusedForm = await limited.app.inject({ method: 'POST', url: '/report', remoteAddress: '192.0.2.9', payload: 'category=other&description=flood', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(refusedForm.statusCode).toBe(429);
      expect(refusedForm.headers['content-type']).toContain('text/html');
      // Another address is not affected, and staff work on.
      expect((await limited.app.inject({ method: 'POST', url: '/api/v1/reports', remoteAddress: '192.0.2.10', payload: { category: 'other', description: 'ok' } })).statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it('requires proof of work when set, once per challenge', async () => {
    const strict = await createTestPlatform({ PUBLIC_POW_DIFFICULTY: '8' });
    try {
      const body = { category: 'other', description: 'с доказом рада' };
      const missing = await strict.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.fields).toHaveProperty('pow');
      const { challenge, difficulty } = (await strict.app.inject({ method: 'GET', url: '/api/v1/reports/challenge' })).json();
      expect(difficulty).toBe(8);
      const pow = { challenge, nonce: solve(challenge, difficulty) };
      expect((await strict.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { ...body, pow } })).statusCode).toBe(201);
      const reused = await strict.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { ...body, pow } });
      expect(reused.statusCode).toBe(400);
      const forged = `${challenge.split('.').slice(0, 3).join('.')}.${'0'.repeat(32)}`;
      expect((await strict.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { ...body, pow: { challenge: forged, nonce: solve(forged, 8) } } })).statusCode).toBe(400);
      const wrongWork = await strict.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { ...body, pow: { challenge: (await strict.app.inject({ method: 'GET', url: '/api/v1/reports/challenge' })).json().challenge, nonce: 'nope' } } });
      expect(wrongWork.statusCode).toBe(400);
    } finally {
      await strict.close();
    }
  });
});

describe('privacy of reporters', () => {
  it('keeps no IP address or user agent of a public submission in any table or in the logs', async () => {
    const address = '198.51.100.223';
    const agent = 'ReporterPhone/7.1 (Sekretni uređaj)';
    const logStart = p.logs.length;
    const api = await submit({ category: 'cyberbullying', description: 'приватност', contact: { phone: '+381 64 123 4567' } }, { remoteAddress: address, headers: { 'user-agent': agent, 'x-forwarded-for': address } });
    expect(api.statusCode).toBe(201);
    const form = await p.app.inject({
      method: 'POST',
      url: '/report',
      remoteAddress: address,
      headers: { 'user-agent': agent, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'category=other&description=%D0%BF%D1%80%D0%B8%D0%B2%D0%B0%D1%82%D0%BD%D0%BE%D1%81%D1%82',
    });
    expect(form.statusCode).toBe(200);
    await anonymous.request({ method: 'POST', url: '/api/v1/reports/follow-up', remoteAddress: address, headers: { 'user-agent': agent }, payload: { receipt: api.json().receipt } });

    const tables = await sql<{ schemaname: string; tablename: string }>`
      SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('public', 'pgboss')`.execute(p.ctx.db);
    expect(tables.rows.length).toBeGreaterThan(10);
    for (const { schemaname, tablename } of tables.rows) {
      const dump = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(`${schemaname}.${tablename}`)} t`.execute(p.ctx.db);
      const text = dump.rows.map((r) => r.row).join('\n');
      expect(text, `${schemaname}.${tablename}`).not.toContain(address);
      expect(text, `${schemaname}.${tablename}`).not.toContain('ReporterPhone');
      expect(text, `${schemaname}.${tablename}`).not.toContain('123 4567');
    }
    const logs = p.logs.slice(logStart).join('\n');
    expect(logs).not.toContain(address);
    expect(logs).not.toContain('ReporterPhone');
    // Not even a line with the precise time of the submission.
    expect(logs).not.toMatch(/\/api\/v1\/reports|"url":"\/report/);
  });
});
