// /api/v1/session (sign in and out) and /api/v1/account (the signed-in person's own account).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import {
  accountResponseSchema,
  changePasswordRequestSchema,
  loginRequestSchema,
  logoutQuerySchema,
  sessionResponseSchema,
  totpConfirmRequestSchema,
  totpConfirmResponseSchema,
  totpSetupResponseSchema,
  updateAccountRequestSchema,
} from '../../common/schemas/session';
import { errorSchema } from '../../common/schemas/common';
import { recordAudit } from '../audit/log';
import { getSettings } from '../settings/settings';
import { signIn } from './signin';
import { endAllSessions, endSession, findSession, SESSION_COOKIE } from './sessions';
import { requireActor, sessionCookieOptions } from './request';
import { presentSessionUser } from './present';
import { changeOwnPassword, confirmTotp, startTotpSetup, updateOwnAccount } from './account';
import { unauthenticated } from '../http/errors';
import { perAddressLimit } from '../http/rate-limit';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema, 429: errorSchema };

export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** Re-reads the session, so every answer shows the person as the database now has them. */
  async function currentUser(token: string) {
    const session = await findSession(ctx.db, token, (await getSettings(ctx.db)).sessionIdleMinutes);
    if (!session) throw unauthenticated();
    return { user: presentSessionUser(session, session.stage), csrfToken: session.csrfToken };
  }
  const tokenOf = (cookies: Record<string, string | undefined>) => cookies[SESSION_COOKIE] ?? '';

  api.post('/api/v1/session', {
    schema: {
      tags: ['session'],
      summary: 'Sign in with username, password and (when the account has it) a TOTP or recovery code',
      body: loginRequestSchema,
      response: { 200: sessionResponseSchema, ...errors },
    },
    config: { rateLimit: perAddressLimit(ctx, 'sign-in', ctx.config.loginRateLimitPerMinute) },
    handler: async (request, reply) => {
      const { session } = await signIn(ctx, request.body);
      reply.setCookie(SESSION_COOKIE, session.token, { ...sessionCookieOptions(ctx), expires: session.expiresAt });
      return currentUser(session.token);
    },
  });

  api.get('/api/v1/session', {
    schema: { tags: ['session'], summary: 'The signed-in person and the CSRF token', response: { 200: sessionResponseSchema, 401: errorSchema } },
    handler: async (request) => {
      const { session } = requireActor(request, { allowPendingStep: true });
      return { user: presentSessionUser(session, session.stage), csrfToken: session.csrfToken };
    },
  });

  api.delete('/api/v1/session', {
    schema: { tags: ['session'], summary: 'Sign out (everywhere=true: on every device)', querystring: logoutQuerySchema, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      const { session } = requireActor(request, { allowPendingStep: true });
      const everywhere = request.query.everywhere === 'true';
      await ctx.db.transaction().execute(async (trx) => {
        if (everywhere) await endAllSessions(trx, session.id);
        else await endSession(trx, session.idHash);
        await recordAudit(trx, {
          actor: { id: session.id, username: session.username },
          action: everywhere ? 'session.logout-everywhere' : 'session.logout',
          recordType: 'user',
          recordId: session.id,
        });
      });
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
      return reply.code(204).send(null);
    },
  });

  api.patch('/api/v1/account', {
    schema: { tags: ['account'], summary: 'Change your own language or display name', body: updateAccountRequestSchema, response: { 200: accountResponseSchema, ...errors } },
    handler: async (request) => {
      const { session } = requireActor(request, { allowPendingStep: true });
      await updateOwnAccount(ctx, session, request.body);
      return { user: (await currentUser(tokenOf(request.cookies))).user };
    },
  });

  api.put('/api/v1/account/password', {
    schema: { tags: ['account'], summary: 'Change your own password (ends your other sessions)', body: changePasswordRequestSchema, response: { 200: accountResponseSchema, ...errors } },
    config: { rateLimit: perAddressLimit(ctx, 'account-secrets', ctx.config.loginRateLimitPerMinute) },
    handler: async (request) => {
      const { session } = requireActor(request, { allowPendingStep: true });
      await changeOwnPassword(ctx, session, request.body.currentPassword, request.body.newPassword);
      return { user: (await currentUser(tokenOf(request.cookies))).user };
    },
  });

  api.post('/api/v1/account/totp/setup', {
    schema: { tags: ['account'], summary: 'Start setting up TOTP: a new secret and its QR code', response: { 200: totpSetupResponseSchema, ...errors } },
    handler: async (request) => {
      const { session } = requireActor(request, { allowPendingStep: true });
      return startTotpSetup(ctx, session);
    },
  });

  api.post('/api/v1/account/totp/confirm', {
    schema: { tags: ['account'], summary: 'Finish TOTP set-up with a code from the app; returns recovery codes once', body: totpConfirmRequestSchema, response: { 200: totpConfirmResponseSchema, ...errors } },
    config: { rateLimit: perAddressLimit(ctx, 'account-secrets', ctx.config.loginRateLimitPerMinute) },
    handler: async (request) => {
      const { session } = requireActor(request, { allowPendingStep: true });
      const { recoveryCodes } = await confirmTotp(ctx, session, request.body.otp);
      return { recoveryCodes, user: (await currentUser(tokenOf(request.cookies))).user };
    },
  });
}
