// The helpline mailbox as counsellors work it: the list of threads (no addresses), one thread
// with its messages decrypted (audited), an attachment (audited), a reply (sent through the
// outgoing mail queue in the same transaction, with the headers that keep the conversation
// together in the correspondent's mail program) and closing a thread.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../context';
import type { Actor } from '../auth/policy';
import { can } from '../auth/policy';
import { auditActor } from '../auth/request';
import { recordAudit } from '../audit/log';
import { conflict, forbidden, notFound } from '../http/errors';
import { decryptField, encryptField } from '../security/keys';
import { queueMail } from '../mail/mail';
import { inboxPolicy } from './policy';
import { parseImapUrl } from './mailbox';
import type { EmailThread, EmailThreadStatus, ThreadSummary } from '../../common/schemas/inbox';

const DEFAULT_PAGE = 50;
const REFERENCES_KEPT = 20;
const noSuchThread = () => notFound('No such thread');

// Awaiting first, then answered, then closed; newest message first within each.
const rank = sql<number>`CASE t.status WHEN 'awaiting' THEN 0 WHEN 'answered' THEN 1 ELSE 2 END`;

export async function listThreads(
  ctx: AppContext,
  actor: Actor,
  query: { status?: EmailThreadStatus | undefined; before?: string | undefined; limit?: number | undefined },
): Promise<{ threads: ThreadSummary[]; counts: Record<EmailThreadStatus, number>; nextBefore: string | null }> {
  if (!can(inboxPolicy, actor, 'read')) throw forbidden();
  const limit = query.limit ?? DEFAULT_PAGE;
  let list = ctx.db
    .selectFrom('emailThreads as t')
    .leftJoin('contacts as c', 'c.emailThreadId', 't.id')
    .select(['t.id', 't.number', 't.subjectEnc', 't.status', 't.createdAt', 't.lastMessageAt', 'c.id as contactId'])
    .select((eb) =>
      eb
        .selectFrom('emailMessages as m')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('m.threadId', '=', 't.id')
        .as('messageCount'),
    )
    .orderBy(rank)
    .orderBy('t.lastMessageAt', 'desc')
    .orderBy('t.number', 'desc')
    .limit(limit + 1);
  if (query.status) list = list.where('t.status', '=', query.status);
  if (query.before) {
    // Rows after the cursor thread in the list's order; its values are read in SQL, so no
    // timestamp precision is lost on the way through JavaScript.
    list = list.where(
      sql<boolean>`(${rank}, -extract(epoch FROM t.last_message_at), -t.number) > (
        SELECT CASE status WHEN 'awaiting' THEN 0 WHEN 'answered' THEN 1 ELSE 2 END, -extract(epoch FROM last_message_at), -number
        FROM email_threads WHERE number = ${query.before}::bigint)`,
    );
  }
  const [rows, counted] = await Promise.all([
    list.execute(),
    ctx.db.selectFrom('emailThreads').select(['status', ctx.db.fn.countAll<string>().as('n')]).groupBy('status').execute(),
  ]);
  const counts = { awaiting: 0, answered: 0, closed: 0 } satisfies Record<EmailThreadStatus, number>;
  for (const row of counted) if (row.status in counts) counts[row.status as EmailThreadStatus] = Number(row.n);
  const shown = rows.slice(0, limit);
  await recordAudit(ctx.db, { actor: auditActor(actor), action: 'email-thread.list', recordType: 'email_thread', details: { shown: shown.length } });
  return {
    threads: shown.map((row) => ({
      id: row.id,
      number: String(row.number),
      subject: decryptField(ctx.keys, row.subjectEnc),
      status: row.status as EmailThreadStatus,
      createdAt: row.createdAt.toISOString(),
      lastMessageAt: row.lastMessageAt.toISOString(),
      messageCount: Number(row.messageCount ?? 0),
      contactId: row.contactId ?? null,
    })),
    counts,
    nextBefore: rows.length > limit ? String(shown[shown.length - 1]!.number) : null,
  };
}

export async function getThread(ctx: AppContext, actor: Actor, threadId: string): Promise<EmailThread> {
  if (!can(inboxPolicy, actor, 'read')) throw noSuchThread();
  const thread = await ctx.db
    .selectFrom('emailThreads as t')
    .leftJoin('contacts as c', 'c.emailThreadId', 't.id')
    .select(['t.id', 't.number', 't.subjectEnc', 't.status', 't.correspondentEnc', 't.createdAt', 't.lastMessageAt', 'c.id as contactId'])
    .where('t.id', '=', threadId)
    .executeTakeFirst();
  if (!thread) throw noSuchThread();
  const messages = await ctx.db
    .selectFrom('emailMessages as m')
    .leftJoin('users as u', 'u.id', 'm.authorId')
    .leftJoin('outgoingMail as o', 'o.id', 'm.outgoingMailId')
    .select(['m.id', 'm.direction', 'm.subjectEnc', 'm.bodyEnc', 'm.at', 'u.displayName as authorName', 'o.status as delivery'])
    .where('m.threadId', '=', threadId)
    .orderBy('m.at')
    .orderBy('m.seq')
    .execute();
  const attachments =
    messages.length === 0
      ? []
      : await ctx.db
          .selectFrom('emailAttachments')
          .select(['id', 'messageId', 'filenameEnc', 'contentType', 'byteSize'])
          .where(
            'messageId',
            'in',
            messages.map((m) => m.id),
          )
          .orderBy('id')
          .execute();
  await recordAudit(ctx.db, { actor: auditActor(actor), action: 'email-thread.read', recordType: 'email_thread', recordId: threadId, details: { messages: messages.length } });
  const correspondent = decryptField(ctx.keys, thread.correspondentEnc);
  return {
    id: thread.id,
    number: String(thread.number),
    subject: decryptField(ctx.keys, thread.subjectEnc),
    status: thread.status as EmailThreadStatus,
    correspondent,
    createdAt: thread.createdAt.toISOString(),
    lastMessageAt: thread.lastMessageAt.toISOString(),
    contactId: thread.contactId ?? null,
    canReply: correspondent !== '' && can(inboxPolicy, actor, 'reply'),
    messages: messages.map((m) => ({
      id: m.id,
      direction: m.direction as 'in' | 'out',
      subject: decryptField(ctx.keys, m.subjectEnc),
      body: decryptField(ctx.keys, m.bodyEnc),
      at: m.at.toISOString(),
      authorName: m.authorName ?? null,
      delivery: m.direction === 'out' ? ((m.delivery as 'queued' | 'sent' | 'kept-locally' | 'failed' | null) ?? null) : null,
      attachments: attachments
        .filter((a) => a.messageId === m.id)
        .map((a) => ({ id: a.id, filename: decryptField(ctx.keys, a.filenameEnc), contentType: a.contentType, byteSize: a.byteSize })),
    })),
  };
}

export async function getAttachment(
  ctx: AppContext,
  actor: Actor,
  threadId: string,
  attachmentId: string,
): Promise<{ filename: string; contentType: string; bytes: Buffer }> {
  if (!can(inboxPolicy, actor, 'read')) throw notFound('No such attachment');
  const row = await ctx.db
    .selectFrom('emailAttachments as a')
    .innerJoin('emailMessages as m', 'm.id', 'a.messageId')
    .select(['a.filenameEnc', 'a.contentType', 'a.dataEnc'])
    .where('a.id', '=', attachmentId)
    .where('m.threadId', '=', threadId)
    .executeTakeFirst();
  if (!row) throw notFound('No such attachment');
  await recordAudit(ctx.db, { actor: auditActor(actor), action: 'email-attachment.read', recordType: 'email_thread', recordId: threadId, details: { attachmentId } });
  return { filename: decryptField(ctx.keys, row.filenameEnc), contentType: row.contentType, bytes: Buffer.from(decryptField(ctx.keys, row.dataEnc), 'base64') };
}

/** The domain our Message-IDs carry: the sender's, so that they are unique to the centre. */
function messageIdDomain(ctx: AppContext): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(ctx.config.mailFrom);
  return match?.[1] ?? 'bezbedno.invalid';
}

/** Message-IDs worth naming in a reply's References (not the ones the intake made up). */
const isRealMessageId = (id: string) => /^<[^<>\s]+@[^<>\s]+>$/.test(id) && !id.endsWith('.invalid>');

export async function replyToThread(ctx: AppContext, actor: Actor, threadId: string, body: string): Promise<string> {
  if (!can(inboxPolicy, actor, 'reply')) throw noSuchThread();
  const replyTo = ctx.config.imapUrl ? parseImapUrl(ctx.config.imapUrl).replyAddress : null;
  return ctx.db.transaction().execute(async (trx) => {
    const thread = await trx.selectFrom('emailThreads').selectAll().where('id', '=', threadId).forUpdate().executeTakeFirst();
    if (!thread) throw noSuchThread();
    const to = decryptField(ctx.keys, thread.correspondentEnc);
    if (!to) throw conflict('no_address', 'The address of this thread could not be read; it cannot be answered by e-mail');
    const earlier = await trx.selectFrom('emailMessages').select(['messageId', 'direction']).where('threadId', '=', threadId).orderBy('seq').execute();
    const lastIncoming = earlier.filter((m) => m.direction === 'in' && isRealMessageId(m.messageId)).at(-1);
    const references = earlier.map((m) => m.messageId).filter(isRealMessageId).slice(-REFERENCES_KEPT);
    const messageId = `<${crypto.randomUUID()}@${messageIdDomain(ctx)}>`;
    const subject = `Re: ${decryptField(ctx.keys, thread.subjectEnc)}`.trim();
    const now = new Date();
    const outgoingMailId = await queueMail(ctx, trx, {
      to,
      subject,
      text: body,
      purpose: 'helpline-reply',
      confidential: true,
      headers: {
        messageId,
        ...(lastIncoming ? { inReplyTo: lastIncoming.messageId } : {}),
        ...(references.length > 0 ? { references } : {}),
        ...(replyTo ? { replyTo } : {}),
      },
    });
    const row = await trx
      .insertInto('emailMessages')
      .values({
        threadId,
        direction: 'out',
        messageId,
        inReplyTo: lastIncoming?.messageId ?? null,
        subjectEnc: encryptField(ctx.keys, subject),
        bodyEnc: encryptField(ctx.keys, body),
        authorId: actor.id,
        outgoingMailId,
        at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('emailThreads').set({ status: 'answered', lastMessageAt: now }).where('id', '=', threadId).execute();
    // The counsellor who answers first takes the contact; an awaiting contact becomes their draft.
    await trx
      .updateTable('contacts')
      .set({
        counsellorId: sql<string>`coalesce(counsellor_id, ${actor.id}::uuid)`,
        status: sql<string>`CASE status WHEN 'awaiting' THEN 'draft' ELSE status END`,
        updatedAt: now,
      })
      .where('emailThreadId', '=', threadId)
      .execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'email-thread.reply', recordType: 'email_thread', recordId: threadId, details: { messageId: row.id } });
    return row.id;
  });
}

export async function closeThread(ctx: AppContext, actor: Actor, threadId: string): Promise<{ id: string; status: EmailThreadStatus }> {
  if (!can(inboxPolicy, actor, 'reply')) throw noSuchThread();
  return ctx.db.transaction().execute(async (trx) => {
    const thread = await trx.updateTable('emailThreads').set({ status: 'closed' }).where('id', '=', threadId).returning(['id', 'status']).executeTakeFirst();
    if (!thread) throw noSuchThread();
    await recordAudit(trx, { actor: auditActor(actor), action: 'email-thread.close', recordType: 'email_thread', recordId: threadId });
    return { id: thread.id, status: 'closed' as const };
  });
}
