// Benchmarks (npm run bench): start-up time and idle memory of a real process, request
// throughput and latency under load from autocannon, sign-in cost, audit-log append rate.
// Set BENCH_DATABASE_URL (a PostgreSQL server database whose role may create databases) to
// measure server mode and the hotline (submissions under load, queue and search with
// BENCH_REPORTS reports, a million by default), the live chat (200 chats at once) and the
// helpline contact search. The prevention section (coverage map and figures over a year of
// 50,000 events) runs on an embedded PGlite database and, with BENCH_DATABASE_URL, on the
// server. BENCH_SECTIONS picks sections (server-mode ones and prevention). Figures go to stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchQueue, benchSubmissions, fillReports } from './hotline';
import { benchReferrals } from './referrals';
import { benchChat } from './chat';
import { benchContactSearch, fillContacts } from './helpline';
import { benchPrevention } from './prevention';

interface Row {
  what: string;
  value: string;
}
const rows: Row[] = [];
const report = (what: string, value: string) => {
  rows.push({ what, value });
  console.log(`${what.padEnd(58)} ${value}`);
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; ms: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'start'], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, port, ms: performance.now() - started };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function load(label: string, url: string, headers: Record<string, string> = {}): Promise<void> {
  const result = await autocannon({ url, connections: 10, duration: 5, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  report(`${label}: requests/s (10 connections, 5 s)`, result.requests.average.toFixed(0));
  report(`${label}: latency p50 / p99 ms`, `${result.latency.p50} / ${result.latency.p99}`);
}

async function signIn(port: number, username: string, password: string) {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in: ${response.status}`);
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, body: (await response.json()) as { csrfToken: string } };
}

/** BENCH_SECTIONS=chat,contacts runs only those sections (default: all): hotline, contacts, referrals, chat on the server; prevention on both. */
const wanted = (section: string) => !process.env.BENCH_SECTIONS || process.env.BENCH_SECTIONS.split(',').includes(section);

async function measure(
  mode: string,
  env: Record<string, string>,
  account: () => Promise<{ username: string; password: string }>,
  hotline?: { databaseUrl: string; reports: number },
): Promise<void> {
  console.log(`\n## ${mode}`);
  const first = await startProcess(env);
  report(`${mode}: first start to healthy (migrate + seed) ms`, first.ms.toFixed(0));
  await new Promise((r) => setTimeout(r, 3000));
  report(`${mode}: resident memory at idle MB`, rssMb(first.child.pid!).toFixed(0));
  await stop(first.child);

  const { child, port, ms } = await startProcess(env);
  report(`${mode}: later start to healthy ms`, ms.toFixed(0));
  try {
    const { username, password } = await account();
    const t0 = performance.now();
    const n = 10;
    let session = await signIn(port, username, password);
    for (let i = 1; i < n; i++) session = await signIn(port, username, password);
    report(`${mode}: sign-in (argon2id + session + audit) mean ms`, ((performance.now() - t0) / n).toFixed(0));

    await load(`${mode}: GET /health`, `http://127.0.0.1:${port}/health`);
    await load(`${mode}: GET / (public home, server-rendered)`, `http://127.0.0.1:${port}/`);
    await load(`${mode}: GET /api/v1/session (session lookup)`, `http://127.0.0.1:${port}/api/v1/session`, { cookie: session.cookie });
    await load(`${mode}: GET /api/v1/audit (50 newest, audited read)`, `http://127.0.0.1:${port}/api/v1/audit?limit=50`, { cookie: session.cookie });
    report(`${mode}: resident memory after load MB`, rssMb(child.pid!).toFixed(0));
    if (hotline) {
      const base = `http://127.0.0.1:${port}`;
      if (wanted('hotline')) {
        console.log(`\n## hotline (${mode})`);
        await benchSubmissions(report, base, hotline.databaseUrl, session.cookie);
        console.log(`  filling the reports table to ${hotline.reports.toLocaleString('en')} rows…`);
        await fillReports(hotline.databaseUrl, hotline.reports);
        await benchQueue(report, base, session.cookie, hotline.reports);
      }
      if (wanted('contacts')) {
        console.log(`\n## helpline contacts (${mode})`);
        const contacts = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
        console.log(`  filling the contacts table to ${contacts.toLocaleString('en')} rows…`);
        await fillContacts(hotline.databaseUrl, contacts);
        await benchContactSearch(report, base, session.cookie, contacts);
      }
      if (wanted('referrals')) {
        console.log(`\n## referrals (${mode})`);
        await benchReferrals(report, base, hotline.databaseUrl);
      }
      if (wanted('chat')) {
        console.log(`\n## live chat (${mode})`);
        await benchChat(report, base, { cookie: session.cookie, csrfToken: session.body.csrfToken });
      }
    }
  } finally {
    await stop(child);
  }
}

async function main(): Promise<void> {
  console.log(`# bezbedno benchmarks — ${new Date().toISOString()} — ${os.cpus().length} cores, Node ${process.version}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bezbedno-bench-'));
  await measure('embedded (PGlite)', { DATA_DIR: dataDir }, async () => {
    const accounts = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as { username: string; password: string; role: string }[];
    return accounts.find((a) => a.role === 'administrator')!;
  });
  if (wanted('prevention')) {
    console.log('\n## prevention (embedded (PGlite))');
    await benchPrevention(report, 'PGlite', { kind: 'pglite', dataDir: path.join(dataDir, 'prevention') });
  }

  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    const secret = crypto.randomBytes(32).toString('base64');
    const pg = (await import('pg')).default;
    const name = `bz_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    // Server mode seeds no demo accounts: after the first start has migrated the database,
    // add one administrator (TOTP relaxed explicitly for the benchmark).
    const account = async () => {
      const { hashPassword } = await import('../server/auth/passwords');
      const password = 'bench password long enough';
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      await db.query(`INSERT INTO users (username, display_name, password_hash, roles) VALUES ('bench.admin', 'Bench', $1, '{administrator,analyst,counsellor}')`, [await hashPassword(password)]);
      await db.end();
      return { username: 'bench.admin', password };
    };
    try {
      await measure(
        'PostgreSQL server',
        { DATABASE_URL: url.toString(), SECRET_KEY: secret, TOTP_REQUIRED: 'false', PUBLIC_POW_DIFFICULTY: '0', PUBLIC_RATE_LIMIT_PER_HOUR: '100000000', LOG_LEVEL: 'warn' },
        account,
        { databaseUrl: url.toString(), reports: Number(process.env.BENCH_REPORTS ?? 1_000_000) },
      );
      if (wanted('prevention')) {
        console.log('\n## prevention (PostgreSQL server)');
        await benchPrevention(report, 'PostgreSQL server', { kind: 'postgres', url: url.toString() });
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } else {
    console.log('\n(PostgreSQL server mode skipped: set BENCH_DATABASE_URL to measure it)');
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
