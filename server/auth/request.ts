// Reads the session cookie on every API request, checks CSRF for state-changing requests made
// with it, and gives routes `requireActor` — the one place that says "signed in, fully".
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { HttpError, unauthenticated } from '../http/errors';
import { getSettings } from '../settings/settings';
import { findSession, SESSION_COOKIE, type LoadedSession } from './sessions';
import type { Actor } from './policy';
import type { Role } from '../../common/roles';
import type { AuditActor } from '../audit/log';

declare module 'fastify' {
  interface FastifyRequest {
    session: LoadedSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function sessionCookieOptions(ctx: AppContext) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.cookieSecure,
  };
}

export function registerSessionHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const { sessionIdleMinutes } = await getSettings(ctx.db);
    const session = await findSession(ctx.db, token, sessionIdleMinutes);
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
      return;
    }
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) {
        throw new HttpError(403, 'csrf_failed', 'The x-csrf-token header is missing or wrong');
      }
    }
    request.session = session;
  });
}

export function actorOf(session: LoadedSession): Actor {
  return {
    id: session.id,
    username: session.username,
    roles: session.roles as Role[],
    institutionId: session.institutionId,
  };
}

export const auditActor = (actor: Actor): AuditActor => ({ id: actor.id, username: actor.username });

/**
 * The signed-in person. Refuses requests without a session (401) and, unless the route is
 * one of the sign-in steps, sessions that still owe a step (password change, TOTP set-up).
 */
export function requireActor(
  request: FastifyRequest,
  options: { allowPendingStep?: boolean } = {},
): { actor: Actor; session: LoadedSession } {
  const session = request.session;
  if (!session) throw unauthenticated();
  if (session.stage !== 'none' && !options.allowPendingStep) {
    throw new HttpError(403, 'step_required', `Finish signing in first: ${session.stage}`);
  }
  return { actor: actorOf(session), session };
}
