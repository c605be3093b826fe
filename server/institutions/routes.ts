// /api/v1/institutions: the registry (read here; the referrals feature adds editing).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import type { AppContext } from '../context';
import { errorSchema } from '../../common/schemas/common';
import { institutionListResponseSchema } from '../../common/schemas/users';
import { requireActor } from '../auth/request';
import { can } from '../auth/policy';
import { forbidden } from '../http/errors';
import { institutionPolicy } from './policy';

const institutionParams = z.strictObject({ id: z.uuid() });
const tokenParams = z.strictObject({ id: z.uuid(), tokenId: z.uuid() });
const tokenListSchema = z.object({
  tokens: z.array(z.object({ id: z.uuid(), name: z.string(), createdAt: z.string(), lastUsedOn: z.string().nullable(), revokedAt: z.string().nullable() })),
});

export async function institutionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const administrator = (request: Parameters<typeof requireActor>[0]) => {
    const { actor } = requireActor(request);
    if (!can(institutionPolicy, actor, 'manageApiTokens')) throw forbidden();
    return actor;
  };

  api.post('/api/v1/institutions/:id/api-tokens', {
    schema: {
      tags: ['institutions'],
      summary: "Create a read-only API token for the institution's own system (shown once; use as Authorization: Bearer)",
      params: institutionParams,
      body: z.strictObject({ name: z.string().trim().min(1).max(100).describe('Which system uses it') }),
      response: { 201: z.object({ id: z.uuid(), token: z.string() }), 400: errorSchema, 401: errorSchema, 403: errorSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await createApiToken(ctx, administrator(request), request.params.id, request.body.name)),
  });

  api.get('/api/v1/institutions/:id/api-tokens', {
    schema: { tags: ['institutions'], summary: "The institution's API tokens (never the tokens themselves)", params: institutionParams, response: { 200: tokenListSchema, 401: errorSchema, 403: errorSchema } },
    handler: async (request) => {
      administrator(request);
      return { tokens: await listApiTokens(ctx, request.params.id) };
    },
  });

  api.delete('/api/v1/institutions/:id/api-tokens/:tokenId', {
    schema: { tags: ['institutions'], summary: 'Revoke a token', params: tokenParams, response: { 204: z.null(), 401: errorSchema, 403: errorSchema, 404: errorSchema } },
    handler: async (request, reply) => {
      await revokeApiToken(ctx, administrator(request), request.params.id, request.params.tokenId);
      return reply.code(204).send(null);
    },
  });

  api.get('/api/v1/institutions', {
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
