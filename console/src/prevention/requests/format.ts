// How the requests' screens say things: who the audience is, how long a request has waited,
// the event type a request suggests.
import type { TFunction } from 'i18next';
import { GRADE_BANDS, type EventType } from '../../../../common/prevention';
import type { PresentationRequest, RequestSummary } from './api';

type Audience = RequestSummary['audience'];

/** One line per group: "Grades 5–8: 120 (grades 7, 8)", "Parents: 30". */
export function audienceLines(t: TFunction, audience: Audience): string[] {
  const lines: string[] = [];
  for (const band of GRADE_BANDS) {
    const pupils = audience.pupils[band];
    if (!pupils) continue;
    const line = t('prevention.requests.pupilsOfBand', { band: t(`prevention.requests.bandsShort.${band}`), count: pupils.count });
    lines.push(pupils.grades.length ? `${line} (${t('prevention.requests.gradesList', { list: pupils.grades.join(', ') })})` : line);
  }
  if (audience.parents) lines.push(t('prevention.requests.parentsCount', { count: audience.parents }));
  if (audience.teachers) lines.push(t('prevention.requests.teachersCount', { count: audience.teachers }));
  return lines;
}

export function audienceTotal(audience: Audience): number {
  return GRADE_BANDS.reduce((sum, band) => sum + (audience.pupils[band]?.count ?? 0), audience.parents + audience.teachers);
}

/** "3 days", "5 hours", "less than an hour": how long a request waited (until now, or until decided). */
export function waitingText(t: TFunction, request: Pick<RequestSummary, 'createdAt' | 'decidedAt'>, now = Date.now()): string {
  const end = request.decidedAt ? Date.parse(request.decidedAt) : now;
  const hours = Math.max(0, Math.floor((end - Date.parse(request.createdAt)) / 3_600_000));
  const time =
    hours >= 24
      ? t('prevention.requests.console.waitingDays', { count: Math.floor(hours / 24) })
      : hours >= 1
        ? t('prevention.requests.console.waitingHours', { count: hours })
        : t('prevention.requests.console.waitingLessThanHour');
  return request.decidedAt ? t('prevention.requests.console.decidedAfter', { time }) : time;
}

/** The kind of event a request asks for: pupils first, then parents, then teachers; a camp is a camp. */
export function suggestedEventType(request: Pick<PresentationRequest, 'audience' | 'organisationType'>): EventType {
  if (request.organisationType === 'sports-camp') return 'sports-camp';
  const hasPupils = GRADE_BANDS.some((band) => request.audience.pupils[band]);
  if (hasPupils) return 'school-pupils';
  if (request.audience.parents > 0) return 'school-parents';
  return request.audience.teachers > 0 ? 'school-teachers' : 'other';
}

