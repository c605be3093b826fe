// /api/v1/inbox: the helpline mailbox. Threads are read over IMAP by the inbox.fetch job
// (intake.ts); here counsellors and supervisors list them, read one, download an attachment,
// reply (sent over SMTP through the outgoing mail queue) and close a thread.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { errorSchema } from '../../common/schemas/common';
import {
  closeRequestSchema,
  closeResponseSchema,
  replyRequestSchema,
  replyResponseSchema,
  threadAttachmentParamsSchema,
  threadIdParamsSchema,
  threadListQuerySchema,
  threadListResponseSchema,
  threadResponseSchema,
} from '../../common/schemas/inbox';
import { requireActor } from '../auth/request';
import { closeThread, getAttachment, getThread, listThreads, replyToThread } from './threads';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** RFC 6266: an ASCII fallback and the UTF-8 name (Cyrillic file names survive). */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A plain media type, or a download of unknown bytes. */
const safeContentType = (type: string) => (/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i.test(type) ? type.toLowerCase() : 'application/octet-stream');

export async function inboxRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/inbox/threads', {
    schema: {
      tags: ['inbox'],
      summary: 'E-mail threads of the helpline mailbox: awaiting first, with counts by status (no addresses)',
      querystring: threadListQuerySchema,
      response: { 200: threadListResponseSchema, ...errors },
    },
    handler: async (request) => ({ ...(await listThreads(ctx, requireActor(request).actor, request.query)), isConfigured: ctx.config.imapUrl !== undefined }),
  });

  api.get('/api/v1/inbox/threads/:id', {
    schema: {
      tags: ['inbox'],
      summary: "One thread: the correspondent's address and every message decrypted, attachments listed (audited)",
      params: threadIdParamsSchema,
      response: { 200: threadResponseSchema, ...errors },
    },
    handler: async (request) => ({ thread: await getThread(ctx, requireActor(request).actor, request.params.id) }),
  });

  api.get('/api/v1/inbox/threads/:id/attachments/:attachmentId', {
    schema: {
      tags: ['inbox'],
      summary: 'Download one attachment of a thread (audited; always as a download, never shown inline)',
      params: threadAttachmentParamsSchema,
      response: { 200: z.unknown().describe('The file as received'), ...errors },
    },
    handler: async (request, reply) => {
      const attachment = await getAttachment(ctx, requireActor(request).actor, request.params.id, request.params.attachmentId);
      return reply
        .header('content-type', safeContentType(attachment.contentType))
        .header('content-disposition', contentDisposition(attachment.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(attachment.bytes);
    },
  });

  api.post('/api/v1/inbox/threads/:id/replies', {
    schema: {
      tags: ['inbox'],
      summary: 'Reply to the correspondent (queued for sending in the same transaction; the thread becomes answered)',
      params: threadIdParamsSchema,
      body: replyRequestSchema,
      response: { 201: replyResponseSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send({ id: await replyToThread(ctx, requireActor(request).actor, request.params.id, request.body.body) }),
  });

  api.post('/api/v1/inbox/threads/:id/close', {
    schema: {
      tags: ['inbox'],
      summary: 'Close a thread (a new message from the correspondent opens it again)',
      params: threadIdParamsSchema,
      body: closeRequestSchema,
      response: { 200: closeResponseSchema, ...errors },
    },
    handler: async (request) => closeThread(ctx, requireActor(request).actor, request.params.id),
  });
}
