// Per-institution API tokens, for institutions that pull their referrals into their own
// case systems. An administrator creates one (shown once), it reads only that institution's
// referrals, it can be revoked, and every use is audited under the token's name.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import type { Actor } from '../auth/policy';
import { auditActor } from '../auth/request';
import { recordAudit } from '../audit/log';
import { notFound, validationFailed, unauthenticated } from '../http/errors';
import { randomToken, sha256 } from '../security/keys';

const PREFIX = 'bzt_';

export async function createApiToken(ctx: AppContext, actor: Actor, institutionId: string, name: string): Promise<{ id: string; token: string }> {
  const token = `${PREFIX}${randomToken(32)}`;
  return ctx.db.transaction().execute(async (trx) => {
    const institution = await trx.selectFrom('institutions').select('id').where('id', '=', institutionId).executeTakeFirst();
    if (!institution) throw validationFailed({ institutionId: 'No such institution' });
    const row = await trx
      .insertInto('institutionApiTokens')
      .values({ institutionId, name, tokenHash: sha256(token), createdBy: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: 'api-token.create', recordType: 'institution', recordId: institutionId, details: { tokenId: row.id, name } });
    return { id: row.id, token };
  });
}

export async function listApiTokens(ctx: AppContext, institutionId: string) {
  const rows = await ctx.db.selectFrom('institutionApiTokens').selectAll().where('institutionId', '=', institutionId).orderBy('createdAt', 'desc').execute();
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedOn: t.lastUsedOn ? t.lastUsedOn.toISOString().slice(0, 10) : null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
}

export async function revokeApiToken(ctx: AppContext, actor: Actor, institutionId: string, tokenId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('institutionApiTokens')
      .set({ revokedAt: new Date() })
      .where('id', '=', tokenId)
      .where('institutionId', '=', institutionId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('No such active token');
    await recordAudit(trx, { actor: auditActor(actor), action: 'api-token.revoke', recordType: 'institution', recordId: institutionId, details: { tokenId } });
  });
}

/**
 * The actor behind an `Authorization: Bearer bzt_…` header: a read-only stand-in for the
 * institution's contact person. Null when the request carries no token; 401 for a wrong or
 * revoked one.
 */
export async function tokenActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (!header?.startsWith(`Bearer ${PREFIX}`)) return null;
  const token = await ctx.db
    .selectFrom('institutionApiTokens')
    .select(['id', 'institutionId', 'name', 'lastUsedOn'])
    .where('tokenHash', '=', sha256(header.slice('Bearer '.length)))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (!token) throw unauthenticated();
  const today = new Date().toISOString().slice(0, 10);
  if (token.lastUsedOn?.toISOString().slice(0, 10) !== today) {
    await ctx.db.updateTable('institutionApiTokens').set({ lastUsedOn: today }).where('id', '=', token.id).execute();
  }
  return { id: token.id, username: `api-token:${token.name}`, roles: ['institution-contact'], institutionId: token.institutionId };
}
