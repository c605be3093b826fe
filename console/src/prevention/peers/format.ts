// Presentation helpers for the peer-educator screens: a young person's name (or that it was
// deleted), the place of a session, the municipalities in the interface's script.
import type { TFunction } from 'i18next';
import { UNITS, localName, unitName } from '../../../../common/geography';
import type { Language } from '../../../../common/i18n';
import { toLatin } from '../../../../common/i18n/translit';
import { belgradeToday, calendarDay } from '../../helpline/format';

export { belgradeToday, calendarDay } from '../../helpline/format';

/** Every municipality, sorted by its name in the script shown. */
export function municipalityOptions(language: Language): { id: string; name: string }[] {
  const collator = new Intl.Collator(language === 'en' ? 'sr-Latn' : language);
  return UNITS.map((unit) => ({ id: unit.id, name: localName(unit, language) })).sort((a, b) => collator.compare(a.name, b.name));
}

/** A name kept as typed (often Cyrillic): Latin in the Latin and English interfaces. */
export const inScript = (text: string, language: Language) => (language === 'sr-Cyrl' ? text : toLatin(text));

export const municipalityName = (id: string, language: Language) => unitName(id, language);

/** "Ана П.", or that the personal data was deleted. */
export function educatorLabel(t: TFunction, e: { firstName: string | null; lastInitial: string | null }, language: Language): string {
  if (!e.firstName || !e.lastInitial) return t('prevention.peers.detail.erasedName');
  return inScript(`${e.firstName} ${e.lastInitial}.`, language);
}

/** The school (in Cyrillic as registered, shown in the script of the interface) or the venue, and the municipality. */
export function placeLabel(s: { schoolName: string | null; venue?: string; municipalityId: string }, language: Language): string {
  const where = s.schoolName ?? s.venue ?? '';
  const municipality = municipalityName(s.municipalityId, language);
  return where ? `${inScript(where, language)}, ${municipality}` : municipality;
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
