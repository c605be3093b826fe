// The live chat's endpoints. Public: whether it is open, opening a chat, the visitor's
// WebSocket. Staff: the queue, taking, transferring and ending chats, prepared snippets, and
// the staff WebSocket (signed-in session; one socket carries every chat the person holds).
//
// WebSocket protocol (JSON text frames):
//   visitor → {type:'hello', chatId, token, afterSeq} | {type:'send', clientId, body} | {type:'typing'} | {type:'end'}
//   staff   → {type:'watch', chatId, afterSeq} | {type:'unwatch', chatId} | {type:'send', chatId, clientId, body} | {type:'typing', chatId}
//   server  → {type:'message', chatId, seq, sender, body, sentAt, clientId} | {type:'ack', chatId, clientId, seq}
//             | {type:'status', chatId, status, position?, held?} | {type:'typing', chatId, from} | {type:'refresh'} | {type:'error', code, message, clientId?}
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import fastifyWebsocket from '@fastify/websocket';
import { sql } from 'kysely';
import type { AppContext } from '../context';
import { errorSchema } from '../../common/schemas/common';
import {
  chatIdParamsSchema,
  chatStatusResponseSchema,
  counsellorsResponseSchema,
  endChatResponseSchema,
  openChatRequestSchema,
  openChatResponseSchema,
  snippetsQuerySchema,
  snippetsResponseSchema,
  staffChatListSchema,
  takenChatResponseSchema,
  transferChatRequestSchema,
} from '../../common/schemas/chat';
import { requireActor } from '../auth/request';
import { SESSION_COOKIE } from '../auth/sessions';
import { can } from '../auth/policy';
import { forbidden } from '../http/errors';
import { perAddressLimit } from '../http/rate-limit';
import { getSettings } from '../settings/settings';
import { chatPolicy } from './policy';
import { chatHours } from './hours';
import { startChatBus } from './bus';
import { ChatHub } from './hub';
import { acceptChat, endChat, openChat, staffChats, takeNextChat, transferChat } from './chats';
import { chatSnippets } from './snippets';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema };

/**
 * Browsers send Origin with a WebSocket handshake: only this site's own pages may connect
 * (the host the request came to, or PUBLIC_BASE_URL's host behind a proxy that rewrites Host).
 */
function sameOrigin(request: FastifyRequest, publicBaseUrl: string | undefined): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser; the token or the session still decides
  try {
    const host = new URL(origin).host;
    return host === request.headers.host || (publicBaseUrl !== undefined && host === new URL(publicBaseUrl).host);
  } catch {
    return false;
  }
}

export async function chatRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(fastifyWebsocket, { options: { maxPayload: 16 * 1024 } });
  const connectionString = (ctx.database.pool as unknown as { options: { connectionString?: string } }).options.connectionString;
  const bus = await startChatBus(ctx.database, connectionString, (msg) => app.log.warn(msg));
  const hub = new ChatHub(ctx, bus, (error) => app.log.error({ err: error }, 'chat message failed'));
  app.addHook('onClose', async () => {
    hub.close();
    await bus.close();
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: FastifyRequest) => requireActor(request).actor;

  // ----- public (no request log lines, no address or user agent kept) -----
  api.get('/api/v1/chat/status', {
    schema: { tags: ['chat (public)'], summary: 'Whether the live chat is open, when it opens or closes, and how many are waiting', response: { 200: chatStatusResponseSchema } },
    logLevel: 'warn',
    handler: async () => {
      const hours = chatHours(await getSettings(ctx.db));
      const waiting = await ctx.db.selectFrom('chats').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'waiting').executeTakeFirstOrThrow();
      return { isOpen: hours.isOpen, opensAt: hours.opensAt?.toISOString() ?? null, closesAt: hours.closesAt?.toISOString() ?? null, waiting: Number(waiting.n) };
    },
  });

  api.post('/api/v1/chats', {
    schema: {
      tags: ['chat (public)'],
      summary: 'Open an anonymous chat: it waits in the queue until a counsellor takes it (409 chat_closed outside opening hours)',
      body: openChatRequestSchema,
      response: { 201: openChatResponseSchema, ...errors },
    },
    logLevel: 'warn',
    config: { rateLimit: perAddressLimit(ctx, 'chat-open', ctx.config.publicRateLimitPerHour, 3_600_000) },
    handler: async (request, reply) => reply.code(201).send(await openChat(ctx, request.body)),
  });

  app.get('/api/v1/chat/socket', {
    websocket: true,
    logLevel: 'warn',
    schema: { tags: ['chat (public)'], summary: "The visitor's WebSocket (upgrade): hello with chatId, token and the last message number seen; then send, typing, end" },
  }, (socket, request) => {
    if (!sameOrigin(request, ctx.config.publicBaseUrl)) return socket.close(4403, 'Wrong origin');
    hub.attach(socket, null);
  });

  // ----- staff -----
  app.get('/api/v1/chat/staff-socket', {
    websocket: true,
    schema: { tags: ['chat'], summary: "Counsellors' WebSocket (upgrade, signed-in session): watch the chats you hold, send, typing; refresh when the queue changes" },
  }, (socket, request) => {
    if (!sameOrigin(request, ctx.config.publicBaseUrl)) return socket.close(4403, 'Wrong origin');
    let actor;
    try {
      actor = actorOf(request);
    } catch {
      return socket.close(4401, 'Sign in first');
    }
    if (!can(chatPolicy, actor, 'answer')) return socket.close(4403, 'Not allowed');
    hub.attach(socket, { actor, sessionToken: request.cookies[SESSION_COOKIE]! });
  });

  api.get('/api/v1/chats', {
    schema: { tags: ['chat'], summary: 'The queue and the chats you hold (a supervisor: every active chat)', response: { 200: staffChatListSchema, ...errors } },
    handler: async (request) => ({ chats: await staffChats(ctx, actorOf(request)) }),
  });
  api.post('/api/v1/chats/next', {
    schema: { tags: ['chat'], summary: 'Take the chat that has waited longest', response: { 200: takenChatResponseSchema, ...errors } },
    handler: async (request) => ({ chatId: (await takeNextChat(ctx, actorOf(request))).id }),
  });
  api.post('/api/v1/chats/:id/accept', {
    schema: { tags: ['chat'], summary: 'Take this waiting chat', params: chatIdParamsSchema, response: { 200: takenChatResponseSchema, ...errors } },
    handler: async (request) => ({ chatId: (await acceptChat(ctx, actorOf(request), request.params.id)).id }),
  });
  api.post('/api/v1/chats/:id/transfer', {
    schema: { tags: ['chat'], summary: 'Hand the chat to another counsellor', params: chatIdParamsSchema, body: transferChatRequestSchema, response: { 200: takenChatResponseSchema, ...errors } },
    handler: async (request) => {
      await transferChat(ctx, actorOf(request), request.params.id, request.body.counsellorId);
      return { chatId: request.params.id };
    },
  });
  api.post('/api/v1/chats/:id/end', {
    schema: { tags: ['chat'], summary: 'End the chat; it becomes a draft contact (with the transcript) for you to complete', params: chatIdParamsSchema, response: { 200: endChatResponseSchema, ...errors } },
    handler: async (request) => ({ contactId: await endChat(ctx, request.params.id, { actor: actorOf(request) }) }),
  });
  api.get('/api/v1/chat/snippets', {
    schema: { tags: ['chat'], summary: 'Prepared advice to send in a chat, in the given language', querystring: snippetsQuerySchema, response: { 200: snippetsResponseSchema, ...errors } },
    handler: async (request) => {
      if (!can(chatPolicy, actorOf(request), 'answer')) throw forbidden();
      return { snippets: chatSnippets(request.query.language ?? 'sr-Cyrl') };
    },
  });
  api.get('/api/v1/chat/counsellors', {
    schema: { tags: ['chat'], summary: 'Counsellors a chat can be transferred to, with how many chats each holds', response: { 200: counsellorsResponseSchema, ...errors } },
    handler: async (request) => {
      if (!can(chatPolicy, actorOf(request), 'answer')) throw forbidden();
      const rows = await ctx.db
        .selectFrom('users')
        .select((eb) => [
          'users.id',
          'users.displayName',
          eb.selectFrom('chats').select((e) => e.fn.countAll<string>().as('n')).whereRef('chats.counsellorId', '=', 'users.id').where('chats.status', '=', 'active').as('activeChats'),
        ])
        .where('users.isActive', '=', true)
        .where(sql<boolean>`roles && ARRAY['counsellor', 'supervisor']::text[]`)
        .orderBy('users.displayName')
        .execute();
      return { counsellors: rows.map((r) => ({ id: r.id, name: r.displayName, activeChats: Number(r.activeChats ?? 0) })) };
    },
  });
}
