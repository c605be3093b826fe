// The public site: server-rendered pages, the language switch, static assets.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AppContext } from '../context';
import { isLanguage } from '../../common/roles';
import { translator } from '../../common/i18n/index';
import { getSettings } from '../settings/settings';
import { LANGUAGE_COOKIE, requestLanguage, safeNextPath } from './language';
import { renderHome, renderNotFound } from './home';
import type { PageContext } from './layout';

const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const VENDOR = path.dirname(createRequire(import.meta.url).resolve('js-sha256/build/sha256.min.js'));

export async function pageContext(ctx: AppContext, request: FastifyRequest): Promise<PageContext> {
  const language = requestLanguage(request);
  const settings = await getSettings(ctx.db);
  return {
    t: translator(language),
    language,
    path: request.url.split('?')[0] ?? '/',
    helplinePhone: settings.helplinePhone,
    quickExitUrl: settings.quickExitUrl,
  };
}

export function sendHtml(reply: FastifyReply, html: string, status = 200) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}

export async function publicSiteRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(fastifyStatic, { root: ASSETS, prefix: '/assets/', decorateReply: false, maxAge: '1h' });
  // SHA-256 for the proof of work in the browser, served from the npm package (MIT).
  await app.register(fastifyStatic, { root: VENDOR, prefix: '/assets/vendor/', decorateReply: false, maxAge: '1h', allowedPath: (p) => p === '/sha256.min.js' });

  app.get('/', { schema: { hide: true } }, async (request, reply) => sendHtml(reply, renderHome(await pageContext(ctx, request))));

  app.get<{ Params: { language: string }; Querystring: { next?: string } }>(
    '/language/:language',
    { schema: { hide: true } },
    async (request, reply) => {
      const { language } = request.params;
      if (isLanguage(language)) {
        reply.setCookie(LANGUAGE_COOKIE, language, {
          path: '/',
          sameSite: 'lax',
          httpOnly: true,
          secure: ctx.config.cookieSecure,
          maxAge: 365 * 24 * 3600,
        });
      }
      return reply.redirect(safeNextPath(request.query.next), 303);
    },
  );
}

export async function renderPublicNotFound(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  return sendHtml(reply, renderNotFound(await pageContext(ctx, request)), 404);
}
