// Hotline benchmarks on a PostgreSQL server (BENCH_DATABASE_URL): public submissions per
// second under load next to a bare single-row INSERT baseline measured in the same run, and
// the analysts' queue and search latency with a million reports in the database.
import crypto from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { searchKey } from '../common/i18n/translit';
import { REPORT_CATEGORIES } from '../common/hotline';

type Report = (what: string, value: string) => void;

const WORDS = (
  'дете девојчица дечак игрица група порука слике снимак прети уцена вређа исмева школа разред профил налог ' +
  'друштвена мрежа апликација видео коментар лажни одрасли сусрет поклон новац тражи објавити мржња ' +
  'Ćuprija Niš Kragujevac Subotica Novi Pazar Čačak Šabac Užice Zaječar Beograd Vranje ' +
  'link strim kanal server lobi chat TikTok Instagram Discord Roblox Minecraft YouTube'
).split(/\s+/);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

export async function benchSubmissions(report: Report, baseUrl: string, databaseUrl: string, staffCookie: string): Promise<void> {
  // Baseline: the cheapest durable write this database can do, with the same concurrency.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, body text NOT NULL)');
  const latencies: number[] = [];
  const until = Date.now() + 10_000;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        await pool.query('INSERT INTO bench_baseline (body) VALUES ($1)', ['x'.repeat(200)]);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  await pool.query('DROP TABLE bench_baseline');
  await pool.end();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.floor(latencies.length * p)]!.toFixed(1);
  report('baseline: single-row INSERT per second (10 connections, 10 s)', (latencies.length / 10).toFixed(0));
  report('baseline: single-row INSERT latency p50 / p99 ms', `${q(0.5)} / ${q(0.99)}`);

  const body = JSON.stringify({
    category: 'cyberbullying',
    description: 'Група из разреда објављује увредљиве слике девојчице на друштвеној мрежи и позива друге да коментаришу.',
    urls: ['https://social.example/group/123/post/456'],
    platform: 'social-network',
    childAgeGroup: '13-15',
    municipality: 'kragujevac',
  });
  for (const connections of [10, 50]) {
    // While the public floods the form, an analyst keeps working: sample their queue.
    const staffTimes: number[] = [];
    let flooding = true;
    const staff = (async () => {
      await new Promise((r) => setTimeout(r, 1000));
      while (flooding) {
        const t0 = performance.now();
        await (await fetch(`${baseUrl}/api/v1/reports?limit=20`, { headers: { cookie: staffCookie } })).arrayBuffer();
        staffTimes.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const result = await autocannon({
      url: `${baseUrl}/api/v1/reports`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections,
      duration: 10,
    });
    flooding = false;
    await staff;
    staffTimes.sort((a, b) => a - b);
    const sq = (p: number) => staffTimes[Math.floor(staffTimes.length * p)]!.toFixed(0);
    if (result.errors > 0 || result.non2xx > 0) throw new Error(`submissions: ${result.non2xx} non-2xx, ${result.errors} errors`);
    report(`POST /api/v1/reports per second (${connections} connections, 10 s)`, result.requests.average.toFixed(0));
    report(`POST /api/v1/reports latency p50 / p99 ms (${connections} connections)`, `${result.latency.p50} / ${result.latency.p99}`);
    report(`  meanwhile an analyst's queue (GET /api/v1/reports) p50 / p95 ms`, `${sq(0.5)} / ${sq(0.95)}`);
  }
}

/** Fills the reports table to `total` rows, in batches, with realistic text in both scripts. */
export async function fillReports(databaseUrl: string, total: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM reports');
  let have = Number(rows[0]!.n);
  const batch = 10_000;
  while (have < total) {
    const size = Math.min(batch, total - have);
    const descriptions: string[] = [];
    const search: string[] = [];
    const categories: string[] = [];
    const statuses: string[] = [];
    const hashes: string[] = [];
    for (let i = 0; i < size; i++) {
      const text = Array.from({ length: 8 + Math.floor(Math.random() * 20) }, () => pick(WORDS)).join(' ');
      descriptions.push(text);
      search.push(searchKey(text));
      categories.push(pick(REPORT_CATEGORIES));
      // Most reports of a working centre are closed; a few are open.
      const r = Math.random();
      statuses.push(r < 0.01 ? 'new' : r < 0.02 ? 'in-review' : r < 0.025 ? 'waiting-reporter' : r < 0.1 ? 'forwarded' : 'closed');
      hashes.push(crypto.randomBytes(32).toString('hex'));
    }
    await pool.query(
      `INSERT INTO reports (received_at, category, description, search_text, language, receipt_hash, receipt_active_on, status, is_urgent)
       SELECT date_trunc('hour', now() - random() * interval '3 years'), c, d, s, 'sr-Cyrl', h, current_date, st, random() < 0.002
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(c, d, s, h, st)`,
      [categories, descriptions, search, hashes, statuses],
    );
    have += size;
    if (have % 100_000 === 0) process.stdout.write(`  … ${have} reports\n`);
  }
  await pool.query('ANALYZE reports');
  await pool.end();
}

export async function benchQueue(report: Report, baseUrl: string, cookie: string, total: number): Promise<void> {
  const queries: [string, string][] = [
    ['queue, default (urgent first, newest)', '/api/v1/reports'],
    ['queue, status=new', '/api/v1/reports?status=new'],
    ['queue, category filter', '/api/v1/reports?category=grooming'],
    ['search, rare word (Cyrillic query, Latin data)', `/api/v1/reports?q=${encodeURIComponent('Ћуприја')}`],
    ['search, common word', `/api/v1/reports?q=${encodeURIComponent('slike')}`],
    ['search, no match', '/api/v1/reports?q=nepostojecarec'],
    ['search + status=new', `/api/v1/reports?status=new&q=${encodeURIComponent('уцена')}`],
  ];
  for (const [label, path] of queries) {
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`${label}: ${response.status}`);
      await response.arrayBuffer();
      if (i >= 10) times.push(performance.now() - t0); // the first ones warm the caches
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(1);
    report(`${label} at ${total.toLocaleString('en')} reports: p50 / p95 ms`, `${q(0.5)} / ${q(0.95)}`);
  }
}
