// Helpline contacts: logging a call, chat, e-mail…, searching them, repeat callers, versions.
import { z } from 'zod';
import {
  CALLER_TYPES,
  CHANNELS,
  CONTACT_AGE_GROUPS,
  CONTACT_OUTCOMES,
  CONTACT_STATUSES,
  CONTACT_TYPES,
  GENDERS,
  HELPLINE_CATEGORIES,
} from '../helpline';
import { LINK_REQUIRED_CATEGORIES, PLATFORMS, REPORT_CATEGORIES } from '../hotline';
import { isMunicipality } from '../geography';
import { LANGUAGES } from '../roles';
import { idSchema, isoDateTime } from './common';

export const channelSchema = z.enum(CHANNELS);
export const contactTypeSchema = z.enum(CONTACT_TYPES);
export const callerTypeSchema = z.enum(CALLER_TYPES);
export const contactAgeGroupSchema = z.enum(CONTACT_AGE_GROUPS);
export const genderSchema = z.enum(GENDERS);
export const helplineCategorySchema = z.enum(HELPLINE_CATEGORIES);
export const contactOutcomeSchema = z.enum(CONTACT_OUTCOMES);
export const municipalitySchema = z.string().refine(isMunicipality, 'Unknown municipality code (see common/data/serbia-admin.json)');

/** A phone number or e-mail address the caller gave; only a keyed hash is kept unless `keep`. */
export const callerIdentifierSchema = z.strictObject({
  value: z
    .string()
    .trim()
    .min(3)
    .max(200)
    .refine((v) => v.includes('@') || v.replace(/\D/g, '').length >= 6, 'A phone number (at least 6 digits) or an e-mail address'),
  keep: z.boolean().default(false).describe('The caller agreed that the centre keeps the number or address itself'),
});

const contactFields = {
  channel: channelSchema,
  contactType: contactTypeSchema,
  callerType: callerTypeSchema.nullable().optional(),
  ageGroup: contactAgeGroupSchema.optional(),
  gender: genderSchema.optional(),
  municipality: municipalitySchema.nullable().optional(),
  language: z.enum(LANGUAGES).optional(),
  primaryCategory: helplineCategorySchema.nullable().optional(),
  peripheralCategories: z.array(helplineCategorySchema).max(21).optional(),
  platform: z.enum(PLATFORMS).nullable().optional(),
  summary: z.string().trim().max(5000).optional(),
  adviceGiven: z.string().trim().max(5000).optional(),
  adviceArticleIds: z.array(idSchema).max(20).optional(),
  outcome: contactOutcomeSchema.nullable().optional(),
  callbackConsent: z.boolean().optional(),
  callerIdentifier: callerIdentifierSchema.nullable().optional(),
  durationSeconds: z.number().int().min(0).max(86_400).nullable().optional(),
  startedAt: isoDateTime.optional(),
};

export const createContactRequestSchema = z
  .strictObject({ ...contactFields, finalise: z.boolean().default(false).describe('Save as final at once (edits after that are versioned)') })
  .meta({ id: 'CreateContactRequest' });
export type CreateContactRequest = z.infer<typeof createContactRequestSchema>;

export const updateContactRequestSchema = z
  .strictObject({
    ...Object.fromEntries(Object.entries(contactFields).map(([k, v]) => [k, v.optional()])),
    channel: channelSchema.optional(),
    contactType: contactTypeSchema.optional(),
  } as { [K in keyof typeof contactFields]: z.ZodOptional<(typeof contactFields)[K]> })
  .meta({ id: 'UpdateContactRequest' });
export type UpdateContactRequest = z.infer<typeof updateContactRequestSchema>;

export const contactSummarySchema = z
  .object({
    id: idSchema,
    number: z.string(),
    status: z.enum(CONTACT_STATUSES),
    startedAt: isoDateTime,
    channel: channelSchema,
    contactType: contactTypeSchema,
    callerType: callerTypeSchema.nullable(),
    ageGroup: contactAgeGroupSchema,
    primaryCategory: z.string().nullable(),
    outcome: contactOutcomeSchema.nullable(),
    counsellorId: idSchema.nullable(),
    counsellorName: z.string().nullable(),
    caseId: idSchema.nullable(),
    caseNumber: z.string().nullable(),
    excerpt: z.string(),
  })
  .meta({ id: 'ContactSummary' });
export type ContactSummary = z.infer<typeof contactSummarySchema>;

export const contactVersionSchema = z.object({
  version: z.number().int(),
  changedAt: isoDateTime,
  changedBy: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).describe('The contact as it was before this change'),
});

export const contactSchema = contactSummarySchema
  .extend({
    version: z.number().int(),
    gender: genderSchema,
    municipality: z.string().nullable(),
    language: z.enum(LANGUAGES),
    categoriesVersion: z.string(),
    peripheralCategories: z.array(z.string()),
    platform: z.enum(PLATFORMS).nullable(),
    summary: z.string(),
    adviceGiven: z.string(),
    adviceArticleIds: z.array(idSchema),
    adviceArticles: z.array(z.object({ id: idSchema, titleSr: z.string(), titleEn: z.string(), publicPath: z.string() })).describe('The advice articles used, for showing and linking'),
    callbackConsent: z.boolean(),
    hasCallerIdentifier: z.boolean().describe('A keyed hash is kept for repeat-caller lookup'),
    keptCallerIdentifier: z.string().nullable().describe('The number or address itself, only when the caller agreed that it be kept'),
    durationSeconds: z.number().int().nullable(),
    reportId: idSchema.nullable(),
    chatId: idSchema.nullable(),
    emailThreadId: idSchema.nullable(),
    finalisedAt: isoDateTime.nullable(),
    updatedAt: isoDateTime,
    versions: z.array(contactVersionSchema),
    transcript: z
      .array(z.object({ seq: z.number().int(), sender: z.enum(['visitor', 'counsellor', 'system']), body: z.string(), sentAt: isoDateTime }))
      .nullable()
      .describe('For a chat contact: the chat transcript, until the retention period deletes it'),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof contactSchema>;

export const contactListQuerySchema = z.strictObject({
  status: z.enum(CONTACT_STATUSES).optional(),
  channel: channelSchema.optional(),
  contactType: contactTypeSchema.optional(),
  category: helplineCategorySchema.optional().describe('Primary or peripheral'),
  counsellorId: z.union([idSchema, z.literal('me')]).optional(),
  municipality: municipalitySchema.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  q: z.string().trim().min(2).max(200).optional().describe('Words from the summary or the advice, in any script, with or without diacritics'),
  before: z.coerce.number().int().positive().optional().describe('Page on: the nextBefore of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type ContactListQuery = z.infer<typeof contactListQuerySchema>;

export const contactListResponseSchema = z.object({ contacts: z.array(contactSummarySchema), nextBefore: z.number().int().nullable() });
export const contactIdParamsSchema = z.strictObject({ id: idSchema });
export const contactResponseSchema = z.object({ contact: contactSchema });
export const createContactResponseSchema = z.object({ id: idSchema });

export const callerLookupRequestSchema = z.strictObject({ identifier: callerIdentifierSchema.shape.value.describe('Phone number or e-mail address the caller gave') });
export const callerLookupResponseSchema = z.object({ contacts: z.array(contactSummarySchema) });

/** Escalating a contact to the hotline: the console prefills these from the contact. */
export const escalateContactRequestSchema = z
  .strictObject({
    category: z.enum(REPORT_CATEGORIES),
    description: z.string().trim().min(1).max(5000),
    urls: z.array(z.string().trim().min(1).max(2048)).max(20).default([]),
  })
  .superRefine((report, ctx) => {
    // The same rule as the public form: a report of abuse material is its link.
    if (LINK_REQUIRED_CATEGORIES.includes(report.category) && report.urls.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['urls'], message: 'Send the link to the content (only the link)' });
    }
  });
export const escalateContactResponseSchema = z.object({
  reportId: idSchema,
  receipt: z.string().describe('Shown once: the counsellor may read it to the caller so they can follow the report'),
});

/** The supervisor's live view. */
export const helplineOverviewSchema = z
  .object({
    waitingChats: z.number().int(),
    oldestWaitingChatSince: isoDateTime.nullable(),
    activeChats: z.number().int(),
    awaitingContacts: z.number().int().describe('E-mails and chats no counsellor has completed'),
    openCases: z.record(z.string(), z.number().int()).describe('Open cases by status'),
    overdueTasks: z.array(
      z.object({ id: idSchema, caseId: idSchema, caseNumber: z.string(), title: z.string(), dueOn: z.string(), assigneeName: z.string().nullable() }),
    ),
    workload: z.array(
      z.object({
        userId: idSchema,
        name: z.string(),
        activeChats: z.number().int(),
        draftContacts: z.number().int(),
        contactsToday: z.number().int(),
        openCases: z.number().int(),
        openTasks: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'HelplineOverview' });
