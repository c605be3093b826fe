// /api/v1/inbox: the helpline mailbox (threads of e-mails read over IMAP, replies sent over SMTP).
import { z } from 'zod';
import { idSchema, isoDateTime } from './common';

export const EMAIL_THREAD_STATUSES = ['awaiting', 'answered', 'closed'] as const;
export type EmailThreadStatus = (typeof EMAIL_THREAD_STATUSES)[number];
export const emailThreadStatusSchema = z.enum(EMAIL_THREAD_STATUSES);

/** The longest reply a counsellor can send (plain text). */
export const REPLY_MAX_LENGTH = 20_000;

export const threadIdParamsSchema = z.strictObject({ id: idSchema });
export const threadAttachmentParamsSchema = z.strictObject({ id: idSchema, attachmentId: idSchema });

export const threadListQuerySchema = z.strictObject({
  status: emailThreadStatusSchema.optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .describe('Page on: the nextBefore (a thread number) of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const threadSummarySchema = z
  .object({
    id: idSchema,
    number: z.string().describe('The thread number shown to staff'),
    subject: z.string(),
    status: emailThreadStatusSchema,
    createdAt: isoDateTime,
    lastMessageAt: isoDateTime,
    messageCount: z.number().int(),
    contactId: idSchema.nullable().describe("The helpline contact the thread belongs to"),
  })
  .meta({ id: 'EmailThreadSummary' });
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export const threadListResponseSchema = z.object({
  threads: z.array(threadSummarySchema).describe('Awaiting threads first, then newest message first; no addresses'),
  counts: z.object({ awaiting: z.number().int(), answered: z.number().int(), closed: z.number().int() }),
  nextBefore: z.string().nullable(),
  isConfigured: z.boolean().describe('False when IMAP_URL is not set: nothing is read from a mailbox'),
});

export const emailAttachmentSchema = z
  .object({
    id: idSchema,
    filename: z.string(),
    contentType: z.string(),
    byteSize: z.number().int(),
  })
  .meta({ id: 'EmailAttachment' });

export const emailMessageSchema = z
  .object({
    id: idSchema,
    direction: z.enum(['in', 'out']).describe('in: from the correspondent; out: a reply of the centre'),
    subject: z.string(),
    body: z.string(),
    at: isoDateTime,
    authorName: z.string().nullable().describe('For replies: the counsellor who wrote it'),
    delivery: z.enum(['queued', 'sent', 'kept-locally', 'failed']).nullable().describe('For replies: the state of the outgoing mail'),
    attachments: z.array(emailAttachmentSchema),
  })
  .meta({ id: 'EmailMessage' });

export const threadSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    subject: z.string(),
    status: emailThreadStatusSchema,
    correspondent: z.string().describe('The address the messages came from (empty when it could not be read)'),
    createdAt: isoDateTime,
    lastMessageAt: isoDateTime,
    contactId: idSchema.nullable(),
    canReply: z.boolean().describe('The caller may reply and the thread has an address to reply to'),
    messages: z.array(emailMessageSchema),
  })
  .meta({ id: 'EmailThread' });
export type EmailThread = z.infer<typeof threadSchema>;

export const threadResponseSchema = z.object({ thread: threadSchema });

export const replyRequestSchema = z.strictObject({
  body: z.string().trim().min(1).max(REPLY_MAX_LENGTH).describe('Plain text, sent to the correspondent from the centre and added to the thread'),
});
export const replyResponseSchema = z.object({ id: idSchema.describe('The new message in the thread') });

export const closeRequestSchema = z.strictObject({}).nullish().describe('No fields; the body may be left out');
export const closeResponseSchema = z.object({ id: idSchema, status: emailThreadStatusSchema });
