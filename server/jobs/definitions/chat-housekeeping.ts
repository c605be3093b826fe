// Every five minutes: end chats whose visitor left before anyone answered, and delete chat
// transcripts older than the retention period (a setting).
import { z } from 'zod';
import { defineJob } from '../index';
import { chatHousekeeping } from '../../chat/chats';

export const chatHousekeepingJob = defineJob({
  name: 'chat.housekeeping',
  payload: z.object({}),
  schedule: '*/5 * * * *',
  async handler(ctx) {
    await chatHousekeeping(ctx);
  },
});
