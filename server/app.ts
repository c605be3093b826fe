// Builds the Fastify application from a ready context: security headers, cookies, the error
// shape, the OpenAPI document, every feature's routes, the public site and the console.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { sql } from 'kysely';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DestinationStream } from 'pino';
import type { AppContext } from './context';
import { registerErrorHandler } from './http/error-handler';
import { MemoryRateStore } from './http/rate-limit';
import { registerSessionHook } from './auth/request';
import { authRoutes } from './auth/routes';
import { userRoutes } from './users/routes';
import { auditRoutes } from './audit/routes';
import { settingsRoutes } from './settings/routes';
import { institutionRoutes } from './institutions/routes';
import { publicSiteRoutes, renderPublicNotFound } from './public-site/routes';
import { reportFormRoutes } from './public-site/report-routes';
import { hotlineRoutes } from './hotline/routes';
import { referralRoutes } from './referrals/routes';
import { mailboxRoutes } from './mail/routes';
import { contactRoutes } from './helpline/routes';
import { caseRoutes } from './cases/routes';
import { chatRoutes } from './chat/routes';
import { adviceRoutes } from './advice/routes';
import { inboxRoutes } from './email-intake/routes';
import { chatPageRoutes } from './public-site/chat-page';
import { preventionRoutes } from './prevention/routes';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The built console (npm run build); CONSOLE_DIR serves one built elsewhere. */
export const CONSOLE_DIR = process.env.CONSOLE_DIR ?? path.join(ROOT, 'dist', 'console');

export interface BuildOptions {
  /** Where logs go (tests capture them to prove secrets never appear). Default: stdout. */
  logStream?: DestinationStream;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: ctx.config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // No addresses, user agents, query strings, cookies or tokens in the logs.
      serializers: {
        req: (req) => ({ method: req.method, url: String(req.url).split('?')[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers', 'headers', 'body', 'password', 'otp', 'token'], censor: '[redacted]' },
    },
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 256 * 1024,
    // Request ids are counters, not derived from anything about the requester.
    genReqId: (() => {
      let n = 0;
      return () => `r${(++n).toString(36)}`;
    })(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        ...(ctx.config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: ctx.config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, { global: false, store: MemoryRateStore as never });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'bezbedno API',
        version: '1',
        description:
          'API of the bezbedno platform. Errors: { error: { code, message, fields? } }. State-changing requests made with the session cookie must send x-csrf-token. ' +
          'Live chat WebSockets (not expressible in OpenAPI; protocol in docs/ARCHITECTURE.md): GET /api/v1/chat/socket (anonymous visitor, proves the chat with its token) and GET /api/v1/chat/staff-socket (signed-in counsellors).',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bezbedno_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  registerSessionHook(app, ctx);

  app.withTypeProvider<ZodTypeProvider>().get('/health', {
    schema: {
      tags: ['operations'],
      summary: 'Liveness and database check',
      response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) },
    },
    handler: async (_request, reply) => {
      try {
        await sql`SELECT 1`.execute(ctx.db);
        return { status: 'ok' as const };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const routes of [authRoutes, userRoutes, auditRoutes, settingsRoutes, institutionRoutes, hotlineRoutes, referralRoutes, mailboxRoutes,
    contactRoutes, caseRoutes, chatRoutes, adviceRoutes, inboxRoutes, preventionRoutes, publicSiteRoutes, reportFormRoutes, chatPageRoutes]) {
    await routes(app, ctx);
  }

  const consoleBuilt = fs.existsSync(path.join(CONSOLE_DIR, 'index.html'));
  if (consoleBuilt) {
    await app.register(fastifyStatic, { root: CONSOLE_DIR, prefix: '/console/', decorateReply: true, index: 'index.html' });
  }
  app.get('/console', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/console/', 301));

  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/')) {
      return reply.code(404).send({ error: { code: 'not_found', message: `No endpoint ${request.method} ${url}` } });
    }
    if (url.startsWith('/console/') && request.method === 'GET' && !url.startsWith('/console/assets/')) {
      if (!consoleBuilt) return reply.code(503).type('text/plain').send('The console is not built: run npm run build');
      return reply.header('cache-control', 'no-store').sendFile('index.html', CONSOLE_DIR);
    }
    return renderPublicNotFound(ctx, request, reply);
  });

  return app;
}
