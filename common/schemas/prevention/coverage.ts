// Coverage and results of prevention: the figures per district (the map and its table), the
// municipalities with no activity in the last twelve months, and the figures for the centre's
// reports (also as CSV). Counts only; nothing here names a person.
import { z } from 'zod';
import { EVENT_TYPES, SCHOOL_TYPES } from '../../prevention';
import { languageSchema } from '../common';

const day = z.iso.date().describe('A calendar day in Belgrade, YYYY-MM-DD');

const periodFields = {
  from: day.optional().describe('First day (default: 1 January of the current year in Belgrade)'),
  to: day.optional().describe('Last day, included (default: 31 December of the current year in Belgrade)'),
};
const fromNotAfterTo = (query: { from?: string | undefined; to?: string | undefined }, context: z.RefinementCtx) => {
  if (query.from && query.to && query.from > query.to) context.addIssue({ code: 'custom', path: ['to'], message: 'Must not be before from' });
};

/** A period of whole Belgrade days, both ends included; the current calendar year if omitted. */
export const periodQuerySchema = z.strictObject(periodFields).superRefine(fromNotAfterTo);
export type PeriodQuery = z.infer<typeof periodQuerySchema>;

export const figuresCsvQuerySchema = z
  .strictObject({
    ...periodFields,
    language: languageSchema.optional().describe('Language of the labels; Serbian files use ";" and a decimal comma (as Excel in Serbia expects), English "," and a decimal point'),
  })
  .superRefine(fromNotAfterTo);

export const periodSchema = z.object({ from: z.iso.date(), to: z.iso.date() });

const count = z.number().int().nonnegative();
/** A share between 0 and 1; null when there is nothing to divide by. */
const share = z.number().min(0).max(1).nullable();

export const districtFiguresSchema = z.object({
  eventsHeld: count,
  peopleReached: count.describe('Everyone in the audience of held events: pupils, parents, teachers, others'),
  pupils: count,
  parents: count,
  teachers: count,
  otherAttendees: count,
  schoolsVisited: count.describe('Distinct schools where an event was held'),
  peerSessions: count.describe('Confirmed peer sessions'),
  peersReached: count,
});
export type DistrictFigures = z.infer<typeof districtFiguresSchema>;

export const coverageResponseSchema = z.object({
  period: periodSchema,
  districts: z.array(districtFiguresSchema.extend({ districtId: z.string() })).describe('Every district outside Kosovo and Metohija, with zeros where nothing happened'),
  totals: districtFiguresSchema,
});
export type CoverageResponse = z.infer<typeof coverageResponseSchema>;

export const inactiveMunicipalitiesResponseSchema = z.object({
  since: z.iso.date().describe('Activity on or after this day counts (twelve months before today, Belgrade)'),
  unitsConsidered: count.describe('The municipalities, cities and Belgrade city municipalities looked at'),
  municipalities: z.array(
    z.object({
      municipalityId: z.string(),
      districtId: z.string(),
      lastActivityOn: z.iso.date().nullable().describe('The last held event or confirmed peer session ever, if any'),
    }),
  ),
});
export type InactiveMunicipalitiesResponse = z.infer<typeof inactiveMunicipalitiesResponseSchema>;

export const figuresResponseSchema = z.object({
  period: periodSchema,
  eventsHeld: count,
  eventsByType: z.array(z.object({ type: z.enum(EVENT_TYPES), events: count })).describe('Every event type, held events only'),
  municipalitiesReached: count.describe('Distinct municipalities with a held event'),
  audience: z.object({
    pupilsPrimaryLower: count,
    pupilsPrimaryUpper: count,
    pupilsSecondary: count,
    pupils: count,
    parents: count,
    teachers: count,
    otherAttendees: count,
    total: count,
  }),
  schools: z.object({
    visited: count.describe('Distinct schools where an event was held'),
    active: count.describe('Active schools in the registry'),
    share: share.describe('Visited active schools / active schools'),
    byType: z.array(z.object({ type: z.enum(SCHOOL_TYPES), visited: count, active: count, share })),
  }),
  knowledge: z
    .object({
      events: count.describe('Held events with answers both before and after'),
      answerSheetsBefore: count,
      answerSheetsAfter: count,
      correctBefore: share.describe('Mean share of correct answers before, over every answer sheet of those events'),
      correctAfter: share,
      gainPoints: z.number().nullable().describe('correctAfter − correctBefore, in percentage points'),
      eventsImproved: count.describe('Events whose mean after is above their mean before'),
    })
    .describe('Knowledge gain from the before/after quizzes'),
  peers: z.object({
    sessions: count.describe('Confirmed peer sessions'),
    peersReached: count,
    activeEducators: count.describe('Peer educators with at least one confirmed session in the period'),
  }),
});
export type FiguresResponse = z.infer<typeof figuresResponseSchema>;
