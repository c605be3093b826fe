// The period the coverage figures are for: whole days on the Belgrade wall clock, both ends
// included, turned into the instants events are compared with (start included, end excluded).
import { addDays, belgradeDayStart, belgradeToday } from '../../../common/belgrade-time';
import type { PeriodQuery } from '../../../common/schemas/prevention/coverage';

export interface Period {
  from: string;
  to: string;
  /** The instant the first day starts in Belgrade. */
  start: Date;
  /** The instant the day after the last one starts in Belgrade. */
  end: Date;
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const asDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function resolvePeriod(query: PeriodQuery, now = Date.now()): Period {
  const year = belgradeToday(now).slice(0, 4);
  const from = query.from ?? `${year}-01-01`;
  const to = query.to ?? `${year}-12-31`;
  return { from, to, start: belgradeDayStart(from), end: belgradeDayStart(addDays(to, 1)) };
}

/** The same day twelve months before `day` (29 February goes to 1 March). */
export function twelveMonthsBefore(day: string): string {
  const date = new Date(dayMs(day));
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return asDay(date.getTime());
}
