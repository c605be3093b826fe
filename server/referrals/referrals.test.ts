// Forwarding a case to institutions: the e-mail to contact persons (no details), the
// institution's view (only its own referrals), acknowledgement, outcome, messages, deadlines
// over Serbian working days, the PDF dossier, and who may do what.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ROLES, type Role } from '../../common/roles';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, institutionId, signIn, type Client } from '../../test/helpers/factories';
import { mailText, startSmtpReceiver } from '../../test/helpers/smtp';
import { checkReferralDeadlines } from './referrals';

let p: TestPlatform;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let analyst: Client;
let prosecutor: Client;
let police: Client;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  p = await createTestPlatform({ PUBLIC_POW_DIFFICULTY: '0', PUBLIC_RATE_LIMIT_PER_HOUR: '1000', SMTP_URL: smtp.url, JOBS_ENABLED: 'true' });
  analyst = await signIn(p.app, await createUser(p.ctx, { roles: ['analyst'] }));
  const prosecutorUser = await createUser(p.ctx, { roles: ['institution-contact'], institution: 'vtk-prosecutor' });
  await p.ctx.db.updateTable('users').set({ email: 'tuzilastvo@example.org' }).where('id', '=', prosecutorUser.id).execute();
  prosecutor = await signIn(p.app, prosecutorUser);
  police = await signIn(p.app, await createUser(p.ctx, { roles: ['institution-contact'], institution: 'vtk-police' }));
});
afterAll(async () => {
  await p?.close();
  await smtp?.close();
});

async function caseWithReport(body: Record<string, unknown> = {}) {
  const report = await p.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    payload: { category: 'grooming', description: 'ОДРАСЛИ ТРАЖИ СЛИКЕ ОД ДЕТЕТА', urls: ['https://chat.example.org/u/lovac'], municipality: 'kragujevac', ...body },
  });
  const { reportId } = report.json();
  await analyst.post(`/api/v1/reports/${reportId}/assessments`, { classification: 'grooming', legalBasis: ['KZ-185b'], rationale: 'Тражи слике', isUrgent: true });
  const opened = await analyst.post('/api/v1/cases', { reportIds: [reportId] });
  expect(opened.statusCode, opened.body).toBe(201);
  return { reportId, caseId: opened.json().id as string };
}

describe('forwarding a case', () => {
  it('suggests institutions by rule, forwards, mails the contact person a link without details, and the institution acknowledges and records the outcome', async () => {
    const { reportId, caseId } = await caseWithReport();
    const routing = (await analyst.get(`/api/v1/cases/${caseId}/routing?isChildAtRiskAtHome=true`)).json();
    expect(routing.suggestions.map((s: { ruleId: string }) => s.ruleId)).toEqual(['csam-grooming', 'csam-grooming', 'child-at-risk']);
    const prosecutorId = await institutionId(p.ctx, 'vtk-prosecutor');
    expect(routing.suggestions[0].institutionId).toBe(prosecutorId);

    const before = smtp.received.length;
    const sent = await analyst.post(`/api/v1/cases/${caseId}/referrals`, { institutionId: prosecutorId, reason: 'Врбовање детета, тражи слике', urgency: 'urgent', legalBasis: ['KZ-185b'], routingRuleId: 'csam-grooming' });
    expect(sent.statusCode, sent.body).toBe(201);
    const referralId = sent.json().id;
    expect((await analyst.post(`/api/v1/cases/${caseId}/referrals`, { institutionId: prosecutorId, reason: 'опет', urgency: 'normal' })).statusCode).toBe(409);

    const forThisReferral = () => smtp.received.slice(before).filter((m) => m.to.includes('tuzilastvo@example.org') && mailText(m).includes(referralId));
    await expect.poll(() => forThisReferral().length, { timeout: 20_000, interval: 250 }).toBe(1);
    const mail = forThisReferral()[0]!;
    expect(mailText(mail)).toContain(`/console/referrals/${referralId}`);
    expect(mailText(mail)).toContain('пријавите се у Безбедно');
    expect(mailText(mail)).not.toMatch(/ОДРАСЛИ|lovac|Врбовање/);

    // The report is forwarded; the case is waiting for the institution.
    expect((await analyst.get(`/api/v1/reports/${reportId}`)).json().report.status).toBe('forwarded');

    const seen = (await prosecutor.get(`/api/v1/referrals/${referralId}`)).json().referral;
    expect(seen).toMatchObject({ urgency: 'urgent', status: 'sent', reason: 'Врбовање детета, тражи слике', legalBasis: ['KZ-185b'], reporterContact: null });
    expect(seen.findings[0]).toMatchObject({ description: 'ОДРАСЛИ ТРАЖИ СЛИКЕ ОД ДЕТЕТА', urls: ['https://chat.example.org/u/lovac'], classification: 'grooming' });
    const acknowledged = (await prosecutor.post(`/api/v1/referrals/${referralId}/acknowledgement`)).json().referral;
    expect(acknowledged.status).toBe('acknowledged');
    expect((await prosecutor.post(`/api/v1/referrals/${referralId}/messages`, { body: 'Потребан нам је снимак екрана разговора.' })).statusCode).toBe(200);
    expect((await analyst.post(`/api/v1/referrals/${referralId}/messages`, { body: 'Послаћемо преко званичног канала.' })).statusCode).toBe(200);
    const done = (await prosecutor.post(`/api/v1/referrals/${referralId}/outcome`, { outcome: 'proceedings-opened', note: 'Покренут предистражни поступак' })).json().referral;
    expect(done).toMatchObject({ status: 'closed', outcome: 'proceedings-opened' });
    expect(done.messages.map((m: { side: string }) => m.side)).toEqual(['institution', 'centre']);

    // Every step is on the case timeline.
    const timeline = (await analyst.get(`/api/v1/cases/${caseId}`)).json().case.timeline.map((e: { action: string }) => e.action);
    expect(timeline).toEqual(expect.arrayContaining(['case.create', 'report.assess', 'referral.create', 'referral.acknowledge', 'referral.message', 'referral.outcome']));
  });

  it("never shows another institution's referral: 404, and the attempt is audited", async () => {
    const { caseId } = await caseWithReport();
    const { id } = (await analyst.post(`/api/v1/cases/${caseId}/referrals`, { institutionId: await institutionId(p.ctx, 'vtk-prosecutor'), reason: 'за тужилаштво', urgency: 'normal' })).json();
    expect((await police.get(`/api/v1/referrals/${id}`)).statusCode).toBe(404);
    expect((await police.post(`/api/v1/referrals/${id}/acknowledgement`)).statusCode).toBe(404);
    expect((await police.get('/api/v1/referrals')).json().referrals.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await prosecutor.get('/api/v1/referrals')).json().referrals.map((r: { id: string }) => r.id)).toContain(id);
    const refused = await p.ctx.db.selectFrom('auditLog').select('action').where('recordId', '=', id).where('action', '=', 'referral.read-refused').execute();
    expect(refused.length).toBe(2);
  });

  it('shares the reporter\'s contact only when they agreed and the analyst chose to', async () => {
    const anonymousCase = await caseWithReport();
    const institution = await institutionId(p.ctx, 'vtk-prosecutor');
    const refused = await analyst.post(`/api/v1/cases/${anonymousCase.caseId}/referrals`, { institutionId: institution, reason: 'x', urgency: 'normal', includeReporterContact: true });
    expect(refused.json().error.fields).toHaveProperty('includeReporterContact');
    const agreed = await caseWithReport({ contact: { name: 'Мира', phone: '+381 64 111 2222', mayShareWithInstitutions: true } });
    const { id } = (await analyst.post(`/api/v1/cases/${agreed.caseId}/referrals`, { institutionId: institution, reason: 'x', urgency: 'normal', includeReporterContact: true })).json();
    expect((await prosecutor.get(`/api/v1/referrals/${id}`)).json().referral.reporterContact).toMatchObject({ name: 'Мира', phone: '+381 64 111 2222' });
  });

  it('gives a PDF dossier with a reference number and Cyrillic text', async () => {
    const { caseId } = await caseWithReport();
    const { id } = (await analyst.post(`/api/v1/cases/${caseId}/referrals`, { institutionId: await institutionId(p.ctx, 'vtk-police'), reason: 'Хитно поступање', urgency: 'urgent', legalBasis: ['KZ-185b'] })).json();
    const response = await police.get(`/api/v1/referrals/${id}/dossier.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
    const file = path.join(dir, 'd.pdf');
    fs.writeFileSync(file, response.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(text).toMatch(/BZ-\d{4}-\d{6}/);
    expect(text).toContain('Хитно поступање');
    expect(text).toContain('ОДРАСЛИ ТРАЖИ СЛИКЕ ОД ДЕТЕТА');
    expect(text).toContain('Искоришћавање рачунарске мреже');
  });
});

describe('approval by a supervisor', () => {
  it('holds an analyst\'s referral until a supervisor approves it, where settings say so', async () => {
    await p.ctx.db.insertInto('settings').values({ key: 'referralsNeedApproval', value: 'true' }).onConflict((oc) => oc.column('key').doUpdateSet({ value: 'true' })).execute();
    const { forgetCachedSettings } = await import('../settings/settings');
    forgetCachedSettings(p.ctx.db);
    try {
      const { caseId } = await caseWithReport();
      const before = smtp.received.length;
      const { id } = (await analyst.post(`/api/v1/cases/${caseId}/referrals`, { institutionId: await institutionId(p.ctx, 'vtk-prosecutor'), reason: 'на одобрење', urgency: 'normal' })).json();
      const pending = (await analyst.get(`/api/v1/referrals/${id}`)).json().referral;
      expect(pending).toMatchObject({ status: 'pending-approval', acknowledgementDueAt: null, isOverdue: false });
      expect((await prosecutor.get(`/api/v1/referrals/${id}`)).statusCode).toBe(404);
      expect((await prosecutor.get('/api/v1/referrals')).json().referrals.map((r: { id: string }) => r.id)).not.toContain(id);
      expect((await analyst.post(`/api/v1/referrals/${id}/approval`)).statusCode).toBe(403);
      const supervisor = await signIn(p.app, await createUser(p.ctx, { roles: ['supervisor'] }));
      const approved = (await supervisor.post(`/api/v1/referrals/${id}/approval`)).json().referral;
      expect(approved.status).toBe('sent');
      expect(approved.acknowledgementDueAt).not.toBeNull();
      expect((await prosecutor.get(`/api/v1/referrals/${id}`)).statusCode).toBe(200);
      expect((await supervisor.post(`/api/v1/referrals/${id}/approval`)).statusCode).toBe(409);
      // Mail from earlier tests may still be arriving: count only this referral's.
      await expect.poll(() => smtp.received.slice(before).filter((m) => m.to.includes('tuzilastvo@example.org') && mailText(m).includes(id)).length, { timeout: 20_000, interval: 250 }).toBe(1);
    } finally {
      await p.ctx.db.deleteFrom('settings').where('key', '=', 'referralsNeedApproval').execute();
      const { forgetCachedSettings } = await import('../settings/settings');
      forgetCachedSettings(p.ctx.db);
    }
  });
});

describe('institution API tokens', () => {
  it("lets an institution's own system read its referrals with a token: read-only, scoped, revocable, audited", async () => {
    const admin = await signIn(p.app, await createUser(p.ctx, { roles: ['administrator'] }));
    const prosecutorId = await institutionId(p.ctx, 'vtk-prosecutor');
    const policeId = await institutionId(p.ctx, 'vtk-police');
    expect((await analyst.post(`/api/v1/institutions/${prosecutorId}/api-tokens`, { name: 'x' })).statusCode).toBe(403);
    const created = await admin.post(`/api/v1/institutions/${prosecutorId}/api-tokens`, { name: 'Систем тужилаштва' });
    expect(created.statusCode).toBe(201);
    const { id: tokenId, token } = created.json();
    expect(token).toMatch(/^bzt_/);
    const { caseId } = await caseWithReport();
    const own = (await analyst.post(`/api/v1/cases/${caseId}/referrals`, { institutionId: prosecutorId, reason: 'за систем', urgency: 'normal' })).json().id;
    const other = (await analyst.post(`/api/v1/cases/${caseId}/referrals`, { institutionId: policeId, reason: 'за полицију', urgency: 'normal' })).json().id;
    const bearer = { authorization: `Bearer ${token}` };
    const list = await p.app.inject({ method: 'GET', url: '/api/v1/referrals', headers: bearer });
    expect(list.statusCode).toBe(200);
    const ids = list.json().referrals.map((r: { id: string }) => r.id);
    expect(ids).toContain(own);
    expect(ids).not.toContain(other);
    expect((await p.app.inject({ method: 'GET', url: `/api/v1/referrals/${own}`, headers: bearer })).statusCode).toBe(200);
    expect((await p.app.inject({ method: 'GET', url: `/api/v1/referrals/${other}`, headers: bearer })).statusCode).toBe(404);
    expect((await p.app.inject({ method: 'POST', url: `/api/v1/referrals/${own}/acknowledgement`, headers: bearer })).statusCode).toBe(401);
    const reads = await p.ctx.db.selectFrom('auditLog').select('actorUsername').where('recordId', '=', own).where('action', '=', 'referral.read').execute();
    expect(reads.map((r) => r.actorUsername)).toContain('api-token:Систем тужилаштва');
    const tokens = (await admin.get(`/api/v1/institutions/${prosecutorId}/api-tokens`)).json().tokens;
    expect(tokens[0]).toMatchObject({ id: tokenId, name: 'Систем тужилаштва', revokedAt: null });
    expect(JSON.stringify(tokens)).not.toContain(token);
    expect((await admin.delete(`/api/v1/institutions/${prosecutorId}/api-tokens/${tokenId}`)).statusCode).toBe(204);
    expect((await p.app.inject({ method: 'GET', url: '/api/v1/referrals', headers: bearer })).statusCode).toBe(401);
  });
});

describe('deadlines', () => {
  it('computes a normal deadline in Serbian working days and alerts supervisor and deputy when it passes, once', async () => {
    const supervisorUser = await createUser(p.ctx, { roles: ['supervisor'] });
    await p.ctx.db.updateTable('users').set({ email: 'supervizor@example.org' }).where('id', '=', supervisorUser.id).execute();
    const deputy = await createUser(p.ctx, { roles: ['institution-contact'], institution: 'csw-kragujevac' });
    await p.ctx.db.updateTable('users').set({ email: 'zamenik@example.org' }).where('id', '=', deputy.id).execute();
    const csw = await institutionId(p.ctx, 'csw-kragujevac');
    await p.ctx.db.updateTable('institutions').set({ deputyUserId: deputy.id }).where('id', '=', csw).execute();
    const { caseId } = await caseWithReport();
    const { id } = (await analyst.post(`/api/v1/cases/${caseId}/referrals`, { institutionId: csw, reason: 'Дете у ризику', urgency: 'normal' })).json();
    const row = await p.ctx.db.selectFrom('referrals').select(['sentAt', 'acknowledgementDueAt']).where('id', '=', id).executeTakeFirstOrThrow();
    const days = (row.acknowledgementDueAt!.getTime() - row.sentAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(2); // three working days: at least three calendar days minus today's hours
    expect(days).toBeLessThan(9); // ...and never more than a long holiday weekend

    // The deadline passes.
    await p.ctx.db.updateTable('referrals').set({ acknowledgementDueAt: sql<Date>`now() - interval '1 minute'` }).where('id', '=', id).execute();
    const before = smtp.received.length;
    const first = await checkReferralDeadlines(p.ctx);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    await expect.poll(() => smtp.received.slice(before).flatMap((m) => m.to), { timeout: 20_000, interval: 250 }).toEqual(expect.arrayContaining(['supervizor@example.org', 'zamenik@example.org']));
    expect((await checkReferralDeadlines(p.ctx)).overdue).toBe(0);
    const listed = (await analyst.get('/api/v1/referrals?isOverdue=true')).json().referrals.map((r: { id: string; isOverdue: boolean }) => [r.id, r.isOverdue]);
    expect(listed).toContainEqual([id, true]);
  });

  it('retries a mail whose receiver fails at first, and delivers it', async () => {
    let refusals = 2;
    const { SMTPServer } = await import('smtp-server');
    const received: string[] = [];
    const flaky = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(_address, _session, callback) {
        if (refusals > 0) {
          refusals--;
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        callback();
      },
      onData(stream, session, callback) {
        stream.on('data', () => {});
        stream.on('end', () => {
          received.push(session.envelope.rcptTo[0]!.address);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const port = (flaky.server.address() as { port: number }).port;
    const other = await createTestPlatform({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    try {
      const { queueMail, deliverMail } = await import('../mail/mail');
      const mailId = await other.ctx.db.transaction().execute((trx) => queueMail(other.ctx, trx, { to: 'kontakt@example.org', subject: 's', text: 't', purpose: 'test' }));
      // What the queue's retries do: try, fail, try again.
      await expect(deliverMail(other.ctx, mailId)).rejects.toThrow(/retried/);
      await expect(deliverMail(other.ctx, mailId)).rejects.toThrow(/retried/);
      await deliverMail(other.ctx, mailId);
      const row = await other.ctx.db.selectFrom('outgoingMail').selectAll().where('id', '=', mailId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
      expect(received).toEqual(['kontakt@example.org']);
    } finally {
      await other.close();
      await new Promise<void>((resolve) => flaky.close(() => resolve()));
    }
  });
});

describe('referral permissions', () => {
  it('lets only case workers forward, only the institution acknowledge, and nobody else see referrals', async () => {
    const { caseId } = await caseWithReport();
    const prosecutorId = await institutionId(p.ctx, 'vtk-prosecutor');
    const { id } = (await analyst.post(`/api/v1/cases/${caseId}/referrals`, { institutionId: prosecutorId, reason: 'матрица', urgency: 'normal' })).json();
    const expected: Record<Role, { list: number; read: number; forward: number; acknowledge: number }> = {
      administrator: { list: 403, read: 404, forward: 403, acknowledge: 404 },
      supervisor: { list: 200, read: 200, forward: 409, acknowledge: 403 },
      counsellor: { list: 403, read: 404, forward: 403, acknowledge: 404 },
      analyst: { list: 200, read: 200, forward: 409, acknowledge: 403 },
      'prevention-coordinator': { list: 403, read: 404, forward: 403, acknowledge: 404 },
      presenter: { list: 403, read: 404, forward: 403, acknowledge: 404 },
      'institution-contact': { list: 200, read: 200, forward: 403, acknowledge: 200 },
      'peer-educator': { list: 403, read: 404, forward: 403, acknowledge: 404 },
      dpo: { list: 403, read: 404, forward: 403, acknowledge: 404 },
    };
    for (const role of ROLES) {
      const client = await signIn(p.app, await createUser(p.ctx, { roles: [role], ...(role === 'institution-contact' ? { institution: 'vtk-prosecutor' } : {}) }));
      expect((await client.get('/api/v1/referrals')).statusCode, `${role} list`).toBe(expected[role].list);
      expect((await client.get(`/api/v1/referrals/${id}`)).statusCode, `${role} read`).toBe(expected[role].read);
      expect((await client.post(`/api/v1/cases/${caseId}/referrals`, { institutionId: prosecutorId, reason: 'x', urgency: 'normal' })).statusCode, `${role} forward`).toBe(expected[role].forward);
      expect((await client.post(`/api/v1/referrals/${id}/acknowledgement`)).statusCode, `${role} acknowledge`).toBe(expected[role].acknowledge);
    }
  });
});
