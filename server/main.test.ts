// The start command as people and scripts use it: a real process on a fresh data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLES } from '../common/roles';

const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startCli(env: Record<string, string>, args = ['start']): Started {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'TEST_DATABASE_URL', 'SECRET_KEY'].includes(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    env: { ...clean, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(started: Started, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(started.output())) {
    if (Date.now() > deadline || started.child.exitCode !== null) throw new Error(`Did not see ${pattern}:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start', () => {
  it('starts on a fresh data folder with demo accounts, refuses a second start on the same folder, and starts again after a stop', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bezbedno-start-'));
    const port = await freePort();
    const first = startCli({ DATA_DIR: dataDir, PORT: String(port) });
    await waitForOutput(first, /staff console:/);
    expect(first.output()).toContain(`http://localhost:${port}/`);
    expect(first.output()).toContain(path.join(dataDir, 'demo-accounts.json'));
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ status: 'ok' });

    // The demo accounts contract.
    const file = path.join(dataDir, 'demo-accounts.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const accounts = JSON.parse(fs.readFileSync(file, 'utf8')) as { username: string; password: string; role: string; institution?: string }[];
    expect(new Set(accounts.map((a) => a.role))).toEqual(new Set(ROLES));
    const contacts = accounts.filter((a) => a.role === 'institution-contact');
    expect(contacts).toHaveLength(2);
    expect(new Set(contacts.map((c) => c.institution)).size).toBe(2);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: accounts[0]!.username, password: accounts[0]!.password }),
    });
    expect(login.status).toBe(200);
    // The demo analyst finds sample reports in the queue.
    const analyst = accounts.find((a) => a.role === 'analyst')!;
    const analystLogin = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: analyst.username, password: analyst.password }),
    });
    const cookie = analystLogin.headers.get('set-cookie')!.split(';')[0]!;
    const queue = await (await fetch(`http://127.0.0.1:${port}/api/v1/reports`, { headers: { cookie } })).json();
    expect(queue.reports.length).toBe(4);

    // A second process on the same folder is refused with a clear message.
    const second = startCli({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another bezbedno process/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const again = startCli({ DATA_DIR: dataDir, PORT: String(port) });
    await waitForOutput(again, /staff console:/);
    expect(again.output()).not.toContain('just created');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 180_000);

  it('lists every configuration problem at once and exits', async () => {
    const bad = startCli({ PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/PORT/);
    expect(bad.output()).toMatch(/DATABASE_URL/);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('runs the same command on a PostgreSQL server, migrating it first', async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `bz_start_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const port = await freePort();
      const server = startCli({ DATABASE_URL: url.toString(), SECRET_KEY: crypto.randomBytes(32).toString('base64'), PORT: String(port) });
      await waitForOutput(server, /PostgreSQL server/);
      expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ status: 'ok' });
      expect(server.output()).not.toContain('demo sign-ins');
      const tables = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
      expect(tables.rowCount).toBe(1);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});
