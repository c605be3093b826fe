// PGlite has no lock between processes: two processes on one data folder silently lose
// writes. This takes an exclusive lock on the folder for the life of the process.
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The data folder ${dataDir} is in use by another bezbedno process. ` +
        'Stop that process first, or set DATA_DIR to another folder. ' +
        '(The embedded database cannot be shared; use DATABASE_URL for several processes.)',
    );
  }
}

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // The lock is refreshed every 5 s; one left by a killed process counts as stale after 15 s.
    return await lockfile.lock(dataDir, { lockfilePath: path.join(dataDir, '.lock'), stale: 15_000, update: 5_000, realpath: false, retries: 0 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw error;
  }
}
