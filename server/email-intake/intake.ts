// E-mail intake: the helpline mailbox is read over IMAP (the inbox.fetch job, every minute).
// Each new message is stored, with its attachments encrypted, in its conversation (thread);
// a new conversation also opens a helpline contact awaiting a counsellor. Nothing is lost:
// a message counts as taken (imap_state.last_uid) in the same transaction that stores it,
// so a crash or a failed fetch only means it is read again, and reading a message again is
// harmless (its Message-ID is unique). No transaction is held open while IMAP is talked to.
import crypto from 'node:crypto';
import { ImapFlow, type FetchMessageObject } from 'imapflow';
import { simpleParser, type AddressObject } from 'mailparser';
import { sql } from 'kysely';
import type { AppContext } from '../context';
import type { DatabaseHandle, Trx } from '../db/index';
import { decryptField, encryptField } from '../security/keys';
import { recordAudit } from '../audit/log';
import { CURRENT_CATEGORY_VERSION } from '../../common/helpline';
import { parseImapUrl, type MailboxAddress } from './mailbox';
import { SUBJECT_THREAD_DAYS, baseSubject, callerKey, correspondentKey, firstMessageId, guessLanguage, messageIdsIn, subjectKey } from './threading';

/** Larger messages are not downloaded; the thread says so (read them in the mailbox itself). */
export const MESSAGE_MAX_BYTES = 10 * 1024 * 1024;
/** Attachments kept per message; the thread says how many more there were. */
export const ATTACHMENT_MAX_COUNT = 20;
/** Messages taken per run; the rest wait for the next minute. */
const MESSAGES_PER_RUN = 200;
// Arbitrary constant: the advisory lock that keeps two app processes from reading the mailbox at once.
export const FETCH_LOCK = 4_721_339_019;

export interface IncomingAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** One message as the intake stores it. */
export interface IncomingMessage {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  /** The sender's address; empty when it could not be read. */
  from: string;
  subject: string;
  text: string;
  date: Date;
  attachments: IncomingAttachment[];
}

export interface FetchResult {
  status: 'not-configured' | 'busy' | 'done';
  /** Messages newly stored in this run. */
  stored: number;
  /** Messages read but already held (read again after a crash or a UIDVALIDITY change). */
  alreadyHeld: number;
}

// PostgreSQL rejects NUL in text; headers and file names may carry any byte.
const clean = (value: string, max = 10_000) => value.replaceAll('\u0000', '').slice(0, max);
// Control characters and path separators have no place in a file name we hand back.
const isUnsafeInFilename = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '/' || c === '\\';

function safeDate(date: Date | undefined, now = new Date()): Date {
  if (!date || Number.isNaN(date.getTime())) return now;
  // A date in the future would keep the thread on top; one before e-mail existed is made up.
  if (date.getTime() > now.getTime() || date.getFullYear() < 1990) return now;
  return date;
}

function sha256Id(source: Buffer | string): string {
  return `<${crypto.createHash('sha256').update(source).digest('hex').slice(0, 40)}@intake.bezbedno.invalid>`;
}

function safeFilename(name: string | undefined, n: number): string {
  const cleaned = [...clean(name ?? '', 200)]
    .map((c) => (isUnsafeInFilename(c) ? '_' : c))
    .join('')
    .trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : `attachment-${n}`;
}

function firstAddress(from: AddressObject | AddressObject[] | undefined): string {
  const object = Array.isArray(from) ? from[0] : from;
  return clean(object?.value.find((a) => a.address)?.address ?? '', 320).trim();
}

/** A message that could not be parsed: kept whole, as an attachment, with a note saying so. */
export function unreadableMessage(source: Buffer, note: string, date?: Date): IncomingMessage {
  const fromHeader = /^From:.*?([^\s<>"]+@[^\s<>"]+)/im.exec(source.subarray(0, 64 * 1024).toString('latin1'));
  return {
    messageId: sha256Id(source),
    inReplyTo: null,
    references: [],
    from: fromHeader ? clean(fromHeader[1]!, 320) : '',
    subject: '',
    text: note,
    date: safeDate(date),
    attachments: [{ filename: 'original.eml', contentType: 'message/rfc822', content: source }],
  };
}

const UNREADABLE_NOTE =
  'Ова порука није могла да се прочита; изворна порука је приложена (original.eml).\n' +
  'This message could not be read; the original is attached (original.eml).';

/** Parses a raw RFC 5322 message into what the intake stores. Never throws. */
export async function parseIncoming(source: Buffer, receivedAt?: Date): Promise<IncomingMessage> {
  try {
    const parsed = await simpleParser(source, { skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
    const attachments = parsed.attachments.map((a, i) => ({
      filename: safeFilename(a.filename, i + 1),
      contentType: clean(a.contentType || 'application/octet-stream', 200),
      content: a.content,
    }));
    let text = clean(parsed.text ?? '', 2_000_000);
    if (attachments.length > ATTACHMENT_MAX_COUNT) {
      const left = attachments.length - ATTACHMENT_MAX_COUNT;
      text += `\n\n[${left} приложених датотека није сачувано (највише ${ATTACHMENT_MAX_COUNT}) / ${left} more attachments were not kept (at most ${ATTACHMENT_MAX_COUNT}); read them in the mailbox.]`;
    }
    return {
      messageId: firstMessageId(parsed.messageId) ?? sha256Id(source),
      inReplyTo: firstMessageId(parsed.inReplyTo),
      references: messageIdsIn(parsed.references).slice(-50),
      from: firstAddress(parsed.from),
      subject: clean(parsed.subject ?? '', 998),
      text,
      date: safeDate(parsed.date ?? receivedAt),
      attachments: attachments.slice(0, ATTACHMENT_MAX_COUNT),
    };
  } catch {
    return unreadableMessage(source, UNREADABLE_NOTE, receivedAt);
  }
}

/** A message too large to download: stored from its envelope, with a note. */
function oversizedMessage(envelope: FetchMessageObject['envelope'], size: number, receivedAt?: Date): IncomingMessage {
  const megabytes = (size / 1024 / 1024).toFixed(1);
  const limit = MESSAGE_MAX_BYTES / 1024 / 1024;
  const subject = clean(envelope?.subject ?? '', 998);
  const from = clean(envelope?.from?.find((a) => a.address)?.address ?? '', 320);
  return {
    messageId: firstMessageId(envelope?.messageId) ?? sha256Id(`${from}\u0000${subject}\u0000${size}\u0000${String(envelope?.date)}`),
    inReplyTo: firstMessageId(envelope?.inReplyTo),
    references: [],
    from,
    subject,
    text:
      `Порука има ${megabytes} MB, више од ${limit} MB, и није преузета: прочитајте је у самом сандучету.\n` +
      `This message is ${megabytes} MB, over the ${limit} MB limit, and was not downloaded: read it in the mailbox itself.`,
    date: safeDate(envelope?.date ? new Date(envelope.date) : receivedAt),
    attachments: [],
  };
}

export interface StoredMessage {
  threadId: string;
  emailMessageId: string;
  isNewThread: boolean;
}

async function findThread(ctx: AppContext, trx: Trx, message: IncomingMessage, key: string): Promise<{ id: string; correspondentKey: string } | null> {
  const references = [...new Set([message.inReplyTo, ...message.references].filter((id): id is string => id !== null))];
  if (references.length > 0) {
    const byHeader = await trx
      .selectFrom('emailMessages')
      .innerJoin('emailThreads', 'emailThreads.id', 'emailMessages.threadId')
      .select(['emailThreads.id', 'emailThreads.correspondentKey'])
      .where('emailMessages.messageId', 'in', references)
      .orderBy('emailMessages.seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (byHeader) return byHeader;
  }
  if (!message.from) return null;
  // Mail programs that drop the headers: same correspondent, same subject, recent (subjects are
  // encrypted, so the few recent threads of this correspondent are compared here).
  const since = new Date(message.date.getTime() - SUBJECT_THREAD_DAYS * 24 * 3600 * 1000);
  const candidates = await trx
    .selectFrom('emailThreads')
    .select(['id', 'correspondentKey', 'subjectEnc'])
    .where('correspondentKey', '=', key)
    .where('lastMessageAt', '>=', since)
    .orderBy('lastMessageAt', 'desc')
    .limit(100)
    .execute();
  const wanted = subjectKey(message.subject);
  const match = candidates.find((t) => subjectKey(decryptField(ctx.keys, t.subjectEnc)) === wanted);
  return match ? { id: match.id, correspondentKey: match.correspondentKey } : null;
}

/**
 * Stores one incoming message in its thread (a new thread opens a contact awaiting a
 * counsellor). Returns null when the message is already held. Runs in the caller's transaction.
 */
export async function storeIncomingMessage(ctx: AppContext, trx: Trx, message: IncomingMessage): Promise<StoredMessage | null> {
  const held = await trx.selectFrom('emailMessages').select('id').where('messageId', '=', message.messageId).executeTakeFirst();
  if (held) return null;
  const key = correspondentKey(ctx.keys, message.from);
  const existing = await findThread(ctx, trx, message, key);
  let threadId: string;
  let body = message.text;
  if (existing) {
    threadId = existing.id;
    // Someone else answering in the conversation: say who, since the thread shows one address.
    if (message.from && existing.correspondentKey !== key) body = `From: ${message.from}\n\n${body}`;
    await trx
      .updateTable('emailThreads')
      .set({ status: 'awaiting', lastMessageAt: sql<Date>`greatest(last_message_at, ${message.date})` })
      .where('id', '=', threadId)
      .execute();
  } else {
    const thread = await trx
      .insertInto('emailThreads')
      .values({
        subjectEnc: encryptField(ctx.keys, baseSubject(message.subject)),
        correspondentKey: key,
        correspondentEnc: encryptField(ctx.keys, message.from),
        status: 'awaiting',
        createdAt: message.date,
        lastMessageAt: message.date,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    threadId = thread.id;
    await trx
      .insertInto('contacts')
      .values({
        status: 'awaiting',
        channel: 'email',
        contactType: 'data',
        categoriesVersion: CURRENT_CATEGORY_VERSION,
        language: guessLanguage(`${message.subject}\n${message.text}`),
        emailThreadId: threadId,
        callerKey: message.from ? callerKey(ctx.keys, message.from) : null,
        startedAt: message.date,
        counsellorId: null,
      })
      .execute();
  }
  const row = await trx
    .insertInto('emailMessages')
    .values({
      threadId,
      direction: 'in',
      messageId: message.messageId,
      inReplyTo: message.inReplyTo,
      subjectEnc: encryptField(ctx.keys, message.subject),
      bodyEnc: encryptField(ctx.keys, body),
      at: message.date,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const attachment of message.attachments) {
    await trx
      .insertInto('emailAttachments')
      .values({
        messageId: row.id,
        filenameEnc: encryptField(ctx.keys, attachment.filename),
        contentType: attachment.contentType,
        byteSize: attachment.content.length,
        dataEnc: encryptField(ctx.keys, attachment.content.toString('base64')),
      })
      .execute();
  }
  await recordAudit(trx, {
    actor: null,
    action: 'email-message.receive',
    recordType: 'email_thread',
    recordId: threadId,
    details: { source: 'imap', isNewThread: !existing, attachments: message.attachments.length },
  });
  return { threadId, emailMessageId: row.id, isNewThread: !existing };
}

// One reader per process (PGlite: one process per data folder, so this is enough); on a
// PostgreSQL server a session advisory lock on one held connection keeps other processes out.
const reading = new WeakSet<DatabaseHandle>();
async function withFetchLock<T>(ctx: AppContext, run: () => Promise<T>): Promise<T | null> {
  if (reading.has(ctx.database)) return null;
  reading.add(ctx.database);
  try {
    // On PGlite the pool has one connection: holding it would block run() itself.
    if (ctx.database.kind !== 'postgres') return await run();
    return await ctx.db.connection().execute(async (connection) => {
      const { rows } = await sql<{ isLocked: boolean }>`SELECT pg_try_advisory_lock(${FETCH_LOCK}::bigint) AS is_locked`.execute(connection);
      if (!rows[0]?.isLocked) return null;
      try {
        return await run();
      } finally {
        await sql`SELECT pg_advisory_unlock(${FETCH_LOCK}::bigint)`.execute(connection);
      }
    });
  } finally {
    reading.delete(ctx.database);
  }
}

/** Reads new messages from the helpline mailbox and stores them. Throws on IMAP or database failure (the job retries). */
export async function fetchInbox(ctx: AppContext): Promise<FetchResult> {
  if (!ctx.config.imapUrl) return { status: 'not-configured', stored: 0, alreadyHeld: 0 };
  const mailbox = parseImapUrl(ctx.config.imapUrl);
  const result = await withFetchLock(ctx, () => readMailbox(ctx, mailbox));
  return result ?? { status: 'busy', stored: 0, alreadyHeld: 0 };
}

function connect(mailbox: MailboxAddress): ImapFlow {
  const client = new ImapFlow({
    host: mailbox.host,
    port: mailbox.port,
    secure: mailbox.isTls,
    auth: { user: mailbox.user, pass: mailbox.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
  // Failures surface through the command that was running; the event must not crash the process.
  client.on('error', () => {});
  return client;
}

async function readMailbox(ctx: AppContext, mailbox: MailboxAddress): Promise<FetchResult> {
  const client = connect(mailbox);
  let stored = 0;
  let alreadyHeld = 0;
  try {
    await client.connect();
  } catch (error) {
    // The library's message can quote the server's answer, never the password; keep it short anyway.
    throw new Error(`IMAP connection to ${mailbox.host}:${mailbox.port} failed (${(error as { code?: string }).code ?? (error as Error).message?.slice(0, 200) ?? 'error'})`);
  }
  try {
    const lock = await client.getMailboxLock(mailbox.folder);
    try {
      const status = client.mailbox;
      if (!status) throw new Error(`IMAP folder ${mailbox.folder} could not be opened`);
      const uidValidity = String(status.uidValidity);
      const state = await ctx.db.selectFrom('imapState').selectAll().where('mailbox', '=', mailbox.stateKey).executeTakeFirst();
      let lastUid = 0;
      if (state && String(state.uidValidity) === uidValidity) {
        lastUid = Number(state.lastUid);
      } else {
        // New mailbox, or its UIDs were renumbered (restored, recreated): read it all again;
        // what is already held is recognised by its Message-ID.
        await ctx.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('imapState')
            .values({ mailbox: mailbox.stateKey, uidValidity, lastUid: 0 })
            .onConflict((oc) => oc.column('mailbox').doUpdateSet({ uidValidity, lastUid: 0, checkedAt: new Date() }))
            .execute();
          if (state) await recordAudit(trx, { actor: null, action: 'imap.uid-validity-changed', details: { folder: mailbox.folder } });
        });
      }

      const pending: { uid: number; size: number }[] = [];
      if (status.exists > 0) {
        for await (const message of client.fetch(`${lastUid + 1}:*`, { uid: true, size: true }, { uid: true })) {
          if (message.uid > lastUid) pending.push({ uid: message.uid, size: message.size ?? 0 });
        }
      }
      pending.sort((a, b) => a.uid - b.uid);

      for (const { uid, size } of pending.slice(0, MESSAGES_PER_RUN)) {
        const incoming = await download(client, uid, size);
        const outcome = await storeTaken(ctx, mailbox, uidValidity, uid, incoming);
        if (outcome) stored++;
        else alreadyHeld++;
        // Only a courtesy for people who also open the mailbox: what is taken is last_uid.
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true }).catch(() => false);
      }
      await ctx.db.updateTable('imapState').set({ checkedAt: new Date() }).where('mailbox', '=', mailbox.stateKey).execute();
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return { status: 'done', stored, alreadyHeld };
}

async function download(client: ImapFlow, uid: number, size: number): Promise<IncomingMessage> {
  if (size > MESSAGE_MAX_BYTES) {
    const head = await client.fetchOne(String(uid), { uid: true, envelope: true, internalDate: true }, { uid: true });
    return oversizedMessage(head ? head.envelope : undefined, size, head && head.internalDate ? new Date(head.internalDate) : undefined);
  }
  const message = await client.fetchOne(String(uid), { uid: true, source: true, internalDate: true }, { uid: true });
  if (!message || !message.source) throw new Error(`IMAP message ${uid} could not be downloaded`);
  return parseIncoming(message.source, message.internalDate ? new Date(message.internalDate) : undefined);
}

/** Stores the message and marks its UID taken in one transaction. */
async function storeTaken(ctx: AppContext, mailbox: MailboxAddress, uidValidity: string, uid: number, incoming: IncomingMessage): Promise<StoredMessage | null> {
  const take = (message: IncomingMessage) =>
    ctx.db.transaction().execute(async (trx) => {
      const stored = await storeIncomingMessage(ctx, trx, message);
      await trx
        .updateTable('imapState')
        .set({ lastUid: uid, checkedAt: new Date() })
        .where('mailbox', '=', mailbox.stateKey)
        .where('uidValidity', '=', uidValidity)
        .execute();
      return stored;
    });
  try {
    return await take(incoming);
  } catch (error) {
    // A message the database refuses for what it contains (data errors, class 22; constraint
    // errors, class 23) must not block every later one: keep what can be kept (a note and the
    // sender), so that a counsellor sees it and reads it in the mailbox. Anything else (a lost
    // connection, a timeout) fails the run and the job tries again with the whole message.
    if (!/^2[23]/.test((error as { code?: string }).code ?? '')) throw error;
    return take({
      ...incoming,
      subject: '',
      text:
        `Ова порука није могла да се сачува цела: прочитајте је у самом сандучету (${mailbox.folder}, UID ${uid}).\n` +
        `This message could not be stored in full: read it in the mailbox itself (${mailbox.folder}, UID ${uid}). (${(error as Error).message.slice(0, 200)})`,
      attachments: [],
      references: [],
      inReplyTo: null,
    });
  }
}
