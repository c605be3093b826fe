// How the campaign screens say things: a period of calendar days, counts in the interface's
// language, and names kept as typed (often Cyrillic) in the script shown.
import type { TFunction } from 'i18next';
import type { Language } from '../../../../common/i18n';
import { calendarDay } from '../../helpline/format';

export { formatCount, inScript, municipalityOptions, placeLabel } from '../format';

/** "1. 3. 2023. – 31. 12. 2023." or "од 1. 3. 2023." */
export function periodText(t: TFunction, c: { startsOn: string; endsOn: string | null }, language: Language): string {
  const start = calendarDay(c.startsOn, language);
  return c.endsOn ? t('prevention.campaigns.period.range', { start, end: calendarDay(c.endsOn, language) }) : t('prevention.campaigns.period.from', { start });
}
