// Calendar days and times as people in Serbia see them: every event is placed on its
// Europe/Belgrade day, whatever the computer's own time zone, and a date and time typed in the
// form are Belgrade wall-clock time, sent to the API as an instant with Belgrade's offset.
// Days are "YYYY-MM-DD" keys; weeks start on Monday.
import { addDays, belgradeInstant, belgradeToday } from '../../../../common/belgrade-time';

export { addDays };
const ZONE = 'Europe/Belgrade';
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The Belgrade day an instant falls on. */
export const dayOf = (iso: string | Date): string => belgradeToday(new Date(iso));
export const today = (): string => belgradeToday(new Date());
/** "HH:MM" in Belgrade. */
export const timeOf = (iso: string | Date): string => timeFormat.format(new Date(iso));

/** A Belgrade wall-clock day and time as an ISO instant with its offset (the requests part's helper). */
export const belgradeIso = (day: string, time = '00:00'): string => belgradeInstant(day, time);

/** The Monday of the week a day is in. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;
export function addMonths(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y!, m! - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.toISOString().slice(0, 8)}${String(Math.min(Number(day.slice(8)), last)).padStart(2, '0')}`;
}

/** The days shown for a month: whole weeks, from the Monday before the 1st to the Sunday after the last day. */
export function monthWeeks(day: string): string[][] {
  const first = monthStart(day);
  const next = monthStart(addMonths(first, 1));
  const weeks: string[][] = [];
  for (let start = weekStart(first); start < next; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

export const weekDays = (day: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(weekStart(day), i));
export const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** A day key formatted in the interface language (the key is a calendar day: formatted in UTC). */
export function formatDay(day: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}
