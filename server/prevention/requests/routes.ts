// /api/v1/presentation-requests: the public request (no account; rate-limited per address, no
// request log line) and the coordinators' queue, one request (audited), accept and decline.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorSchema, okSchema } from '../../../common/schemas/common';
import { createEventRequestSchema } from '../../../common/schemas/prevention/events';
import {
  acceptResponseSchema,
  createPresentationRequestResponseSchema,
  createPresentationRequestSchema,
  declineRequestSchema,
  requestIdParamsSchema,
  requestListQuerySchema,
  requestListResponseSchema,
  requestResponseSchema,
} from '../../../common/schemas/prevention/requests';
import { requireActor } from '../../auth/request';
import { publicAdmission } from '../../hotline/admission';
import { acceptPresentationRequest, declinePresentationRequest, getPresentationRequest, listPresentationRequests, submitPresentationRequest } from './requests';
import { requestRateLimit } from './rate-limit';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema };
const tags = ['presentation requests'];

export async function requestRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: Parameters<typeof requireActor>[0]) => requireActor(request).actor;

  api.post('/api/v1/presentation-requests', {
    schema: {
      tags: ['presentation requests (public)'],
      summary: 'Ask the centre for a presentation (no account). 201 = the request and the confirmation e-mail are committed.',
      body: createPresentationRequestSchema,
      response: { 201: createPresentationRequestResponseSchema, ...errors },
    },
    // No request log line: nothing about the requester's connection is kept.
    logLevel: 'warn',
    config: { rateLimit: requestRateLimit(ctx) },
    handler: async (request, reply) => {
      const { id } = await publicAdmission(ctx).run(() => submitPresentationRequest(ctx, request.body));
      return reply.code(201).send({ id });
    },
  });

  api.get('/api/v1/presentation-requests', {
    schema: { tags, summary: 'The queue of presentation requests, with counts by status (no contact details)', querystring: requestListQuerySchema, response: { 200: requestListResponseSchema, ...errors } },
    handler: async (request) => listPresentationRequests(ctx, actorOf(request), request.query),
  });

  api.get('/api/v1/presentation-requests/:id', {
    schema: { tags, summary: "One request with the requester's contact details (audited) and schools of its municipality", params: requestIdParamsSchema, response: { 200: requestResponseSchema, ...errors } },
    handler: async (request) => ({ request: await getPresentationRequest(ctx, actorOf(request), request.params.id) }),
  });

  api.post('/api/v1/presentation-requests/:id/accept', {
    schema: {
      tags,
      summary: 'Accept a new request: schedules the event (body as POST /api/v1/events) and e-mails the requester when, where and who comes; 409 if already decided',
      params: requestIdParamsSchema,
      body: createEventRequestSchema,
      response: { 200: acceptResponseSchema, ...errors },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const eventId = await acceptPresentationRequest(ctx, actor, request.params.id, request.body);
      return { eventId, request: await getPresentationRequest(ctx, actor, request.params.id) };
    },
  });

  api.post('/api/v1/presentation-requests/:id/decline', {
    schema: { tags, summary: 'Decline a new request; the reason is e-mailed to the requester; 409 if already decided', params: requestIdParamsSchema, body: declineRequestSchema, response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await declinePresentationRequest(ctx, actorOf(request), request.params.id, request.body.reason);
      return { ok: true as const };
    },
  });
}
