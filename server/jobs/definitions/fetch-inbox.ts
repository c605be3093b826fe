// Reads the helpline mailbox (IMAP_URL) every minute: new messages become e-mail threads and
// contacts awaiting a counsellor (server/email-intake/intake.ts). Does nothing without
// IMAP_URL. A failed run (server down, network) is retried; whatever was not taken is
// read by the next run anyway, since a message counts as taken only once it is stored.
import { z } from 'zod';
import { defineJob } from '../index';
import { fetchInbox } from '../../email-intake/intake';

export const fetchInboxJob = defineJob({
  name: 'inbox.fetch',
  payload: z.object({}),
  schedule: '* * * * *',
  retryLimit: 3,
  async handler(ctx) {
    await fetchInbox(ctx);
  },
});
