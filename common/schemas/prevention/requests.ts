// Presentation requests: a school, a parents' council or a sports camp asks the centre for a
// presentation on the public site (the JSON API and the no-JavaScript form share this schema);
// coordinators see them in a queue and accept (scheduling an event) or decline with a reason.
//
// `audience` says who would listen and how many:
//   { "pupils": { "primary-upper": { "count": 120, "grades": [7, 8] } }, "parents": 40, "teachers": 8 }
// pupils by grade band (GRADE_BANDS: primary 1–4, primary 5–8, secondary 1–4), each with a rough
// head count and, optionally, which grades; at least one group must be there.
// `preferredDates` are 1–5 days from tomorrow (Belgrade time) up to a year ahead, each with a
// part of the day: [{ "date": "2026-03-12", "partOfDay": "morning" }].
import { z } from 'zod';
import { GRADE_BANDS, ORGANISATION_TYPES, PREVENTION_TOPICS, type GradeBand } from '../../prevention';
import { isMunicipality } from '../../geography';
import { addDays, belgradeToday } from '../../belgrade-time';
import { idSchema, isoDateTime, languageSchema } from '../common';

export const REQUEST_STATUSES = ['new', 'accepted', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Any time of the school day, morning 8–11, midday 11–14, afternoon 14–17, evening 17–20 (parents' meetings). */
export const PARTS_OF_DAY = ['any', 'morning', 'midday', 'afternoon', 'evening'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];
/** The usual start of each part of the day (Belgrade time), offered when scheduling. */
export const PART_OF_DAY_START: Record<PartOfDay, string> = { any: '10:00', morning: '09:00', midday: '11:30', afternoon: '14:30', evening: '18:00' };

/** Which grades belong to a band (secondary school has four grades of its own). */
export const GRADES_OF_BAND: Record<GradeBand, readonly number[]> = {
  'primary-lower': [1, 2, 3, 4],
  'primary-upper': [5, 6, 7, 8],
  secondary: [1, 2, 3, 4],
};

export const MAX_PREFERRED_DATES = 5;
/** How far ahead a date may be asked for. */
export const MAX_DAYS_AHEAD = 366;
const MAX_HEADCOUNT = 5000;

/** The date messages, named, so the public form can say each one in the page's language. */
export const DATE_ERRORS = { past: 'Choose a day from tomorrow on', far: 'Choose a day within the next year', twice: 'This day is given twice' } as const;

const headcount = z.number().int().min(1, 'At least 1').max(MAX_HEADCOUNT);

const pupilsOfBandSchema = z.strictObject({
  count: headcount.describe('About how many pupils'),
  grades: z.array(z.number().int().min(1).max(8)).max(4).default([]).describe('Which grades of the band (none = the whole band or not yet known)'),
});

export const requestAudienceSchema = z
  .strictObject({
    pupils: z
      .strictObject(Object.fromEntries(GRADE_BANDS.map((band) => [band, pupilsOfBandSchema.optional()])) as Record<GradeBand, z.ZodOptional<typeof pupilsOfBandSchema>>)
      .default({})
      .describe('Pupils by grade band: primary-lower (grades 1–4), primary-upper (5–8), secondary (1–4)'),
    parents: z.number().int().min(0).max(MAX_HEADCOUNT).default(0).describe('About how many parents'),
    teachers: z.number().int().min(0).max(MAX_HEADCOUNT).default(0).describe('About how many teachers and school staff'),
  })
  .superRefine((audience, ctx) => {
    for (const band of GRADE_BANDS) {
      const grades = audience.pupils[band]?.grades ?? [];
      const wrong = grades.find((g) => !GRADES_OF_BAND[band].includes(g));
      if (wrong !== undefined) ctx.addIssue({ code: 'custom', path: ['pupils', band, 'grades'], message: `Grade ${wrong} is not in this band` });
      else if (new Set(grades).size !== grades.length) ctx.addIssue({ code: 'custom', path: ['pupils', band, 'grades'], message: 'A grade is given twice' });
    }
    const hasPupils = GRADE_BANDS.some((band) => audience.pupils[band]);
    if (!hasPupils && audience.parents === 0 && audience.teachers === 0) {
      ctx.addIssue({ code: 'custom', path: ['pupils'], message: 'Say who the presentation is for: pupils, parents or teachers' });
    }
  })
  .meta({ id: 'PresentationAudience' });
export type RequestAudience = z.infer<typeof requestAudienceSchema>;

export const preferredDateSchema = z
  .strictObject({
    date: z.iso.date().describe('YYYY-MM-DD, from tomorrow (Belgrade time) up to a year ahead'),
    partOfDay: z.enum(PARTS_OF_DAY).describe('any (time of the school day), morning 8–11, midday 11–14, afternoon 14–17, evening 17–20'),
  })
  .superRefine((preferred, ctx) => {
    const today = belgradeToday();
    if (preferred.date <= today) ctx.addIssue({ code: 'custom', path: ['date'], message: DATE_ERRORS.past });
    else if (preferred.date > addDays(today, MAX_DAYS_AHEAD)) ctx.addIssue({ code: 'custom', path: ['date'], message: DATE_ERRORS.far });
  })
  .meta({ id: 'PreferredDate' });
export type PreferredDate = z.infer<typeof preferredDateSchema>;

export const createPresentationRequestSchema = z
  .strictObject({
    organisation: z.string().trim().min(2, 'Write the name of the school or organisation').max(200),
    organisationType: z.enum(ORGANISATION_TYPES),
    municipality: z.string().refine(isMunicipality, 'Unknown municipality code (see common/data/serbia-admin.json)').describe('Municipality id (common/geography)'),
    contactName: z.string().trim().min(2, 'Write your name').max(120),
    email: z.string().trim().max(254).pipe(z.email('Write a valid e-mail address')).describe('Where the centre answers (in `language`)'),
    phone: z
      .string()
      .trim()
      .max(40)
      .refine((v) => /^[+\d][\d\s()/.-]*$/.test(v) && v.replace(/\D/g, '').length >= 6, 'Write a phone number (at least 6 digits)')
      .optional(),
    audience: requestAudienceSchema.describe('Who would listen and about how many: pupils by grade band, parents, teachers'),
    preferredDates: z
      .array(preferredDateSchema)
      .min(1, 'Give at least one day that suits you')
      .max(MAX_PREFERRED_DATES)
      .superRefine((dates, ctx) => {
        const seen = new Set<string>();
        dates.forEach((d, i) => {
          const key = `${d.date} ${d.partOfDay}`;
          if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: DATE_ERRORS.twice });
          seen.add(key);
        });
      })
      .describe(`1–${MAX_PREFERRED_DATES} days that would suit, each with a part of the day`),
    language: languageSchema.describe('Language of the presentation and of the e-mails to the requester'),
    topics: z.array(z.enum(PREVENTION_TOPICS)).max(PREVENTION_TOPICS.length).default([]).describe('Topics of concern (PREVENTION_TOPICS)'),
    message: z.string().trim().max(2000).optional().describe('Anything else the centre should know (kept encrypted)'),
  })
  .meta({ id: 'CreatePresentationRequest' });
export type CreatePresentationRequest = z.infer<typeof createPresentationRequestSchema>;
export type CreatePresentationRequestInput = z.input<typeof createPresentationRequestSchema>;

export const createPresentationRequestResponseSchema = z.object({ id: idSchema });

// ----- coordinators -----

export const requestStatusSchema = z.enum(REQUEST_STATUSES);

export const requestListQuerySchema = z
  .strictObject({
    status: requestStatusSchema.optional().describe('Only requests in this state (default: all)'),
    order: z.enum(['oldest', 'newest']).default('oldest').describe('oldest first (the queue) or newest first'),
    cursor: z.coerce.number().int().positive().optional().describe('Page on: the nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  });
export type RequestListQuery = z.infer<typeof requestListQuerySchema>;

export const requestSummarySchema = z
  .object({
    id: idSchema,
    number: z.string(),
    status: requestStatusSchema,
    organisation: z.string(),
    organisationType: z.enum(ORGANISATION_TYPES),
    municipality: z.string(),
    district: z.string(),
    language: languageSchema,
    audience: requestAudienceSchema,
    firstPreferredDate: z.string().nullable().describe('The earliest day asked for (YYYY-MM-DD)'),
    createdAt: isoDateTime,
    decidedAt: isoDateTime.nullable(),
    eventId: idSchema.nullable(),
  })
  .meta({ id: 'PresentationRequestSummary' });
export type RequestSummary = z.infer<typeof requestSummarySchema>;

export const requestListResponseSchema = z
  .object({
    requests: z.array(requestSummarySchema),
    nextCursor: z.number().int().nullable().describe('Pass as `cursor` for the next page; null on the last'),
    counts: z.object({ new: z.number().int(), accepted: z.number().int(), declined: z.number().int() }).describe('How many requests are in each state'),
  })
  .meta({ id: 'PresentationRequestList' });
export type RequestListResponse = z.infer<typeof requestListResponseSchema>;

export const schoolCandidateSchema = z.object({ id: idSchema, name: z.string(), type: z.string(), address: z.string(), isLikelyMatch: z.boolean() });

export const presentationRequestSchema = requestSummarySchema
  .extend({
    contactName: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    message: z.string().nullable(),
    preferredDates: z.array(preferredDateSchema),
    topics: z.array(z.string()),
    schoolId: idSchema.nullable(),
    declineReason: z.string().nullable(),
    decidedBy: z.string().nullable().describe('Display name of the coordinator who decided'),
    event: z.object({ id: idSchema, number: z.string(), startsAt: isoDateTime, status: z.string() }).nullable(),
    schoolCandidates: z.array(schoolCandidateSchema).describe("Active schools in the request's municipality from the registry, likely matches of the organisation's name first"),
  })
  .meta({ id: 'PresentationRequest' });
export type PresentationRequest = z.infer<typeof presentationRequestSchema>;

export const requestIdParamsSchema = z.strictObject({ id: idSchema });
export const requestResponseSchema = z.object({ request: presentationRequestSchema });

export const declineRequestSchema = z
  .strictObject({ reason: z.string().trim().min(10, 'Write a few words the requester will read').max(2000).describe('Sent to the requester by e-mail') })
  .meta({ id: 'DeclinePresentationRequest' });
export type DeclineRequest = z.infer<typeof declineRequestSchema>;

export const acceptResponseSchema = z.object({ request: presentationRequestSchema, eventId: idSchema });
