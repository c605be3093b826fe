// Presentation requests end to end: the public API and the no-JavaScript form (committed before
// the answer, validated field by field, limited per address), the requester's details encrypted
// and nothing kept of the connection, the coordinators' queue, accepting (the event is scheduled
// in the same transaction) and declining, one decision only, and the e-mails at a real SMTP
// receiver in the request's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client, type TestUser } from '../../../test/helpers/factories';
import { insertSchool } from '../../../test/helpers/prevention';
import { mailText, startSmtpReceiver, type ReceivedMail } from '../../../test/helpers/smtp';
import { addDays, belgradeInstant, belgradeToday } from '../../../common/belgrade-time';
import { seedRequestsDemo } from './demo';

let p: TestPlatform;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let coordinator: Client;
let presenterUser: TestUser;

const inDays = (days: number) => addDays(belgradeToday(), days);
let counter = 0;
const uniqueEmail = () => `skola${++counter}-${Math.random().toString(36).slice(2, 7)}@example.org`;

function body(overrides: Record<string, unknown> = {}) {
  return {
    organisation: 'ОШ „Вук Караџић“',
    organisationType: 'primary-school',
    municipality: 'kragujevac',
    contactName: 'Јелена Петровић',
    email: uniqueEmail(),
    phone: '034 123 456',
    audience: { pupils: { 'primary-upper': { count: 120, grades: [7, 8] } }, parents: 30 },
    preferredDates: [
      { date: inDays(14), partOfDay: 'morning' },
      { date: inDays(21), partOfDay: 'any' },
    ],
    language: 'sr-Cyrl',
    topics: ['cyberbullying', 'privacy'],
    message: 'Имамо салу са пројектором.',
    ...overrides,
  };
}

const submit = (payload: object, extra: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  p.app.inject({ method: 'POST', url: '/api/v1/presentation-requests', payload, ...extra });

function postForm(fields: [string, string][], extra: { remoteAddress?: string; headers?: Record<string, string> } = {}) {
  return p.app.inject({
    method: 'POST',
    url: '/presentations',
    payload: new URLSearchParams(fields).toString(),
    remoteAddress: extra.remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...extra.headers },
  });
}

const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
async function waitForMail(address: string, count: number): Promise<ReceivedMail[]> {
  await expect.poll(() => mailTo(address).length, { timeout: 20_000, interval: 250 }).toBe(count);
  return mailTo(address);
}

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  p = await createTestPlatform({ SMTP_URL: smtp.url, JOBS_ENABLED: 'true', PUBLIC_RATE_LIMIT_PER_HOUR: '1000' });
  coordinator = await signIn(p.app, await createUser(p.ctx, { roles: ['prevention-coordinator'] }));
  presenterUser = await createUser(p.ctx, { roles: ['presenter'] });
  await p.ctx.db.updateTable('users').set({ displayName: 'Марко Јовановић' }).where('id', '=', presenterUser.id).execute();
});
afterAll(async () => {
  await p?.close();
  await smtp?.close();
});

describe('Belgrade time', () => {
  it('writes a wall-clock day and time with the offset of that day, summer or winter, across the clock changes', () => {
    expect(belgradeInstant('2026-01-15', '09:00')).toBe('2026-01-15T09:00:00+01:00');
    expect(belgradeInstant('2026-07-01', '18:30')).toBe('2026-07-01T18:30:00+02:00');
    expect(belgradeInstant('2026-03-29', '10:00')).toBe('2026-03-29T10:00:00+02:00');
    expect(belgradeInstant('2026-10-25', '10:00')).toBe('2026-10-25T10:00:00+01:00');
    for (const [day, time] of [['2026-03-28', '23:30'], ['2026-10-24', '23:30'], ['2026-12-31', '00:15']]) {
      const shown = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(belgradeInstant(day!, time!)));
      expect(shown).toBe(`${day}, ${time}`);
    }
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(belgradeToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});

describe('demo data', () => {
  it('seeds waiting, accepted and declined requests once, through the real use cases', async () => {
    await createUser(p.ctx, { roles: ['prevention-coordinator'], username: 'coordinator' });
    await createUser(p.ctx, { roles: ['presenter'], username: 'presenter' });
    await seedRequestsDemo(p.ctx);
    await seedRequestsDemo(p.ctx);
    const rows = await p.ctx.db.selectFrom('presentationRequests').select(['status', 'eventId', 'createdAt', 'language']).execute();
    expect(rows.map((r) => r.status).sort()).toEqual(['accepted', 'declined', 'new', 'new', 'new', 'new']);
    expect(rows.find((r) => r.status === 'accepted')!.eventId).toBeTruthy();
    expect(new Set(rows.map((r) => r.language))).toEqual(new Set(['sr-Cyrl', 'sr-Latn', 'en']));
    expect(Math.min(...rows.map((r) => r.createdAt.getTime()))).toBeLessThan(Date.now() - 7 * 86_400_000);
    await p.ctx.db.deleteFrom('presentationRequests').execute();
  });
});

describe('asking for a presentation', () => {
  it('answers 201 {id} only once the request and its confirmation e-mail are committed, and mails the number', async () => {
    const payload = body();
    const response = await submit(payload);
    expect(response.statusCode, response.body).toBe(201);
    expect(Object.keys(response.json())).toEqual(['id']);
    const { id } = response.json();
    const row = await p.ctx.db.selectFrom('presentationRequests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'new', organisation: 'ОШ „Вук Караџић“', organisationType: 'primary-school', municipalityId: 'kragujevac', districtId: 'sumadijski', language: 'sr-Cyrl', topics: ['cyberbullying', 'privacy'] });
    expect(row.audience).toEqual({ pupils: { 'primary-upper': { count: 120, grades: [7, 8] } }, parents: 30, teachers: 0 });
    expect(row.preferredDates).toEqual(payload.preferredDates);
    // Stored as confidential mail: the text (which names the request) is encrypted, hidden from the mailbox.
    const queued = await p.ctx.db.selectFrom('outgoingMail').select(['confidential', 'bodyText']).where('purpose', '=', 'presentation-request-received').execute();
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((m) => m.confidential && !m.bodyText.includes('Број захтева'))).toBe(true);

    const [mail] = await waitForMail(payload.email, 1);
    const text = mailText(mail!);
    expect(text).toContain(`Број захтева је ${row.number}.`);
    // The address is not confirmed yet: the mail repeats nothing the sender typed.
    expect(text).not.toContain('Јелена');
    expect(text).not.toContain('Вук Караџић');
    expect(text).not.toContain('{{');
  });

  it('writes the e-mails in the language of the request (Latin script, English)', async () => {
    const latin = body({ language: 'sr-Latn' });
    const english = body({ language: 'en', contactName: 'Jane Doe' });
    expect((await submit(latin)).statusCode).toBe(201);
    expect((await submit(english)).statusCode).toBe(201);
    expect(mailText((await waitForMail(latin.email, 1))[0]!)).toContain('primili smo Vaš zahtev za predavanje');
    expect(mailText((await waitForMail(english.email, 1))[0]!)).toContain('we have received your request for a presentation');
  });

  it('keeps the name, e-mail, phone and message encrypted, and nothing of the connection', async () => {
    const address = '198.51.100.77';
    const agent = 'SchoolBrowser/3.2 (Tajni uređaj)';
    const logStart = p.logs.length;
    const payload = body({ contactName: 'Драгана Милошевић', phone: '+381 64 765 4321', message: 'ПОВЕРЉИВА НАПОМЕНА' });
    const api = await submit(payload, { remoteAddress: address, headers: { 'user-agent': agent, 'x-forwarded-for': address } });
    expect(api.statusCode).toBe(201);
    const form = await postForm(formFields({ email: 'forma-privatnost@example.org', contactName: 'Драгана Милошевић' }), { remoteAddress: address, headers: { 'user-agent': agent } });
    expect(form.statusCode).toBe(200);

    const row = await sql<{ row: string }>`SELECT t::text AS row FROM presentation_requests t WHERE id = ${api.json().id}`.execute(p.ctx.db);
    const stored = row.rows[0]!.row;
    for (const secret of ['Драгана', 'Милошевић', payload.email, '765 4321', 'ПОВЕРЉИВА']) expect(stored).not.toContain(secret);
    const tables = await sql<{ schemaname: string; tablename: string }>`SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('public', 'pgboss')`.execute(p.ctx.db);
    for (const { schemaname, tablename } of tables.rows) {
      const dump = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(`${schemaname}.${tablename}`)} t`.execute(p.ctx.db);
      const text = dump.rows.map((r) => r.row).join('\n');
      expect(text, `${schemaname}.${tablename}`).not.toContain(address);
      expect(text, `${schemaname}.${tablename}`).not.toContain('SchoolBrowser');
    }
    const logs = p.logs.slice(logStart).join('\n');
    expect(logs).not.toContain(address);
    expect(logs).not.toContain('SchoolBrowser');
    expect(logs).not.toMatch(/presentation-requests|"url":"\/presentations/);
  });

  it('refuses bad fields one by one, naming each, and a request that says nobody will listen', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ organisation: ' ' }, 'organisation'],
      [{ organisationType: 'kindergarten' }, 'organisationType'],
      [{ municipality: 'atlantis' }, 'municipality'],
      [{ contactName: '' }, 'contactName'],
      [{ email: 'not-an-address' }, 'email'],
      [{ phone: 'call me' }, 'phone'],
      [{ audience: { pupils: {} } }, 'audience.pupils'],
      [{ audience: { pupils: { secondary: { count: 0 } } } }, 'audience.pupils.secondary.count'],
      [{ audience: { pupils: { 'primary-lower': { count: 20, grades: [6] } } } }, 'audience.pupils.primary-lower.grades'],
      [{ audience: { pupils: { 'grade-13': { count: 20 } } } }, 'audience.pupils.grade-13'],
      [{ audience: { parents: -3 } }, 'audience.parents'],
      [{ preferredDates: [] }, 'preferredDates'],
      [{ preferredDates: [{ date: inDays(-1), partOfDay: 'morning' }] }, 'preferredDates.0.date'],
      [{ preferredDates: [{ date: belgradeToday(), partOfDay: 'morning' }] }, 'preferredDates.0.date'],
      [{ preferredDates: [{ date: inDays(400), partOfDay: 'morning' }] }, 'preferredDates.0.date'],
      [{ preferredDates: [{ date: '2026-02-30', partOfDay: 'morning' }] }, 'preferredDates.0.date'],
      [{ preferredDates: [{ date: inDays(9), partOfDay: 'night' }] }, 'preferredDates.0.partOfDay'],
      [{ preferredDates: [{ date: inDays(9), partOfDay: 'any' }, { date: inDays(9), partOfDay: 'any' }] }, 'preferredDates.1.date'],
      [{ preferredDates: Array.from({ length: 6 }, (_, i) => ({ date: inDays(i + 2), partOfDay: 'any' })) }, 'preferredDates'],
      [{ language: 'de' }, 'language'],
      [{ topics: ['astrology'] }, 'topics.0'],
      [{ message: 'x'.repeat(2001) }, 'message'],
    ];
    const before = await p.ctx.db.selectFrom('presentationRequests').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    for (const [change, field] of cases) {
      const response = await submit(body(change));
      expect(response.statusCode, `${JSON.stringify(change)}: ${response.body}`).toBe(400);
      expect(Object.keys(response.json().error.fields), JSON.stringify(change)).toContain(field);
    }
    const after = await p.ctx.db.selectFrom('presentationRequests').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

/** The no-JavaScript form's fields for a valid request, with changes. */
function formFields(changes: Record<string, string> = {}): [string, string][] {
  const fields: Record<string, string> = {
    organisation: 'Гимназија „Светозар Марковић“',
    organisationType: 'secondary-school',
    municipality: 'nis',
    'count-secondary': '90',
    teachers: '12',
    'date-0': inDays(10),
    'partOfDay-0': 'midday',
    'date-1': '',
    'partOfDay-1': 'any',
    'date-2': '',
    'partOfDay-2': 'any',
    language: 'sr-Cyrl',
    message: '',
    contactName: 'Ненад Стојановић',
    email: 'gimnazija-forma@example.org',
    phone: '',
    ...changes,
  };
  return [...Object.entries(fields), ['grades-secondary', '1'], ['grades-secondary', '2'], ['topics', 'hate-speech'], ['topics', 'fake-news']];
}

describe('the form without JavaScript', () => {
  it('takes the request and shows its number, saying an e-mail was sent', async () => {
    const response = await postForm(formFields({ email: 'gimnazija-nis@example.org' }));
    expect(response.statusCode, response.body).toBe(200);
    const number = /data-testid="request-number">(\d+)</.exec(response.body)?.[1];
    expect(number).toBeDefined();
    expect(response.body).toContain('Послали смо Вам потврду е-поштом');
    const row = await p.ctx.db.selectFrom('presentationRequests').selectAll().where('number', '=', number!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ organisation: 'Гимназија „Светозар Марковић“', organisationType: 'secondary-school', municipalityId: 'nis', topics: ['hate-speech', 'fake-news'] });
    expect(row.audience).toEqual({ pupils: { secondary: { count: 90, grades: [1, 2] } }, parents: 0, teachers: 12 });
    expect(row.preferredDates).toEqual([{ date: inDays(10), partOfDay: 'midday' }]);
    expect(mailText((await waitForMail('gimnazija-nis@example.org', 1))[0]!)).toContain(`Број захтева је ${number}.`);
  });

  it('shows each error next to its field, in the page language, and keeps what was typed', async () => {
    const response = await postForm(
      formFields({ email: 'nije-adresa', 'date-0': '', 'date-1': inDays(-2), 'date-2': inDays(500), municipality: 'atlantis', 'count-secondary': '', 'grades-secondary': '3', message: 'Сала је на спрату.' }),
      { headers: { cookie: 'bezbedno_lang=en' } },
    );
    expect(response.statusCode).toBe(400);
    const html = response.body;
    expect(html).toContain('Please check the marked fields');
    expect(html).toMatch(/id="email-error">Check the e-mail address\./);
    expect(html).toMatch(/id="date-1-error">Choose a day from tomorrow on\./);
    expect(html).toMatch(/id="date-2-error">Choose a day within the next year\./);
    expect(html).toMatch(/id="municipality-error">Choose the municipality from the list\./);
    expect(html).toMatch(/id="count-secondary-error">Write how many pupils/);
    expect(html).toContain('href="#field-date-1"');
    expect(html).toMatch(/<input[^>]*aria-invalid="true"[^>]*id="email"|<input[^>]*id="email"[^>]*aria-invalid="true"/);
    // What was typed is still there.
    expect(html).toContain('value="nije-adresa"');
    expect(html).toContain(`value="${inDays(-2)}"`);
    expect(html).toContain('Сала је на спрату.');
    expect(html).toMatch(/id="topics-hate-speech"[^>]*checked|checked[^>]*id="topics-hate-speech"/);
    expect(html).toMatch(/<option value="any" selected/);
  });

  it('says in Serbian when nobody would listen and no day is given', async () => {
    const response = await postForm(formFields({ 'count-secondary': '', teachers: '', 'date-0': '' }).filter(([name]) => name !== 'grades-secondary'));
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/id="pupils-error">Напишите коме је предавање намењено/);
    expect(response.body).toMatch(/id="preferredDates-error">Изаберите бар један дан\./);
  });

  it('is in Cyrillic, Latin and English', async () => {
    for (const [language, heading] of [['sr-Cyrl', 'Предавања у школама'], ['sr-Latn', 'Predavanja u školama'], ['en', 'Presentations in schools']]) {
      const page = await p.app.inject({ method: 'GET', url: '/presentations', headers: { cookie: `bezbedno_lang=${language}` } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<html lang="${language}"`);
      expect(page.body).toContain(`<h1>${heading}</h1>`);
      expect(page.body).toContain('/assets/presentations.css');
    }
    const css = await p.app.inject({ method: 'GET', url: '/assets/presentations.css' });
    expect(css.statusCode).toBe(200);
  });
});

describe('limits', () => {
  it('refuses a flood from one address, the API and the form counting together', async () => {
    const limited = await createTestPlatform({ PUBLIC_RATE_LIMIT_PER_HOUR: '2' });
    try {
      const from = (remoteAddress: string) => ({ remoteAddress });
      const api = (address: string) => limited.app.inject({ method: 'POST', url: '/api/v1/presentation-requests', payload: body(), ...from(address) });
      const form = () =>
        limited.app.inject({ method: 'POST', url: '/presentations', payload: new URLSearchParams(formFields()).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, ...from('192.0.2.40') });
      expect((await api('192.0.2.40')).statusCode).toBe(201);
      expect((await form()).statusCode).toBe(200);
      const refused = await api('192.0.2.40');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.retryAfterSeconds).toBeGreaterThan(0);
      const refusedForm = await form();
      expect(refusedForm.statusCode).toBe(429);
      expect(refusedForm.body).toContain('Послато је много захтева са ове мреже');
      expect((await api('192.0.2.41')).statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

async function newRequest(overrides: Record<string, unknown> = {}): Promise<{ id: string; email: string }> {
  const payload = body(overrides);
  const response = await submit(payload);
  expect(response.statusCode, response.body).toBe(201);
  await waitForMail(payload.email, 1);
  return { id: response.json().id, email: payload.email };
}

describe('the coordinators\' queue', () => {
  it('lists requests without contact details, by status, oldest or newest first, page by page, with counts', async () => {
    const a = await newRequest({ organisation: 'Ред А' });
    const b = await newRequest({ organisation: 'Ред Б' });
    const c = await newRequest({ organisation: 'Ред В' });
    const all = (await coordinator.get('/api/v1/presentation-requests?status=new&limit=200')).json();
    const ids = all.requests.map((r: { id: string }) => r.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(c.id));
    expect(JSON.stringify(all)).not.toMatch(/Јелена|@example\.org|034 123/);
    const summary = all.requests.find((r: { id: string }) => r.id === a.id);
    expect(summary).toMatchObject({ status: 'new', organisation: 'Ред А', municipality: 'kragujevac', district: 'sumadijski', firstPreferredDate: inDays(14), decidedAt: null, eventId: null });
    expect(all.counts.new).toBe(all.requests.length);

    const newest = (await coordinator.get('/api/v1/presentation-requests?order=newest&limit=2')).json();
    expect(newest.requests.map((r: { id: string }) => r.id)).toEqual([c.id, b.id]);
    const next = (await coordinator.get(`/api/v1/presentation-requests?order=newest&limit=2&cursor=${newest.nextCursor}`)).json();
    expect(next.requests[0].id).toBe(a.id);

    const firstPage = (await coordinator.get('/api/v1/presentation-requests?limit=1')).json();
    const secondPage = (await coordinator.get(`/api/v1/presentation-requests?limit=1&cursor=${firstPage.nextCursor}`)).json();
    expect(Number(secondPage.requests[0].number)).toBeGreaterThan(Number(firstPage.requests[0].number));
  });

  it('shows one request with the contact details to a coordinator, and audits the read', async () => {
    const { id, email } = await newRequest();
    const request = (await coordinator.get(`/api/v1/presentation-requests/${id}`)).json().request;
    expect(request).toMatchObject({ contactName: 'Јелена Петровић', email, phone: '034 123 456', message: 'Имамо салу са пројектором.', topics: ['cyberbullying', 'privacy'], status: 'new' });
    const reads = await p.ctx.db.selectFrom('auditLog').select(['action', 'details']).where('recordId', '=', id).execute();
    expect(reads.map((r) => r.action)).toEqual(['presentation-request.create', 'presentation-request.read']);
    expect(JSON.stringify(reads)).not.toMatch(/Јелена|@example/);
    expect((await coordinator.get('/api/v1/presentation-requests/3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f')).statusCode).toBe(404);
  });

  it('offers the schools of the municipality from the registry, a likely match first', async () => {
    await insertSchool(p.ctx, { name: 'ОШ „Бранко Радичевић“', municipalityId: 'kraljevo' });
    const match = await insertSchool(p.ctx, { name: 'Основна школа „Доситеј Обрадовић“', municipalityId: 'kraljevo' });
    await insertSchool(p.ctx, { name: 'ОШ „Доситеј Обрадовић“', municipalityId: 'nis' });
    const { id } = await newRequest({ organisation: 'OŠ Dositej Obradović', municipality: 'kraljevo' });
    const request = (await coordinator.get(`/api/v1/presentation-requests/${id}`)).json().request;
    expect(request.schoolCandidates.length).toBe(2);
    expect(request.schoolCandidates[0]).toMatchObject({ id: match, isLikelyMatch: true });
    expect(request.schoolCandidates[1].isLikelyMatch).toBe(false);
  });
});

describe('deciding', () => {
  it('accepting schedules the event in the same step and e-mails when, where and who comes', async () => {
    const schoolId = await insertSchool(p.ctx, { name: 'ОШ „Милоје Павловић“', municipalityId: 'kragujevac' });
    const { id, email } = await newRequest({ language: 'sr-Latn' });
    const day = inDays(14);
    const response = await coordinator.post(`/api/v1/presentation-requests/${id}/accept`, {
      type: 'school-pupils',
      startsAt: belgradeInstant(day, '09:00'),
      durationMinutes: 45,
      schoolId,
      presenterIds: [presenterUser.id],
      topics: ['cyberbullying', 'privacy'],
      language: 'sr-Latn',
    });
    expect(response.statusCode, response.body).toBe(200);
    const { eventId, request } = response.json();
    expect(request).toMatchObject({ status: 'accepted', eventId, schoolId, event: { id: eventId, status: 'planned' } });
    expect(request.decidedBy).toBeTruthy();

    const event = await p.ctx.db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ type: 'school-pupils', schoolId, municipalityId: 'kragujevac', language: 'sr-Latn', status: 'planned' });
    expect(event.endsAt.getTime() - event.startsAt.getTime()).toBe(45 * 60_000);
    const presenters = await p.ctx.db.selectFrom('eventPresenters').select('userId').where('eventId', '=', eventId).execute();
    expect(presenters.map((x) => x.userId)).toEqual([presenterUser.id]);
    const audit = await p.ctx.db.selectFrom('auditLog').select('action').where('recordId', 'in', [id, eventId]).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['presentation-request.accept', 'event.create']));

    const mails = await waitForMail(email, 2);
    const text = mailText(mails[1]!);
    expect(text).toContain('Kada:');
    expect(text).toContain('od 09:00 do 09:45');
    expect(text).toContain('OŠ „Miloje Pavlović“');
    expect(text).toContain('Kragujevac');
    expect(text).toContain('Dolaze: Marko Jovanović');
    expect(text).not.toMatch(/[\u0400-\u04FF]/);
  });

  it('a failed event (an unknown presenter) leaves the request new and sends nothing', async () => {
    const { id } = await newRequest();
    const acceptedMails = () => p.ctx.db.selectFrom('outgoingMail').select(sql<string>`count(*)`.as('n')).where('purpose', '=', 'presentation-request-accepted').executeTakeFirstOrThrow();
    const before = await acceptedMails();
    const response = await coordinator.post(`/api/v1/presentation-requests/${id}/accept`, {
      type: 'school-parents',
      startsAt: belgradeInstant(inDays(20), '18:00'),
      durationMinutes: 60,
      venue: 'Дом културе',
      municipalityId: 'kragujevac',
      presenterIds: ['3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty('presenterIds');
    const row = await p.ctx.db.selectFrom('presentationRequests').select(['status', 'eventId']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'new', eventId: null });
    expect(await acceptedMails()).toEqual(before);
    expect(await p.ctx.db.selectFrom('events').select('id').where('venue', '=', 'Дом културе').where('type', '=', 'school-parents').execute()).toEqual([]);
  });

  it('declining e-mails the reason to the requester, in their language', async () => {
    const { id, email } = await newRequest({ language: 'en', contactName: 'Ana Ilić' });
    const reason = 'All our presenters are booked in March; please ask again for April.';
    const response = await coordinator.post(`/api/v1/presentation-requests/${id}/decline`, { reason });
    expect(response.statusCode, response.body).toBe(200);
    const row = (await coordinator.get(`/api/v1/presentation-requests/${id}`)).json().request;
    expect(row).toMatchObject({ status: 'declined', declineReason: reason, eventId: null });
    const text = mailText((await waitForMail(email, 2))[1]!);
    expect(text).toContain('Dear Ana Ilić');
    expect(text).toContain(reason);
    const audit = await p.ctx.db.selectFrom('auditLog').select(['action', 'details']).where('recordId', '=', id).where('action', '=', 'presentation-request.decline').execute();
    expect(audit.length).toBe(1);
    expect(JSON.stringify(audit)).not.toContain('booked');
  });

  it('decides a request once: a second decision is 409, and of two at once one wins', async () => {
    const event = (day: number) => ({ type: 'school-pupils', startsAt: belgradeInstant(inDays(day), '10:00'), durationMinutes: 45, venue: 'Сала', municipalityId: 'kragujevac' });
    const first = await newRequest();
    expect((await coordinator.post(`/api/v1/presentation-requests/${first.id}/decline`, { reason: 'Немамо слободан термин.' })).statusCode).toBe(200);
    const again = await coordinator.post(`/api/v1/presentation-requests/${first.id}/accept`, event(15));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_decided');
    expect((await coordinator.post(`/api/v1/presentation-requests/${first.id}/decline`, { reason: 'Још једном одбијено.' })).statusCode).toBe(409);

    const second = await newRequest();
    const other = await signIn(p.app, await createUser(p.ctx, { roles: ['prevention-coordinator'] }));
    const eventsBefore = await p.ctx.db.selectFrom('events').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const [one, two] = await Promise.all([
      coordinator.post(`/api/v1/presentation-requests/${second.id}/accept`, event(16)),
      other.post(`/api/v1/presentation-requests/${second.id}/decline`, { reason: 'Одбијено у исто време.' }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    const row = await p.ctx.db.selectFrom('presentationRequests').select(['status', 'eventId']).where('id', '=', second.id).executeTakeFirstOrThrow();
    const eventsAfter = await p.ctx.db.selectFrom('events').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    if (one.statusCode === 200) {
      expect(row.status).toBe('accepted');
      expect(Number(eventsAfter.n)).toBe(Number(eventsBefore.n) + 1);
    } else {
      expect(row).toEqual({ status: 'declined', eventId: null });
      expect(eventsAfter.n).toBe(eventsBefore.n);
    }
    await waitForMail(second.email, 2);
  });
});
