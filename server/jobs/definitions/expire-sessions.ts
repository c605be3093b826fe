// Removes staff sessions that ended by inactivity or reached their absolute limit, so the
// sessions table holds only live sessions.
import { z } from 'zod';
import { defineJob } from '../index';
import { deleteExpiredSessions } from '../../auth/sessions';
import { getSettings } from '../../settings/settings';

export const expireSessionsJob = defineJob({
  name: 'sessions.expire',
  payload: z.object({}),
  schedule: '*/10 * * * *',
  async handler(ctx) {
    const { sessionIdleMinutes } = await getSettings(ctx.db);
    await deleteExpiredSessions(ctx.db, sessionIdleMinutes);
  },
});
