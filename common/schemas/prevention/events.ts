// Prevention events: the calendar, one event, what happened at it (audience counts), photos.
//
// Times: `startsAt`/`endsAt` are ISO 8601 instants WITH an offset ("2026-03-12T10:00:00+01:00"
// or "...Z"). The console turns the Belgrade wall-clock date and time a coordinator types into
// that instant (console/src/prevention/events/dates.ts); the server never guesses a time zone.
// The planned end is given either as `endsAt` or as `durationMinutes` from the start.
import { z } from 'zod';
import { EVENT_STATUSES, EVENT_TYPES, GRADE_BANDS, PREVENTION_TOPICS } from '../../prevention';
import { isMunicipality } from '../../geography';
import { idSchema, isoDateTime, languageSchema } from '../common';

export const eventTypeSchema = z.enum(EVENT_TYPES);
export const eventStatusSchema = z.enum(EVENT_STATUSES);
export const preventionTopicSchema = z.enum(PREVENTION_TOPICS);
export const gradeBandSchema = z.enum(GRADE_BANDS);
const municipalityIdSchema = z.string().refine(isMunicipality, 'Unknown municipality code (see common/data/serbia-admin.json)');

/** Longest planned event: a sports-camp day or a full-day training. */
export const MAX_EVENT_MINUTES = 12 * 60;

const eventFields = {
  type: eventTypeSchema,
  title: z.string().trim().max(200).optional().describe('Optional; the console shows the type and place when empty'),
  startsAt: isoDateTime.describe('ISO 8601 instant with an offset; the console sends the Belgrade wall clock converted'),
  endsAt: isoDateTime.optional().describe('Planned end (or give durationMinutes)'),
  durationMinutes: z.number().int().min(5).max(MAX_EVENT_MINUTES).optional().describe('Planned length from startsAt (or give endsAt)'),
  schoolId: idSchema.nullable().optional().describe('The school it takes place at (or give venue)'),
  venue: z.string().trim().max(300).optional().describe('Where, when not at a school in the registry (a hall, a square, a camp)'),
  municipalityId: municipalityIdSchema.optional().describe("Taken from the school when omitted; required with a venue"),
  campaignId: idSchema.nullable().optional(),
  language: languageSchema.default('sr-Cyrl'),
  topics: z.array(preventionTopicSchema).max(PREVENTION_TOPICS.length).default([]),
  materials: z.string().trim().max(2000).default('').describe('What to bring or show: slides, leaflets, the quiz'),
  presenterIds: z.array(idSchema).max(10).default([]).describe('Staff accounts with the role presenter or prevention-coordinator'),
};

type PlaceAndTime = {
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  durationMinutes?: number | undefined;
  schoolId?: string | null | undefined;
  venue?: string | undefined;
  municipalityId?: string | undefined;
};

/** The cross-field rules shared by create (all of them) and edit (those whose fields are sent). */
export function placeAndTimeIssues(v: PlaceAndTime, creating: boolean): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (v.endsAt !== undefined && v.durationMinutes !== undefined) issues.push({ path: 'durationMinutes', message: 'Give either endsAt or durationMinutes, not both' });
  if (creating && v.endsAt === undefined && v.durationMinutes === undefined) issues.push({ path: 'durationMinutes', message: 'Give the planned length (or endsAt)' });
  if (v.startsAt !== undefined && v.endsAt !== undefined) {
    const minutes = (Date.parse(v.endsAt) - Date.parse(v.startsAt)) / 60_000;
    if (!(minutes > 0)) issues.push({ path: 'endsAt', message: 'The end must be after the start' });
    else if (minutes > MAX_EVENT_MINUTES) issues.push({ path: 'endsAt', message: `An event lasts at most ${MAX_EVENT_MINUTES / 60} hours` });
  }
  if (creating && !v.schoolId && !v.venue) issues.push({ path: 'venue', message: 'Choose a school or write the venue' });
  if (creating && !v.schoolId && !v.municipalityId) issues.push({ path: 'municipalityId', message: 'Choose the municipality of the venue' });
  return issues;
}

export const createEventRequestSchema = z
  .strictObject(eventFields)
  .superRefine((v, ctx) => {
    for (const issue of placeAndTimeIssues(v, true)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  })
  .meta({ id: 'CreateEventRequest' });
export type CreateEventRequest = z.infer<typeof createEventRequestSchema>;
/** What callers pass in (defaults not applied yet), e.g. the presentation-requests part. */
export type CreateEventInput = z.input<typeof createEventRequestSchema>;

/**
 * An edit sends only what changes. Moving the start keeps the planned length unless endsAt or
 * durationMinutes is sent too. A presenter may edit the events they present.
 */
export const updateEventRequestSchema = z
  .strictObject({
    type: eventFields.type.optional(),
    title: eventFields.title,
    startsAt: isoDateTime.optional(),
    endsAt: eventFields.endsAt,
    durationMinutes: eventFields.durationMinutes,
    schoolId: eventFields.schoolId,
    venue: eventFields.venue,
    municipalityId: eventFields.municipalityId,
    campaignId: eventFields.campaignId,
    language: languageSchema.optional(),
    topics: z.array(preventionTopicSchema).max(PREVENTION_TOPICS.length).optional(),
    materials: z.string().trim().max(2000).optional(),
    presenterIds: z.array(idSchema).max(10).optional(),
  })
  .superRefine((v, ctx) => {
    for (const issue of placeAndTimeIssues(v, false)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    if (Object.keys(v).length === 0) ctx.addIssue({ code: 'custom', path: ['type'], message: 'Nothing to change' });
  })
  .meta({ id: 'UpdateEventRequest' });
export type UpdateEventRequest = z.infer<typeof updateEventRequestSchema>;

export const cancelEventRequestSchema = z
  .strictObject({ reason: z.string().trim().min(3).max(1000).describe('Why it is cancelled (shown to the team)') })
  .meta({ id: 'CancelEventRequest' });
export type CancelEventRequest = z.infer<typeof cancelEventRequestSchema>;

const count = z.number().int().min(0).max(100_000);

/** The people who came, by group. Pupils are counted by grade band (primary 1–4, 5–8, secondary). */
export const audienceSchema = z
  .strictObject({
    pupilsPrimaryLower: count.describe('Pupils of primary grades 1–4'),
    pupilsPrimaryUpper: count.describe('Pupils of primary grades 5–8'),
    pupilsSecondary: count.describe('Secondary-school pupils'),
    parents: count,
    teachers: count,
    other: count.describe('Anyone else: school staff, guests, the public at a city stop'),
  })
  .meta({ id: 'EventAudience' });
export type EventAudience = z.infer<typeof audienceSchema>;

/** Which audience field counts which grade band (the columns of `events`). */
export const GRADE_BAND_FIELDS = {
  'primary-lower': 'pupilsPrimaryLower',
  'primary-upper': 'pupilsPrimaryUpper',
  secondary: 'pupilsSecondary',
} as const satisfies Record<(typeof GRADE_BANDS)[number], keyof EventAudience>;

export const recordEventRequestSchema = z
  .strictObject({
    audience: audienceSchema,
    durationMinutes: z.number().int().min(1).max(MAX_EVENT_MINUTES).describe('How long it actually lasted'),
    notes: z.string().trim().max(5000).default('').describe('How it went; no names of children'),
  })
  .meta({ id: 'RecordEventRequest' });
export type RecordEventRequest = z.infer<typeof recordEventRequestSchema>;

export const presenterSchema = z.object({ id: idSchema, displayName: z.string() }).meta({ id: 'EventPresenter' });
export type Presenter = z.infer<typeof presenterSchema>;

export const eventSummarySchema = z
  .object({
    id: idSchema,
    number: z.string(),
    type: eventTypeSchema,
    status: eventStatusSchema,
    title: z.string(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    schoolId: idSchema.nullable(),
    schoolName: z.string().nullable(),
    venue: z.string(),
    municipalityId: z.string(),
    districtId: z.string(),
    campaignId: idSchema.nullable(),
    campaignName: z.string().nullable(),
    language: languageSchema,
    topics: z.array(z.string()),
    presenters: z.array(presenterSchema),
  })
  .meta({ id: 'EventSummary' });
export type EventSummary = z.infer<typeof eventSummarySchema>;

export const eventPhotoSchema = z
  .object({
    id: idSchema,
    contentType: z.string(),
    byteSize: z.number().int(),
    caption: z.string(),
    uploadedAt: isoDateTime,
    uploadedBy: z.string().nullable().describe('Display name of the uploader'),
  })
  .meta({ id: 'EventPhoto' });
export type EventPhoto = z.infer<typeof eventPhotoSchema>;

export const eventSchema = eventSummarySchema
  .extend({
    materials: z.string(),
    audience: audienceSchema.nullable().describe('Null until recorded'),
    durationMinutes: z.number().int().nullable().describe('Actual length, once recorded'),
    notes: z.string(),
    recordedAt: isoDateTime.nullable(),
    recordedBy: z.string().nullable(),
    cancelReason: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    photos: z.array(eventPhotoSchema),
    may: z
      .object({ edit: z.boolean(), record: z.boolean(), cancel: z.boolean() })
      .describe('What the signed-in person may do with this event (the console shows the buttons)'),
  })
  .meta({ id: 'Event' });
export type Event = z.infer<typeof eventSchema>;

const csv = <T extends z.ZodType<string>>(item: T) =>
  z
    .union([z.array(item), item])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();

/** The calendar: every event starting in [from, to) with filters. At most 400 days at once. (No meta id: a named querystring schema breaks the OpenAPI document.) */
export const eventListQuerySchema = z
  .strictObject({
    from: z.union([isoDateTime, z.literal('now')]).describe("Start of the range (inclusive), or 'now'"),
    to: isoDateTime.optional().describe('End of the range (exclusive); default: 400 days after from'),
    presenter: z.union([idSchema, z.literal('me')]).optional().describe("Only events this person presents; 'me' for your own"),
    campaignId: idSchema.optional(),
    type: csv(eventTypeSchema),
    status: csv(eventStatusSchema),
    municipalityId: municipalityIdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional().describe('Default 1000'),
  });
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventListResponseSchema = z.object({ events: z.array(eventSummarySchema), truncated: z.boolean() });
export type EventListResponse = z.infer<typeof eventListResponseSchema>;
export const eventIdParamsSchema = z.strictObject({ id: idSchema });
export const eventPhotoParamsSchema = z.strictObject({ id: idSchema, photoId: idSchema });
export const photoDownloadQuerySchema = z.strictObject({
  download: z.enum(['1']).optional().describe('1: as an attachment (saved, not shown); default: inline for the gallery'),
});
export const eventResponseSchema = z.object({ event: eventSchema });
export const createEventResponseSchema = z.object({ id: idSchema });
export const presentersResponseSchema = z.object({ presenters: z.array(presenterSchema) });
export const eventPhotosResponseSchema = z.object({ photos: z.array(eventPhotoSchema) });
export const uploadPhotoResponseSchema = z.object({ id: idSchema });

/** Photo uploads: what is accepted, and the statement that must be ticked. */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS_PER_EVENT = 30;
/** Multipart text fields of a photo upload (the file itself is the part named "photo"). */
export const photoUploadFieldsSchema = z
  .strictObject({
    noChildrenFaces: z.literal('true', { error: "Tick 'no child's face is recognisable on this photo' to upload it" }),
    caption: z.string().trim().max(300).default(''),
  })
  .meta({ id: 'EventPhotoUploadFields' });
