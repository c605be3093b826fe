// Cases and referrals: forwarding a case to an institution, acknowledgement, outcome, messages.
import { z } from 'zod';
import { INSTITUTION_TYPES } from '../institutions';
import { idSchema, isoDateTime } from './common';

export const URGENCIES = ['urgent', 'normal'] as const;
export const OUTCOMES = ['proceedings-opened', 'content-removed', 'child-supported', 'forwarded-elsewhere', 'no-action'] as const;

export const timelineEntrySchema = z.object({
  at: isoDateTime,
  action: z.string(),
  actorName: z.string().nullable(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const referralSummarySchema = z
  .object({
    id: idSchema,
    reference: z.string(),
    caseId: idSchema,
    institutionId: idSchema,
    institutionName: z.string(),
    urgency: z.enum(URGENCIES),
    status: z.enum(['pending-approval', 'sent', 'acknowledged', 'closed']),
    sentAt: isoDateTime,
    acknowledgementDueAt: isoDateTime.nullable().describe('Null while the referral waits for a supervisor'),
    acknowledgedAt: isoDateTime.nullable(),
    isOverdue: z.boolean().describe('Not acknowledged and past its deadline'),
    outcome: z.enum(OUTCOMES).nullable(),
  })
  .meta({ id: 'ReferralSummary' });


export const routingQuerySchema = z.strictObject({
  isSchoolInvolved: z.enum(['true', 'false']).optional(),
  isChildAtRiskAtHome: z.enum(['true', 'false']).optional(),
  isSelfHarm: z.enum(['true', 'false']).optional(),
  municipality: z.string().max(60).optional().describe("The child's municipality, if the reports do not say"),
});
export const routingResponseSchema = z.object({
  rulesVersion: z.string(),
  suggestions: z.array(
    z.object({
      institutionId: idSchema.nullable(),
      institutionName: z.string().nullable(),
      type: z.enum(INSTITUTION_TYPES),
      ruleId: z.string(),
      rule: z.string(),
      ruleEn: z.string(),
      problem: z.string().nullable(),
    }),
  ),
});

export const createReferralRequestSchema = z.strictObject({
  institutionId: idSchema,
  reason: z.string().trim().min(1).max(3000).describe('Why this institution'),
  urgency: z.enum(URGENCIES),
  legalBasis: z.array(z.string().max(20)).max(10).optional(),
  includeReporterContact: z.boolean().optional().describe('Only possible where the reporter agreed'),
  routingRuleId: z.string().max(60).optional().describe('The suggestion this follows, if any'),
});

export const referralIdParamsSchema = z.strictObject({ id: idSchema });
export const referralListQuerySchema = z.strictObject({
  status: z.enum(['pending-approval', 'sent', 'acknowledged', 'closed']).optional(),
  isOverdue: z.enum(['true', 'false']).optional(),
  before: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const referralListResponseSchema = z.object({ referrals: z.array(referralSummarySchema), nextBefore: z.string().nullable() });

export const referralMessageSchema = z.object({ id: z.string(), side: z.enum(['centre', 'institution']), authorName: z.string(), body: z.string(), sentAt: isoDateTime });

export const referralDetailSchema = referralSummarySchema
  .extend({
    reason: z.string(),
    legalBasis: z.array(z.string()),
    routingRule: z.string().nullable(),
    outcomeNote: z.string().nullable(),
    outcomeAt: isoDateTime.nullable(),
    findings: z.array(
      z.object({
        reportNumber: z.string(),
        category: z.string(),
        description: z.string(),
        urls: z.array(z.string()),
        classification: z.string().nullable(),
      }),
    ),
    reporterContact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
    messages: z.array(referralMessageSchema),
  })
  .meta({ id: 'ReferralDetail' });
export const referralResponseSchema = z.object({ referral: referralDetailSchema });

export const outcomeRequestSchema = z.strictObject({ outcome: z.enum(OUTCOMES), note: z.string().trim().min(1).max(3000) });
export const referralMessageRequestSchema = z.strictObject({ body: z.string().trim().min(1).max(3000) });
export const dossierQuerySchema = z.strictObject({ language: z.enum(['sr-Cyrl', 'sr-Latn', 'en']).optional() });
