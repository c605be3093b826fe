// Helpline contacts through the HTTP API: drafts and finalising, versioned edits, who may edit,
// search across scripts, filters and paging, repeat callers by keyed hash (never the number in
// plain text), the audit trail of reads, and escalation to the hotline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, signIn, type Client, type TestUser } from '../../test/helpers/factories';

let p: TestPlatform;
let counsellor: Client;
let counsellorUser: TestUser;
let colleague: Client;
let colleagueUser: TestUser;
let supervisor: Client;
let analyst: Client;

beforeAll(async () => {
  p = await createTestPlatform({ PUBLIC_POW_DIFFICULTY: '0', PUBLIC_RATE_LIMIT_PER_HOUR: '1000' });
  counsellorUser = await createUser(p.ctx, { roles: ['counsellor'] });
  counsellor = await signIn(p.app, counsellorUser);
  colleagueUser = await createUser(p.ctx, { roles: ['counsellor'] });
  colleague = await signIn(p.app, colleagueUser);
  supervisor = await signIn(p.app, await createUser(p.ctx, { roles: ['supervisor'] }));
  analyst = await signIn(p.app, await createUser(p.ctx, { roles: ['analyst'] }));
}, 120_000);
afterAll(async () => p?.close());

/** Every field of the contract, as the console sends them for a data contact. */
const CONTRACT = {
  channel: 'phone',
  contactType: 'data',
  callerType: 'parent',
  ageGroup: '12-14',
  gender: 'female',
  municipality: 'kragujevac',
  primaryCategory: 'cyberbullying',
  peripheralCategories: ['sexting', 'online-reputation'],
  platform: 'social-network',
  summary: 'Мајка зове: ћерку у разредној групи исмевају и шаљу њене слике даље.',
  outcome: 'advice-given',
};

interface Summary {
  id: string;
  number: string;
  status: string;
  channel: string;
  primaryCategory: string | null;
  outcome: string | null;
  counsellorId: string | null;
  caseId: string | null;
  excerpt: string;
}

async function create(client: Client, body: Record<string, unknown>): Promise<string> {
  const response = await client.post('/api/v1/contacts', body);
  expect(response.statusCode, response.body).toBe(201);
  const { id } = response.json();
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id;
}
const read = async (client: Client, id: string) => {
  const response = await client.get(`/api/v1/contacts/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().contact;
};
const list = async (client: Client, query: string) => {
  const response = await client.get(`/api/v1/contacts?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { contacts: Summary[]; nextBefore: number | null };
};
const ids = async (client: Client, query: string) => (await list(client, query)).contacts.map((c) => c.id);
const rawRow = (id: string) => p.ctx.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const auditOf = (recordId: string) =>
  p.ctx.db.selectFrom('auditLog').select(['action', 'actorId', 'details']).where('recordId', '=', recordId).orderBy('id').execute();
/** A unique word, so a test finds only its own contacts among the others of this file. */
const marker = () => `oznaka${Math.random().toString(36).slice(2, 10)}`;

/** A contact that came in by e-mail or chat and no counsellor has taken (status awaiting). */
async function awaitingContact(summary = 'Порука чека саветника'): Promise<string> {
  const row = await p.ctx.db
    .insertInto('contacts')
    .values({ channel: 'email', contactType: 'data', status: 'awaiting', categoriesVersion: 'insafe-2024+rs-1', summary, searchText: summary })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('logging a contact', () => {
  it('accepts every field of the contract and shows them back as a draft of the counsellor who logged it', async () => {
    const id = await create(counsellor, CONTRACT);
    const contact = await read(counsellor, id);
    expect(contact).toMatchObject({
      id,
      status: 'draft',
      version: 1,
      channel: 'phone',
      contactType: 'data',
      callerType: 'parent',
      ageGroup: '12-14',
      gender: 'female',
      municipality: 'kragujevac',
      primaryCategory: 'cyberbullying',
      peripheralCategories: ['sexting', 'online-reputation'],
      platform: 'social-network',
      summary: CONTRACT.summary,
      outcome: 'advice-given',
      counsellorId: counsellorUser.id,
      caseId: null,
      reportId: null,
      finalisedAt: null,
      hasCallerIdentifier: false,
      keptCallerIdentifier: null,
      versions: [],
      categoriesVersion: 'insafe-2024+rs-1',
    });
    expect(Number(contact.number)).toBeGreaterThan(0);
    expect(contact.counsellorName).toMatch(/^Тест /);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['contact.create', 'contact.read']);
  });

  it('saves a draft with only the channel and the type, and refuses to finalise it until it says who, what and how it ended', async () => {
    const id = await create(counsellor, { channel: 'chat', contactType: 'data' });
    const draft = await read(counsellor, id);
    expect(draft).toMatchObject({ status: 'draft', callerType: null, primaryCategory: null, outcome: null, ageGroup: 'unknown', gender: 'unknown', summary: '' });

    const refused = await counsellor.post(`/api/v1/contacts/${id}/finalise`);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.code).toBe('validation_failed');
    expect(Object.keys(refused.json().error.fields).sort()).toEqual(['callerType', 'outcome', 'primaryCategory']);
    expect((await read(counsellor, id)).status).toBe('draft');

    // Only the missing ones are named.
    const partly = await counsellor.post(`/api/v1/contacts/${id}/finalise`, { callerType: 'teen' });
    expect(partly.statusCode).toBe(400);
    expect(Object.keys(partly.json().error.fields).sort()).toEqual(['outcome', 'primaryCategory']);

    const done = await counsellor.post(`/api/v1/contacts/${id}/finalise`, { callerType: 'teen', primaryCategory: 'grooming', outcome: 'call-back-agreed' });
    expect(done.statusCode, done.body).toBe(200);
    const final = await read(counsellor, id);
    expect(final).toMatchObject({ status: 'final', version: 1, callerType: 'teen', primaryCategory: 'grooming', outcome: 'call-back-agreed', versions: [] });
    expect(Date.parse(final.finalisedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await auditOf(id)).map((a) => a.action)).toContain('contact.finalise');
  });

  it('refuses a contact created final without the fields a data contact needs, but finalises other types at once', async () => {
    const refused = await counsellor.post('/api/v1/contacts', { channel: 'phone', contactType: 'data', callerType: 'child', finalise: true });
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json().error.fields).sort()).toEqual(['outcome', 'primaryCategory']);
    const silent = await create(counsellor, { channel: 'phone', contactType: 'silent', finalise: true });
    expect((await read(counsellor, silent)).status).toBe('final');
    const complete = await create(counsellor, { ...CONTRACT, finalise: true });
    expect((await read(counsellor, complete)).status).toBe('final');
  });

  it('refuses contradictory codes', async () => {
    const twice = await counsellor.post('/api/v1/contacts', { ...CONTRACT, peripheralCategories: ['cyberbullying'] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields).toHaveProperty('peripheralCategories');
    const prank = await counsellor.post('/api/v1/contacts', { channel: 'phone', contactType: 'prank', primaryCategory: 'grooming' });
    expect(prank.statusCode).toBe(400);
    expect(prank.json().error.fields).toHaveProperty('primaryCategory');
    const unknownArticle = await counsellor.post('/api/v1/contacts', { channel: 'phone', contactType: 'data', adviceArticleIds: ['3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f'] });
    expect(unknownArticle.statusCode).toBe(400);
    expect(unknownArticle.json().error.fields).toHaveProperty('adviceArticleIds');
    const unknownMunicipality = await counsellor.post('/api/v1/contacts', { channel: 'phone', contactType: 'data', municipality: 'atlantis' });
    expect(unknownMunicipality.statusCode).toBe(400);
    expect(unknownMunicipality.json().error.fields).toHaveProperty('municipality');
  });
});

describe('editing', () => {
  it('keeps each earlier version of a final contact and bumps the version; a draft is edited in place', async () => {
    const id = await create(counsellor, { ...CONTRACT, summary: 'Прва верзија' });
    expect((await counsellor.patch(`/api/v1/contacts/${id}`, { summary: 'Допуна нацрта' })).statusCode).toBe(200);
    expect(await read(counsellor, id)).toMatchObject({ version: 1, versions: [], summary: 'Допуна нацрта' });

    expect((await counsellor.post(`/api/v1/contacts/${id}/finalise`)).statusCode).toBe(200);
    const edited = await counsellor.patch(`/api/v1/contacts/${id}`, { summary: 'Друга верзија', outcome: 'forwarded-to-institution' });
    expect(edited.statusCode, edited.body).toBe(200);
    let contact = await read(counsellor, id);
    expect(contact).toMatchObject({ status: 'final', version: 2, summary: 'Друга верзија', outcome: 'forwarded-to-institution' });
    expect(contact.versions).toHaveLength(1);
    expect(contact.versions[0]).toMatchObject({ version: 1, data: { summary: 'Допуна нацрта', outcome: 'advice-given', status: 'final' } });
    expect(contact.versions[0].changedBy).toMatch(/^Тест /);
    // The history never keeps the caller's identifier or the search text.
    expect(contact.versions[0].data).not.toHaveProperty('callerKey');
    expect(contact.versions[0].data).not.toHaveProperty('searchText');

    expect((await supervisor.patch(`/api/v1/contacts/${id}`, { ageGroup: '15-17' })).statusCode).toBe(200);
    contact = await read(counsellor, id);
    expect(contact.version).toBe(3);
    expect(contact.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(contact.versions[0].data).toMatchObject({ summary: 'Друга верзија', ageGroup: '12-14' });
    // The contact stays the counsellor's when a supervisor corrects it.
    expect(contact.counsellorId).toBe(counsellorUser.id);

    // A final contact must stay complete: nothing is saved and no version is taken.
    const incomplete = await counsellor.patch(`/api/v1/contacts/${id}`, { outcome: null });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.fields).toHaveProperty('outcome');
    expect(await read(counsellor, id)).toMatchObject({ version: 3, outcome: 'forwarded-to-institution' });
    expect((await read(counsellor, id)).versions).toHaveLength(2);
  });

  it('lets a counsellor edit only their own contacts and untaken ones, a supervisor any', async () => {
    const mine = await create(counsellor, { channel: 'phone', contactType: 'data', summary: 'мој' });
    const refused = await colleague.patch(`/api/v1/contacts/${mine}`, { summary: 'туђе' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect((await colleague.post(`/api/v1/contacts/${mine}/finalise`, { callerType: 'child', primaryCategory: 'gaming', outcome: 'advice-given' })).statusCode).toBe(403);
    // …but may read it: a repeat caller may have spoken to anyone.
    expect((await read(colleague, mine)).summary).toBe('мој');
    expect((await supervisor.patch(`/api/v1/contacts/${mine}`, { summary: 'исправио супервизор' })).statusCode).toBe(200);
    expect((await read(counsellor, mine)).summary).toBe('исправио супервизор');

    const waiting = await awaitingContact();
    const before = await read(colleague, waiting);
    expect(before).toMatchObject({ status: 'awaiting', counsellorId: null });
    expect((await colleague.patch(`/api/v1/contacts/${waiting}`, { callerType: 'child' })).statusCode).toBe(200);
    expect(await read(colleague, waiting)).toMatchObject({ status: 'draft', counsellorId: colleagueUser.id, callerType: 'child' });
    // Once taken, it is the colleague's.
    expect((await counsellor.patch(`/api/v1/contacts/${waiting}`, { summary: 'x' })).statusCode).toBe(403);

    const unknown = await counsellor.patch('/api/v1/contacts/3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f', { summary: 'x' });
    expect(unknown.statusCode).toBe(404);
  });

  it('shows an analyst only contacts that belong to a case, and logs the refused read', async () => {
    const word = marker();
    const loose = await create(counsellor, { channel: 'phone', contactType: 'data', summary: `${word} без случаја` });
    const inCase = await create(counsellor, { channel: 'phone', contactType: 'data', summary: `${word} у случају` });
    const opened = await counsellor.post('/api/v1/cases', { contactIds: [inCase] });
    expect(opened.statusCode, opened.body).toBe(201);

    const refused = await analyst.get(`/api/v1/contacts/${loose}`);
    expect(refused.statusCode).toBe(404);
    expect((await auditOf(loose)).map((a) => a.action)).toContain('contact.read-refused');
    expect((await read(analyst, inCase)).caseId).toBe(opened.json().id);
    expect(await ids(analyst, `q=${word}`)).toEqual([inCase]);
    expect((await ids(counsellor, `q=${word}`)).sort()).toEqual([loose, inCase].sort());
    // Analysts do not log contacts or change them.
    expect((await analyst.post('/api/v1/contacts', { channel: 'phone', contactType: 'data' })).statusCode).toBe(403);
    expect((await analyst.patch(`/api/v1/contacts/${inCase}`, { summary: 'x' })).statusCode).toBe(403);
    expect((await analyst.patch(`/api/v1/contacts/${loose}`, { summary: 'x' })).statusCode).toBe(404);
  });
});

describe('search, filters and paging', () => {
  it('finds a summary in either script, with or without diacritics, and follows edits', async () => {
    const word = marker();
    const id = await create(counsellor, { channel: 'phone', contactType: 'data', summary: `Вршњачко насиље у Ћуприји ${word}`, adviceGiven: 'Саветовано да сачува снимке екрана' });
    for (const q of ['cuprij', 'ћуприј', 'Ćuprij', 'ЋУПРИЈ', 'vrsnjacko', 'вршњачко насиље', 'Vršnjačko', 'snimke ekrana']) {
      expect(await ids(counsellor, `q=${encodeURIComponent(q)}&counsellorId=me`), q).toContain(id);
    }
    expect(await ids(counsellor, `q=${encodeURIComponent(`ćuprij ${word}`)}`)).toEqual([]);
    expect(await ids(counsellor, `q=${encodeURIComponent('у Ћуприји ' + word)}`)).toEqual([id]);
    expect(await ids(counsellor, 'q=nepostojecarec')).toEqual([]);
    // LIKE wildcards in the query are taken literally.
    expect(await ids(counsellor, `q=${encodeURIComponent('%%')}`)).toEqual([]);

    await counsellor.patch(`/api/v1/contacts/${id}`, { summary: `Претње у Ђурђеву ${word}` });
    expect(await ids(counsellor, `q=${word}%20cuprij`)).toEqual([]);
    expect(await ids(counsellor, `q=${encodeURIComponent('djurdjev')}`)).toContain(id);
    expect(await ids(counsellor, `q=${encodeURIComponent('Đurđev')}`)).toContain(id);
    // The advice given is still searchable after the summary changed.
    expect(await ids(counsellor, `q=${encodeURIComponent('сачува снимке')}`)).toContain(id);
  });

  it('filters by channel, category (main or further), counsellor, municipality, type, status and time, and pages with nextBefore', async () => {
    const word = marker();
    const q = `q=${word}`;
    const a = await create(counsellor, { ...CONTRACT, channel: 'chat', summary: `${word} a`, startedAt: '2024-03-01T10:00:00.000Z', finalise: true });
    const b = await create(counsellor, { ...CONTRACT, primaryCategory: 'grooming', peripheralCategories: ['cyberbullying'], municipality: 'cuprija', summary: `${word} b`, startedAt: '2024-06-01T10:00:00.000Z' });
    const c = await create(colleague, { channel: 'email', contactType: 'information', summary: `${word} c`, startedAt: '2025-01-15T10:00:00.000Z' });
    const d = await create(colleague, { ...CONTRACT, primaryCategory: 'gaming', peripheralCategories: [], summary: `${word} d` });

    expect(await ids(counsellor, `${q}&channel=chat`)).toEqual([a]);
    expect(await ids(counsellor, `${q}&channel=email`)).toEqual([c]);
    expect(await ids(counsellor, `${q}&category=cyberbullying`)).toEqual([b, a]);
    expect(await ids(counsellor, `${q}&category=grooming`)).toEqual([b]);
    expect(await ids(counsellor, `${q}&category=online-reputation`)).toEqual([a]);
    expect(await ids(counsellor, `${q}&category=gaming`)).toEqual([d]);
    expect(await ids(counsellor, `${q}&counsellorId=me`)).toEqual([b, a]);
    expect(await ids(colleague, `${q}&counsellorId=me`)).toEqual([d, c]);
    expect(await ids(supervisor, `${q}&counsellorId=${colleagueUser.id}`)).toEqual([d, c]);
    expect(await ids(counsellor, `${q}&municipality=cuprija`)).toEqual([b]);
    expect(await ids(counsellor, `${q}&contactType=information`)).toEqual([c]);
    expect(await ids(counsellor, `${q}&status=final`)).toEqual([a]);
    expect(await ids(counsellor, `${q}&status=draft`)).toEqual([d, c, b]);
    expect(await ids(counsellor, `${q}&from=2024-05-01T00:00:00Z&to=2025-02-01T00:00:00Z`)).toEqual([c, b]);
    expect(await ids(counsellor, `${q}&to=2024-06-01T10:00:00Z`)).toEqual([a]); // `to` is exclusive
    expect(await ids(counsellor, `${q}&from=2024-06-01T10:00:00Z&to=2024-06-01T10:00:01Z`)).toEqual([b]);
    expect(await ids(counsellor, `${q}&channel=phone&category=gaming&counsellorId=me`)).toEqual([]);

    // Newest logged first, pages that neither overlap nor skip.
    const first = await list(counsellor, `${q}&limit=3`);
    expect(first.contacts.map((x) => x.id)).toEqual([d, c, b]);
    expect(first.nextBefore).toBe(Number(first.contacts[2]!.number));
    const second = await list(counsellor, `${q}&limit=3&before=${first.nextBefore}`);
    expect(second.contacts.map((x) => x.id)).toEqual([a]);
    expect(second.nextBefore).toBeNull();
    const exact = await list(counsellor, `${q}&limit=4`);
    expect(exact.contacts).toHaveLength(4);
    expect(exact.nextBefore).toBeNull();

    const summary = first.contacts.find((x) => x.id === b)!;
    expect(summary).toMatchObject({ status: 'draft', channel: 'phone', primaryCategory: 'grooming', outcome: 'advice-given', counsellorId: counsellorUser.id, caseId: null, excerpt: `${word} b` });
  });

  it('shortens a long summary to an excerpt in the list', async () => {
    const word = marker();
    const long = `${word} ${'дуг опис разговора '.repeat(20)}`;
    const id = await create(counsellor, { channel: 'phone', contactType: 'data', summary: long });
    const [summary] = (await list(counsellor, `q=${word}`)).contacts;
    expect(summary!.id).toBe(id);
    expect(summary!.excerpt).toHaveLength(158);
    expect(summary!.excerpt.endsWith('…')).toBe(true);
    expect(long.startsWith(summary!.excerpt.slice(0, 157))).toBe(true);
  });

  it('writes contact.list to the audit log, with the filters used but not the words searched', async () => {
    const word = marker();
    await list(counsellor, `q=${word}&channel=phone`);
    const entry = await p.ctx.db
      .selectFrom('auditLog')
      .select(['action', 'actorId', 'details'])
      .where('action', '=', 'contact.list')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry.actorId).toBe(counsellorUser.id);
    expect(entry.details).toMatchObject({ filters: expect.arrayContaining(['q', 'channel']), shown: 0 });
    expect(JSON.stringify(entry.details)).not.toContain(word);
  });
});

describe('repeat callers', () => {
  it('finds the same person by a phone number in any spelling and by an e-mail address in any case, keeping only a keyed hash', async () => {
    const number = `0641${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const spelled = [`+381 ${number.slice(1, 3)} ${number.slice(3, 6)} ${number.slice(6)}`, `${number.slice(0, 3)}/${number.slice(3, 6)}-${number.slice(6)}`, number];
    const hashed = await create(counsellor, { channel: 'phone', contactType: 'data', summary: 'први позив', callerIdentifier: { value: spelled[0] } });
    const kept = await create(colleague, { channel: 'phone', contactType: 'data', summary: 'други позив', callerIdentifier: { value: spelled[1], keep: true } });
    const mail = await create(counsellor, { channel: 'email', contactType: 'data', summary: 'имејл', callerIdentifier: { value: 'Roditelj.Test@Example.RS' } });
    await create(counsellor, { channel: 'phone', contactType: 'data', summary: 'неко други', callerIdentifier: { value: '0651112223' } });

    for (const identifier of [...spelled, `00381${number.slice(1)}`]) {
      const response = await counsellor.post('/api/v1/contacts/lookup', { identifier });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().contacts.map((c: Summary) => c.id).sort(), identifier).toEqual([hashed, kept].sort());
    }
    for (const identifier of ['roditelj.test@example.rs', ' RODITELJ.TEST@EXAMPLE.RS ']) {
      const response = await supervisor.post('/api/v1/contacts/lookup', { identifier });
      expect(response.json().contacts.map((c: Summary) => c.id), identifier).toEqual([mail]);
    }
    expect((await counsellor.post('/api/v1/contacts/lookup', { identifier: '0600000000' })).json().contacts).toEqual([]);

    // The database holds a hash; the number itself only where the caller agreed, and encrypted.
    const rawHashed = await rawRow(hashed);
    const rawKept = await rawRow(kept);
    const rawMail = await rawRow(mail);
    expect(rawHashed.callerKey).toMatch(/^[0-9a-f]{64}$/);
    expect(rawKept.callerKey).toBe(rawHashed.callerKey);
    expect(rawHashed.callerIdentifierEnc).toBeNull();
    expect(rawMail.callerIdentifierEnc).toBeNull();
    expect(rawKept.callerIdentifierEnc).toEqual(expect.any(String));
    expect(rawKept.callerIdentifierEnc).not.toContain(number.slice(3));
    expect(rawKept.callerIdentifierEnc).not.toContain(spelled[1]);
    for (const row of [rawHashed, rawKept]) {
      const stored = JSON.stringify(row);
      expect(stored).not.toContain(number.slice(3));
      expect(stored).not.toContain(number.slice(1, 3) + ' ' + number.slice(3, 6));
    }
    expect(JSON.stringify(rawMail).toLowerCase()).not.toContain('roditelj');

    expect(await read(counsellor, hashed)).toMatchObject({ hasCallerIdentifier: true, keptCallerIdentifier: null });
    expect(await read(counsellor, kept)).toMatchObject({ hasCallerIdentifier: true, keptCallerIdentifier: spelled[1] });

    // The lookup is audited, without the identifier.
    const lookups = await p.ctx.db.selectFrom('auditLog').select('details').where('action', '=', 'contact.lookup-caller').execute();
    expect(lookups.length).toBeGreaterThanOrEqual(7);
    expect(JSON.stringify(lookups)).not.toContain(number.slice(3));
    expect(JSON.stringify(lookups).toLowerCase()).not.toContain('roditelj');

    // Forgetting the identifier removes the hash and the kept value.
    expect((await colleague.patch(`/api/v1/contacts/${kept}`, { callerIdentifier: null })).statusCode).toBe(200);
    expect(await rawRow(kept)).toMatchObject({ callerKey: null, callerIdentifierEnc: null });
    expect((await counsellor.post('/api/v1/contacts/lookup', { identifier: number })).json().contacts.map((c: Summary) => c.id)).toEqual([hashed]);
  });

  it('is not open to analysts', async () => {
    const response = await analyst.post('/api/v1/contacts/lookup', { identifier: '0641234567' });
    expect(response.statusCode).toBe(403);
  });
});

describe('the audit trail of reads', () => {
  it('writes contact.read for each read, with the reader', async () => {
    const id = await create(counsellor, { channel: 'phone', contactType: 'data' });
    await read(colleague, id);
    await read(supervisor, id);
    const reads = (await auditOf(id)).filter((a) => a.action === 'contact.read');
    expect(reads.map((r) => r.actorId)).toEqual([colleagueUser.id, expect.any(String)]);
    expect(reads[1]!.actorId).not.toBe(colleagueUser.id);
    // An unknown contact is no refused read: there is nothing to log against.
    const unknownId = '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f';
    expect((await counsellor.get(`/api/v1/contacts/${unknownId}`)).statusCode).toBe(404);
    expect(await auditOf(unknownId)).toEqual([]);
  });
});

describe('escalation to the hotline', () => {
  const escalation = { category: 'cyberbullying', description: 'Слике девојчице у групи разреда', urls: ['https://social.example/g/77'] };

  it('creates a report linked from the contact, returns the receipt once, and refuses a second escalation', async () => {
    const id = await create(counsellor, { ...CONTRACT, outcome: null, municipality: 'cuprija' });
    const response = await counsellor.post(`/api/v1/contacts/${id}/report`, escalation);
    expect(response.statusCode, response.body).toBe(201);
    const { reportId, receipt } = response.json();
    expect(receipt).toMatch(/^\d{16}$/);
    const contact = await read(counsellor, id);
    expect(contact).toMatchObject({ reportId, outcome: 'referred-to-hotline' });

    const report = await p.ctx.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ category: 'cyberbullying', description: escalation.description, platform: 'social-network', municipality: 'cuprija', status: 'new' });
    expect(JSON.stringify(report)).not.toContain(receipt);
    expect((await auditOf(id)).map((a) => a.action)).toContain('contact.escalate');
    // The analysts get it in their queue.
    expect((await analyst.get(`/api/v1/reports/${reportId}`)).statusCode).toBe(200);

    const again = await counsellor.post(`/api/v1/contacts/${id}/report`, escalation);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_escalated');
    expect(await p.ctx.db.selectFrom('reports').select('id').where('description', '=', escalation.description).execute()).toHaveLength(1);
  });

  it('makes one report of two escalations sent at once', async () => {
    const id = await create(counsellor, { channel: 'phone', contactType: 'data' });
    const description = `истовремено ${marker()}`;
    const responses = await Promise.all([1, 2].map(() => counsellor.post(`/api/v1/contacts/${id}/report`, { ...escalation, description })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const reports = await p.ctx.db.selectFrom('reports').select('id').where('description', '=', description).execute();
    expect(reports).toHaveLength(1);
    expect((await read(counsellor, id)).reportId).toBe(reports[0]!.id);
  });

  it('keeps an outcome that was already chosen, and is refused on a colleague’s contact', async () => {
    const id = await create(counsellor, { ...CONTRACT, outcome: 'case-opened' });
    const response = await counsellor.post(`/api/v1/contacts/${id}/report`, { ...escalation, description: 'друга ескалација' });
    expect(response.statusCode, response.body).toBe(201);
    expect(await read(counsellor, id)).toMatchObject({ outcome: 'case-opened', reportId: response.json().reportId });

    const other = await create(colleague, { channel: 'phone', contactType: 'data' });
    expect((await counsellor.post(`/api/v1/contacts/${other}/report`, escalation)).statusCode).toBe(403);
    expect((await read(counsellor, other)).reportId).toBeNull();
  });

  it('checks the links like the public form does', async () => {
    const id = await create(counsellor, { channel: 'phone', contactType: 'data' });
    const bad = await counsellor.post(`/api/v1/contacts/${id}/report`, { ...escalation, urls: ['not a link'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('urls.0');
    const noLink = await counsellor.post(`/api/v1/contacts/${id}/report`, { category: 'csam', description: 'материјал', urls: [] });
    expect(noLink.statusCode).toBe(400);
    expect(noLink.json().error.fields).toHaveProperty('urls');
    expect((await read(counsellor, id)).reportId).toBeNull();
  });

  it('brings the report into the case the contact is already in', async () => {
    const id = await create(counsellor, { channel: 'phone', contactType: 'data', summary: 'У случају' });
    const caseId = (await counsellor.post('/api/v1/cases', { contactIds: [id] })).json().id as string;
    const response = await counsellor.post(`/api/v1/contacts/${id}/report`, escalation);
    expect(response.statusCode, response.body).toBe(201);
    const report = await p.ctx.db.selectFrom('reports').select(['caseId']).where('id', '=', response.json().reportId).executeTakeFirstOrThrow();
    expect(report.caseId).toBe(caseId);
  });
});
