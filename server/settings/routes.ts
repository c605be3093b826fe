// /api/v1/settings: run-time settings.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { errorSchema } from '../../common/schemas/common';
import { settingsResponseSchema, updateSettingsRequestSchema } from '../../common/schemas/settings';
import { requireActor } from '../auth/request';
import { can } from '../auth/policy';
import { forbidden, validationFailed } from '../http/errors';
import { settingsPolicy } from './policy';
import { forgetCachedSettings, getSettings, updateSettings } from './settings';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };

export async function settingsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/settings', {
    schema: { tags: ['settings'], summary: 'Current run-time settings', response: { 200: settingsResponseSchema, ...errors } },
    handler: async (request) => {
      const { actor } = requireActor(request);
      if (!can(settingsPolicy, actor, 'read')) throw forbidden();
      return { settings: await getSettings(ctx.db) };
    },
  });

  api.patch('/api/v1/settings', {
    schema: { tags: ['settings'], summary: 'Change some settings', body: updateSettingsRequestSchema, response: { 200: settingsResponseSchema, ...errors } },
    handler: async (request) => {
      const { actor } = requireActor(request);
      if (!can(settingsPolicy, actor, 'update')) throw forbidden();
      // Settings that only make sense together: the chat must close after it opens.
      const merged = { ...(await getSettings(ctx.db)), ...request.body };
      if (merged.chatClosesAt <= merged.chatOpensAt) {
        throw validationFailed({ chatClosesAt: 'The chat must close after it opens (24:00 = midnight)' });
      }
      await ctx.db.transaction().execute((trx) => updateSettings(trx, request.body, actor));
      forgetCachedSettings(ctx.db);
      return { settings: await getSettings(ctx.db) };
    },
  });
}
