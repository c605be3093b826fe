// How the events' screens say things: an event's name (its title, or its type), its place, its
// time in Belgrade, its status. Place names and helpers for the script are shared (../format).
import type { TFunction } from 'i18next';
import type { Language } from '../../../../common/i18n';
import { inScript, municipalityOptions, placeLabel } from '../format';
import { dayOf, formatDay, timeOf } from './dates';
import type { EventSummary } from './api';

export { inScript, municipalityOptions };

import { LOCALES } from '../../i18n';

export { LOCALES };

export function eventName(t: TFunction, event: Pick<EventSummary, 'title' | 'type'>, language: Language): string {
  return event.title ? inScript(event.title, language) : t(`prevention.codes.eventTypes.${event.type}`);
}

export const eventPlace = (event: Pick<EventSummary, 'schoolName' | 'venue' | 'municipalityId'>, language: Language) =>
  placeLabel({ schoolName: event.schoolName, venue: event.venue, municipalityId: event.municipalityId }, language);

/** "четвртак, 12. март 2026, 10:00–10:45" (Belgrade time). */
export function eventWhen(t: TFunction, event: Pick<EventSummary, 'startsAt' | 'endsAt'>, language: Language): string {
  const date = formatDay(dayOf(event.startsAt), LOCALES[language], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return t('prevention.events.detail.timeRange', { date, start: timeOf(event.startsAt), end: timeOf(event.endsAt) });
}

export const STATUS_TAG: Record<EventSummary['status'], string> = { planned: 'tag', held: 'tag tag-ok', cancelled: 'tag tag-muted' };

export const presenterNames = (event: Pick<EventSummary, 'presenters'>, language: Language) => event.presenters.map((p) => inScript(p.displayName, language)).join(', ');
