// Assembles a running platform from a configuration: the database (migrated), the keys, the
// job queue and the HTTP application. main.ts and the tests both start it through here.
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from './config';
import type { AppContext } from './context';
import { openDatabase, pgliteDataDir, type DatabaseLocation } from './db/index';
import { migrateToLatest } from './db/migrate';
import { deriveKeys } from './security/keys';
import { createJobs, runWorkers } from './jobs/index';
import { jobDefinitions } from './jobs/definitions/index';
import { buildApp } from './app';

export function databaseLocation(config: Config): DatabaseLocation {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize }
    : { kind: 'pglite', dataDir: pgliteDataDir(config.dataDir) };
}

export interface Platform {
  ctx: AppContext;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startPlatform(
  config: Config,
  options: { location?: DatabaseLocation; secretKey: string; logStream?: DestinationStream },
): Promise<Platform> {
  const database = await openDatabase(options.location ?? databaseLocation(config));
  try {
    await migrateToLatest(database.db);
    const jobs = await createJobs(database, jobDefinitions, { runWorkers: config.jobsEnabled });
    const ctx: AppContext = { config, database, db: database.db, keys: deriveKeys(options.secretKey), jobs };
    if (config.jobsEnabled) await runWorkers(ctx, jobs);
    const app = await buildApp(ctx, options.logStream ? { logStream: options.logStream } : {});
    return {
      ctx,
      app,
      async close() {
        await app.close();
        await jobs.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
