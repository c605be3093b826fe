// A real platform for one test file: its own database (in-memory PGlite, or a fresh database
// on the PostgreSQL server named by TEST_DATABASE_URL), migrated, with the HTTP app ready
// for inject() or listen(). No mocks.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { loadConfig } from '../../server/config';
import { startPlatform, type Platform } from '../../server/runtime';
import type { DatabaseLocation } from '../../server/db/index';
import { seedInstitutions } from '../../server/institutions/registry';

export interface TestPlatform extends Platform {
  /** Every log line the app wrote, for tests that prove what is never logged. */
  logs: string[];
}

async function createServerDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bz_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const serverDb = serverUrl ? await createServerDatabase(serverUrl) : null;
  const location: DatabaseLocation = serverDb ? { kind: 'postgres', url: serverDb.url, poolSize: 5 } : { kind: 'pglite-memory' };
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    JOBS_ENABLED: 'false',
    DATA_DIR: path.join(os.tmpdir(), `bezbedno-test-${process.pid}`),
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...env,
  });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const platform = await startPlatform(config, {
    location,
    secretKey: crypto.randomBytes(32).toString('base64'),
    logStream,
  });
  await seedInstitutions(platform.ctx.db);
  return {
    ...platform,
    logs,
    async close() {
      await platform.close();
      await serverDb?.drop();
    },
  };
}
