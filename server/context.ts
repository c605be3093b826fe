// What every route and job needs, built once at start-up and passed explicitly.
import type { Config } from './config';
import type { DatabaseHandle, Db } from './db/index';
import type { Keys } from './security/keys';
import type { Jobs } from './jobs/index';

export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  keys: Keys;
  /** The job queue; null where this process does not run jobs. */
  jobs: Jobs | null;
}
