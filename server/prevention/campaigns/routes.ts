// /api/v1/campaigns: campaigns with their reach figures, one campaign with its tour (city-stop
// events) and other events, and its online actions as a sub-resource. Stops themselves are
// events: planned with POST /api/v1/events (type campaign-city-stop, campaignId).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorSchema, okSchema } from '../../../common/schemas/common';
import {
  campaignIdParamsSchema,
  campaignListResponseSchema,
  campaignResponseSchema,
  createCampaignRequestSchema,
  createdResponseSchema,
  onlineActionParamsSchema,
  onlineActionRequestSchema,
  updateCampaignRequestSchema,
  updateOnlineActionRequestSchema,
} from '../../../common/schemas/prevention/campaigns';
import { requireActor } from '../../auth/request';
import { addOnlineAction, createCampaign, deleteOnlineAction, getCampaign, listCampaigns, updateCampaign, updateOnlineAction } from './campaigns';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const tags = ['prevention'];

export async function campaignRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: Parameters<typeof requireActor>[0]) => requireActor(request).actor;

  api.get('/api/v1/campaigns', {
    schema: { tags, summary: 'Campaigns, newest first, each with its reach figures', response: { 200: campaignListResponseSchema, ...errors } },
    handler: async (request) => ({ campaigns: await listCampaigns(ctx, actorOf(request)) }),
  });
  api.post('/api/v1/campaigns', {
    schema: { tags, summary: 'Start a campaign (coordinators)', body: createCampaignRequestSchema, response: { 201: createdResponseSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send({ id: await createCampaign(ctx, actorOf(request), request.body) }),
  });
  api.get('/api/v1/campaigns/:id', {
    schema: {
      tags,
      summary: 'One campaign: figures (from held events and online actions), partners, online actions, the tour route and other events',
      params: campaignIdParamsSchema,
      response: { 200: campaignResponseSchema, ...errors },
    },
    handler: async (request) => ({ campaign: await getCampaign(ctx, actorOf(request), request.params.id) }),
  });
  api.patch('/api/v1/campaigns/:id', {
    schema: { tags, summary: 'Change a campaign; partners replaces the whole list (coordinators)', params: campaignIdParamsSchema, body: updateCampaignRequestSchema, response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await updateCampaign(ctx, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });
  api.post('/api/v1/campaigns/:id/online-actions', {
    schema: { tags, summary: 'Add an online action with the people it reached (coordinators)', params: campaignIdParamsSchema, body: onlineActionRequestSchema, response: { 201: createdResponseSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send({ id: await addOnlineAction(ctx, actorOf(request), request.params.id, request.body) }),
  });
  api.patch('/api/v1/campaigns/:id/online-actions/:actionId', {
    schema: { tags, summary: 'Change an online action (coordinators)', params: onlineActionParamsSchema, body: updateOnlineActionRequestSchema, response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await updateOnlineAction(ctx, actorOf(request), request.params.id, request.params.actionId, request.body);
      return { ok: true as const };
    },
  });
  api.delete('/api/v1/campaigns/:id/online-actions/:actionId', {
    schema: { tags, summary: 'Remove an online action (coordinators)', params: onlineActionParamsSchema, response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await deleteOnlineAction(ctx, actorOf(request), request.params.id, request.params.actionId);
      return { ok: true as const };
    },
  });
}
