// Every five minutes: alert supervisors and deputies about referrals not acknowledged in
// time, and remind institutions of outcomes still owed.
import { z } from 'zod';
import { defineJob } from '../index';
import { checkReferralDeadlines } from '../../referrals/referrals';

export const referralDeadlinesJob = defineJob({
  name: 'referrals.check-deadlines',
  payload: z.object({}),
  schedule: '*/5 * * * *',
  async handler(ctx) {
    await checkReferralDeadlines(ctx);
  },
});
