// Background jobs on the one PostgreSQL database, with pg-boss sharing the application's
// pool (on PGlite a second pool would share the single session and lose jobs on ROLLBACK).
// A job is a small definition (jobs/definitions/*): a name, a payload schema, a handler and
// optionally a schedule. Jobs that belong to a change are enqueued inside its transaction,
// so they commit or roll back with it.
import PgBoss from 'pg-boss';
import { CompiledQuery } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../context';
import type { DbOrTrx } from '../db/index';
import type { DatabaseHandle } from '../db/index';

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  handler(ctx: AppContext, payload: z.infer<S>): Promise<void>;
  /** Cron expression (UTC) for recurring jobs. */
  schedule?: string;
  /** Retries with exponential backoff before a job is kept as failed. */
  retryLimit?: number;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

export interface Jobs {
  boss: PgBoss;
  definitions: Map<string, JobDefinition>;
  stop(): Promise<void>;
}

function executorFor(db: DbOrTrx): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] as never[] };
    },
  };
}

export async function createJobs(
  database: DatabaseHandle,
  definitions: JobDefinition[],
  options: { runWorkers: boolean },
): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.pool.query(text, values) },
    supervise: options.runWorkers,
    schedule: options.runWorkers,
    migrate: true,
  });
  boss.on('error', (error) => {
    // Surfaced in the log; the job itself stays in the queue and is retried.
    console.error(JSON.stringify({ level: 'error', msg: 'job queue error', error: String(error.message) }));
  });
  await boss.start();
  const byName = new Map<string, JobDefinition>();
  for (const definition of definitions) {
    byName.set(definition.name, definition);
    await boss.createQueue(definition.name, {
      name: definition.name,
      retryLimit: definition.retryLimit ?? 5,
      retryBackoff: true,
      retryDelay: 30,
    });
  }
  return {
    boss,
    definitions: byName,
    async stop() {
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
    },
  };
}

/** Starts the workers and schedules of every definition in this process. */
export async function runWorkers(ctx: AppContext, jobs: Jobs): Promise<void> {
  for (const definition of jobs.definitions.values()) {
    await jobs.boss.work(definition.name, { batchSize: 10, pollingIntervalSeconds: 2 }, async (batch) => {
      for (const job of batch) await runJob(ctx, definition, job.data);
    });
    if (definition.schedule) await jobs.boss.schedule(definition.name, definition.schedule, {}, { tz: 'UTC' });
  }
}

/** Validates the payload and runs the handler: what a worker does with one job. */
export async function runJob(ctx: AppContext, definition: JobDefinition, data: unknown): Promise<void> {
  await definition.handler(ctx, definition.payload.parse(data ?? {}));
}

/** Enqueues a job inside the caller's transaction (or directly, given the database). */
export async function enqueue<S extends z.ZodType>(
  jobs: Jobs,
  db: DbOrTrx,
  definition: JobDefinition<S>,
  payload: z.infer<S>,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  return jobs.boss.send(definition.name, definition.payload.parse(payload) as object, { ...options, db: executorFor(db) });
}
