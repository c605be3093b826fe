// Small presentation helpers for the hotline screens: places, durations, sizes and links.
import type { TFunction } from 'i18next';
export { unitName as municipalityName } from '../../../common/geography';
import type { Language } from '../../../common/i18n';

/** "1 ч 20 мин", "4 ч", "35 мин". */
export function formatDuration(t: TFunction, seconds: number): string {
  const totalMinutes = Math.floor(Math.max(0, seconds) / 60);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours > 0 && minutes > 0) return t('console.hotline.duration.hoursMinutes', { hours, minutes });
  if (hours > 0) return t('console.hotline.duration.hours', { hours });
  return t('console.hotline.duration.minutes', { minutes });
}

const LOCALES: Record<Language, string> = { 'sr-Cyrl': 'sr-Cyrl-RS', 'sr-Latn': 'sr-Latn-RS', en: 'en-GB' };

export function formatBytes(bytes: number, language: Language): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return new Intl.NumberFormat(LOCALES[language], { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/**
 * The address to open for a reported link, or null: only http(s), never javascript:, data: and
 * the like. Reporters often leave out the scheme ("example.com/a"), so http:// is assumed.
 */
export function openableUrl(typed: string, canonical?: string): string | null {
  for (const candidate of [typed, canonical]) {
    if (!candidate) continue;
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(candidate) ? candidate : `http://${candidate}`;
    try {
      const url = new URL(withScheme);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) return url.href;
    } catch {
      // not a URL; try the next form
    }
  }
  return null;
}

/** <input type="date"> gives a local day; the API wants an ISO instant (start of that day). */
export function isoFromLocalDay(day: string, plusDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
