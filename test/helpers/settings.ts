// Run-time settings for a test: written as an administrator would, and this process's cache
// forgotten at once.
import type { AppContext } from '../../server/context';
import type { Settings } from '../../common/schemas/settings';
import { forgetCachedSettings } from '../../server/settings/settings';

/** The live chat open at every hour of every day (tests must not depend on the clock). */
export const CHAT_ALWAYS_OPEN = { chatOpensAt: '00:00', chatClosesAt: '24:00', chatOnWeekends: true } satisfies Partial<Settings>;

export async function setSettings(ctx: AppContext, values: Partial<Settings>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await ctx.db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
  forgetCachedSettings(ctx.db);
}
