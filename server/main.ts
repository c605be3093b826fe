// The command line: start (default), migrate, create-admin <username>, verify-audit.
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig, type Config } from './config';
import { DataDirLockedError, lockDataDir } from './db/lock';
import { loadOrCreateDemoSecret } from './security/keys';
import { databaseLocation, startPlatform } from './runtime';
import { openDatabase } from './db/index';
import { migrateToLatest } from './db/migrate';
import { demoAccountsPath, seedDemo, seedDemoReports } from './seed/demo';
import { seedInstitutions } from './institutions/registry';
import { seedStarterArticles } from './advice/starter';
import { seedPreventionDemo, seedPreventionReferenceData } from './prevention/seed';
import { verifyAuditChain, recordAudit } from './audit/log';
import { generateTemporaryPassword, hashPassword } from './auth/passwords';
import { usernameSchema } from '../common/schemas/users';

const started = performance.now();

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function withDatabase<T>(config: Config, work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const release = config.isDemo ? await lockDataDir(config.dataDir) : null;
  const database = await openDatabase(databaseLocation(config));
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
    await release?.();
  }
}

async function start(config: Config): Promise<void> {
  const release = config.isDemo ? await lockDataDir(config.dataDir) : null;
  const secretKey = config.secretKey ?? loadOrCreateDemoSecret(config.dataDir);
  const platform = await startPlatform(config, { secretKey });
  await seedInstitutions(platform.ctx.db);
  await seedStarterArticles(platform.ctx.db);
  await seedPreventionReferenceData(platform.ctx.db);
  const demo = config.isDemo ? await seedDemo(platform.ctx.db, config.dataDir) : null;
  if (demo) {
    await seedDemoReports(platform.ctx);
    await seedPreventionDemo(platform.ctx);
  }
  const address = await platform.app.listen({ port: config.port, host: config.host });
  const base = address.replace('://127.0.0.1', '://localhost');
  const lines = [
    '',
    `bezbedno is running (${config.isDemo ? `demo mode, embedded database in ${config.dataDir}` : 'PostgreSQL server'}) after ${Math.round(performance.now() - started)} ms`,
    `  public site:    ${base}/`,
    `  staff console:  ${base}/console/`,
    `  API document:   ${base}/api/openapi.json`,
  ];
  if (config.isDemo) {
    lines.push(`  demo sign-ins:  ${demoAccountsPath(config.dataDir)}${demo ? ' (just created)' : ''}`);
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform.app.log.info({ signal }, 'stopping');
    try {
      await platform.close();
    } finally {
      await release?.();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const [command = 'start', ...args] = process.argv.slice(2);
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate': {
      const applied = await withDatabase(config, async ({ db }) => {
        await seedInstitutions(db);
        await seedStarterArticles(db);
        await seedPreventionReferenceData(db);
        return migrateToLatest(db);
      });
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      return;
    }
    case 'create-admin': {
      const username = usernameSchema.safeParse(args[0] ?? '');
      if (!username.success) fail('Usage: npm run cli -- create-admin <username> (3-40 characters: a-z, 0-9, . _ -)');
      const password = generateTemporaryPassword();
      await withDatabase(config, async ({ db }) => {
        await db.transaction().execute(async (trx) => {
          const user = await trx
            .insertInto('users')
            .values({ username: username.data, displayName: username.data, email: null, passwordHash: await hashPassword(password), roles: ['administrator'], institutionId: null, language: 'sr-Cyrl', mustChangePassword: true })
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordAudit(trx, { actor: null, action: 'user.create', recordType: 'user', recordId: user.id, details: { roles: ['administrator'], via: 'command line' } });
        });
      });
      console.log(`Administrator ${username.data} created. Temporary password (shown once): ${password}`);
      return;
    }
    case 'verify-audit': {
      const result = await withDatabase(config, ({ db }) => verifyAuditChain(db));
      console.log(JSON.stringify(result));
      if (!result.ok) process.exit(2);
      return;
    }
    default:
      fail(`Unknown command "${command}". Commands: start, migrate, create-admin <username>, verify-audit`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) fail(error.message);
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
