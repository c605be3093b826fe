// /api/v1/institutions: the registry (read here; the referrals feature adds editing).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { errorSchema } from '../../common/schemas/common';
import { institutionListResponseSchema } from '../../common/schemas/users';
import { requireActor } from '../auth/request';
import { can } from '../auth/policy';
import { forbidden } from '../http/errors';
import { institutionPolicy } from './policy';

export async function institutionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/institutions', {
    schema: { tags: ['institutions'], summary: 'Active institutions', response: { 200: institutionListResponseSchema, 401: errorSchema, 403: errorSchema } },
    handler: async (request) => {
      const { actor } = requireActor(request);
      if (!can(institutionPolicy, actor, 'list')) throw forbidden();
      const rows = await ctx.db
        .selectFrom('institutions')
        .select(['id', 'code', 'type', 'nameSr', 'nameEn'])
        .where('isActive', '=', true)
        .orderBy('type')
        .orderBy('nameSr')
        .execute();
      return { institutions: rows.map((r) => ({ id: r.id, code: r.code, type: r.type, name: r.nameSr, nameEn: r.nameEn })) };
    },
  });
}
