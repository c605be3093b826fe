// /api/v1/audit: browsing and verifying the audit log. Reading it is itself audited.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { AppContext } from '../context';
import { errorSchema } from '../../common/schemas/common';
import { auditListResponseSchema, auditQuerySchema, auditVerifyResponseSchema } from '../../common/schemas/audit';
import { auditActor, requireActor } from '../auth/request';
import { can } from '../auth/policy';
import { forbidden } from '../http/errors';
import { auditPolicy } from './policy';
import { recordAudit, verifyAuditChain } from './log';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };

export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/audit', {
    schema: { tags: ['audit'], summary: 'Audit entries, newest first, filtered', querystring: auditQuerySchema, response: { 200: auditListResponseSchema, ...errors } },
    handler: async (request) => {
      const { actor } = requireActor(request);
      if (!can(auditPolicy, actor, 'read')) throw forbidden();
      const q = request.query;
      const limit = q.limit ?? 50;
      let query = ctx.db.selectFrom('auditLog').selectAll().orderBy('id', 'desc').limit(limit + 1);
      if (q.actorId) query = query.where('actorId', '=', q.actorId);
      if (q.action) query = q.action.endsWith('.') ? query.where('action', 'like', `${q.action.replace(/[%_\\]/g, '\\$&')}%`) : query.where('action', '=', q.action);
      if (q.recordType) query = query.where('recordType', '=', q.recordType);
      if (q.recordId) query = query.where('recordId', '=', q.recordId);
      if (q.from) query = query.where('occurredAt', '>=', new Date(q.from));
      if (q.to) query = query.where('occurredAt', '<', new Date(q.to));
      if (q.before) query = query.where(sql<boolean>`id < ${q.before}::bigint`);
      const rows = await query.execute();
      const page = rows.slice(0, limit);
      await recordAudit(ctx.db, { actor: auditActor(actor), action: 'audit.read', recordType: 'audit_log', details: { filter: { ...q } } });
      return {
        entries: page.map((r) => ({
          id: String(r.id),
          occurredAt: r.occurredAt.toISOString(),
          actorId: r.actorId,
          actorUsername: r.actorUsername,
          action: r.action,
          recordType: r.recordType,
          recordId: r.recordId,
          details: r.details ?? {},
          hash: r.hash,
        })),
        nextBefore: rows.length > limit ? String(page[page.length - 1]!.id) : null,
      };
    },
  });

  api.get('/api/v1/audit/verify', {
    schema: { tags: ['audit'], summary: 'Recompute the hash chain over the whole log', response: { 200: auditVerifyResponseSchema, ...errors } },
    handler: async (request) => {
      const { actor } = requireActor(request);
      if (!can(auditPolicy, actor, 'verify')) throw forbidden();
      const result = await verifyAuditChain(ctx.db);
      await recordAudit(ctx.db, { actor: auditActor(actor), action: 'audit.verify', recordType: 'audit_log', details: { ok: result.ok, checked: result.checked } });
      return { ok: result.ok, checked: result.checked, firstBrokenId: result.firstBrokenId };
    },
  });
}
