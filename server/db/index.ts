// Opens the database: a PostgreSQL server when a URL is given, otherwise embedded PGlite
// (in a folder, or in memory for tests). Both are reached through one pg.Pool so Kysely,
// pg-boss and everything else share a single code path.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the database or an open transaction: use-case functions take this first. */
export type DbOrTrx = Db | Trx;

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  kind: 'pglite' | 'postgres';
  /** Only for PGlite: the embedded instance (LISTEN/NOTIFY goes through it). */
  pglite: PGlite | undefined;
  close(): Promise<void>;
}

export type DatabaseLocation =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string } // a folder on disk
  | { kind: 'pglite-memory' };

export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  let pool: pg.Pool;
  let pglite: PGlite | undefined;
  if (location.kind === 'postgres') {
    pool = new pg.Pool({ connectionString: location.url, max: location.poolSize ?? 10 });
  } else {
    const extensions = { pg_trgm, unaccent };
    if (location.kind === 'pglite') {
      fs.mkdirSync(location.dataDir, { recursive: true }); // PGlite does not create parents
      pglite = await PGlite.create(location.dataDir, { extensions });
    } else {
      pglite = await PGlite.create({ extensions });
    }
    pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
  }
  // A broken idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    pool,
    kind: location.kind === 'postgres' ? 'postgres' : 'pglite',
    pglite,
    async close() {
      await db.destroy(); // ends the pool
      if (pglite) await pglite.close();
    },
  };
}

export function pgliteDataDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

/**
 * A `date` column as YYYY-MM-DD. node-postgres turns a date into a Date at local midnight
 * (PGlite may hand back the string); either way the calendar day is what was stored.
 */
export function dateColumn(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : new Date(value.getTime() - value.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
