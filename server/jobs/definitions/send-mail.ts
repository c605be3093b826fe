// Sends one queued e-mail (server/mail/mail.ts). Retried with exponential backoff: 8 tries
// over about two hours before the message is marked failed.
import { z } from 'zod';
import { defineJob } from '../index';
import { deliverMail } from '../../mail/mail';

// Threading headers of a helpline reply travel with the job (every retry sends the same ones).
const messageIdSchema = z.string().regex(/^<[^<>\s]+@[^<>\s]+>$/).max(998);
const headersSchema = z.object({
  messageId: messageIdSchema.optional(),
  inReplyTo: messageIdSchema.optional(),
  references: z.array(messageIdSchema).max(50).optional(),
  replyTo: z.string().min(3).max(320).optional(),
});

export const sendMailJob = defineJob({
  name: 'mail.send',
  payload: z.object({ mailId: z.uuid(), headers: headersSchema.optional() }),
  retryLimit: 8,
  async handler(ctx, { mailId, headers }) {
    await deliverMail(ctx, mailId, headers);
  },
});
