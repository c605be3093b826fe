// /api/v1/contacts: logging helpline contacts, the list with filters and search, one contact
// (audited), finalising, versioned edits, repeat-caller lookup and escalation to the hotline;
// /api/v1/helpline/overview for supervisors.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { errorSchema, okSchema } from '../../common/schemas/common';
import {
  callerLookupRequestSchema,
  callerLookupResponseSchema,
  contactIdParamsSchema,
  contactListQuerySchema,
  contactListResponseSchema,
  contactResponseSchema,
  createContactRequestSchema,
  createContactResponseSchema,
  escalateContactRequestSchema,
  escalateContactResponseSchema,
  helplineOverviewSchema,
  updateContactRequestSchema,
} from '../../common/schemas/helpline';
import { requireActor } from '../auth/request';
import { createContact, escalateContact, getContact, listContacts, lookupCaller, updateContact } from './contacts';
import { helplineOverview } from './overview';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['helpline'];

export async function contactRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: Parameters<typeof requireActor>[0]) => requireActor(request).actor;

  api.post('/api/v1/contacts', {
    schema: { tags, summary: 'Log a helpline contact (a draft unless finalise is true)', body: createContactRequestSchema, response: { 201: createContactResponseSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send({ id: await createContact(ctx, actorOf(request), request.body) }),
  });
  api.get('/api/v1/contacts', {
    schema: { tags, summary: 'Contacts, newest first, with filters and search', querystring: contactListQuerySchema, response: { 200: contactListResponseSchema, ...errors } },
    handler: async (request) => listContacts(ctx, actorOf(request), request.query),
  });
  api.post('/api/v1/contacts/lookup', {
    schema: {
      tags,
      summary: 'Earlier contacts from the person with this phone number or e-mail address (matched by keyed hash; sent in the body so it stays out of logs)',
      body: callerLookupRequestSchema,
      response: { 200: callerLookupResponseSchema, ...errors },
    },
    handler: async (request) => lookupCaller(ctx, actorOf(request), request.body.identifier),
  });
  api.get('/api/v1/contacts/:id', {
    schema: { tags, summary: 'One contact with its versions and, for a chat, the transcript (audited)', params: contactIdParamsSchema, response: { 200: contactResponseSchema, ...errors } },
    handler: async (request) => ({ contact: await getContact(ctx, actorOf(request), request.params.id) }),
  });
  api.patch('/api/v1/contacts/:id', {
    schema: { tags, summary: 'Change a contact (a final contact keeps its previous version)', params: contactIdParamsSchema, body: updateContactRequestSchema, response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await updateContact(ctx, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });
  api.post('/api/v1/contacts/:id/finalise', {
    schema: { tags, summary: 'Finalise a contact (checks it is complete); later edits are versioned', params: contactIdParamsSchema, body: updateContactRequestSchema.nullish(), response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await updateContact(ctx, actorOf(request), request.params.id, request.body ?? {}, { finalise: true });
      return { ok: true as const };
    },
  });
  api.post('/api/v1/contacts/:id/report', {
    schema: { tags, summary: 'Escalate the contact to the hotline as a report (prefilled by the console)', params: contactIdParamsSchema, body: escalateContactRequestSchema, response: { 201: escalateContactResponseSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await escalateContact(ctx, actorOf(request), request.params.id, request.body)),
  });
  api.get('/api/v1/helpline/overview', {
    schema: { tags, summary: "Supervisors' live view: waiting chats, open cases, overdue follow-ups, counsellors' workload", response: { 200: helplineOverviewSchema, ...errors } },
    handler: async (request) => helplineOverview(ctx, actorOf(request)),
  });
}
