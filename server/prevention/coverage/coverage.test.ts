// Coverage and results from a known set of records written straight to the tables: only held
// events count, the period is whole Belgrade days, the schools' share, the knowledge gain from
// known answer sheets, confirmed peer sessions only, the municipalities with no activity, the
// CSV (BOM, parses back to the same numbers), bad periods, and who may read any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { ROLES, type Role } from '../../../common/roles';
import { districtOf } from '../../../common/geography';
import type { CoverageResponse, FiguresResponse, InactiveMunicipalitiesResponse } from '../../../common/schemas/prevention/coverage';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { matrixTests, type MatrixAction } from '../../../test/helpers/matrix';
import { insertEvent, insertSchool, type TestEventOptions } from '../../../test/helpers/prevention';
import { MAX_QUIZ_QUESTIONS } from './figures';

let p: TestPlatform;
const clients = new Map<Role, Client>();
let coordinator: Client;
const PERIOD = 'from=2024-01-01&to=2024-12-31';
const DAY = 86_400_000;
/** E1, E3, E4, E5: the events the quiz answers belong to. */
const events: Record<string, string> = {};

const audience = (a: TestEventOptions['audience']) => ({ pupilsPrimaryLower: 0, pupilsPrimaryUpper: 0, pupilsSecondary: 0, parents: 0, teachers: 0, otherAttendees: 0, ...a });

async function educator(municipalityId: string): Promise<string> {
  const cohort = await p.ctx.db.insertInto('peerCohorts').values({ name: 'Генерација 2024', startsOn: '2024-01-15' }).returning('id').executeTakeFirstOrThrow();
  const row = await p.ctx.db
    .insertInto('peerEducators')
    .values({ cohortId: cohort.id, firstName: 'Ана', lastInitial: 'П', municipalityId, districtId: districtOf(municipalityId), ageGroup: '18-24' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function session(educatorId: string, municipalityId: string, heldOn: string, peersReached: number, status: 'submitted' | 'confirmed' | 'returned' = 'confirmed') {
  await p.ctx.db
    .insertInto('peerSessions')
    .values({ peerEducatorId: educatorId, heldOn, venue: 'Учионица', municipalityId, districtId: districtOf(municipalityId), peersReached, status, ...(status === 'returned' ? { returnReason: 'Недостаје број' } : {}) })
    .execute();
}

async function quiz(eventId: string, questionIds: string[], sheets: { pre?: number[][]; post?: number[][] }) {
  await p.ctx.db.insertInto('eventQuizzes').values({ eventId, questionIds }).execute();
  for (const phase of ['pre', 'post'] as const) {
    for (const answers of sheets[phase] ?? []) {
      await p.ctx.db.insertInto('quizResponses').values({ eventId, phase, answers, language: 'sr-Cyrl', submissionId: `${eventId}-${phase}-${Math.random()}` }).execute();
    }
  }
}

beforeAll(async () => {
  p = await createTestPlatform();
  for (const role of ROLES) clients.set(role, await signIn(p.app, await createUser(p.ctx, { roles: [role] })));
  coordinator = clients.get('prevention-coordinator')!;
  const ctx = p.ctx;

  // Schools: two primary and one secondary active; a secondary one closed; a primary one
  // visited in 2024 and closed since.
  const s1 = await insertSchool(ctx, { type: 'primary', municipalityId: 'nis' });
  const s2 = await insertSchool(ctx, { type: 'secondary', municipalityId: 'cukarica' });
  await insertSchool(ctx, { type: 'primary', municipalityId: 'kragujevac' });
  const s4 = await insertSchool(ctx, { type: 'secondary', municipalityId: 'kragujevac' });
  const s5 = await insertSchool(ctx, { type: 'primary', municipalityId: 'kraljevo' });

  // Held in 2024 (Belgrade days): five events.
  events.e1 = await insertEvent(ctx, { status: 'held', type: 'school-pupils', municipalityId: 'nis', schoolId: s1, startsAt: new Date('2024-03-10T09:00:00Z'), audience: audience({ pupilsPrimaryLower: 10, pupilsPrimaryUpper: 20, parents: 3, teachers: 2, otherAttendees: 1 }) });
  // 00:30 on 1 January in Belgrade is still 31 December in UTC.
  await insertEvent(ctx, { status: 'held', type: 'school-parents', municipalityId: 'nis', schoolId: s1, startsAt: new Date('2023-12-31T23:30:00Z'), audience: audience({ parents: 40, teachers: 1 }) });
  // 23:30 on 31 December in Belgrade.
  events.e3 = await insertEvent(ctx, { status: 'held', type: 'school-pupils', municipalityId: 'cukarica', schoolId: s2, startsAt: new Date('2024-12-31T22:30:00Z'), audience: audience({ pupilsSecondary: 30, teachers: 2 }) });
  events.e4 = await insertEvent(ctx, { status: 'held', type: 'campaign-city-stop', municipalityId: 'subotica', venue: 'Градски трг', startsAt: new Date('2024-06-01T16:00:00Z'), audience: audience({ otherAttendees: 200 }) });
  await insertEvent(ctx, { status: 'held', type: 'school-teachers', municipalityId: 'kraljevo', schoolId: s5, startsAt: new Date('2024-09-20T11:00:00Z'), audience: audience({ teachers: 15 }) });
  // Outside 2024 in Belgrade time (23:30 on 31 December 2023; 00:30 on 1 January 2025).
  events.e5 = await insertEvent(ctx, { status: 'held', municipalityId: 'nis', schoolId: s1, startsAt: new Date('2023-12-31T22:30:00Z'), audience: audience({ pupilsPrimaryUpper: 1000 }) });
  await insertEvent(ctx, { status: 'held', municipalityId: 'kragujevac', startsAt: new Date('2024-12-31T23:30:00Z'), audience: audience({ pupilsPrimaryUpper: 1000 }) });
  // In 2024 but not held.
  await insertEvent(ctx, { status: 'planned', municipalityId: 'kragujevac', schoolId: s4, startsAt: new Date('2024-05-05T09:00:00Z') });
  await insertEvent(ctx, { status: 'cancelled', municipalityId: 'kragujevac', schoolId: s4, startsAt: new Date('2024-05-06T09:00:00Z') });
  await ctx.db.updateTable('schools').set({ isActive: false }).where('id', 'in', [s4, s5]).execute();

  // Peer sessions: two confirmed in 2024 (one on its last day), the rest not counted.
  const ana = await educator('nis');
  const marko = await educator('subotica');
  await session(ana, 'nis', '2024-05-05', 12);
  await session(marko, 'subotica', '2024-12-31', 8);
  await session(ana, 'nis', '2024-05-06', 100, 'submitted');
  await session(ana, 'nis', '2024-05-07', 100, 'returned');
  await session(ana, 'nis', '2025-01-01', 100);
  await session(ana, 'nis', '2023-12-31', 100);

  // Quiz questions whose correct options are 0, 1 and 2.
  const questionIds: string[] = [];
  for (const correctOption of [0, 1, 2]) {
    const option = { prompt: 'Питање', options: ['а', 'б', 'в', 'г'], explanation: '' };
    const row = await ctx.db
      .insertInto('quizQuestions')
      .values({ topic: 'cyberbullying', texts: JSON.stringify({ sr: option, en: option }), correctOption })
      .returning('id')
      .executeTakeFirstOrThrow();
    questionIds.push(row.id);
  }
  // E1: before 1/3 and 2/3 (mean 0.5); after 1, 1 and 2/3 ([2,1,2]: the first is wrong).
  await quiz(events.e1, questionIds, { pre: [[0, 0, 0], [0, 1, 0]], post: [[0, 1, 2], [0, 1, 2], [2, 1, 2]] });
  // E3: before 1; after 1/3.
  await quiz(events.e3, questionIds, { pre: [[0, 1, 2]], post: [[0, 0, 0]] });
  // E4 has answers only before; E5 was held outside the period: neither counts.
  await quiz(events.e4, questionIds, { pre: [[0, 1, 2]] });
  await quiz(events.e5, questionIds, { pre: [[3, 3, 3]], post: [[0, 1, 2]] });
}, 120_000);
afterAll(async () => p?.close());

describe('figures for reports', () => {
  let figures: FiguresResponse;
  beforeAll(async () => {
    const response = await coordinator.get(`/api/v1/prevention/figures?${PERIOD}`);
    expect(response.statusCode, response.body).toBe(200);
    figures = response.json();
  });

  it('counts held events only, within the Belgrade days of the period, by type', () => {
    expect(figures.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(figures.eventsHeld).toBe(5);
    expect(Object.fromEntries(figures.eventsByType.map((row) => [row.type, row.events]))).toEqual({
      'school-pupils': 2,
      'school-parents': 1,
      'school-teachers': 1,
      'campaign-city-stop': 1,
      'sports-camp': 0,
      'peer-training': 0,
      other: 0,
    });
    expect(figures.municipalitiesReached).toBe(4);
  });

  it('adds up the audiences by grade band and kind', () => {
    expect(figures.audience).toEqual({ pupilsPrimaryLower: 10, pupilsPrimaryUpper: 20, pupilsSecondary: 30, pupils: 60, parents: 43, teachers: 20, otherAttendees: 201, total: 324 });
  });

  it('gives the schools visited and their share of the active schools in the registry, by type', () => {
    expect(figures.schools.visited).toBe(3);
    expect(figures.schools.active).toBe(3);
    expect(figures.schools.share).toBeCloseTo(2 / 3, 10);
    expect(figures.schools.byType).toEqual([
      { type: 'primary', visited: 2, active: 2, share: 0.5 },
      { type: 'secondary', visited: 1, active: 1, share: 1 },
    ]);
  });

  it('computes the knowledge gain from the answer sheets of events with both phases', () => {
    expect(figures.knowledge.events).toBe(2);
    expect(figures.knowledge.answerSheetsBefore).toBe(3);
    expect(figures.knowledge.answerSheetsAfter).toBe(4);
    expect(figures.knowledge.correctBefore).toBeCloseTo(2 / 3, 10); // (1/3 + 2/3 + 1) / 3
    expect(figures.knowledge.correctAfter).toBeCloseTo(3 / 4, 10); // (1 + 1 + 2/3 + 1/3) / 4
    expect(figures.knowledge.gainPoints).toBe(8.3);
    expect(figures.knowledge.eventsImproved).toBe(1); // E1 0.5 → 0.89; E3 1 → 0.33
  });

  it('counts confirmed peer sessions only, and the peer educators who held them', () => {
    expect(figures.peers).toEqual({ sessions: 2, peersReached: 20, activeEducators: 2 });
  });

  it('answers an empty period with zeros and no shares', async () => {
    const response = await coordinator.get('/api/v1/prevention/figures?from=2010-01-01&to=2010-12-31');
    const empty: FiguresResponse = response.json();
    expect(empty.eventsHeld).toBe(0);
    expect(empty.audience.total).toBe(0);
    expect(empty.schools).toMatchObject({ visited: 0, active: 3, share: 0 });
    expect(empty.knowledge).toEqual({ events: 0, answerSheetsBefore: 0, answerSheetsAfter: 0, correctBefore: null, correctAfter: null, gainPoints: null, eventsImproved: 0 });
    expect(empty.peers).toEqual({ sessions: 0, peersReached: 0, activeEducators: 0 });
  });

  it('defaults to the current calendar year in Belgrade', async () => {
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade', year: 'numeric' }).format(new Date());
    const response = await coordinator.get('/api/v1/prevention/figures');
    expect(response.json().period).toEqual({ from: `${year}-01-01`, to: `${year}-12-31` });
  });
});

describe('knowledge gain with the longest quizzes', () => {
  it('scores every position of a ten-question quiz, and the schema allows no longer ones', async () => {
    const ctx = p.ctx;
    const questionIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const option = { prompt: `Питање ${i}`, options: ['а', 'б', 'в', 'г'], explanation: '' };
      const row = await ctx.db.insertInto('quizQuestions').values({ topic: 'privacy', texts: JSON.stringify({ sr: option, en: option }), correctOption: (i * 3) % 4 }).returning('id').executeTakeFirstOrThrow();
      questionIds.push(row.id);
    }
    const right = questionIds.map((_, i) => (i * 3) % 4);
    const wrongLast = right.map((answer, i) => (i === 9 ? (answer + 1) % 4 : answer));
    const eventId = await insertEvent(ctx, { status: 'held', municipalityId: 'bor', startsAt: new Date('2022-04-04T08:00:00Z'), audience: audience({ pupilsPrimaryUpper: 20 }) });
    await quiz(eventId, questionIds, { pre: [wrongLast, right.map(() => 3)], post: [right] });
    const knowledge = (await coordinator.get('/api/v1/prevention/figures?from=2022-01-01&to=2022-12-31')).json().knowledge;
    // Before: 9/10, and a sheet answering 3 everywhere, right where 3 is right (3 of 10).
    expect(right.filter((answer) => answer === 3)).toHaveLength(3);
    expect(knowledge.correctBefore).toBeCloseTo((0.9 + 0.3) / 2, 10);
    expect(knowledge.correctAfter).toBe(1);
    const { rows } = await sql<{ definition: string }>`
      SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE contype = 'c' AND conrelid IN ('quiz_responses'::regclass, 'event_quizzes'::regclass)
        AND pg_get_constraintdef(oid) LIKE '%cardinality%'`.execute(ctx.db);
    expect(rows).toHaveLength(2);
    for (const { definition } of rows) expect(definition, definition).toMatch(new RegExp(`<= ${MAX_QUIZ_QUESTIONS}\\b`));
  });
});

describe('coverage by district', () => {
  it('gives every district outside Kosovo and Metohija, with the figures of its held events and confirmed sessions', async () => {
    const response = await coordinator.get(`/api/v1/prevention/coverage?${PERIOD}`);
    expect(response.statusCode, response.body).toBe(200);
    const coverage: CoverageResponse = response.json();
    expect(coverage.districts).toHaveLength(25);
    const of = (id: string) => coverage.districts.find((d) => d.districtId === id);
    expect(of('nisavski')).toEqual({ districtId: 'nisavski', eventsHeld: 2, peopleReached: 77, pupils: 30, parents: 43, teachers: 3, otherAttendees: 1, schoolsVisited: 1, peerSessions: 1, peersReached: 12 });
    expect(of('beograd')).toMatchObject({ eventsHeld: 1, peopleReached: 32, pupils: 30, schoolsVisited: 1, peerSessions: 0 });
    expect(of('severnobacki')).toMatchObject({ eventsHeld: 1, peopleReached: 200, schoolsVisited: 0, peerSessions: 1, peersReached: 8 });
    expect(of('raski')).toMatchObject({ eventsHeld: 1, peopleReached: 15, teachers: 15, schoolsVisited: 1 });
    expect(of('sumadijski')).toMatchObject({ eventsHeld: 0, peopleReached: 0, peerSessions: 0 });
    expect(of('kosovski')).toBeUndefined();
    expect(coverage.totals).toEqual({ eventsHeld: 5, peopleReached: 324, pupils: 60, parents: 43, teachers: 20, otherAttendees: 201, schoolsVisited: 3, peerSessions: 2, peersReached: 20 });
  });
});

describe('municipalities with no activity in the last 12 months', () => {
  let answer: InactiveMunicipalitiesResponse;
  beforeAll(async () => {
    const ctx = p.ctx;
    const now = Date.now();
    await insertEvent(ctx, { status: 'held', municipalityId: 'novi-sad', startsAt: new Date(now - 60 * DAY) });
    await insertEvent(ctx, { status: 'held', municipalityId: 'vracar', startsAt: new Date(now - 30 * DAY) });
    await insertEvent(ctx, { status: 'held', municipalityId: 'beograd', startsAt: new Date(now - 30 * DAY) });
    await insertEvent(ctx, { status: 'planned', municipalityId: 'sombor', startsAt: new Date(now - 30 * DAY) });
    await insertEvent(ctx, { status: 'cancelled', municipalityId: 'sombor', startsAt: new Date(now - 20 * DAY) });
    await insertEvent(ctx, { status: 'held', municipalityId: 'valjevo', startsAt: new Date(now - 400 * DAY) });
    const mila = await educator('cacak');
    await session(mila, 'cacak', new Date(now - 10 * DAY).toISOString().slice(0, 10), 9);
    await session(mila, 'pirot', new Date(now - 10 * DAY).toISOString().slice(0, 10), 9, 'submitted');
    const response = await coordinator.get('/api/v1/prevention/inactive-municipalities');
    expect(response.statusCode, response.body).toBe(200);
    answer = response.json();
  });
  const entry = (id: string) => answer.municipalities.find((m) => m.municipalityId === id);

  it('looks at every municipality and city, and Belgrade by its 17 city municipalities', () => {
    expect(answer.unitsConsidered).toBe(161);
    expect(entry('beograd')).toBeUndefined();
    // An event recorded only as "City of Belgrade" makes no city municipality active.
    expect(entry('zvezdara')).toEqual({ municipalityId: 'zvezdara', districtId: 'beograd', lastActivityOn: null });
  });

  it('leaves out places with a held event or a confirmed peer session in the last 12 months', () => {
    for (const id of ['novi-sad', 'vracar', 'cacak']) expect(entry(id), id).toBeUndefined();
  });

  it('lists places with only planned, cancelled or unconfirmed activity, or older activity, with its date', () => {
    expect(entry('sombor')?.lastActivityOn).toBeNull();
    expect(entry('pirot')?.lastActivityOn).toBeNull();
    expect(entry('valjevo')?.lastActivityOn).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade' }).format(new Date(Date.now() - 400 * DAY)));
    // Niš: events up to March 2024, confirmed sessions up to 1 January 2025.
    expect(entry('nis')?.lastActivityOn).toBe('2025-01-01');
    // Kragujevac: an event at 00:30 on 1 January 2025 in Belgrade (31 December in UTC).
    expect(entry('kragujevac')?.lastActivityOn).toBe('2025-01-01');
    expect(entry('nis')?.districtId).toBe('nisavski');
    expect(answer.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('CSV export', () => {
  const rowsOf = (body: string, delimiter: string) => parse(body, { bom: true, delimiter }) as string[][];
  const value = (rows: string[][], section: string, item: string, figure: string) => rows.find((r) => r[0] === section && r[1] === item && r[2] === figure)?.[3];

  it('is a UTF-8 download with a BOM, in Serbian with ";" and decimal commas, with the same numbers', async () => {
    const response = await coordinator.get(`/api/v1/prevention/figures.csv?${PERIOD}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="prevention-figures-2024-01-01-2024-12-31.csv"');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = rowsOf(response.body, ';');
    expect(rows[0]).toEqual(['Одељак', 'Ставка', 'Бројка', 'Вредност']);
    expect(value(rows, 'Догађаји', 'Све врсте', 'Одржани догађаји')).toBe('5');
    expect(value(rows, 'Догађаји', 'Предавање за ученике', 'Одржани догађаји')).toBe('2');
    expect(value(rows, 'Публика', 'Ученици од 1. до 4. разреда', 'Особе')).toBe('10');
    expect(value(rows, 'Публика', 'Укупно досегнуто', 'Особе')).toBe('324');
    expect(value(rows, 'Школе', 'Све школе', 'Удео посећених (%)')).toBe('66,7');
    expect(value(rows, 'Школе', 'Основна школа', 'Удео посећених (%)')).toBe('50,0');
    expect(value(rows, 'Шта су деца научила (квизови пре и после)', '', 'Тачни одговори после (%)')).toBe('75,0');
    expect(value(rows, 'Вршњачка едукација', '', 'Досегнути вршњаци')).toBe('20');
    expect(value(rows, 'По окрузима', 'Нишавски округ', 'Досегнуте особе')).toBe('77');
    expect(rows.filter((r) => r[0] === 'По окрузима' && r[2] === 'Одржани догађаји')).toHaveLength(25);
  });

  it('is documented in OpenAPI as text/csv beside the JSON figures', async () => {
    const doc = (await p.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/v1/prevention/figures.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(doc.paths['/api/v1/prevention/figures.csv'].get.parameters.map((x: { name: string }) => x.name).sort()).toEqual(['from', 'language', 'to']);
    expect(doc.paths['/api/v1/prevention/figures'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('knowledge');
  });

  it('labels columns in the language asked for (English: "," and a decimal point)', async () => {
    const response = await coordinator.get(`/api/v1/prevention/figures.csv?${PERIOD}&language=en`);
    const rows = rowsOf(response.body, ',');
    expect(rows[0]).toEqual(['Section', 'Item', 'Figure', 'Value']);
    expect(value(rows, 'Schools', 'All schools', 'Share visited (%)')).toBe('66.7');
    expect(value(rows, 'By district', 'Nišavski okrug', 'Events held')).toBe('2');
    const latin = rowsOf((await coordinator.get(`/api/v1/prevention/figures.csv?${PERIOD}&language=sr-Latn`)).body, ';');
    expect(value(latin, 'Po okruzima', 'Nišavski okrug', 'Održani događaji')).toBe('2');
  });
});

describe('bad input', () => {
  for (const path of ['coverage', 'figures', 'figures.csv']) {
    it(`refuses bad periods on ${path}, naming the field`, async () => {
      for (const [query, field] of [
        ['from=2024-13-01', 'from'],
        ['to=31.12.2024', 'to'],
        ['from=2024-02-30', 'from'],
        ['from=2024-06-01&to=2024-05-31', 'to'],
        ['since=2024-01-01', 'since'],
      ] as const) {
        const response = await coordinator.get(`/api/v1/prevention/${path}?${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(Object.keys(response.json().error.fields ?? {}), query).toContain(field);
      }
    });
  }
  it('refuses an unknown language for the CSV', async () => {
    const response = await coordinator.get('/api/v1/prevention/figures.csv?language=de');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty('language');
  });
});

describe('permissions', () => {
  const coordinatorsAndSupervisors = { 'prevention-coordinator': 200, supervisor: 200, otherwise: 403 };
  const actions: MatrixAction[] = [
    { name: 'read the coverage by district', method: 'GET', url: () => `/api/v1/prevention/coverage?${PERIOD}`, expect: coordinatorsAndSupervisors },
    { name: 'read the municipalities with no activity', method: 'GET', url: () => '/api/v1/prevention/inactive-municipalities', expect: coordinatorsAndSupervisors },
    { name: 'read the figures', method: 'GET', url: () => `/api/v1/prevention/figures?${PERIOD}`, expect: coordinatorsAndSupervisors },
    { name: 'download the figures as CSV', method: 'GET', url: () => `/api/v1/prevention/figures.csv?${PERIOD}`, expect: coordinatorsAndSupervisors },
  ];
  matrixTests(actions, () => clients, () => p.app);
});
