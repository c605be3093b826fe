// The live chat's records: a chat waits in the queue, a counsellor takes it, both sides
// write, either side ends it, and the counsellor completes the contact it becomes. Messages
// are numbered per chat under the chat row's lock and kept encrypted; a resent message
// (same client id) is acknowledged again rather than stored twice.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../context';
import type { DbOrTrx } from '../db/index';
import type { ChatRow } from '../db/schema';
import { CURRENT_CATEGORY_VERSION } from '../../common/helpline';
import type { Language } from '../../common/roles';
import { can, scopeFilter, type Actor } from '../auth/policy';
import { auditActor } from '../auth/request';
import { recordAudit } from '../audit/log';
import { conflict, forbidden, HttpError, notFound, validationFailed } from '../http/errors';
import { decryptField, encryptField, keyedHash } from '../security/keys';
import { getSettings } from '../settings/settings';
import { chatPolicy } from './policy';
import { chatHours } from './hours';
import { CHAT_CHANNEL, publishChatEvent } from './bus';

export type Sender = 'visitor' | 'counsellor' | 'system';
export interface ChatMessage {
  seq: number;
  sender: Sender;
  body: string;
  sentAt: string;
  clientId: string | null;
}

const tokenHash = (ctx: AppContext, token: string) => keyedHash(ctx.keys, 'chat-token', token);

export async function openChat(ctx: AppContext, input: { language: Language; nickname?: string | undefined; ageGroup?: string | undefined }) {
  const settings = await getSettings(ctx.db);
  const hours = chatHours(settings);
  if (!hours.isOpen) throw new HttpError(409, 'chat_closed', 'The chat is closed now', hours.opensAt ? { opensAt: hours.opensAt.toISOString() } : undefined);
  const token = crypto.randomBytes(24).toString('base64url');
  const chat = await ctx.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('chats')
      .values({
        language: input.language,
        nicknameEnc: input.nickname ? encryptField(ctx.keys, input.nickname) : null,
        ageGroup: input.ageGroup ?? 'unknown',
        tokenHash: tokenHash(ctx, token),
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    await publishChatEvent(trx, { t: 'queue' });
    return created;
  });
  return { chatId: chat.id, token };
}

/** The visitor's chat, if the token is theirs (a wrong token and an unknown chat look the same). */
export async function visitorChat(ctx: AppContext, chatId: string, token: string): Promise<ChatRow | null> {
  const chat = await ctx.db.selectFrom('chats').selectAll().where('id', '=', chatId).executeTakeFirst();
  if (!chat) return null;
  const a = Buffer.from(chat.tokenHash);
  const b = Buffer.from(tokenHash(ctx, token));
  return a.length === b.length && crypto.timingSafeEqual(a, b) ? chat : null;
}

export async function queuePositions(db: DbOrTrx): Promise<Map<string, number>> {
  const rows = await db.selectFrom('chats').select('id').where('status', '=', 'waiting').orderBy('createdAt').orderBy('number').execute();
  return new Map(rows.map((r, i) => [r.id, i + 1]));
}

export const MESSAGE_PAGE = 500;

export async function messagesAfter(ctx: AppContext, db: DbOrTrx, chatId: string, afterSeq: number): Promise<ChatMessage[]> {
  const rows = await db
    .selectFrom('chatMessages')
    .select(['seq', 'sender', 'bodyEnc', 'sentAt', 'clientId'])
    .where('chatId', '=', chatId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(MESSAGE_PAGE)
    .execute();
  return rows.map((m) => ({ seq: m.seq, sender: m.sender as Sender, body: decryptField(ctx.keys, m.bodyEnc), sentAt: m.sentAt.toISOString(), clientId: m.clientId }));
}

/**
 * Appends a message and tells every process, in one statement (one round trip, its own
 * transaction): the chat's counter goes up under its row lock, the message is stored with
 * that number, and the notification — sent only when it commits — carries the encrypted
 * message so that listeners need not read it back. A message already stored under this
 * client id returns the number it got the first time. Staff write only in an active chat,
 * and a counsellor only in one still theirs (`holder`: a transfer may have just happened).
 */
export async function appendMessage(
  ctx: AppContext,
  chatId: string,
  message: { sender: Sender; authorId: string | null; clientId: string | null; body: string; staff?: { holder: string | null } },
): Promise<number> {
  const bodyEnc = encryptField(ctx.keys, message.body);
  // Notifications hold at most 8000 bytes: a long message travels as its number only.
  const carried = bodyEnc.length <= NOTIFY_BODY_LIMIT ? bodyEnc : null;
  const holderCheck = !message.staff
    ? sql``
    : message.staff.holder
      ? sql`AND status = 'active' AND counsellor_id = ${message.staff.holder}`
      : sql`AND status = 'active'`;
  try {
    const result = await sql<{ duplicateSeq: number | null; seq: number | null }>`
      WITH dup AS (
        SELECT seq FROM chat_messages WHERE chat_id = ${chatId} AND client_id = ${message.clientId}
      ), next AS (
        UPDATE chats SET last_seq = last_seq + 1
        WHERE id = ${chatId} AND status <> 'ended' ${holderCheck} AND NOT EXISTS (SELECT 1 FROM dup)
        RETURNING last_seq
      ), ins AS (
        INSERT INTO chat_messages (chat_id, seq, sender, author_id, client_id, body_enc)
        SELECT ${chatId}, last_seq, ${message.sender}, ${message.authorId}, ${message.clientId}, ${bodyEnc} FROM next
        RETURNING seq, sent_at
      )
      SELECT
        (SELECT seq FROM dup) AS duplicate_seq,
        (SELECT seq FROM ins) AS seq,
        (SELECT pg_notify(${CHAT_CHANNEL}, json_build_object(
          't', 'msg', 'c', ${chatId}::text, 's', ins.seq, 'm',
          json_build_object('sender', ${message.sender}::text, 'clientId', ${message.clientId}::text, 'sentAt', ins.sent_at, 'bodyEnc', ${carried}::text)
        )::text) FROM ins) AS notified`.execute(ctx.db);
    const row = result.rows[0]!;
    if (row.duplicateSeq !== null) return row.duplicateSeq;
    if (row.seq !== null) return row.seq;
  } catch (error) {
    // The same message sent twice at once: the second loses the race on (chat_id, client_id).
    if ((error as { code?: string }).code !== '23505' || !message.clientId) throw error;
    const first = await ctx.db.selectFrom('chatMessages').select('seq').where('chatId', '=', chatId).where('clientId', '=', message.clientId).executeTakeFirst();
    if (first) return first.seq;
    throw error;
  }
  const chat = await ctx.db.selectFrom('chats').select(['status']).where('id', '=', chatId).executeTakeFirst();
  if (!chat || chat.status === 'ended') throw conflict('chat_ended', 'This chat has ended');
  throw forbidden('You no longer hold this chat');
}

/** An encrypted body up to this size rides on the notification (the limit is 8000 bytes). */
const NOTIFY_BODY_LIMIT = 7000;

/** A message carried on a notification, decrypted for the sockets that wait for it. */
export function carriedMessage(ctx: AppContext, seq: number, carried: { sender: Sender; clientId: string | null; sentAt: string; bodyEnc: string | null }): ChatMessage | null {
  if (!carried.bodyEnc) return null;
  return { seq, sender: carried.sender, body: decryptField(ctx.keys, carried.bodyEnc), sentAt: new Date(carried.sentAt).toISOString(), clientId: carried.clientId };
}

async function loadForStaff(db: DbOrTrx, actor: Actor, chatId: string, forUpdate = false): Promise<ChatRow> {
  if (!can(chatPolicy, actor, 'answer')) throw forbidden();
  let query = db.selectFrom('chats').selectAll().where('id', '=', chatId);
  if (forUpdate) query = query.forUpdate();
  const chat = await query.executeTakeFirst();
  if (!chat) throw notFound('No such chat');
  return chat;
}

/** A counsellor (or supervisor) may write in a chat they hold; a supervisor in any. */
export function mayWrite(actor: Actor, chat: Pick<ChatRow, 'counsellorId' | 'status'>): boolean {
  return chat.status === 'active' && can(chatPolicy, actor, 'write', chat);
}

async function take(ctx: AppContext, actor: Actor, pick: (trx: DbOrTrx) => Promise<ChatRow | undefined>): Promise<ChatRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const chat = await pick(trx);
    if (!chat) throw conflict('no_chat_waiting', 'No chat is waiting');
    const taken = await trx
      .updateTable('chats')
      .set({ status: 'active', counsellorId: actor.id, acceptedAt: new Date() })
      .where('id', '=', chat.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: 'chat.accept', recordType: 'chat', recordId: chat.id });
    await publishChatEvent(trx, { t: 'state', c: chat.id });
    await publishChatEvent(trx, { t: 'queue' });
    return taken;
  });
}

/** Takes the chat that has waited longest (two counsellors never get the same one). */
export function takeNextChat(ctx: AppContext, actor: Actor): Promise<ChatRow> {
  if (!can(chatPolicy, actor, 'answer')) throw forbidden();
  return take(ctx, actor, (trx) =>
    trx.selectFrom('chats').selectAll().where('status', '=', 'waiting').orderBy('createdAt').orderBy('number').limit(1).forUpdate().skipLocked().executeTakeFirst(),
  );
}

export function acceptChat(ctx: AppContext, actor: Actor, chatId: string): Promise<ChatRow> {
  return take(ctx, actor, async (trx) => {
    const chat = await loadForStaff(trx, actor, chatId, true);
    if (chat.status !== 'waiting') throw conflict('not_waiting', 'Someone has already taken this chat');
    return chat;
  });
}

export async function transferChat(ctx: AppContext, actor: Actor, chatId: string, counsellorId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const chat = await loadForStaff(trx, actor, chatId, true);
    if (!mayWrite(actor, chat)) throw forbidden('Only the counsellor holding the chat (or a supervisor) can transfer it');
    const to = await trx.selectFrom('users').select(['roles', 'isActive']).where('id', '=', counsellorId).executeTakeFirst();
    if (!to?.isActive || !to.roles.some((r) => r === 'counsellor' || r === 'supervisor')) throw validationFailed({ counsellorId: 'Not an active counsellor' });
    if (counsellorId === chat.counsellorId) throw validationFailed({ counsellorId: 'Already holds this chat' });
    await trx.updateTable('chats').set({ counsellorId }).where('id', '=', chatId).execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'chat.transfer', recordType: 'chat', recordId: chatId, details: { from: chat.counsellorId, to: counsellorId } });
    await publishChatEvent(trx, { t: 'state', c: chatId });
  });
}

/**
 * Ends a chat. An answered chat becomes a draft contact of the counsellor who held it, with
 * the transcript attached, for them to complete; a chat nobody answered leaves no contact.
 */
export async function endChat(ctx: AppContext, chatId: string, by: { actor: Actor } | { visitor: true } | { timeout: true }): Promise<string | null> {
  return ctx.db.transaction().execute(async (trx) => {
    const chat =
      'actor' in by ? await loadForStaff(trx, by.actor, chatId, true) : await trx.selectFrom('chats').selectAll().where('id', '=', chatId).forUpdate().executeTakeFirstOrThrow();
    // The holder (or a supervisor) may end it; once ended (by the visitor, say) the same people get its contact.
    if ('actor' in by && !can(chatPolicy, by.actor, 'write', chat)) throw forbidden('Only the counsellor holding the chat (or a supervisor) can end it');
    if ('actor' in by && chat.status === 'waiting') throw conflict('not_taken', 'Take the chat before ending it');
    // Housekeeping decided from an earlier look: end only if still waiting and still abandoned.
    if ('timeout' in by && (chat.status === 'ended' || chat.visitorSeenAt > abandonedBefore(chat.status as 'waiting' | 'active'))) return null;
    if (chat.status === 'ended') {
      const contact = await trx.selectFrom('contacts').select('id').where('chatId', '=', chatId).executeTakeFirst();
      return contact?.id ?? null;
    }
    const now = new Date();
    const endedBy = 'actor' in by ? 'counsellor' : 'visitor' in by ? 'visitor' : 'timeout';
    await trx.updateTable('chats').set({ status: 'ended', endedAt: now, endedBy }).where('id', '=', chatId).execute();
    let contactId: string | null = null;
    if (chat.counsellorId) {
      const contact = await trx
        .insertInto('contacts')
        .values({
          status: 'draft',
          channel: 'chat',
          contactType: 'data',
          categoriesVersion: CURRENT_CATEGORY_VERSION,
          ageGroup: chat.ageGroup,
          language: chat.language,
          counsellorId: chat.counsellorId,
          chatId,
          startedAt: chat.acceptedAt ?? chat.createdAt,
          durationSeconds: Math.round((now.getTime() - (chat.acceptedAt ?? chat.createdAt).getTime()) / 1000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      contactId = contact.id;
    }
    await recordAudit(trx, {
      actor: 'actor' in by ? auditActor(by.actor) : null,
      action: 'chat.end',
      recordType: 'chat',
      recordId: chatId,
      details: { endedBy, contactId },
    });
    await publishChatEvent(trx, { t: 'state', c: chatId });
    if (chat.status === 'waiting') await publishChatEvent(trx, { t: 'queue' });
    return contactId;
  });
}

/** What the staff console lists: the queue, and the chats this person (or, for a supervisor, anyone) holds. */
export async function staffChats(ctx: AppContext, actor: Actor) {
  if (!can(chatPolicy, actor, 'answer')) throw forbidden();
  const rows = await ctx.db
    .selectFrom('chats')
    .leftJoin('users', 'users.id', 'chats.counsellorId')
    .select(['chats.id', 'chats.number', 'chats.status', 'chats.language', 'chats.ageGroup', 'chats.nicknameEnc', 'chats.createdAt', 'chats.acceptedAt', 'chats.counsellorId', 'chats.lastSeq', 'chats.visitorSeenAt', 'users.displayName as counsellorName'])
    .where((eb) =>
      eb.or([
        eb('chats.status', '=', 'waiting'),
        eb.and([eb('chats.status', '=', 'active'), scopeFilter(chatPolicy, actor, 'write', eb as never)]),
      ]),
    )
    .orderBy('chats.createdAt')
    .limit(200)
    .execute();
  await recordAudit(ctx.db, { actor: auditActor(actor), action: 'chat.list', recordType: 'chat', details: { shown: rows.length } });
  return rows.map((r) => ({
    id: r.id,
    number: String(r.number),
    status: r.status as 'waiting' | 'active',
    language: r.language as Language,
    ageGroup: r.ageGroup,
    nickname: r.nicknameEnc ? decryptField(ctx.keys, r.nicknameEnc) : null,
    waitingSince: r.createdAt.toISOString(),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    counsellorId: r.counsellorId,
    counsellorName: r.counsellorName,
    isMine: r.counsellorId === actor.id,
    lastSeq: r.lastSeq,
    visitorSeenAt: r.visitorSeenAt.toISOString(),
  }));
}

export { loadForStaff };

/** A visitor gone this long has left: from the queue, and from a conversation (which then ends into its contact). */
export const ABANDONED_AFTER_MINUTES = { waiting: 15, active: 60 } as const;
const abandonedBefore = (status: 'waiting' | 'active', now = Date.now()) => new Date(now - ABANDONED_AFTER_MINUTES[status] * 60_000);

/**
 * Housekeeping: ends chats whose visitor has gone (an answered one becomes its counsellor's
 * draft contact, as if ended by them), and deletes transcripts (and
 * nicknames) once the retention period after the chat's end has passed — for real, rows
 * deleted, not hidden. The contact record stays, without the transcript.
 */
export async function chatHousekeeping(ctx: AppContext, now = new Date()): Promise<{ abandoned: number; transcriptsDeleted: number }> {
  const stale = await ctx.db
    .selectFrom('chats')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'waiting'), eb('visitorSeenAt', '<', abandonedBefore('waiting', now.getTime()))]),
        eb.and([eb('status', '=', 'active'), eb('visitorSeenAt', '<', abandonedBefore('active', now.getTime()))]),
      ]),
    )
    .execute();
  for (const chat of stale) await endChat(ctx, chat.id, { timeout: true });

  const { chatTranscriptRetentionDays } = await getSettings(ctx.db);
  const cutoff = new Date(now.getTime() - chatTranscriptRetentionDays * 86_400_000);
  const transcriptsDeleted = await ctx.db.transaction().execute(async (trx) => {
    const expired = await trx.selectFrom('chats').select('id').where('status', '=', 'ended').where('transcriptDeletedAt', 'is', null).where('endedAt', '<', cutoff).limit(5000).execute();
    if (expired.length === 0) return 0;
    const ids = expired.map((c) => c.id);
    await trx.deleteFrom('chatMessages').where('chatId', 'in', ids).execute();
    await trx.updateTable('chats').set({ transcriptDeletedAt: now, nicknameEnc: null }).where('id', 'in', ids).execute();
    await recordAudit(trx, { actor: null, action: 'chat.transcripts-deleted', recordType: 'chat', details: { count: ids.length, retentionDays: chatTranscriptRetentionDays } });
    return ids.length;
  });
  return { abandoned: stale.length, transcriptsDeleted };
}
