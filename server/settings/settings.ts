// Run-time settings: defaults in common/schemas/settings.ts, overrides in the settings table.
// Each process caches them briefly; a change reaches the other processes within CACHE_MS.
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../common/schemas/settings';
import type { Db, DbOrTrx } from '../db/index';
import { recordAudit } from '../audit/log';
import type { Actor } from '../auth/policy';

const CACHE_MS = 15_000;
const caches = new WeakMap<object, { value: Settings; at: number }>();

export async function getSettings(db: Db): Promise<Settings> {
  const cached = caches.get(db);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const merged = { ...DEFAULT_SETTINGS, ...Object.fromEntries(rows.map((r) => [r.key, r.value])) };
  // A stored value that no longer validates (a setting whose rules changed) falls back to its default.
  const parsed = settingsSchema.safeParse(merged);
  const value = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  caches.set(db, { value, at: Date.now() });
  return value;
}

/** Call after a change commits, so this process reads the new values at once. */
export function forgetCachedSettings(db: Db): void {
  caches.delete(db);
}

export async function updateSettings(trx: DbOrTrx, patch: Partial<Settings>, actor: Actor): Promise<void> {
  const changed = Object.keys(patch) as (keyof Settings)[];
  for (const key of changed) {
    const value = JSON.stringify(patch[key]);
    await trx
      .insertInto('settings')
      .values({ key, value, updatedBy: actor.id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedBy: actor.id, updatedAt: new Date() }))
      .execute();
  }
  await recordAudit(trx, { actor, action: 'settings.update', recordType: 'settings', details: { changed } });
}
