// The audit log as the data protection officer browses it.
import { z } from 'zod';
import { idSchema, isoDateTime } from './common';

export const auditEntrySchema = z
  .object({
    id: z.string().describe('Sequence number in the chain'),
    occurredAt: isoDateTime,
    actorId: idSchema.nullable(),
    actorUsername: z.string().nullable(),
    action: z.string(),
    recordType: z.string().nullable(),
    recordId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.strictObject({
  actorId: idSchema.optional(),
  action: z.string().max(100).optional().describe('Exact action, or a prefix ending in a dot (e.g. "user.")'),
  recordType: z.string().max(50).optional(),
  recordId: z.string().max(100).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  before: z.string().regex(/^\d+$/).optional().describe('Page backwards: entries with a smaller id than this'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const auditListResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.string().nullable().describe('Pass as before= for the next (older) page'),
});

export const auditVerifyResponseSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.string().nullable(),
});
