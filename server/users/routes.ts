// /api/v1/users: staff accounts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { errorSchema } from '../../common/schemas/common';
import {
  createUserRequestSchema,
  listUsersQuerySchema,
  updateUserRequestSchema,
  userIdParamsSchema,
  userListResponseSchema,
  userResponseSchema,
  userWithPasswordResponseSchema,
} from '../../common/schemas/users';
import { requireActor } from '../auth/request';
import { can } from '../auth/policy';
import { forbidden } from '../http/errors';
import { userPolicy } from './policy';
import { createUser, getVisibleUser, listUsers, presentStaffUser, resetPassword, resetTotp, unlockUser, updateUser } from './users';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export async function userRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/users', {
    schema: { tags: ['users'], summary: 'Staff accounts the caller may see', querystring: listUsersQuerySchema, response: { 200: userListResponseSchema, ...errors } },
    handler: async (request) => {
      const { actor } = requireActor(request);
      if (!can(userPolicy, actor, 'list')) throw forbidden();
      return { users: await listUsers(ctx.db, actor, { q: request.query.q, includeInactive: request.query.includeInactive === 'true' }) };
    },
  });

  api.post('/api/v1/users', {
    schema: { tags: ['users'], summary: 'Create a staff account; returns a temporary password once', body: createUserRequestSchema, response: { 201: userWithPasswordResponseSchema, ...errors } },
    handler: async (request, reply) => {
      const { actor } = requireActor(request);
      return reply.code(201).send(await createUser(ctx, actor, request.body));
    },
  });

  api.get('/api/v1/users/:id', {
    schema: { tags: ['users'], summary: 'One staff account', params: userIdParamsSchema, response: { 200: userResponseSchema, ...errors } },
    handler: async (request) => {
      const { actor } = requireActor(request);
      return { user: presentStaffUser(await getVisibleUser(ctx.db, actor, request.params.id)) };
    },
  });

  api.patch('/api/v1/users/:id', {
    schema: { tags: ['users'], summary: 'Change, deactivate or reactivate a staff account', params: userIdParamsSchema, body: updateUserRequestSchema, response: { 200: userResponseSchema, ...errors } },
    handler: async (request) => {
      const { actor } = requireActor(request);
      return { user: await updateUser(ctx, actor, request.params.id, request.body) };
    },
  });

  api.post('/api/v1/users/:id/reset-password', {
    schema: { tags: ['users'], summary: 'Give the account a new temporary password (shown once)', params: userIdParamsSchema, response: { 200: userWithPasswordResponseSchema, ...errors } },
    handler: async (request) => {
      const { actor } = requireActor(request);
      return resetPassword(ctx, actor, request.params.id);
    },
  });

  api.post('/api/v1/users/:id/reset-totp', {
    schema: { tags: ['users'], summary: 'Remove the account\'s TOTP (lost phone); it is set up again at next sign-in', params: userIdParamsSchema, response: { 200: userResponseSchema, ...errors } },
    handler: async (request) => {
      const { actor } = requireActor(request);
      return { user: await resetTotp(ctx, actor, request.params.id) };
    },
  });

  api.post('/api/v1/users/:id/unlock', {
    schema: { tags: ['users'], summary: 'Lift a lock left by repeated failed sign-ins', params: userIdParamsSchema, response: { 200: userResponseSchema, ...errors } },
    handler: async (request) => {
      const { actor } = requireActor(request);
      return { user: await unlockUser(ctx, actor, request.params.id) };
    },
  });
}
