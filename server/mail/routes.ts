// /api/v1/mailbox: every e-mail the platform wrote, with its delivery state. In demo mode
// (no SMTP server) this is where mail "goes"; on a real server supervisors use it to see
// failed deliveries. Addresses are shown only to those allowed to see the mailbox.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { mailboxPolicy } from './policy';
import { errorSchema } from '../../common/schemas/common';
import { requireActor, auditActor } from '../auth/request';
import { can } from '../auth/policy';
import { forbidden } from '../http/errors';
import { decryptField } from '../security/keys';
import { recordAudit } from '../audit/log';

export const mailboxResponseSchema = z.object({
  isDemo: z.boolean().describe('True when no SMTP server is set: messages are kept here instead of sent'),
  messages: z.array(
    z.object({
      id: z.uuid(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      purpose: z.string(),
      status: z.enum(['queued', 'sent', 'kept-locally', 'failed']),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
});

export async function mailboxRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/mailbox', {
    schema: {
      tags: ['mail'],
      summary: 'The newest 100 e-mails the platform wrote, with delivery state (audited)',
      querystring: z.strictObject({ status: z.enum(['queued', 'sent', 'kept-locally', 'failed']).optional() }),
      response: { 200: mailboxResponseSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
    },
    handler: async (request) => {
      const { actor } = requireActor(request);
      if (!can(mailboxPolicy, actor, 'read')) throw forbidden();
      let query = ctx.db.selectFrom('outgoingMail').selectAll().orderBy('createdAt', 'desc').limit(100);
      if (request.query.status) query = query.where('status', '=', request.query.status);
      const rows = await query.execute();
      await recordAudit(ctx.db, { actor: auditActor(actor), action: 'mailbox.read', recordType: 'outgoing_mail', details: { count: rows.length } });
      return {
        isDemo: !ctx.config.smtpUrl,
        messages: rows.map((m) => ({
          id: m.id,
          // A helpline reply is case data: administrators see that it went, not to whom or what.
          to: m.confidential ? '—' : decryptField(ctx.keys, m.toEnc),
          subject: m.confidential ? '(helpline reply)' : m.subject,
          text: m.confidential ? '(helpline reply: read it in the helpline inbox)' : m.bodyText,
          purpose: m.purpose,
          status: m.status,
          attempts: m.attempts,
          lastError: m.lastError,
          createdAt: m.createdAt.toISOString(),
        })),
      };
    },
  });
}
