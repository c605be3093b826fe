// Belgrade time, with Intl only (server and console alike). People type and read days and
// times on the Belgrade wall clock; the database stores instants. Days are "YYYY-MM-DD".
export const BELGRADE = 'Europe/Belgrade';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local wall-clock time of `ms` in `timeZone`, written as if it were UTC (to the second). */
export function wallClock(ms: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23', // "24:00" would otherwise be possible at midnight
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The UTC instant at which the wall clock in `timeZone` shows `wall` (written as if UTC). */
export function localToUtc(wall: number, timeZone: string): Date {
  const offsetAt = (ms: number): number => wallClock(ms, timeZone) - Math.floor(ms / 1000) * 1000;
  // The first guess uses the offset at a moment up to a day away, which may lie across a
  // daylight-saving change; the second uses the offset at the guess itself.
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess));
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Today (or the day of `now`) in Belgrade. */
export function belgradeToday(now: number | Date = Date.now()): string {
  return new Date(wallClock(Number(now), BELGRADE)).toISOString().slice(0, 10);
}

/** The day `days` after (or before) another. */
export function addDays(day: string, days: number): string {
  return new Date(dayMs(day) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant a Belgrade calendar day starts. */
export function belgradeDayStart(day: string): Date {
  return localToUtc(dayMs(day), BELGRADE);
}

/** The instant at which Belgrade's clocks show `day` `time` (HH:MM), written with its offset ("…T10:00:00+02:00"). */
export function belgradeInstant(day: string, time: string): string {
  const wall = Date.parse(`${day}T${time}:00Z`);
  const offsetMinutes = Math.round((wall - localToUtc(wall, BELGRADE).getTime()) / 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${day}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
