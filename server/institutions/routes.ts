// /api/v1/institutions: the registry (read here; the referrals feature adds editing).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import { INSTITUTION_TYPES } from '../../common/institutions';
import { saveInstitution } from './registry-admin';
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

  const institutionBody = z.strictObject({
    code: z.string().trim().regex(/^[a-z0-9-]{2,60}$/, 'lower-case letters, digits and dashes'),
    type: z.enum(INSTITUTION_TYPES),
    nameSr: z.string().trim().min(2).max(300).describe('In Serbian Cyrillic; the Latin form is derived'),
    nameEn: z.string().trim().min(2).max(300),
    areaKind: z.enum(['national', 'district', 'municipality']),
    areaCodes: z.array(z.string().max(60)).max(200).default([]).describe('District or municipality ids (common/data/serbia-admin.json)'),
    workingHours: z.string().trim().min(1).max(200).optional(),
    deputyUserId: z.uuid().nullable().optional().describe("One of the institution's contact persons"),
    isActive: z.boolean().optional(),
  });
  const institutionSchema = institutionBody.extend({ id: z.uuid(), workingHours: z.string(), deputyUserId: z.uuid().nullable(), isActive: z.boolean() });
  const manager = (request: Parameters<typeof requireActor>[0]) => {
    const { actor } = requireActor(request);
    if (!can(institutionPolicy, actor, 'manage')) throw forbidden();
    return actor;
  };

  api.post('/api/v1/institutions', {
    schema: { tags: ['institutions'], summary: 'Add an institution to the registry', body: institutionBody, response: { 201: z.object({ institution: institutionSchema }), 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema } },
    handler: async (request, reply) => reply.code(201).send({ institution: await saveInstitution(ctx, manager(request), null, request.body) }),
  });

  api.patch('/api/v1/institutions/:id', {
    schema: { tags: ['institutions'], summary: 'Change an institution (names, area, working hours, deputy, active)', params: institutionParams, body: institutionBody.partial(), response: { 200: z.object({ institution: institutionSchema }), 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema } },
    handler: async (request) => ({ institution: await saveInstitution(ctx, manager(request), request.params.id, request.body) }),
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
