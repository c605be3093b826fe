// Prevention benchmark (section "prevention"): the coverage map, the municipalities with no
// activity and the figures for reports over one year with 50,000 events (BENCH_EVENTS) across
// every municipality, with 2,400 schools, quiz answers for a thousand events and 3,000 peer
// sessions. It runs in this process on a fresh database (an embedded PGlite folder, or the
// PostgreSQL server database the run created), fills it with INSERT … SELECT generate_series,
// then times the endpoints through HTTP as a supervisor and reports EXPLAIN ANALYZE of each query
// with the scans it chose (the indexes that serve it).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery } from 'kysely';
import { loadConfig } from '../server/config';
import { startPlatform, type Platform } from '../server/runtime';
import type { DatabaseLocation } from '../server/db/index';
import { hashPassword } from '../server/auth/passwords';
import { UNITS } from '../common/geography';
import { districtEventsQuery, districtSchoolsQuery, districtSessionsQuery, lastActivityQuery } from '../server/prevention/coverage/coverage';
import { eventsQuery, knowledgeQuery, municipalitiesQuery, peersQuery, schoolsQuery } from '../server/prevention/coverage/figures';
import { belgradeToday } from '../common/belgrade-time';
import { resolvePeriod, twelveMonthsBefore } from '../server/prevention/coverage/period';

type Report = (what: string, value: string) => void;

const SCHOOLS = 2_400;
const QUIZ_EVENT_EVERY = 40; // one school-pupils event in 40 has a quiz: about a thousand
const SHEETS_PER_PHASE = 25;
const PEER_EDUCATORS = 300;
const PEER_SESSIONS = 3_000;

/** SQL for one element of an array parameter, chosen by an integer expression. */
const pick = (array: string, n: string) => `(${array})[1 + ((${n}) % cardinality(${array}))]`;

async function fill(platform: Platform, year: number, events: number): Promise<void> {
  const pool = platform.ctx.database.pool;
  const units = UNITS.filter((u) => u.kind !== 'belgrade');
  const ids = units.map((u) => u.id);
  const districts = units.map((u) => u.district);
  const yearStart = `${year}-01-01 00:00:00 Europe/Belgrade`;

  await pool.query(
    `INSERT INTO schools (name, type, municipality_id, district_id, address, is_active)
     SELECT 'Школа ' || g, CASE WHEN g % 4 = 0 THEN 'secondary' ELSE 'primary' END,
            ${pick('$1::text[]', 'g * 11')}, ${pick('$2::text[]', 'g * 11')}, 'Улица ' || g, g % 50 <> 0
     FROM generate_series(1, $3::int) g`,
    [ids, districts, SCHOOLS],
  );
  await pool.query('CREATE TEMP TABLE bench_schools AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, municipality_id, district_id FROM schools');

  // Seven events in ten at a school (presentations for pupils, parents, teachers), the rest
  // elsewhere (tour stops, camps, trainings); 88 % held, the rest cancelled or still planned.
  const atSchools = Math.round(events * 0.7);
  const heldColumns = `
    CASE WHEN x.held THEN (CASE WHEN x.type = 'school-pupils' AND x.band = 0 THEN 15 + floor(random() * 45) ELSE 0 END)::int END,
    CASE WHEN x.held THEN (CASE WHEN x.type IN ('school-pupils', 'campaign-city-stop', 'sports-camp') AND x.band = 1 THEN 20 + floor(random() * 70) ELSE 0 END)::int END,
    CASE WHEN x.held THEN (CASE WHEN x.type IN ('school-pupils', 'peer-training', 'campaign-city-stop') AND x.band = 2 THEN 20 + floor(random() * 90) ELSE 0 END)::int END,
    CASE WHEN x.held THEN (CASE WHEN x.type = 'school-parents' THEN 10 + floor(random() * 70) ELSE 0 END)::int END,
    CASE WHEN x.held THEN (CASE WHEN x.type = 'school-teachers' THEN 10 + floor(random() * 40) ELSE floor(random() * 4) END)::int END,
    CASE WHEN x.held THEN (CASE WHEN x.type IN ('campaign-city-stop', 'other') THEN 20 + floor(random() * 280) ELSE 0 END)::int END,
    CASE WHEN x.held THEN 45 END,
    CASE WHEN x.held THEN x.starts_at + interval '2 hours' END`;
  const eventColumns = `type, status, starts_at, ends_at, school_id, venue, municipality_id, district_id, topics,
    pupils_primary_lower, pupils_primary_upper, pupils_secondary, parents, teachers, other_attendees, duration_minutes, recorded_at`;
  const statusAndTime = `
    CASE WHEN random() < 0.88 THEN 'held' WHEN random() < 0.6 THEN 'cancelled' ELSE 'planned' END AS status,
    $1::timestamptz + ((g * 37) % 365) * interval '1 day' + (8 + g % 10) * interval '1 hour' AS starts_at,
    g % 3 AS band`;
  await pool.query(
    `INSERT INTO events (${eventColumns})
     SELECT x.type, x.status, x.starts_at, x.starts_at + interval '45 minutes', s.id, '', s.municipality_id, s.district_id, '{cyberbullying}', ${heldColumns}
     FROM (
       SELECT g, ${statusAndTime},
              CASE WHEN g % 10 < 7 THEN 'school-pupils' WHEN g % 10 < 9 THEN 'school-parents' ELSE 'school-teachers' END AS type
       FROM generate_series(1, $2::int) g
     ) x0
     CROSS JOIN LATERAL (SELECT x0.*, x0.status = 'held' AS held) x
     JOIN bench_schools s ON s.k = (x.g * 7919) % $3`,
    [yearStart, atSchools, SCHOOLS],
  );
  await pool.query(
    `INSERT INTO events (${eventColumns})
     SELECT x.type, x.status, x.starts_at, x.starts_at + interval '2 hours', NULL, 'Градски трг', ${pick('$3::text[]', 'x.g * 13')}, ${pick('$4::text[]', 'x.g * 13')}, '{hate-speech}', ${heldColumns}
     FROM (
       SELECT g, ${statusAndTime}, (ARRAY['campaign-city-stop', 'sports-camp', 'peer-training', 'other'])[1 + g % 4] AS type
       FROM generate_series(1, $2::int) g
     ) x0
     CROSS JOIN LATERAL (SELECT x0.*, x0.status = 'held' AS held) x`,
    [yearStart, events - atSchools, ids, districts],
  );

  // Quizzes: ten questions whose right answers are 0, 1, 2, 3, 0, …; five per quiz; pupils
  // answer right about half the time before and four times in five after.
  const option = JSON.stringify({ prompt: 'Питање', options: ['а', 'б', 'в', 'г'], explanation: '' });
  await pool.query(`INSERT INTO quiz_questions (topic, texts, correct_option) SELECT 'cyberbullying', jsonb_build_object('sr', $1::jsonb, 'en', $1::jsonb), g % 4 FROM generate_series(0, 9) g`, [option]);
  await pool.query(
    `INSERT INTO event_quizzes (event_id, question_ids)
     SELECT e.id, (SELECT array_agg(id ORDER BY correct_option, id) FROM (SELECT id, correct_option FROM quiz_questions ORDER BY correct_option, id LIMIT 5) q)
     FROM events e WHERE e.status = 'held' AND e.type = 'school-pupils' AND e.number % $1 = 0`,
    [QUIZ_EVENT_EVERY],
  );
  const answers = (p: number) => `ARRAY[${[0, 1, 2, 3, 4].map((i) => `CASE WHEN random() < ${p} THEN cq.correct[${i + 1}] ELSE (cq.correct[${i + 1}] + 1) % 4 END`).join(', ')}]::smallint[]`;
  for (const [phase, p] of [['pre', 0.5], ['post', 0.8]] as const) {
    await pool.query(
      `INSERT INTO quiz_responses (event_id, phase, submission_id, answers, language)
       SELECT cq.event_id, $1, cq.event_id || '-' || $1 || '-' || n, ${answers(p)}, 'sr-Cyrl'
       FROM (
         SELECT q.event_id, array_agg(qq.correct_option ORDER BY o.i) AS correct
         FROM event_quizzes q CROSS JOIN LATERAL unnest(q.question_ids) WITH ORDINALITY AS o(id, i) JOIN quiz_questions qq ON qq.id = o.id
         GROUP BY q.event_id
       ) cq CROSS JOIN generate_series(1, $2::int) n`,
      [phase, SHEETS_PER_PHASE],
    );
  }

  // Peer educators and their sessions over the year; four in five confirmed.
  const cohort = await pool.query<{ id: string }>(`INSERT INTO peer_cohorts (name, starts_on) VALUES ('Генерација ${year}', '${year}-01-15') RETURNING id`);
  await pool.query(
    `INSERT INTO peer_educators (cohort_id, first_name, last_initial, municipality_id, district_id, age_group)
     SELECT $1, 'Ана', 'П', ${pick('$2::text[]', 'g * 11')}, ${pick('$3::text[]', 'g * 11')}, '18-24' FROM generate_series(1, $4::int) g`,
    [cohort.rows[0]!.id, ids, districts, PEER_EDUCATORS],
  );
  await pool.query(
    `INSERT INTO peer_sessions (peer_educator_id, held_on, venue, municipality_id, district_id, peers_reached, status)
     SELECT p.id, $1::date + (g * 17) % 365, 'Учионица', p.municipality_id, p.district_id, 5 + g % 25,
            CASE WHEN g % 5 = 0 THEN 'submitted' ELSE 'confirmed' END
     FROM generate_series(1, $2::int) g
     JOIN (SELECT id, municipality_id, district_id, row_number() OVER (ORDER BY id) - 1 AS k FROM peer_educators) p ON p.k = g % $3`,
    [`${year}-01-01`, PEER_SESSIONS, PEER_EDUCATORS],
  );
  await pool.query('DROP TABLE bench_schools');
  for (const table of ['schools', 'events', 'event_quizzes', 'quiz_responses', 'quiz_questions', 'peer_educators', 'peer_sessions']) await pool.query(`ANALYZE ${table}`);
}

async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!response.ok) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** Sequential requests; the first ten warm the caches. */
async function timed(report: Report, label: string, run: () => Promise<Response>, requests = 60): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    const response = await run();
    if (!response.ok) throw new Error(`${label}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    if (i >= 10) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(1);
  report(`${label}: p50 / p99 ms`, `${q(0.5)} / ${q(0.99)}`);
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** The scans of a plan, e.g. "Index Scan events_municipality_idx", "Seq Scan events". */
function scans(node: PlanNode): string[] {
  const own = /Scan/.test(node['Node Type']) && (node['Index Name'] || node['Relation Name']) ? [`${node['Node Type']} ${node['Index Name'] ?? node['Relation Name']}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scans)];
}

/** The query's execution time as EXPLAIN ANALYZE measures it (per-node timing off: on PGlite
 * the clock calls alone multiply the time), and the scans it chose. */
async function explain(platform: Platform, report: Report, label: string, query: CompiledQuery): Promise<void> {
  const { rows } = await platform.ctx.database.pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${query.sql}`, [...query.parameters]);
  const [plan] = rows[0]!['QUERY PLAN'];
  report(`${label}: EXPLAIN ANALYZE ms`, `${plan['Execution Time'].toFixed(1)}  (${[...new Set(scans(plan.Plan))].join(', ')})`);
}

export async function benchPrevention(report: Report, mode: string, location: DatabaseLocation): Promise<void> {
  const events = Number(process.env.BENCH_EVENTS ?? 50_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bezbedno-bench-prevention-'));
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', JOBS_ENABLED: 'false', TOTP_REQUIRED: 'false', COOKIE_SECURE: 'false', DATA_DIR: dataDir });
  const platform = await startPlatform(config, { location, secretKey: crypto.randomBytes(32).toString('base64') });
  try {
    const year = Number(belgradeToday().slice(0, 4)) - 1;
    console.log(`  filling ${events.toLocaleString('en')} events in ${year}, schools, quiz answers and peer sessions…`);
    const t0 = performance.now();
    await fill(platform, year, events);
    report(`${mode}: fill ${events.toLocaleString('en')} events + schools, quizzes, peers s`, ((performance.now() - t0) / 1000).toFixed(1));

    const password = 'bench password long enough';
    await platform.ctx.database.pool.query(`INSERT INTO users (username, display_name, password_hash, roles) VALUES ('bench.supervisor', 'Bench', $1, '{supervisor}')`, [await hashPassword(password)]);
    const baseUrl = await platform.app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = await signIn(baseUrl, 'bench.supervisor', password);
    const get = (pathAndQuery: string) => () => fetch(`${baseUrl}/api/v1/prevention/${pathAndQuery}`, { headers: { cookie } });

    const query = `from=${year}-01-01&to=${year}-12-31`;
    const coverage = (await (await get(`coverage?${query}`)()).json()) as { totals: { eventsHeld: number } };
    const held = await platform.ctx.database.pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE status = 'held'`);
    if (coverage.totals.eventsHeld !== Number(held.rows[0]!.n)) throw new Error(`coverage counts ${coverage.totals.eventsHeld} held events, the table ${held.rows[0]!.n}`);

    const at = `at ${events.toLocaleString('en')} events`;
    await timed(report, `${mode}: GET /prevention/coverage (one year) ${at}`, get(`coverage?${query}`));
    await timed(report, `${mode}: GET /prevention/inactive-municipalities ${at}`, get('inactive-municipalities'));
    await timed(report, `${mode}: GET /prevention/figures (one year) ${at}`, get(`figures?${query}`));
    await timed(report, `${mode}: GET /prevention/figures.csv (one year) ${at}`, get(`figures.csv?${query}`));

    const period = resolvePeriod({ from: `${year}-01-01`, to: `${year}-12-31` });
    const db = platform.ctx.db;
    const ctx = platform.ctx;
    const queries: [string, CompiledQuery][] = [
      ['coverage: events by district', districtEventsQuery(ctx, period).compile()],
      ['coverage: schools visited by district', districtSchoolsQuery(ctx, period).compile()],
      ['coverage: peer sessions by district', districtSessionsQuery(ctx, period).compile()],
      ['inactive: last activity per municipality', lastActivityQuery(twelveMonthsBefore(belgradeToday())).compile(db)],
      ['figures: events and audiences by type', eventsQuery(ctx, period).compile()],
      ['figures: municipalities reached', municipalitiesQuery(ctx, period).compile()],
      ['figures: schools visited and share', schoolsQuery(period).compile(db)],
      ['figures: knowledge gain', knowledgeQuery(period).compile(db)],
      ['figures: peer sessions', peersQuery(ctx, period).compile()],
    ];
    for (const [label, compiled] of queries) await explain(platform, report, `${mode}: ${label}`, compiled);
  } finally {
    await platform.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
