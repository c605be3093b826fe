// Runs the migrations in migrations/ (listed here so a bundle or tsx needs no folder scan).
// Both PGlite and PostgreSQL use the same set. Kysely's migrator takes its own lock, so two
// app processes starting together against one server migrate once.
import { Migrator, type Migration } from 'kysely';
import type { Db } from './index';
import * as m0001 from './migrations/0001_foundation';
import * as m0002 from './migrations/0002_hotline';
import * as m0003 from './migrations/0003_referrals';
import * as m0004 from './migrations/0004_helpline';
import * as m0005 from './migrations/0005_prevention';

const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_hotline': m0002,
  '0003_referrals': m0003,
  '0004_helpline': m0004,
  '0005_prevention': m0005,
};

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
