// The console's interface language: one i18next instance, the choice remembered in
// localStorage and mirrored on <html lang>. Saving it to the account is the session's job.
import { useTranslation } from 'react-i18next';
import { createI18n, DEFAULT_LANGUAGE, isLanguage, type Language } from '../../common/i18n';
import { toLatin } from '../../common/i18n/translit';

const STORAGE_KEY = 'bezbedno.language';

function rememberedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage blocked by the browser
  }
}

export const i18n = createI18n(rememberedLanguage());
document.documentElement.lang = i18n.language;

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export function applyLanguage(language: Language): void {
  if (language !== i18n.language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered; the choice still applies to this page
  }
}

/** The current language; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.language) ? instance.language : DEFAULT_LANGUAGE;
}

/** The Intl locale of each interface language. */
export const LOCALES: Record<Language, string> = { 'sr-Cyrl': 'sr-Cyrl-RS', 'sr-Latn': 'sr-Latn-RS', en: 'en-GB' };

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Belgrade' }).format(new Date(iso));
}

/** Date and time to the minute (report times are kept only to the hour; seconds would mislead). */
export function formatDateTimeShort(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Belgrade' }).format(new Date(iso));
}

/** A name kept in Cyrillic (institutions), shown in the script of the interface. */
export function localName(cyrillic: string, english: string, language: Language): string {
  if (language === 'en') return english;
  return language === 'sr-Latn' ? toLatin(cyrillic) : cyrillic;
}

/** A person's name as typed (often Cyrillic), in Latin script for the Latin interface. */
export function personName(name: string, language: Language): string {
  return language === 'sr-Latn' ? toLatin(name) : name;
}
