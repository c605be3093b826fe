// Labels and times for the chat screens: codes through the helpline's labels, times of day in
// Belgrade time whatever the computer's zone.
import type { TFunction } from 'i18next';
import { LANGUAGE_NAMES, isLanguage, type Language } from '../../../common/i18n';
import { LOCALES } from '../i18n';


export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Belgrade' }).format(new Date(iso));
}

/** The visitor's language, named in the interface language. */
export function languageLabel(t: TFunction, language: string): string {
  return t(`helpline.codes.language.${language}`, { defaultValue: isLanguage(language) ? LANGUAGE_NAMES[language] : language });
}

export function ageGroupLabel(t: TFunction, ageGroup: string): string {
  return t(`helpline.codes.ageGroup.${ageGroup}`, { defaultValue: ageGroup });
}

export function visitorName(t: TFunction, nickname: string | null): string {
  return nickname?.trim() || t('chat.console.queue.anonymous');
}

/** "waiting 4 minutes" from when the chat was opened. */
export function waitedLabel(t: TFunction, sinceIso: string, now: number): string {
  const minutes = Math.floor((now - new Date(sinceIso).getTime()) / 60_000);
  return minutes < 1 ? t('chat.console.queue.waitedLessThanMinute') : t('chat.console.queue.waited', { count: minutes });
}

/** No sign of the child's page for over a minute (it reports every 25 s while connected). */
export function isAway(chat: { visitorSeenAt: string }, now: number): boolean {
  return now - Date.parse(chat.visitorSeenAt) > 70_000;
}
