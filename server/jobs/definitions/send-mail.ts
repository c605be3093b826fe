// Sends one queued e-mail (server/mail/mail.ts). Retried with exponential backoff: 8 tries
// over about two hours before the message is marked failed.
import { z } from 'zod';
import { defineJob } from '../index';
import { deliverMail } from '../../mail/mail';

export const sendMailJob = defineJob({
  name: 'mail.send',
  payload: z.object({ mailId: z.uuid() }),
  retryLimit: 8,
  async handler(ctx, { mailId }) {
    await deliverMail(ctx, mailId);
  },
});
