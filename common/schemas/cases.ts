// Cases: the centre's working file, joining reports and contacts about one situation.
import { z } from 'zod';
import { CASE_PRIORITIES, CASE_STATUSES } from '../helpline';
import { idSchema, isoDateTime } from './common';
import { reportSummarySchema } from './reports';
import { referralSummarySchema, timelineEntrySchema } from './referrals';
import { contactSummarySchema } from './helpline';

export const caseStatusSchema = z.enum(CASE_STATUSES);
export const casePrioritySchema = z.enum(CASE_PRIORITIES);

export const openCaseRequestSchema = z.strictObject({
  reportIds: z.array(idSchema).max(50).default([]),
  contactIds: z.array(idSchema).max(50).default([]),
  title: z.string().trim().min(1).max(200).optional(),
});
export const caseIdParamsSchema = z.strictObject({ id: idSchema });
export const openCaseResponseSchema = z.object({ id: idSchema });

export const caseTaskSchema = z.object({
  id: idSchema,
  title: z.string(),
  dueOn: z.string().describe('YYYY-MM-DD'),
  assigneeId: idSchema.nullable(),
  assigneeName: z.string().nullable(),
  isOverdue: z.boolean(),
  doneAt: isoDateTime.nullable(),
});
export const caseNoteSchema = z.object({ id: z.string(), authorName: z.string().nullable(), body: z.string(), createdAt: isoDateTime });

export const caseSummarySchema = z
  .object({
    id: idSchema,
    number: z.string(),
    title: z.string(),
    status: caseStatusSchema,
    priority: casePrioritySchema,
    assigneeId: idSchema.nullable(),
    assigneeName: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    openTasks: z.number().int(),
    nextDueOn: z.string().nullable(),
  })
  .meta({ id: 'CaseSummary' });

export const caseSchema = caseSummarySchema
  .extend({
    closedAt: isoDateTime.nullable(),
    reports: z.array(reportSummarySchema).describe('Only the reports the caller may see'),
    contacts: z.array(contactSummarySchema),
    referrals: z.array(referralSummarySchema),
    tasks: z.array(caseTaskSchema),
    notes: z.array(caseNoteSchema),
    timeline: z.array(timelineEntrySchema),
  })
  .meta({ id: 'Case' });
export const caseResponseSchema = z.object({ case: caseSchema });

export const caseListQuerySchema = z.strictObject({
  status: z.union([caseStatusSchema, z.literal('active')]).optional().describe('active = every status but closed'),
  assigneeId: z.union([idSchema, z.literal('me'), z.literal('none')]).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const caseListResponseSchema = z.object({ cases: z.array(caseSummarySchema), nextBefore: z.number().int().nullable() });

export const updateCaseRequestSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  status: caseStatusSchema.optional(),
  priority: casePrioritySchema.optional(),
  assigneeId: idSchema.nullable().optional(),
});
export const linkToCaseRequestSchema = z.strictObject({
  reportIds: z.array(idSchema).max(50).default([]),
  contactIds: z.array(idSchema).max(50).default([]),
});
export const createTaskRequestSchema = z.strictObject({
  title: z.string().trim().min(1).max(300),
  dueOn: z.iso.date(),
  assigneeId: idSchema.nullable().optional(),
});
export const taskParamsSchema = z.strictObject({ id: idSchema, taskId: idSchema });
export const updateTaskRequestSchema = z.strictObject({ done: z.boolean() });
export const createNoteRequestSchema = z.strictObject({ body: z.string().trim().min(1).max(5000) });
