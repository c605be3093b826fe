// Hotline reports: the public submission and follow-up, and the analysts' queue and actions.
import { z } from 'zod';
import {
  ATTACHMENT_CATEGORIES,
  ATTACHMENT_MAX_COUNT,
  ATTACHMENT_TYPES,
  CHILD_AGE_GROUPS,
  CLASSIFICATIONS,
  CLOSE_REASONS,
  LINK_REQUIRED_CATEGORIES,
  PLATFORMS,
  PUBLIC_STATUSES,
  RECEIPT_PATTERN,
  REPORT_CATEGORIES,
  REPORT_STATUSES,
  SITE_TYPES,
  VICTIM_AGE_GROUPS,
  VICTIM_GENDERS,
  normalizeReceipt,
} from '../hotline';
import { isMunicipality } from '../geography';
import { idSchema, isoDateTime, languageSchema } from './common';

export const categorySchema = z.enum(REPORT_CATEGORIES);
export const platformSchema = z.enum(PLATFORMS);

const trimmedOrUndefined = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

export const reportContactSchema = z.strictObject({
  name: trimmedOrUndefined(120),
  email: z
    .string()
    .trim()
    .max(254)
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.email().optional())
    .optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.string().regex(/^[0-9 +()/-]{6,40}$/, 'a phone number').optional())
    .optional(),
  mayShareWithInstitutions: z.boolean().optional().describe('The reporter agrees that institutions may receive these details'),
});

export const attachmentUploadSchema = z.strictObject({
  contentType: z.enum(ATTACHMENT_TYPES),
  dataBase64: z.base64().max(Math.ceil((2 * 1024 * 1024 * 4) / 3) + 4, 'at most 2 MB'),
});

export const powSolutionSchema = z
  .strictObject({ challenge: z.string().max(200), nonce: z.string().max(40) })
  .describe('Proof of work: GET /api/v1/reports/challenge, then find nonce so that SHA-256(challenge + ":" + nonce) starts with `difficulty` zero bits');

export const createReportRequestSchema = z
  .strictObject({
    category: categorySchema,
    description: z.string().trim().min(1, 'Tell us in a few words what happened').max(5000),
    urls: z.array(z.string().trim().min(1).max(2048)).max(20).default([]),
    platform: platformSchema.optional(),
    childAgeGroup: z.enum(CHILD_AGE_GROUPS).optional(),
    municipality: z.string().refine(isMunicipality, 'not a municipality code').optional(),
    language: languageSchema.optional(),
    contact: reportContactSchema.optional(),
    attachments: z.array(attachmentUploadSchema).max(ATTACHMENT_MAX_COUNT).optional(),
    pow: powSolutionSchema.optional(),
  })
  .superRefine((report, ctx) => {
    if (LINK_REQUIRED_CATEGORIES.includes(report.category) && report.urls.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['urls'], message: 'Send the link to the content (only the link)' });
    }
    if (report.attachments?.length && !ATTACHMENT_CATEGORIES.includes(report.category)) {
      ctx.addIssue({ code: 'custom', path: ['attachments'], message: 'Screenshots are accepted only for cyberbullying, hate speech and sextortion' });
    }
  });
export type CreateReportRequest = z.infer<typeof createReportRequestSchema>;

export const createReportResponseSchema = z.object({
  receipt: z.string().regex(RECEIPT_PATTERN).describe('16 digits, shown once: the only way to follow the report up'),
  reportId: idSchema,
});

export const powChallengeResponseSchema = z.object({
  challenge: z.string(),
  difficulty: z.number().int().describe('Leading zero bits required; 0 = no work needed'),
  expiresAt: isoDateTime,
});

export const receiptSchema = z
  .string()
  .max(40)
  .transform(normalizeReceipt)
  .pipe(z.string().regex(RECEIPT_PATTERN, '16 digits'));

export const followUpRequestSchema = z.strictObject({ receipt: receiptSchema });
export const followUpMessageRequestSchema = z.strictObject({ receipt: receiptSchema, body: z.string().trim().min(1).max(3000) });

export const publicMessageSchema = z.object({
  author: z.enum(['reporter', 'centre']),
  body: z.string(),
  sentOn: z.string().describe('Date (YYYY-MM-DD)'),
});
export const followUpResponseSchema = z
  .object({
    status: z.enum(PUBLIC_STATUSES),
    category: categorySchema,
    receivedOn: z.string(),
    messages: z.array(publicMessageSchema),
  })
  .meta({ id: 'FollowUp' });
export type FollowUpResponse = z.infer<typeof followUpResponseSchema>;

// ----- staff -----

export const reportStatusSchema = z.enum(REPORT_STATUSES);

export const reportUrlSchema = z.object({ url: z.string(), canonicalUrl: z.string(), contentId: idSchema });

export const reportSummarySchema = z
  .object({
    id: idSchema,
    number: z.string(),
    receivedAt: isoDateTime,
    category: categorySchema,
    status: reportStatusSchema,
    isUrgent: z.boolean(),
    assigneeId: idSchema.nullable(),
    assigneeName: z.string().nullable(),
    caseId: idSchema.nullable(),
    hasUnreadReporterMessage: z.boolean(),
    excerpt: z.string(),
    urls: z.array(reportUrlSchema),
  })
  .meta({ id: 'ReportSummary' });
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportListQuerySchema = z.strictObject({
  status: reportStatusSchema.optional(),
  category: categorySchema.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  assigneeId: z.union([idSchema, z.literal('me'), z.literal('none')]).optional(),
  q: z.string().trim().min(2).max(200).optional().describe('Words from the description or the links, in any script, with or without diacritics'),
  before: z.string().regex(/^[01]-\d+$/).optional().describe('Page on: the nextBefore of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const reportListResponseSchema = z.object({
  reports: z.array(reportSummarySchema),
  counts: z.object({ new: z.number().int(), 'in-review': z.number().int(), 'waiting-reporter': z.number().int() }).describe('Open reports by status (within the caller\'s scope)'),
  nextBefore: z.string().nullable(),
});

export const assessmentSchema = z
  .object({
    id: idSchema,
    version: z.number().int(),
    classification: z.enum(CLASSIFICATIONS),
    legalBasis: z.array(z.string()),
    legalBasisVersion: z.string(),
    victimAgeGroup: z.enum(VICTIM_AGE_GROUPS).nullable(),
    victimGender: z.enum(VICTIM_GENDERS).nullable(),
    siteType: z.enum(SITE_TYPES).nullable(),
    hostingCountry: z.string().nullable(),
    isUrgent: z.boolean(),
    rationale: z.string(),
    assessedBy: z.string(),
    assessedAt: isoDateTime,
  })
  .meta({ id: 'Assessment' });

export const contentItemSchema = z.object({
  contentId: idSchema,
  canonicalUrl: z.string(),
  reportCount: z.number().int(),
  otherReports: z.array(z.object({ id: idSchema, number: z.string(), status: reportStatusSchema })),
  latestClassification: z.enum(CLASSIFICATIONS).nullable(),
  latestAssessedAt: isoDateTime.nullable(),
});

export const staffMessageSchema = z.object({
  id: z.string(),
  author: z.enum(['reporter', 'centre']),
  authorName: z.string().nullable(),
  body: z.string(),
  sentAt: isoDateTime,
});

export const reportDetailSchema = reportSummarySchema
  .extend({
    description: z.string(),
    platform: platformSchema.nullable(),
    childAgeGroup: z.enum(CHILD_AGE_GROUPS).nullable(),
    municipality: z.string().nullable(),
    language: languageSchema,
    contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
    mayShareContact: z.boolean(),
    closeReason: z.enum(CLOSE_REASONS).nullable(),
    closeNote: z.string().nullable(),
    noticeTakedownAt: isoDateTime.nullable(),
    noticeTakedownNote: z.string().nullable(),
    escalatedTo: idSchema.nullable(),
    attachments: z.array(z.object({ id: idSchema, contentType: z.string(), byteSize: z.number().int() })),
    contentItems: z.array(contentItemSchema),
    assessments: z.array(assessmentSchema),
    messages: z.array(staffMessageSchema),
  })
  .meta({ id: 'ReportDetail' });
export type ReportDetail = z.infer<typeof reportDetailSchema>;

export const reportIdParamsSchema = z.strictObject({ id: idSchema });
export const attachmentParamsSchema = z.strictObject({ id: idSchema, attachmentId: idSchema });

export const assessRequestSchema = z.strictObject({
  classification: z.enum(CLASSIFICATIONS),
  legalBasis: z.array(z.string().max(20)).max(10).default([]).describe('Article codes from GET /api/v1/hotline/legal-bases'),
  victimAgeGroup: z.enum(VICTIM_AGE_GROUPS).optional(),
  victimGender: z.enum(VICTIM_GENDERS).optional(),
  siteType: z.enum(SITE_TYPES).optional(),
  hostingCountry: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 two-letter code').optional(),
  isUrgent: z.boolean().default(false).describe('A child is in immediate danger'),
  rationale: z.string().trim().min(1).max(5000),
});
export const messageRequestSchema = z.strictObject({ body: z.string().trim().min(1).max(3000) });
export const closeRequestSchema = z.strictObject({ reason: z.enum(CLOSE_REASONS), note: z.string().trim().max(2000).optional() });
export const noticeTakedownRequestSchema = z.strictObject({ note: z.string().trim().min(1).max(2000).describe('Which platform, what was asked') });
export const openCaseRequestSchema = z.strictObject({
  caseId: idSchema.optional().describe('Attach to this existing case; without it a new case is opened'),
  title: z.string().trim().min(1).max(200).optional(),
});
export const escalateRequestSchema = z.strictObject({ counsellorId: idSchema });
export const exposureRequestSchema = z.strictObject({ seconds: z.number().int().min(1).max(120) });
export const exposureResponseSchema = z.object({
  todaySeconds: z.number().int(),
  limitSeconds: z.number().int(),
  isOverLimit: z.boolean(),
});
export const reportResponseSchema = z.object({ report: reportDetailSchema });
export const legalBasesResponseSchema = z.object({
  version: z.string(),
  legalBases: z.array(z.object({ code: z.string(), article: z.string(), title: z.string(), titleEn: z.string() })),
});
