// Presentation helpers for the helpline screens: times in Belgrade time, call durations,
// municipality names in the interface's script, and where a case opens for this person.
import type { TFunction } from 'i18next';
import { UNITS, localName, unitName as municipalityName, type Unit } from '../../../common/geography';
import type { Language } from '../../../common/i18n';
import { searchKey, toLatin } from '../../../common/i18n/translit';
import type { SessionUser } from '../endpoints';
import { referralAccess } from '../referrals/access';
import { BELGRADE as ZONE, addDays, belgradeDayStart as startOfDay, belgradeToday } from '../../../common/belgrade-time';
import { LOCALES } from '../i18n';


/** Date and time to the minute, in Belgrade time whatever the computer's zone. */
export function belgradeDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'short', timeStyle: 'short', timeZone: ZONE }).format(new Date(iso));
}

export function belgradeTime(iso: string | Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeStyle: 'medium', timeZone: ZONE }).format(new Date(iso));
}

/** A YYYY-MM-DD day as a short date (no time zone shift: it is a calendar day). */
export function calendarDay(day: string, language: Language): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)));
}

export { belgradeToday };

/** The ISO instant at which a Belgrade calendar day starts (plus `days`), for list filters. */
export function belgradeDayStart(day: string, days = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  return startOfDay(addDays(day, days)).toISOString();
}

/** "4:05" or "1:02:09": a running call clock. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export function durationText(t: TFunction, seconds: number | null): string {
  if (seconds === null) return t('helpline.common.none');
  return seconds < 60 ? clock(seconds) : t('helpline.common.minutes', { count: Math.round(seconds / 60) });
}

export const unitName: (unit: Unit, language: Language) => string = localName;

export function municipalityLabel(code: string | null, language: Language): string | null {
  return code ? municipalityName(code, language) : null;
}

/** The municipality a typed name means: Cyrillic or Latin, with or without diacritics. */
export function unitFromName(typed: string): Unit | undefined {
  const key = searchKey(typed.trim());
  if (!key) return undefined;
  return UNITS.find((unit) => searchKey(unit.name_cyrl) === key || searchKey(unit.name_latn) === key);
}

/** A title kept in Serbian Cyrillic, shown in the interface's script. */
export function serbianText(text: string, language: Language): string {
  return language === 'sr-Latn' ? toLatin(text) : text;
}

export function articleTitle(article: { titleSr: string; titleEn: string }, language: Language): string {
  return language === 'en' && article.titleEn ? article.titleEn : serbianText(article.titleSr, language);
}

/**
 * Where a case opens: case workers (analysts, supervisors) use the console's case screen; a
 * counsellor reaches the same screen inside the helpline section (the top-level case route is
 * decided from roles that do not include counsellors).
 */
export function casePath(user: Pick<SessionUser, 'roles'>, id: string): string {
  return referralAccess(user).isCaseWorker ? `/cases/${id}` : `/helpline/cases/${id}`;
}

export const contactPath = (id: string) => `/helpline/contacts/${id}`;
