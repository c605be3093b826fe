// Every hour: the day-before reminders to the presenters of tomorrow's prevention events
// (sent from 08:00 Belgrade time; once per presenter per start time; the e-mails themselves
// go through the mail queue, which retries).
import { z } from 'zod';
import { defineJob } from '../index';
import { sendEventReminders } from '../../prevention/events/reminders';

export const eventRemindersJob = defineJob({
  name: 'prevention.event-reminders',
  payload: z.object({}),
  schedule: '7 * * * *',
  async handler(ctx) {
    await sendEventReminders(ctx);
  },
});
