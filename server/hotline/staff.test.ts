// The analysts' queue and decisions: filters, search across scripts, versioned assessments,
// cases, escalation to a counsellor, exposure time, and who may see what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, signIn, type Client, type TestUser } from '../../test/helpers/factories';

let p: TestPlatform;
let analyst: Client;
let analystUser: TestUser;

beforeAll(async () => {
  p = await createTestPlatform({ PUBLIC_POW_DIFFICULTY: '0', PUBLIC_RATE_LIMIT_PER_HOUR: '1000' });
  analystUser = await createUser(p.ctx, { roles: ['analyst'] });
  analyst = await signIn(p.app, analystUser);
});
afterAll(async () => p?.close());

const submit = async (body: Record<string, unknown>) => {
  const response = await p.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { reportId: string; receipt: string };
};

describe('the queue', () => {
  it('lists urgent reports first, then the newest, with counts, filters and paging', async () => {
    const older = await submit({ category: 'hate-speech', description: 'Мржња у коментарима' });
    const urgent = await submit({ category: 'grooming', description: 'Непознат одрасли позива дете на састанак сутра' });
    const newer = await submit({ category: 'cyberbullying', description: 'Исмевају девојчицу у групи' });
    await analyst.post(`/api/v1/reports/${urgent.reportId}/assessments`, { classification: 'grooming', legalBasis: ['KZ-185b'], isUrgent: true, rationale: 'Договор о сусрету' });
    const queue = (await analyst.get('/api/v1/reports?limit=2')).json();
    expect(queue.reports[0].id).toBe(urgent.reportId);
    expect(queue.reports[0].isUrgent).toBe(true);
    expect(queue.reports[1].id).toBe(newer.reportId);
    expect(queue.counts.new).toBeGreaterThanOrEqual(2);
    expect(queue.counts['in-review']).toBeGreaterThanOrEqual(1);
    const next = (await analyst.get(`/api/v1/reports?limit=2&before=${queue.nextBefore}`)).json();
    expect(next.reports[0].id).toBe(older.reportId);
    expect((await analyst.get('/api/v1/reports?category=hate-speech')).json().reports.map((r: { id: string }) => r.id)).toContain(older.reportId);
    expect((await analyst.get('/api/v1/reports?status=in-review')).json().reports.map((r: { id: string }) => r.id)).toEqual([urgent.reportId]);
  });

  it('finds reports by words in any script, with or without diacritics, and by link', async () => {
    const { reportId } = await submit({ category: 'cyberbullying', description: 'Дечак из Ћуприје добија претње у ђачкој групи', urls: ['https://chat.example.org/Grupa-7B'] });
    for (const q of ['Ћуприје', 'Ćuprije', 'cuprije', 'ђачкој', 'djackoj', 'grupa-7b']) {
      const found = (await analyst.get(`/api/v1/reports?q=${encodeURIComponent(q)}`)).json().reports.map((r: { id: string }) => r.id);
      expect(found, q).toContain(reportId);
    }
    expect((await analyst.get('/api/v1/reports?q=nepostojece')).json().reports).toEqual([]);
  });

  it('shows mine and unassigned, after a claim', async () => {
    const { reportId } = await submit({ category: 'other', description: 'за преузимање' });
    expect((await analyst.get('/api/v1/reports?assigneeId=none')).json().reports.map((r: { id: string }) => r.id)).toContain(reportId);
    const claimed = (await analyst.post(`/api/v1/reports/${reportId}/claim`)).json().report;
    expect(claimed).toMatchObject({ assigneeId: analystUser.id, status: 'in-review' });
    expect((await analyst.get('/api/v1/reports?assigneeId=me')).json().reports.map((r: { id: string }) => r.id)).toContain(reportId);
  });
});

describe('decisions on a report', () => {
  it('keeps every version of the assessment (a second opinion does not erase the first)', async () => {
    const { reportId } = await submit({ category: 'csam', description: 'линк', urls: ['http://img.example/x.jpg'] });
    const second = await signIn(p.app, await createUser(p.ctx, { roles: ['supervisor'] }));
    await analyst.post(`/api/v1/reports/${reportId}/assessments`, { classification: 'csam-not-illegal', rationale: 'Не види се узраст', siteType: 'image-host' });
    const after = (await second.post(`/api/v1/reports/${reportId}/assessments`, { classification: 'csam-baseline', legalBasis: ['KZ-185'], victimAgeGroup: 'pre-pubescent', victimGender: 'female', hostingCountry: 'NL', rationale: 'Друго мишљење: дете млађе од 13' })).json().report;
    expect(after.assessments.map((a: { version: number; classification: string }) => [a.version, a.classification])).toEqual([
      [2, 'csam-baseline'],
      [1, 'csam-not-illegal'],
    ]);
    expect(after.assessments[0]).toMatchObject({ legalBasis: ['KZ-185'], legalBasisVersion: 'kz-rs-2024', hostingCountry: 'NL' });
    const bad = await analyst.post(`/api/v1/reports/${reportId}/assessments`, { classification: 'csam-baseline', legalBasis: ['KZ-999'], rationale: 'x' });
    expect(bad.json().error.fields).toHaveProperty('legalBasis');
    const audit = await p.ctx.db.selectFrom('auditLog').select('action').where('recordId', '=', reportId).where('action', '=', 'report.assess').execute();
    expect(audit).toHaveLength(2);
  });

  it('closes with a reason, marks notice and takedown, and opens or joins a case', async () => {
    const a = await submit({ category: 'harmful-content', description: 'изазов који угрожава децу', urls: ['https://video.example/challenge'] });
    const b = await submit({ category: 'harmful-content', description: 'исти изазов', urls: ['https://video.example/challenge'] });
    const ntd = (await analyst.post(`/api/v1/reports/${a.reportId}/notice-takedown`, { note: 'Пријављено платформи преко обрасца' })).json().report;
    expect(ntd.noticeTakedownAt).not.toBeNull();
    const opened = (await analyst.post(`/api/v1/reports/${a.reportId}/case`, {})).json().report;
    expect(opened.caseId).toBeTruthy();
    const joined = (await analyst.post(`/api/v1/reports/${b.reportId}/case`, { caseId: opened.caseId })).json().report;
    expect(joined.caseId).toBe(opened.caseId);
    const unknownCase = await analyst.post(`/api/v1/reports/${b.reportId}/case`, { caseId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownCase.json().error.fields).toHaveProperty('caseId');
    const closed = (await analyst.post(`/api/v1/reports/${b.reportId}/close`, { reason: 'duplicate', note: 'Исто као прва пријава' })).json().report;
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'duplicate', closeNote: 'Исто као прва пријава' });
    expect((await analyst.post(`/api/v1/reports/${b.reportId}/messages`, { body: 'још нешто?' })).statusCode).toBe(409);
  });

  it('counts time on abuse-material reports per analyst per day and warns at the limit', async () => {
    const csam = await submit({ category: 'csam', description: 'линк', urls: ['http://img.example/y.jpg'] });
    const other = await submit({ category: 'other', description: 'друго' });
    await p.ctx.db.insertInto('settings').values({ key: 'csamDailyLimitMinutes', value: JSON.stringify(30) }).onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(30) })).execute();
    const { forgetCachedSettings } = await import('../settings/settings');
    forgetCachedSettings(p.ctx.db);
    let last = { todaySeconds: 0, limitSeconds: 0, isOverLimit: false };
    for (let i = 0; i < 15; i++) last = (await analyst.post(`/api/v1/reports/${csam.reportId}/exposure`, { seconds: 120 })).json();
    expect(last).toEqual({ todaySeconds: 1800, limitSeconds: 1800, isOverLimit: true });
    expect((await analyst.get('/api/v1/hotline/exposure')).json().isOverLimit).toBe(true);
    expect((await analyst.post(`/api/v1/reports/${other.reportId}/exposure`, { seconds: 30 })).statusCode).toBe(409);
    expect((await analyst.post(`/api/v1/reports/${csam.reportId}/exposure`, { seconds: 600 })).statusCode).toBe(400);
  });
});

describe('who sees reports', () => {
  it('lets a counsellor see only a report escalated to them, never abuse material, and read-only', async () => {
    const counsellorUser = await createUser(p.ctx, { roles: ['counsellor'] });
    const counsellor = await signIn(p.app, counsellorUser);
    const bullying = await submit({ category: 'cyberbullying', description: 'дете треба подршку', contact: { name: 'Ана', phone: '+381 11 123 456' } });
    const csam = await submit({ category: 'csam', description: 'линк', urls: ['http://img.example/z.jpg'] });
    expect((await counsellor.get(`/api/v1/reports/${bullying.reportId}`)).statusCode).toBe(404);
    expect((await analyst.post(`/api/v1/reports/${csam.reportId}/escalate`, { counsellorId: counsellorUser.id })).statusCode).toBe(409);
    expect((await analyst.post(`/api/v1/reports/${bullying.reportId}/escalate`, { counsellorId: analystUser.id })).json().error.fields).toHaveProperty('counsellorId');
    expect((await analyst.post(`/api/v1/reports/${bullying.reportId}/escalate`, { counsellorId: counsellorUser.id })).statusCode).toBe(200);
    const seen = await counsellor.get(`/api/v1/reports/${bullying.reportId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().report.contact).toMatchObject({ name: 'Ана', phone: '+381 11 123 456' });
    expect((await counsellor.get('/api/v1/reports')).json().reports.map((r: { id: string }) => r.id)).toEqual([bullying.reportId]);
    expect((await counsellor.post(`/api/v1/reports/${bullying.reportId}/close`, { reason: 'other' })).statusCode).toBe(403);
    expect((await counsellor.post(`/api/v1/reports/${bullying.reportId}/messages`, { body: 'здраво' })).statusCode).toBe(403);
  });
});
