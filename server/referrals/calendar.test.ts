// The referral calendar against dates a person can check on a wall calendar: Orthodox Easter
// as published, the non-working days announced by the Ministry of Labour (including the
// "holiday on a Sunday" days of Art. 3a), and deadlines across weekends, holidays and
// daylight-saving changes in Belgrade.
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWithinWorkingHours, isWorkingDay, orthodoxEaster, serbianPublicHolidays } from './calendar';

const SUNDAY_OFF = 'Нерадни дан (празник у недељу)';
const dates = (year: number): string[] => serbianPublicHolidays(year).map((h) => h.date);

describe('orthodoxEaster', () => {
  it.each([
    [2016, '2016-05-01'],
    [2020, '2020-04-19'],
    [2021, '2021-05-02'],
    [2022, '2022-04-24'],
    [2023, '2023-04-16'],
    [2024, '2024-05-05'],
    [2025, '2025-04-20'],
    [2026, '2026-04-12'],
    [2027, '2027-05-02'],
    [2028, '2028-04-16'],
    [2030, '2030-04-28'],
  ])('%i → %s, at 00:00Z', (year, date) => {
    expect(orthodoxEaster(year).toISOString()).toBe(`${date}T00:00:00.000Z`);
  });

  it('is always a Sunday between 4 April and 8 May in 1900–2099', () => {
    for (let year = 1900; year <= 2099; year++) {
      const easter = orthodoxEaster(year);
      expect(easter.getUTCDay(), String(year)).toBe(0);
      expect(easter.getTime(), String(year)).toBeGreaterThanOrEqual(Date.UTC(year, 3, 4));
      expect(easter.getTime(), String(year)).toBeLessThanOrEqual(Date.UTC(year, 4, 8));
    }
  });

  it('rejects years it cannot compute', () => {
    expect(() => orthodoxEaster(2026.5)).toThrow(RangeError);
    expect(() => orthodoxEaster(1500)).toThrow(RangeError);
  });
});

describe('serbianPublicHolidays', () => {
  it('2026: every non-working day, in order, with Statehood Day on a Sunday adding Tuesday 17 Feb', () => {
    expect(serbianPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Нова година', nameEn: 'New Year' },
      { date: '2026-01-02', name: 'Нова година', nameEn: 'New Year' },
      { date: '2026-01-07', name: 'Божић', nameEn: 'Orthodox Christmas' },
      { date: '2026-02-15', name: 'Сретење – Дан државности Србије', nameEn: 'Statehood Day' },
      { date: '2026-02-16', name: 'Сретење – Дан државности Србије', nameEn: 'Statehood Day' },
      // 15 Feb is a Sunday and Monday 16 Feb is the holiday's second day, so the first
      // following working day is Tuesday (as announced for 2026).
      { date: '2026-02-17', name: SUNDAY_OFF, nameEn: 'Non-working day (holiday on a Sunday)' },
      { date: '2026-04-10', name: 'Велики петак', nameEn: 'Orthodox Good Friday' },
      { date: '2026-04-11', name: 'Велика субота', nameEn: 'Orthodox Holy Saturday' },
      { date: '2026-04-12', name: 'Васкрс', nameEn: 'Orthodox Easter Sunday' },
      { date: '2026-04-13', name: 'Други дан Васкрса', nameEn: 'Orthodox Easter Monday' },
      { date: '2026-05-01', name: 'Празник рада', nameEn: 'Labour Day' },
      { date: '2026-05-02', name: 'Празник рада', nameEn: 'Labour Day' },
      { date: '2026-11-11', name: 'Дан примирја у Првом светском рату', nameEn: 'Armistice Day' },
    ]);
  });

  it('2020: Statehood Day on Saturday–Sunday makes Monday 17 Feb off', () => {
    expect(dates(2020)).toEqual([
      '2020-01-01', '2020-01-02', '2020-01-07', '2020-02-15', '2020-02-16', '2020-02-17',
      '2020-04-17', '2020-04-18', '2020-04-19', '2020-04-20', '2020-05-01', '2020-05-02', '2020-11-11',
    ]);
  });

  it('2017: New Year on Sunday–Monday makes Tuesday 3 Jan off (Ministry of Labour, Dec 2016)', () => {
    expect(dates(2017).slice(0, 4)).toEqual(['2017-01-01', '2017-01-02', '2017-01-03', '2017-01-07']);
  });

  it('2021: New Year on Friday–Saturday shifts nothing; Labour Day Sunday 2 May, also Easter, makes Tuesday 4 May off', () => {
    const holidays = serbianPublicHolidays(2021);
    expect(holidays.map((h) => h.date)).toEqual([
      '2021-01-01', '2021-01-02', '2021-01-07', '2021-02-15', '2021-02-16',
      '2021-04-30', '2021-05-01', '2021-05-02', '2021-05-03', '2021-05-04', '2021-11-11',
    ]);
    // One entry per date: coinciding holidays share it.
    expect(holidays.find((h) => h.date === '2021-05-01')?.name).toBe('Празник рада / Велика субота');
    expect(holidays.find((h) => h.date === '2021-05-02')?.nameEn).toBe('Labour Day / Orthodox Easter Sunday');
    expect(holidays.find((h) => h.date === '2021-05-04')?.name).toBe(SUNDAY_OFF);
  });

  it('2022: New Year Sunday 2 Jan → Monday 3 Jan off; Labour Day Sunday 1 May → Tuesday 3 May off', () => {
    expect(dates(2022)).toEqual([
      '2022-01-01', '2022-01-02', '2022-01-03', '2022-01-07', '2022-02-15', '2022-02-16',
      '2022-04-22', '2022-04-23', '2022-04-24', '2022-04-25', '2022-05-01', '2022-05-02', '2022-05-03', '2022-11-11',
    ]);
  });

  it('2018: Armistice Day on Sunday makes Monday 12 Nov off, Christmas on Sunday does not make 8 Jan off', () => {
    expect(dates(2018)).toContain('2018-11-12');
    expect(dates(2018)).not.toContain('2018-01-08');
  });

  it('2027: Labour Day Sunday 2 May is Easter too, so the day off lands after Easter Monday', () => {
    expect(dates(2027).filter((d) => d >= '2027-04-30' && d <= '2027-05-05')).toEqual([
      '2027-04-30', '2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04',
    ]);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-04-09', true, 'Thursday before Orthodox Easter'],
    ['2026-04-10', false, 'Good Friday'],
    ['2026-04-13', false, 'Easter Monday'],
    ['2026-04-14', true, 'Tuesday after Easter'],
    ['2026-02-17', false, 'day off for Statehood Day on a Sunday'],
    ['2026-03-07', false, 'Saturday'],
    ['2026-03-08', false, 'Sunday'],
    ['2026-01-06', true, 'Badnji dan: only a Government recommendation'],
    ['2024-01-08', true, 'Monday after Christmas on a Sunday: only a Government recommendation'],
    ['2021-05-10', true, 'Monday after Victory Day on a Sunday: Victory Day is a working holiday'],
    ['2026-04-06', true, 'Catholic Easter Monday: off only for Catholics'],
    ['2025-12-25', true, 'Catholic Christmas: off only for Catholics'],
    ['2025-11-11', false, 'Armistice Day on a Tuesday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('rejects anything but a real YYYY-MM-DD date', () => {
    for (const bad of ['2026-02-30', '2026-2-3', '2026-04-10T00:00:00Z', '']) {
      expect(() => isWorkingDay(bad), bad).toThrow(RangeError);
    }
  });
});

describe('addWorkingDays (deadline = end of the Nth working day, Belgrade time)', () => {
  const due = (start: string, days: number): string => addWorkingDays(new Date(start), days).toISOString();

  it('skips the weekend: Friday 6 March 2026 + 1 → end of Monday 9 March (CET, UTC+1)', () => {
    expect(due('2026-03-06T13:00:00Z', 1)).toBe('2026-03-09T22:59:59.999Z');
    expect(due('2026-03-07T10:00:00Z', 1)).toBe('2026-03-09T22:59:59.999Z'); // from a Saturday
    expect(due('2026-03-02T08:00:00Z', 5)).toBe('2026-03-09T22:59:59.999Z'); // Monday + 5
  });

  it('skips Orthodox Easter: Good Friday 10 April 2026 + 1 → end of Tuesday 14 April (CEST, UTC+2)', () => {
    expect(due('2026-04-10T08:00:00Z', 1)).toBe('2026-04-14T21:59:59.999Z');
    expect(due('2026-04-09T08:00:00Z', 1)).toBe('2026-04-14T21:59:59.999Z'); // from Thursday
  });

  it('skips Labour Day: Wednesday 29 April 2026 + 3 → Thursday 30 April, Monday 4, Tuesday 5 May', () => {
    expect(due('2026-04-29T08:00:00Z', 3)).toBe('2026-05-05T21:59:59.999Z');
  });

  it('skips New Year and Christmas: 31 Dec 2025 + 1 → Monday 5 Jan 2026, + 3 → Thursday 8 Jan', () => {
    expect(due('2025-12-31T11:00:00Z', 1)).toBe('2026-01-05T22:59:59.999Z');
    expect(due('2025-12-31T11:00:00Z', 3)).toBe('2026-01-08T22:59:59.999Z');
  });

  it('skips the Sunday-holiday days off: Friday 30 Dec 2022 + 1 → Wednesday 4 Jan 2023', () => {
    expect(due('2022-12-30T11:00:00Z', 1)).toBe('2023-01-04T22:59:59.999Z');
    expect(due('2026-02-13T11:00:00Z', 1)).toBe('2026-02-18T22:59:59.999Z'); // Statehood 2026
    expect(due('2018-11-09T11:00:00Z', 1)).toBe('2018-11-13T22:59:59.999Z'); // Armistice 2018
    expect(due('2021-04-29T08:00:00Z', 1)).toBe('2021-05-05T21:59:59.999Z'); // Easter + Labour 2021
  });

  it('moves to summer time: Friday 27 March 2026 (CET) + 1 → end of Monday 30 March in CEST', () => {
    expect(due('2026-03-27T09:00:00Z', 1)).toBe('2026-03-30T21:59:59.999Z');
    expect(due('2026-03-27T09:00:00Z', 0)).toBe('2026-03-27T22:59:59.999Z');
  });

  it('moves to winter time: Friday 23 October 2026 (CEST) + 1 → end of Monday 26 October in CET', () => {
    expect(due('2026-10-23T08:00:00Z', 1)).toBe('2026-10-26T22:59:59.999Z');
    expect(due('2026-10-23T08:00:00Z', 0)).toBe('2026-10-23T21:59:59.999Z');
  });

  it('with 0 days: the end of the same day if it is a working day, otherwise of the next one', () => {
    expect(due('2026-06-17T07:00:00Z', 0)).toBe('2026-06-17T21:59:59.999Z'); // Wednesday
    expect(due('2026-06-14T07:00:00Z', 0)).toBe('2026-06-15T21:59:59.999Z'); // Sunday → Monday
    expect(due('2026-04-10T07:00:00Z', 0)).toBe('2026-04-14T21:59:59.999Z'); // Good Friday → Tuesday
  });

  it('counts from the Belgrade calendar day, not the UTC one', () => {
    // 22:30Z on Thursday 9 April is 00:30 on Good Friday in Belgrade.
    expect(due('2026-04-09T22:30:00Z', 0)).toBe('2026-04-14T21:59:59.999Z');
    // 21:30Z is still 23:30 on Thursday.
    expect(due('2026-04-09T21:30:00Z', 0)).toBe('2026-04-09T21:59:59.999Z');
    // 23:30Z on Saturday 28 March is 00:30 CET on Sunday 29 March, the night the clocks change.
    expect(due('2026-03-28T23:30:00Z', 1)).toBe('2026-03-30T21:59:59.999Z');
  });

  it('uses the given time zone for the local day and the end of day', () => {
    expect(addWorkingDays(new Date('2026-04-10T08:00:00Z'), 1, 'UTC').toISOString()).toBe('2026-04-14T23:59:59.999Z');
  });

  it('rejects negative or fractional day counts and invalid dates', () => {
    expect(() => addWorkingDays(new Date('2026-04-10T08:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date('2026-04-10T08:00:00Z'), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date('nonsense'), 1)).toThrow(RangeError);
  });
});

describe('isWithinWorkingHours (08:00–16:00 Belgrade on working days by default)', () => {
  it.each([
    ['2026-06-15T05:59:00Z', false, 'summer Monday 07:59 CEST'],
    ['2026-06-15T06:00:00Z', true, 'summer Monday 08:00 CEST'],
    ['2026-06-15T13:59:59Z', true, 'summer Monday 15:59:59 CEST'],
    ['2026-06-15T14:00:00Z', false, 'summer Monday 16:00 CEST'],
    ['2026-01-14T06:59:00Z', false, 'winter Wednesday 07:59 CET'],
    ['2026-01-14T07:00:00Z', true, 'winter Wednesday 08:00 CET'],
    ['2026-01-14T14:59:00Z', true, 'winter Wednesday 15:59 CET'],
    ['2026-01-14T15:00:00Z', false, 'winter Wednesday 16:00 CET'],
    ['2026-03-27T06:30:00Z', false, 'Friday before the clock change, 07:30 CET'],
    ['2026-03-30T06:30:00Z', true, 'Monday after the clock change, 08:30 CEST'],
    ['2026-06-13T08:00:00Z', false, 'Saturday 10:00'],
    ['2026-04-13T08:00:00Z', false, 'Easter Monday 10:00'],
    ['2026-02-17T09:00:00Z', false, 'Statehood Day-on-Sunday day off, 10:00'],
  ])('%s → %s (%s)', (moment, expected) => {
    expect(isWithinWorkingHours(new Date(moment))).toBe(expected);
  });

  it('takes other hours and another time zone', () => {
    const hours = { start: 9, end: 17 };
    expect(isWithinWorkingHours(new Date('2026-06-15T06:30:00Z'), hours)).toBe(false); // 08:30
    expect(isWithinWorkingHours(new Date('2026-06-15T14:30:00Z'), hours)).toBe(true); // 16:30
    expect(isWithinWorkingHours(new Date('2026-06-15T15:30:00Z'), hours, 'UTC')).toBe(true);
  });

  it('rejects impossible hours', () => {
    expect(() => isWithinWorkingHours(new Date('2026-06-15T08:00:00Z'), { start: 16, end: 8 })).toThrow(RangeError);
    expect(() => isWithinWorkingHours(new Date('2026-06-15T08:00:00Z'), { start: 8, end: 25 })).toThrow(RangeError);
  });
});
