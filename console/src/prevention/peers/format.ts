// Presentation helpers for the peer-educator screens: a young person's name (or that it was
// deleted), the place of a session, the municipalities in the interface's script.
import type { TFunction } from 'i18next';
import type { Language } from '../../../../common/i18n';
import { inScript } from '../format';
import { belgradeToday, calendarDay } from '../../helpline/format';

export { belgradeToday, calendarDay } from '../../helpline/format';
export { inScript, municipalityName, municipalityOptions, placeLabel } from '../format';

/** "Ана П.", or that the personal data was deleted. */
export function educatorLabel(t: TFunction, e: { firstName: string | null; lastInitial: string | null }, language: Language): string {
  if (!e.firstName || !e.lastInitial) return t('prevention.peers.detail.erasedName');
  return inScript(`${e.firstName} ${e.lastInitial}.`, language);
}

export const dayText = (day: string | null, language: Language, none: string) => (day ? calendarDay(day, language) : none);

/** The look of a session's status (the words come from prevention.peers.status). */
export const STATUS_TAG: Record<'submitted' | 'confirmed' | 'returned', string> = { submitted: 'tag', confirmed: 'tag tag-ok', returned: 'tag tag-warn' };

/** The Belgrade calendar day of an instant, as a date ("deleted on …"). */
export function instantDay(iso: string, language: Language): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  return calendarDay(day, language);
}

/** What is wrong with a typed day that must be given and not in the future (or nothing). */
export function dayProblem(t: TFunction, day: string, missing = t('prevention.peers.common.dayRequired')): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return missing;
  return day > belgradeToday() ? t('prevention.peers.common.futureDay') : undefined;
}
