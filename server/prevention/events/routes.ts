// /api/v1/events: the prevention calendar (a date range with filters, or a presenter's own
// upcoming events with presenter=me&from=now), one event, planning and editing, cancelling,
// recording the audience, the people who can present, and the event's photos (multipart
// upload with the "no child's face" statement; downloads always as attachments, nosniff).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorSchema, okSchema } from '../../../common/schemas/common';
import {
  cancelEventRequestSchema,
  createEventRequestSchema,
  createEventResponseSchema,
  eventIdParamsSchema,
  eventListQuerySchema,
  eventListResponseSchema,
  eventPhotoParamsSchema,
  eventPhotosResponseSchema,
  eventResponseSchema,
  MAX_PHOTO_BYTES,
  photoDownloadQuerySchema,
  presentersResponseSchema,
  recordEventRequestSchema,
  updateEventRequestSchema,
  uploadPhotoResponseSchema,
} from '../../../common/schemas/prevention/events';
import { requireActor } from '../../auth/request';
import { HttpError } from '../../http/errors';
import { cancelEvent, createEvent, getEvent, listEvents, listPresenters, loadEventFor, recordEvent, updateEvent } from './events';
import { deletePhoto, eventPhotos, getPhoto, uploadPhoto, type PhotoUpload } from './photos';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['events'];
const actorOf = (request: FastifyRequest) => requireActor(request).actor;

/** The multipart body of a photo upload: one file part "photo" and the text fields. */
async function readPhotoUpload(request: FastifyRequest): Promise<PhotoUpload> {
  if (!request.isMultipart()) throw new HttpError(415, 'unsupported_media_type', 'Send multipart/form-data with the photo and noChildrenFaces=true');
  const upload: PhotoUpload = { file: null, fields: {} };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname !== 'photo') {
          upload.fields[part.fieldname] = 'file';
          continue;
        }
        if (bytes.length > 0) upload.file = { bytes, contentType: part.mimetype };
      } else {
        upload.fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, 'photo_too_large', `A photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`, { photo: 'Too large' });
    throw new HttpError(400, 'validation_failed', 'The upload could not be read', { photo: 'One photo per upload' });
  }
  return upload;
}

export async function eventRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/events', {
    schema: {
      tags,
      summary: "The calendar: events starting in a date range, with filters (presenter=me&from=now: a presenter's own upcoming events)",
      querystring: eventListQuerySchema,
      response: { 200: eventListResponseSchema, ...errors },
    },
    handler: async (request) => listEvents(ctx, actorOf(request), request.query),
  });
  api.post('/api/v1/events', {
    schema: { tags, summary: 'Plan an event (coordinators)', body: createEventRequestSchema, response: { 201: createEventResponseSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send({ id: await createEvent(ctx, actorOf(request), request.body) }),
  });
  api.get('/api/v1/events/presenters', {
    schema: { tags, summary: 'Who can be named a presenter: active staff with the role presenter or prevention coordinator (id and name only)', response: { 200: presentersResponseSchema, ...errors } },
    handler: async (request) => ({ presenters: await listPresenters(ctx, actorOf(request)) }),
  });
  api.get('/api/v1/events/:id', {
    schema: { tags, summary: 'One event with its presenters, audience (once recorded) and photos', params: eventIdParamsSchema, response: { 200: eventResponseSchema, ...errors } },
    handler: async (request) => ({ event: await getEvent(ctx, actorOf(request), request.params.id) }),
  });
  api.patch('/api/v1/events/:id', {
    schema: { tags, summary: 'Change an event (coordinators; presenters the events they present)', params: eventIdParamsSchema, body: updateEventRequestSchema, response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await updateEvent(ctx, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });
  api.post('/api/v1/events/:id/cancel', {
    schema: { tags, summary: 'Cancel a planned event with a reason (coordinators)', params: eventIdParamsSchema, body: cancelEventRequestSchema, response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await cancelEvent(ctx, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });
  api.post('/api/v1/events/:id/record', {
    schema: {
      tags,
      summary: 'Record what happened: the audience by group, the real length, notes (once it has started; may be corrected later, audited)',
      params: eventIdParamsSchema,
      body: recordEventRequestSchema,
      response: { 200: okSchema, ...errors },
    },
    handler: async (request) => {
      await recordEvent(ctx, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });

  // Photos: multipart uploads in their own scope, so the parser applies here only.
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 5, fieldSize: 2_000, parts: 6 } });
    const photos = scope.withTypeProvider<ZodTypeProvider>();
    photos.get('/api/v1/events/:id/photos', {
      schema: { tags, summary: "The event's photos (metadata; download each on its own)", params: eventIdParamsSchema, response: { 200: eventPhotosResponseSchema, ...errors } },
      handler: async (request) => ({ photos: await eventPhotos(ctx, actorOf(request), request.params.id) }),
    });
    photos.post('/api/v1/events/:id/photos', {
      schema: {
        tags,
        summary:
          "Upload a photo (multipart/form-data: file part 'photo', JPEG/PNG/WebP up to 10 MB; 'noChildrenFaces' must be 'true'; optional 'caption'). Re-encoded without metadata. Those who may record the event.",
        consumes: ['multipart/form-data'],
        params: eventIdParamsSchema,
        response: { 201: uploadPhotoResponseSchema, 413: errorSchema, 415: errorSchema, ...errors },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        // Refuse before reading up to 10 MB from someone who may not upload here.
        await loadEventFor(ctx.db, actor, request.params.id, 'record');
        const upload = await readPhotoUpload(request);
        return reply.code(201).send({ id: await uploadPhoto(ctx, actor, request.params.id, upload) });
      },
    });
    photos.get('/api/v1/events/:id/photos/:photoId', {
      schema: { tags, summary: 'One photo (inline for the gallery, or download=1 as an attachment)', params: eventPhotoParamsSchema, querystring: photoDownloadQuerySchema, response: { 200: z.unknown().describe('The picture (JPEG, PNG or WebP)'), ...errors } },
      handler: async (request, reply) => {
        const photo = await getPhoto(ctx, actorOf(request), request.params.id, request.params.photoId);
        const extension = photo.contentType.split('/')[1] === 'jpeg' ? 'jpg' : photo.contentType.split('/')[1];
        return reply
          .header('content-type', photo.contentType)
          .header('content-disposition', `${request.query.download ? 'attachment' : 'inline'}; filename="event-photo-${request.params.photoId.slice(0, 8)}.${extension}"`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .send(photo.bytes);
      },
    });
    photos.delete('/api/v1/events/:id/photos/:photoId', {
      schema: { tags, summary: 'Delete a photo (those who may record the event)', params: eventPhotoParamsSchema, response: { 200: okSchema, ...errors } },
      handler: async (request) => {
        await deletePhoto(ctx, actorOf(request), request.params.id, request.params.photoId);
        return { ok: true as const };
      },
    });
  });
}
