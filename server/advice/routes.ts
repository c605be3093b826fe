// The advice library: staff API (/api/v1/advice) and the public pages (/advice).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { errorSchema } from '../../common/schemas/common';
import {
  adviceArticleResponseSchema,
  adviceIdParamsSchema,
  adviceListQuerySchema,
  adviceListResponseSchema,
  advicePreviewRequestSchema,
  advicePreviewResponseSchema,
  createAdviceRequestSchema,
  createAdviceResponseSchema,
  updateAdviceRequestSchema,
} from '../../common/schemas/advice';
import { requireActor } from '../auth/request';
import { can } from '../auth/policy';
import { forbidden } from '../http/errors';
import { advicePolicy } from './policy';
import { createArticle, getArticle, listArticles, updateArticle } from './articles';
import { renderMarkdown } from './markdown';
import { advicePageRoutes } from './pages';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['advice'];

export async function adviceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/advice', {
    schema: {
      tags,
      summary: 'Search the advice library (any script, with or without diacritics; at most 50, best matches first)',
      querystring: adviceListQuerySchema,
      response: { 200: adviceListResponseSchema, ...errors },
    },
    handler: async (request) => ({ articles: await listArticles(ctx.db, requireActor(request).actor, request.query) }),
  });

  api.post('/api/v1/advice', {
    schema: { tags, summary: 'Write a new article (supervisors)', body: createAdviceRequestSchema, response: { 201: createAdviceResponseSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send({ id: await createArticle(ctx, requireActor(request).actor, request.body) }),
  });

  api.post('/api/v1/advice/preview', {
    schema: {
      tags,
      summary: 'Render Markdown exactly as the public site will (sanitised), for the editor preview',
      body: advicePreviewRequestSchema,
      response: { 200: advicePreviewResponseSchema, ...errors },
    },
    handler: async (request) => {
      if (!can(advicePolicy, requireActor(request).actor, 'edit')) throw forbidden();
      return { html: renderMarkdown(request.body.markdown) };
    },
  });

  api.get('/api/v1/advice/:id', {
    schema: { tags, summary: 'One article, drafts included, with its rendered bodies', params: adviceIdParamsSchema, response: { 200: adviceArticleResponseSchema, ...errors } },
    handler: async (request) => ({ article: await getArticle(ctx, requireActor(request).actor, request.params.id) }),
  });

  api.patch('/api/v1/advice/:id', {
    schema: {
      tags,
      summary: 'Change, publish, take back or mark reviewed an article (supervisors; audited)',
      params: adviceIdParamsSchema,
      body: updateAdviceRequestSchema,
      response: { 200: adviceArticleResponseSchema, ...errors },
    },
    handler: async (request) => {
      const { actor } = requireActor(request);
      await updateArticle(ctx, actor, request.params.id, request.body);
      return { article: await getArticle(ctx, actor, request.params.id) };
    },
  });

  await advicePageRoutes(app, ctx);
}
