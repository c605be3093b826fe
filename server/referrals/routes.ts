// /api/v1/cases and /api/v1/referrals.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { errorSchema } from '../../common/schemas/common';
import { caseIdParamsSchema } from '../../common/schemas/cases';
import {
  createReferralRequestSchema,
  dossierQuerySchema,
  outcomeRequestSchema,
  referralIdParamsSchema,
  referralListQuerySchema,
  referralListResponseSchema,
  referralMessageRequestSchema,
  referralResponseSchema,
  routingQuerySchema,
  routingResponseSchema,
} from '../../common/schemas/referrals';
import { requireActor } from '../auth/request';
import { can } from '../auth/policy';
import { forbidden, notFound } from '../http/errors';
import { casePolicy } from '../cases/policy';
import { referralPolicy } from './policy';
import { acknowledgeReferral, approveReferral, forwardCase, getReferral, listReferrals, recordOutcome, writeReferralMessage } from './referrals';
import { routingForCase } from './routing-for-case';
import { ROUTING_RULES_VERSION } from './routing';
import { dossierPdf } from './dossier';
import { tokenActor } from '../institutions/api-tokens';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export async function referralRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  /** Reading referrals: a signed-in person, or an institution's API token (read-only). */
  const reader = async (request: FastifyRequest) => (request.session ? requireActor(request).actor : ((await tokenActor(ctx, request)) ?? requireActor(request).actor));

  api.get('/api/v1/cases/:id/routing', {
    schema: { tags: ['cases'], summary: 'Institutions the routing rules suggest for the case, with the rule behind each', params: caseIdParamsSchema, querystring: routingQuerySchema, response: { 200: routingResponseSchema, ...errors } },
    handler: async (request) => {
      const { actor } = requireActor(request);
      // For those who forward cases (the suggestions reveal the classification and the place).
      if (!can(referralPolicy, actor, 'create')) throw forbidden();
      const theCase = await ctx.db.selectFrom('cases').select(['assigneeId', 'createdBy']).where('id', '=', request.params.id).executeTakeFirst();
      if (!theCase || !can(casePolicy, actor, 'read', theCase)) throw notFound('No such case');
      return { rulesVersion: ROUTING_RULES_VERSION, suggestions: await routingForCase(ctx.db, request.params.id, request.query) };
    },
  });

  // The contract names this /cases/:caseId/referrals; the parameter is called id here
  // because Fastify needs one name per position (the path is the same).
  api.post('/api/v1/cases/:id/referrals', {
    schema: { tags: ['referrals'], summary: 'Forward the case to one institution (its contact persons are e-mailed a link, no details)', params: caseIdParamsSchema, body: createReferralRequestSchema, response: { 201: z.object({ id: z.uuid() }), ...errors } },
    handler: async (request, reply) => reply.code(201).send({ id: await forwardCase(ctx, requireActor(request).actor, request.params.id, request.body) }),
  });

  api.get('/api/v1/referrals', {
    schema: { tags: ['referrals'], summary: "Referrals (a contact person, or an institution's API token as Bearer, sees only that institution's)", querystring: referralListQuerySchema, response: { 200: referralListResponseSchema, ...errors } },
    handler: async (request) => listReferrals(ctx, await reader(request), request.query),
  });

  api.get('/api/v1/referrals/:id', {
    schema: { tags: ['referrals'], summary: 'One referral: what the centre found, why, links, messages (audited)', params: referralIdParamsSchema, response: { 200: referralResponseSchema, ...errors } },
    handler: async (request) => ({ referral: await getReferral(ctx, await reader(request), request.params.id) }),
  });

  api.get('/api/v1/referrals/:id/dossier.pdf', {
    schema: { tags: ['referrals'], summary: 'The referral dossier as a PDF (audited)', params: referralIdParamsSchema, querystring: dossierQuerySchema, response: { 200: z.unknown().describe('application/pdf'), ...errors } },
    handler: async (request, reply) => {
      const { reference, pdf } = await dossierPdf(ctx, await reader(request), request.params.id, request.query.language ?? 'sr-Cyrl');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${reference}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });

  const step = <B extends z.ZodType>(path: string, summary: string, body: B | null, run: (actor: ReturnType<typeof requireActor>['actor'], id: string, body: z.infer<B>) => Promise<void>) =>
    api.post(`/api/v1/referrals/:id/${path}`, {
      schema: { tags: ['referrals'], summary, params: referralIdParamsSchema, ...(body ? { body } : {}), response: { 200: referralResponseSchema, ...errors } },
      handler: async (request) => {
        const { actor } = requireActor(request);
        await run(actor, request.params.id, request.body as z.infer<B>);
        return { referral: await getReferral(ctx, actor, request.params.id) };
      },
    });

  step('approval', 'Approve a referral prepared by an analyst; it goes out now (supervisors, where settings require approval)', null, (actor, id) => approveReferral(ctx, actor, id));
  step('acknowledgement', 'Acknowledge receipt (contact persons of the institution)', null, (actor, id) => acknowledgeReferral(ctx, actor, id));
  step('outcome', 'Record the outcome (contact persons of the institution)', outcomeRequestSchema, (actor, id, b) => recordOutcome(ctx, actor, id, b.outcome, b.note));
  step('messages', 'Write to the other side (centre or institution)', referralMessageRequestSchema, (actor, id, b) => writeReferralMessage(ctx, actor, id, b.body));
}
