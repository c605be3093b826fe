// The referral calendar: which days are working days in Serbia, when a deadline of N working
// days runs out, and whether a moment falls within working hours (urgent referrals run on
// calendar hours; outside working hours the deputy is alerted, so only that yes/no lives here).
//
// Non-working days follow the Zakon o državnim i drugim praznicima u Republici Srbiji
// ("Sl. glasnik RS" 43/2001, 101/2007, 92/2011), applied to every year as currently in force:
//  - Art. 1 and 1a, state holidays: New Year 1–2 Jan, Statehood Day 15–16 Feb, Labour Day
//    1–2 May, Armistice Day 11 Nov. Victory Day (9 May) is a state holiday too, but Art. 3 says
//    it is celebrated as a working day, so it is not a non-working day and never shifts.
//  - Art. 2, religious holidays for everyone: Orthodox Christmas 7 Jan, and Orthodox Easter from
//    Good Friday to Easter Monday. The holidays of other faiths (Catholic Easter and Christmas,
//    Bajram, Yom Kippur, the slava) are days off only for their believers (Art. 4), so a
//    deadline for the Centre does not move for them and they are not counted here.
//  - Art. 3a: "if one of the dates of a state holiday falls on a Sunday, the first following
//    working day is not worked". This is the first following day that is itself a working day,
//    not simply Monday: 1 Jan 2017 (Sunday) made Tuesday 3 Jan off, because Monday 2 Jan was
//    the holiday's second day; 2 May 2021 (Sunday, also Easter) made Tuesday 4 May off, because
//    Monday was Easter Monday (Ministry of Labour opinion 011-00-530/2020-02 of 20 Jan 2021).
//    It covers state holidays only: Christmas on a Sunday (2018, 2024) gave no extra day.
//  - Government "recommendations" (8 Jan 2024, Badnji dan 6 Jan 2026) are not binding and are
//    not counted.
import { localToUtc, wallClock } from '../../common/belgrade-time';

export interface PublicHoliday {
  date: string; // YYYY-MM-DD
  name: string; // Serbian, Cyrillic
  nameEn: string;
}

const DAY_MS = 86_400_000;

/** Orthodox Easter Sunday of `year`, as a Gregorian date at 00:00Z. */
export function orthodoxEaster(year: number): Date {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`Unsupported year: ${year}`);
  // Meeus's Julian algorithm gives Easter in the Julian calendar...
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  // ...then the Julian–Gregorian gap is added: 13 days in 1900–2099 (Easter is always after
  // 1 March, where the gap of a century year changes, so the century alone decides it).
  const gap = Math.floor(year / 100) - Math.floor(year / 400) - 2;
  return new Date(Date.UTC(year, month - 1, day + gap));
}

const STATE_HOLIDAYS: ReadonlyArray<readonly [month: number, day: number, name: string, nameEn: string]> = [
  [1, 1, 'Нова година', 'New Year'],
  [1, 2, 'Нова година', 'New Year'],
  [2, 15, 'Сретење – Дан државности Србије', 'Statehood Day'],
  [2, 16, 'Сретење – Дан државности Србије', 'Statehood Day'],
  [5, 1, 'Празник рада', 'Labour Day'],
  [5, 2, 'Празник рада', 'Labour Day'],
  [11, 11, 'Дан примирја у Првом светском рату', 'Armistice Day'],
];

const EASTER_DAYS: ReadonlyArray<readonly [offset: number, name: string, nameEn: string]> = [
  [-2, 'Велики петак', 'Orthodox Good Friday'],
  [-1, 'Велика субота', 'Orthodox Holy Saturday'],
  [0, 'Васкрс', 'Orthodox Easter Sunday'],
  [1, 'Други дан Васкрса', 'Orthodox Easter Monday'],
];

/**
 * The non-working public holidays of `year`, sorted, one entry per date (when two holidays
 * coincide, e.g. Labour Day and Easter in 2021, their names are joined with " / "), including
 * the days off under Art. 3a for a state holiday that fell on a Sunday.
 */
export function serbianPublicHolidays(year: number): PublicHoliday[] {
  const days = new Map<string, { names: string[]; namesEn: string[] }>();
  const add = (ms: number, name: string, nameEn: string): void => {
    const key = toKey(ms);
    const entry = days.get(key) ?? { names: [], namesEn: [] };
    entry.names.push(name);
    entry.namesEn.push(nameEn);
    days.set(key, entry);
  };

  const state = STATE_HOLIDAYS.map(([month, day, name, nameEn]) => ({ ms: Date.UTC(year, month - 1, day), name, nameEn }));
  for (const h of state) add(h.ms, h.name, h.nameEn);
  add(Date.UTC(year, 0, 7), 'Божић', 'Orthodox Christmas');
  const easter = orthodoxEaster(year).getTime();
  for (const [offset, name, nameEn] of EASTER_DAYS) add(easter + offset * DAY_MS, name, nameEn);

  // Art. 3a, after all holidays are known: the day off must skip Easter Monday and the second
  // day of the same holiday. STATE_HOLIDAYS is in date order, so shifts cannot collide.
  for (const h of state) {
    if (new Date(h.ms).getUTCDay() !== 0) continue;
    let ms = h.ms + DAY_MS;
    while (isWeekend(ms) || days.has(toKey(ms))) ms += DAY_MS;
    add(ms, 'Нерадни дан (празник у недељу)', 'Non-working day (holiday on a Sunday)');
  }

  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, { names, namesEn }]) => ({ date, name: names.join(' / '), nameEn: namesEn.join(' / ') }));
}

const holidaySets = new Map<number, ReadonlySet<string>>();

/** Whether `date` (YYYY-MM-DD) is Monday–Friday and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  const ms = parseKey(date);
  if (isWeekend(ms)) return false;
  const year = new Date(ms).getUTCFullYear();
  let holidays = holidaySets.get(year);
  if (!holidays) {
    holidays = new Set(serbianPublicHolidays(year).map((h) => h.date));
    holidaySets.set(year, holidays);
  }
  return !holidays.has(date);
}

/**
 * The deadline for a referral made at `start`: the end (23:59:59.999 local time) of the
 * `days`-th working day after the local day of `start`. With 0 days it is the end of that same
 * day if it is a working day, otherwise of the next working day — a referral received on a
 * Sunday with "answer today" is answered the first day someone is at work.
 */
export function addWorkingDays(start: Date, days: number, timeZone = 'Europe/Belgrade'): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${days}`);
  if (Number.isNaN(start.getTime())) throw new RangeError('Invalid start date');
  // The local calendar day, not the UTC one: 00:30 in Belgrade is still the previous day in UTC.
  let day = toKey(wallClock(start.getTime(), timeZone));
  if (days === 0) {
    while (!isWorkingDay(day)) day = toKey(parseKey(day) + DAY_MS);
  } else {
    for (let counted = 0; counted < days; ) {
      day = toKey(parseKey(day) + DAY_MS);
      if (isWorkingDay(day)) counted++;
    }
  }
  return localToUtc(parseKey(day) + DAY_MS - 1, timeZone);
}

/**
 * Whether `moment` is within working hours: a working day, and local time in
 * [start:00, end:00). Weekends and holidays are outside working hours, whatever the clock says.
 */
export function isWithinWorkingHours(
  moment: Date,
  hours: { start: number; end: number } = { start: 8, end: 16 },
  timeZone = 'Europe/Belgrade',
): boolean {
  if (!(hours.start >= 0 && hours.start < hours.end && hours.end <= 24)) {
    throw new RangeError(`Invalid working hours: ${hours.start}–${hours.end}`);
  }
  if (Number.isNaN(moment.getTime())) throw new RangeError('Invalid moment');
  const wall = new Date(wallClock(moment.getTime(), timeZone));
  if (!isWorkingDay(toKey(wall.getTime()))) return false;
  const minutes = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  return minutes >= hours.start * 60 && minutes < hours.end * 60;
}

// --- Dates as "YYYY-MM-DD" keys and UTC milliseconds --------------------------------------

function toKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function parseKey(date: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  // The round trip rejects dates like 2026-02-30, which Date.parse would roll over or refuse.
  if (Number.isNaN(ms) || toKey(ms) !== date) throw new RangeError(`Invalid date: ${date}`);
  return ms;
}

function isWeekend(ms: number): boolean {
  const weekday = new Date(ms).getUTCDay();
  return weekday === 0 || weekday === 6;
}

