// The schools registry through the HTTP API: registering and editing (district derived, one
// school per name in a municipality whatever the script, one per code), filters and paging,
// search in either script, who sees a school's contact details, and the CSV import — a file
// with broken rows imports nothing and lists every problem; the fixed file imports all; codes
// and names update instead of duplicating; semicolons, a byte-order mark and CRLF; the dry run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { insertEvent, insertSchool } from '../../../test/helpers/prevention';

let p: TestPlatform;
let coordinator: Client;
let presenter: Client;
let peer: Client;
let supervisor: Client;

beforeAll(async () => {
  p = await createTestPlatform();
  coordinator = await signIn(p.app, await createUser(p.ctx, { roles: ['prevention-coordinator'] }));
  presenter = await signIn(p.app, await createUser(p.ctx, { roles: ['presenter'] }));
  peer = await signIn(p.app, await createUser(p.ctx, { roles: ['peer-educator'] }));
  supervisor = await signIn(p.app, await createUser(p.ctx, { roles: ['supervisor'] }));
}, 120_000);
afterAll(async () => p?.close());

interface School {
  id: string;
  name: string;
  type: string;
  code: string | null;
  municipalityId: string;
  districtId: string;
  address: string;
  contactPerson: string | null;
  email: string | null;
  phone: string | null;
  isActive: boolean;
}
interface Problem {
  line: number;
  column: string | null;
  problem: string;
  message: string;
  otherLine?: number;
}

async function register(body: Record<string, unknown>): Promise<string> {
  const response = await coordinator.post('/api/v1/schools', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}
async function list(client: Client, query: string): Promise<{ schools: School[]; total: number }> {
  const response = await client.get(`/api/v1/schools?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const names = (page: { schools: School[] }) => page.schools.map((s) => s.name);
const importCsv = (csv: string, query = '') => coordinator.post(`/api/v1/schools/import${query}`, { csv });
const schoolCount = async () => Number((await p.ctx.db.selectFrom('schools').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const byCode = (code: string) => p.ctx.db.selectFrom('schools').selectAll().where('code', '=', code).executeTakeFirst();

describe('the registry', () => {
  it('registers a school with its district derived, edits it, and keeps one school per name and per code', async () => {
    const id = await register({
      name: 'ОШ „Ђорђе Крстић“',
      type: 'primary',
      municipalityId: 'nis',
      address: 'Војводе Мишића 9',
      contactPerson: 'Марија Стевановић, педагог',
      email: 'skola.krstic@example.org',
      phone: '018 4520 333',
      code: 'NI-1001',
    });
    const read = (await coordinator.get(`/api/v1/schools/${id}`)).json().school;
    expect(read).toMatchObject({ name: 'ОШ „Ђорђе Крстић“', districtId: 'nisavski', code: 'NI-1001', contactPerson: 'Марија Стевановић, педагог', eventsHeld: 0, lastHeldAt: null, isActive: true });

    // The same school written in Latin without diacritics is the same school.
    const twin = await coordinator.post('/api/v1/schools', { name: 'OS "Djordje Krstic"', type: 'primary', municipalityId: 'nis' });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.fields).toHaveProperty('name');
    const sameCode = await coordinator.post('/api/v1/schools', { name: 'Друга школа', type: 'primary', municipalityId: 'pirot', code: 'NI-1001' });
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json().error.fields).toHaveProperty('code');
    // The same name elsewhere is another school.
    await register({ name: 'ОШ „Ђорђе Крстић“', type: 'primary', municipalityId: 'pirot' });

    const moved = await coordinator.patch(`/api/v1/schools/${id}`, { municipalityId: 'leskovac', address: 'Нова 1', email: null });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (await coordinator.get(`/api/v1/schools/${id}`)).json().school;
    expect(after).toMatchObject({ municipalityId: 'leskovac', districtId: 'jablanicki', address: 'Нова 1', email: null, phone: '018 4520 333' });
    // Moving onto a school of the same name in another municipality is refused.
    const clash = await coordinator.patch(`/api/v1/schools/${id}`, { municipalityId: 'pirot' });
    expect(clash.statusCode).toBe(409);

    const audit = await p.ctx.db.selectFrom('auditLog').select(['action', 'details']).where('recordId', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['school.create', 'school.update']);
    expect(JSON.stringify(audit)).not.toContain('Стевановић');
  });

  it('counts the events held at a school', async () => {
    const id = await register({ name: 'Техничка школа „Никола Тесла“', type: 'secondary', municipalityId: 'pozarevac' });
    await insertEvent(p.ctx, { schoolId: id, status: 'held', municipalityId: 'pozarevac', startsAt: new Date('2025-03-04T09:00:00Z') });
    await insertEvent(p.ctx, { schoolId: id, status: 'held', municipalityId: 'pozarevac', startsAt: new Date('2025-05-06T09:00:00Z') });
    await insertEvent(p.ctx, { schoolId: id, status: 'planned', municipalityId: 'pozarevac' });
    const school = (await presenter.get(`/api/v1/schools/${id}`)).json().school;
    expect(school.eventsHeld).toBe(2);
    expect(school.lastHeldAt).toBe('2025-05-06T09:00:00.000Z');
  });

  it('finds schools by filters, pages through them and searches in either script', async () => {
    await register({ name: 'Гимназија „Светозар Марковић“', type: 'secondary', municipalityId: 'novi-sad', code: 'NS-77' });
    await register({ name: 'OŠ „Žarko Zrenjanin“', type: 'primary', municipalityId: 'novi-sad' });
    await register({ name: 'ОШ „Јован Поповић“', type: 'primary', municipalityId: 'novi-sad' });
    await register({ name: 'ОШ „Бранко Радичевић“', type: 'primary', municipalityId: 'zrenjanin' });

    expect(names(await list(coordinator, 'municipalityId=novi-sad')).sort()).toEqual(['OŠ „Žarko Zrenjanin“', 'Гимназија „Светозар Марковић“', 'ОШ „Јован Поповић“'].sort());
    expect(names(await list(coordinator, 'municipalityId=novi-sad&type=secondary'))).toEqual(['Гимназија „Светозар Марковић“']);
    expect(names(await list(coordinator, 'districtId=srednjobanatski'))).toEqual(['ОШ „Бранко Радичевић“']);

    // Cyrillic, Latin and plain-keyboard spellings meet; several words must all match.
    for (const q of ['светозар', 'Svetozar', 'markovic', 'NS-77']) expect(names(await list(coordinator, `q=${encodeURIComponent(q)}`)), q).toEqual(['Гимназија „Светозар Марковић“']);
    for (const q of ['жарко', 'zarko']) expect(names(await list(coordinator, `q=${encodeURIComponent(q)}`)), q).toEqual(['OŠ „Žarko Zrenjanin“']);
    // The place is searched too: "zrenjanin" finds the school named after him and the school in Zrenjanin.
    expect(names(await list(coordinator, 'q=zrenjanin')).sort()).toEqual(['OŠ „Žarko Zrenjanin“', 'ОШ „Бранко Радичевић“'].sort());
    expect(names(await list(coordinator, `q=${encodeURIComponent('ош нови сад')}`)).sort()).toEqual(['OŠ „Žarko Zrenjanin“', 'ОШ „Јован Поповић“'].sort());
    // A school written straight to the table (no search text yet) is still found by its name.
    await insertSchool(p.ctx, { name: 'ОШ „Стари Запис“', municipalityId: 'sombor' });
    expect(names(await list(coordinator, `q=${encodeURIComponent('стари')}`))).toEqual(['ОШ „Стари Запис“']);

    const first = await list(coordinator, 'municipalityId=novi-sad&limit=2');
    const second = await list(coordinator, 'municipalityId=novi-sad&limit=2&offset=2');
    expect(first.total).toBe(3);
    expect(first.schools).toHaveLength(2);
    expect(second.schools).toHaveLength(1);
    expect(new Set([...names(first), ...names(second)]).size).toBe(3);
  });

  it('keeps a school taken out of the lists for its history', async () => {
    const id = await register({ name: 'ОШ „Затворена“', type: 'primary', municipalityId: 'bor' });
    expect((await coordinator.patch(`/api/v1/schools/${id}`, { isActive: false })).statusCode).toBe(200);
    expect(names(await list(coordinator, 'municipalityId=bor'))).toEqual([]);
    expect(names(await list(coordinator, 'municipalityId=bor&includeInactive=true'))).toEqual(['ОШ „Затворена“']);
    expect((await coordinator.get(`/api/v1/schools/${id}`)).json().school.isActive).toBe(false);
  });

  it('shows contact details to those who arrange visits, not to peer educators or supervisors', async () => {
    await register({ name: 'ОШ „Контакт“', type: 'primary', municipalityId: 'cacak', contactPerson: 'Петар Петровић', email: 'kontakt@example.org', phone: '032 111 222' });
    for (const client of [coordinator, presenter]) {
      expect((await list(client, 'municipalityId=cacak')).schools[0]).toMatchObject({ contactPerson: 'Петар Петровић', email: 'kontakt@example.org', phone: '032 111 222' });
    }
    for (const client of [peer, supervisor]) {
      const [school] = (await list(client, 'municipalityId=cacak')).schools;
      expect(school).toMatchObject({ name: 'ОШ „Контакт“', contactPerson: null, email: null, phone: null });
    }
  });
});

describe('the CSV import', () => {
  const HEADER = 'name,type,municipality,address,contact_person,email,phone,code';
  const BROKEN = [
    HEADER,
    'ОШ „Карађорђе“,основна,Аранђеловац,Краља Петра 1,Ана Ђорђевић,ana@example.org,034 712 000,AR-1',
    'OŠ „Sveti Sava“,osnovna,Kraljevo,,,not-an-email,,KV-2',
    'Гимназија Крушевац,средња,Крушевац Сити,,,,,KS-3',
    ',основна,Ниш,,,,,',
    'Медицинска школа,факултет,Ниш,,,,,NI-4',
    'ОШ „Вук Караџић“,ОШ,Ниш,,,,,AR-1',
    'Economic school,secondary,subotica,"Trg 1, Subotica",,,,SU-5,extra',
    'ОШ „Ћирило и Методије“,основна,Zaječar,,,,abc,',
  ].join('\n');

  it('imports nothing from a file with broken rows and lists every problem by line and column', async () => {
    const before = await schoolCount();
    const response = await importCsv(BROKEN);
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('import_rejected');
    const found = (body.problems as Problem[]).map((x) => [x.line, x.column, x.problem]);
    expect(found).toEqual([
      [3, 'email', 'invalid'],
      [4, 'municipality', 'unknown_municipality'],
      [5, 'name', 'required'],
      [6, 'type', 'unknown_type'],
      [7, 'code', 'duplicate_in_file'],
      [8, null, 'wrong_column_count'],
      [9, 'phone', 'invalid'],
    ]);
    expect((body.problems as Problem[]).find((x) => x.problem === 'duplicate_in_file')?.otherLine).toBe(2);
    expect(await schoolCount()).toBe(before);
    // A dry run of the same file says the same and writes nothing either.
    const dry = await importCsv(BROKEN, '?dryRun=true');
    expect(dry.statusCode).toBe(400);
    expect(dry.json().problems).toHaveLength(7);
  });

  it('imports every row of the fixed file in one go, with names and words in either script', async () => {
    const fixed = [
      HEADER,
      'ОШ „Карађорђе“,основна,Аранђеловац,Краља Петра 1,Ана Ђорђевић,ana@example.org,034 712 000,AR-1',
      'OŠ „Sveti Sava“,osnovna,Kraljevo,,,sveti.sava@example.org,,KV-2',
      'Гимназија Крушевац,гимназија,Град Крушевац,,,,,KS-3',
      'ОШ „Вожд Карађорђе“,ОШ,Ниш,,,,,',
      'Медицинска школа,СШ,Ниш,,,,,NI-4',
      'ОШ „Вук Караџић“,primary,Nis,,,,,',
      'Economic school,secondary,subotica,"Trg 1, Subotica",,,,SU-5',
      'ОШ „Ћирило и Методије“,основна,Zajecar,,,,019 422 100,',
    ].join('\n');
    const before = await schoolCount();
    const response = await importCsv(fixed);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ dryRun: false, created: 8, updated: 0, unchanged: 0 });
    expect(await schoolCount()).toBe(before + 8);
    expect(await byCode('KS-3')).toMatchObject({ type: 'secondary', municipalityId: 'krusevac', districtId: 'rasinski' });
    expect(await byCode('SU-5')).toMatchObject({ municipalityId: 'subotica', address: 'Trg 1, Subotica' });
    expect(await byCode('AR-1')).toMatchObject({ municipalityId: 'arandjelovac', contactPerson: 'Ана Ђорђевић', email: 'ana@example.org' });
    // Searchable at once, in the other script.
    expect(names(await list(coordinator, 'q=cirilo%20metodije'))).toEqual(['ОШ „Ћирило и Методије“']);
    const audit = await p.ctx.db.selectFrom('auditLog').select(['details']).where('action', '=', 'school.import').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ rows: 8, created: 8, updated: 0, unchanged: 0 });
  });

  it('updates the registered school by its code, or by its name in the municipality, instead of duplicating it', async () => {
    const before = await schoolCount();
    const again = [
      'name;type;municipality;address;code',
      'ОШ „Карађорђе“ Аранђеловац;основна;arandjelovac;Краља Петра 10;AR-1', // renamed and moved house, by code
      'OS "Vuk Karadzic";osnovna;Niš;Obrenovićeva 2;', // by name, written in Latin
      'OŠ „Sveti Sava“;osnovna;Kraljevo;;KV-2', // nothing new
      'Гимназија Крушевац;средња;Крушевац;;', // the code cell empty: the code stays
    ].join('\r\n');
    const dry = await importCsv(again, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 0, updated: 2, unchanged: 2 });
    expect(dry.json().rows.map((r: { line: number; action: string }) => [r.line, r.action])).toEqual([
      [2, 'update'],
      [3, 'update'],
      [4, 'unchanged'],
      [5, 'unchanged'],
    ]);
    expect((await byCode('AR-1'))!.address).toBe('Краља Петра 1'); // the dry run wrote nothing

    const response = await importCsv(again);
    expect(response.statusCode, response.body).toBe(200);
    expect(await schoolCount()).toBe(before);
    expect(await byCode('AR-1')).toMatchObject({ name: 'ОШ „Карађорђе“ Аранђеловац', address: 'Краља Петра 10', contactPerson: 'Ана Ђорђевић', email: 'ana@example.org' });
    expect(await byCode('KS-3')).toMatchObject({ name: 'Гимназија Крушевац' });
    const vuk = await p.ctx.db.selectFrom('schools').selectAll().where('municipalityId', '=', 'nis').where('name', 'like', '%Vuk%').execute();
    expect(vuk).toHaveLength(1);
    expect(vuk[0]).toMatchObject({ name: 'OS "Vuk Karadzic"', address: 'Obrenovićeva 2' });
  });

  it('refuses a row that would give a school the name of another registered school, or another code', async () => {
    const response = await importCsv(['name,type,municipality,code', 'ОШ „Вук Караџић“,основна,Ниш,NI-4', 'ОШ „Вожд Карађорђе“,основна,Ниш,NI-99'].join('\n'));
    expect(response.statusCode).toBe(400);
    // NI-4 is the medical school: giving it the name of OŠ Vuk Karadžić would make two of one.
    // The second row is a registered school without a code; NI-99 would be new and is accepted.
    expect(response.json().problems.map((x: Problem) => [x.line, x.column, x.problem])).toEqual([[2, 'name', 'name_taken']]);
    const other = await importCsv(['name,type,municipality,code', 'Медицинска школа,средња,Ниш,NI-5'].join('\n'));
    expect(other.json().problems.map((x: Problem) => [x.line, x.column, x.problem])).toEqual([[2, 'code', 'code_taken']]);
  });

  it('reads semicolons, a byte-order mark, CRLF, quoted separators and line breaks, and Serbian headers', async () => {
    const file =
      '\uFEFFНазив;Врста;Општина;Адреса;Шифра\r\n' +
      '"ОШ ""Десанка Максимовић""";основна;Čačak;"Улица 1; улаз 2";CA-1\r\n' +
      '\r\n' +
      '"Техничка школа\r\nЧачак";средња;Чачак;;CA-2\r\n' +
      'Економска школа;srednja;cacak;;CA-3\r\n';
    const response = await importCsv(file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().rows.map((r: { line: number }) => r.line)).toEqual([2, 4, 6]);
    expect(await byCode('CA-1')).toMatchObject({ name: 'ОШ "Десанка Максимовић"', address: 'Улица 1; улаз 2', municipalityId: 'cacak' });
    expect((await byCode('CA-2'))!.name).toBe('Техничка школа\nЧачак');
    // Line numbers stay true after a line break inside quotes and an empty line.
    const broken = await importCsv('name;type;municipality\r\n"Две\r\nлиније";основна;Ниш\r\n\r\nТрећа;основна;Атлантида\r\n');
    expect(broken.json().problems.map((x: Problem) => [x.line, x.column])).toEqual([[5, 'municipality']]);
  });

  it('says what is wrong with the header or the file as a whole', async () => {
    const cases: [string, [number, string | null, string][]][] = [
      ['naziv,tip\nОШ,основна', [[1, 'municipality', 'missing_column']]],
      ['name,type,municipality,website\nОШ Нова,основна,Ниш,x', [[1, 'website', 'unknown_column']]],
      ['name,type,municipality,name\nОШ,основна,Ниш,ОШ', [[1, 'name', 'duplicate_column']]],
      ['name,type,municipality\n', [[1, null, 'no_rows']]],
      ['name,type,municipality\n"ОШ,основна,Ниш\n', [[2, null, 'malformed']]],
    ];
    for (const [csv, expected] of cases) {
      const response = await importCsv(csv);
      expect(response.statusCode, csv).toBe(400);
      expect(response.json().problems.map((x: Problem) => [x.line, x.column, x.problem]), csv).toEqual(expected);
    }
    const tooMany = ['name,type,municipality', ...Array.from({ length: 5001 }, (_, i) => `ОШ ${i},основна,Ниш`)].join('\n');
    expect((await importCsv(tooMany)).json().problems[0].problem).toBe('too_many_rows');
  });
});
