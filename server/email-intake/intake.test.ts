// E-mail intake against a real IMAP server (Dovecot, started for this file): new threads and
// their contacts, threading by headers and by subject, nothing taken twice, attachments
// encrypted at rest, a renumbered mailbox (UIDVALIDITY), oversized messages, failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../test/helpers/factories';
import { startImapServer, type TestImapServer } from '../../test/helpers/imap';
import { decryptField, keyedHash } from '../security/keys';
import { runJob } from '../jobs/index';
import { openDatabase } from '../db/index';
import { fetchInboxJob } from '../jobs/definitions/fetch-inbox';
import { FETCH_LOCK, fetchInbox, MESSAGE_MAX_BYTES } from './intake';
import { baseSubject, guessLanguage } from './threading';
import { CURRENT_CATEGORY_VERSION } from '../../common/helpline';

let imap: TestImapServer;
let p: TestPlatform;
let counsellor: Client;
let n = 0;

beforeAll(async () => {
  imap = await startImapServer();
  p = await createTestPlatform({ IMAP_URL: imap.url });
  counsellor = await signIn(p.app, await createUser(p.ctx, { roles: ['counsellor'] }));
}, 120_000);
afterAll(async () => {
  await p?.close();
  await imap?.stop();
});

interface Mail {
  from?: string;
  subject?: string;
  body?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  date?: string;
  extraHeaders?: string;
  attachment?: { filename: string; type: string; content: Buffer };
}

/** A raw message as a mail program would send it; returns its Message-ID. */
function deliver(mail: Mail): string {
  n++;
  const messageId = mail.messageId ?? `<intake-${n}-${Date.now()}@mail.example>`;
  const headers = [
    `From: Ime Prezime <${mail.from ?? 'dete@example.org'}>`,
    'To: savet@19833.example',
    `Subject: =?UTF-8?B?${Buffer.from(mail.subject ?? 'Помоћ').toString('base64')}?=`,
    `Date: ${mail.date ?? new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    ...(mail.inReplyTo ? [`In-Reply-To: ${mail.inReplyTo}`] : []),
    ...(mail.references ? [`References: ${mail.references}`] : []),
    'MIME-Version: 1.0',
    ...(mail.extraHeaders ? [mail.extraHeaders] : []),
  ];
  const text = Buffer.from(mail.body ?? 'Здраво, треба ми помоћ.').toString('base64');
  let raw: string;
  if (mail.attachment) {
    const boundary = `b-${n}`;
    raw = [
      ...headers,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      text,
      `--${boundary}`,
      `Content-Type: ${mail.attachment.type}`,
      `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(mail.attachment.filename)}`,
      'Content-Transfer-Encoding: base64',
      '',
      mail.attachment.content.toString('base64').replace(/.{76}/g, '$&\n'),
      `--${boundary}--`,
      '',
    ].join('\n');
  } else {
    raw = [...headers, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', text, ''].join('\n');
  }
  imap.deliver(raw);
  return messageId;
}

async function threadOf(messageId: string) {
  return p.ctx.db
    .selectFrom('emailMessages')
    .innerJoin('emailThreads', 'emailThreads.id', 'emailMessages.threadId')
    .select(['emailThreads.id', 'emailThreads.status', 'emailThreads.subjectEnc'])
    .where('emailMessages.messageId', '=', messageId)
    .executeTakeFirst()
    .then((t) => t && { id: t.id, status: t.status, subject: decryptField(p.ctx.keys, t.subjectEnc) });
}

describe('e-mail intake from a real IMAP server', () => {
  it('turns a new message into a thread and a contact awaiting a counsellor', async () => {
    const date = new Date(Date.now() - 60_000);
    date.setMilliseconds(0);
    const id = deliver({ from: 'Dete.Jedno@Example.org', subject: 'Неко ме узнемирава', body: 'Неко ми шаље поруке сваки дан.', date: date.toUTCString() });
    const result = await fetchInbox(p.ctx);
    expect(result).toMatchObject({ status: 'done', stored: 1 });

    const thread = await threadOf(id);
    expect(thread).toMatchObject({ status: 'awaiting', subject: 'Неко ме узнемирава' });
    const contact = await p.ctx.db.selectFrom('contacts').selectAll().where('emailThreadId', '=', thread!.id).executeTakeFirstOrThrow();
    expect(contact).toMatchObject({
      status: 'awaiting',
      channel: 'email',
      contactType: 'data',
      categoriesVersion: CURRENT_CATEGORY_VERSION,
      language: 'sr-Cyrl',
      counsellorId: null,
      callerKey: keyedHash(p.ctx.keys, 'caller', 'dete.jedno@example.org'),
    });
    expect(contact.startedAt.getTime()).toBe(date.getTime());

    // The list shows no address; the thread does, decrypted, and the read is audited.
    const list = await counsellor.get('/api/v1/inbox/threads');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.body).not.toMatch(/example\.org/i);
    const listed = list.json().threads.find((t: { id: string }) => t.id === thread!.id);
    expect(listed).toMatchObject({ status: 'awaiting', messageCount: 1, contactId: contact.id });
    const read = await counsellor.get(`/api/v1/inbox/threads/${thread!.id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().thread).toMatchObject({ correspondent: 'Dete.Jedno@Example.org', canReply: true, contactId: contact.id });
    expect(read.json().thread.messages[0]).toMatchObject({ direction: 'in', body: expect.stringContaining('сваки дан') });
    const audit = await p.ctx.db.selectFrom('auditLog').select('action').where('recordId', '=', thread!.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['email-message.receive', 'email-thread.read']));

    // Nothing readable at rest: the address and the text are encrypted.
    const { rows } = await sql<{ row: string }>`SELECT row_to_json(t)::text AS row FROM email_threads t WHERE id = ${thread!.id}`.execute(p.ctx.db);
    expect(rows[0]!.row).not.toMatch(/example\.org|узнемирава/i);
    const messageRows = await sql<{ row: string }>`SELECT row_to_json(m)::text AS row FROM email_messages m WHERE thread_id = ${thread!.id}`.execute(p.ctx.db);
    expect(messageRows.rows[0]!.row).not.toContain('сваки дан');
  });

  it('takes nothing twice: a second run, and a run after a crash that lost last_uid', async () => {
    const id = deliver({ subject: 'Два пута' });
    expect((await fetchInbox(p.ctx)).stored).toBe(1);
    expect(await fetchInbox(p.ctx)).toMatchObject({ stored: 0, alreadyHeld: 0 });
    // As if the process died between storing and noting the UID: everything is read again.
    await p.ctx.db.updateTable('imapState').set({ lastUid: 0 }).execute();
    const again = await fetchInbox(p.ctx);
    expect(again.stored).toBe(0);
    expect(again.alreadyHeld).toBeGreaterThanOrEqual(2);
    const copies = await p.ctx.db.selectFrom('emailMessages').select('id').where('messageId', '=', id).execute();
    expect(copies).toHaveLength(1);
    // Taken messages are marked seen for people who also open the mailbox.
    expect([...imap.flags().values()].every((flags) => flags.includes('\\Seen'))).toBe(true);
  });

  it('lets two readers at once take each message once (the fetch lock)', async () => {
    const id = deliver({ subject: 'Истовремено' });
    const results = await Promise.all([fetchInbox(p.ctx), fetchInbox(p.ctx)]);
    expect(results.reduce((sum, r) => sum + r.stored, 0)).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual(['busy', 'done']);
    expect(await p.ctx.db.selectFrom('emailMessages').select('id').where('messageId', '=', id).execute()).toHaveLength(1);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('lets only one process read at a time on a PostgreSQL server (advisory lock)', async () => {
    // A second "process" (its own pool on the same database) is reading: this one stands back.
    const other = await openDatabase({ kind: 'postgres', url: (p.ctx.database.pool.options as { connectionString: string }).connectionString, poolSize: 2 });
    try {
      const id = deliver({ subject: 'Два процеса' });
      await other.db.connection().execute(async (connection) => {
        await sql`SELECT pg_advisory_lock(${FETCH_LOCK}::bigint)`.execute(connection);
        try {
          expect((await fetchInbox(p.ctx)).status).toBe('busy');
        } finally {
          await sql`SELECT pg_advisory_unlock(${FETCH_LOCK}::bigint)`.execute(connection);
        }
      });
      expect(await fetchInbox(p.ctx)).toMatchObject({ status: 'done', stored: 1 });
      expect(await p.ctx.db.selectFrom('emailMessages').select('id').where('messageId', '=', id).execute()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('threads a reply by In-Reply-To or References, whatever its subject, and reopens the thread', async () => {
    const first = deliver({ from: 'roditelj@example.org', subject: 'Питање о игрици' });
    await fetchInbox(p.ctx);
    const thread = await threadOf(first);
    await p.ctx.db.updateTable('emailThreads').set({ status: 'closed' }).where('id', '=', thread!.id).execute();

    const reply = deliver({ from: 'roditelj@example.org', subject: 'Нешто сасвим друго', inReplyTo: first });
    const viaReferences = deliver({ from: 'roditelj@example.org', subject: 'Треће', references: `<unknown@elsewhere.example> ${first}` });
    expect((await fetchInbox(p.ctx)).stored).toBe(2);
    expect((await threadOf(reply))?.id).toBe(thread!.id);
    expect((await threadOf(viaReferences))?.id).toBe(thread!.id);
    expect((await threadOf(first))?.status).toBe('awaiting');
    const contacts = await p.ctx.db.selectFrom('contacts').select('id').where('emailThreadId', '=', thread!.id).execute();
    expect(contacts).toHaveLength(1);
  });

  it('threads by correspondent and subject without Re:/Fw:/Odg: when the headers are missing, else opens a new thread', async () => {
    const first = deliver({ from: 'ucenik@example.org', subject: 'Lažni profil' });
    await fetchInbox(p.ctx);
    const thread = await threadOf(first);
    const sameSender = deliver({ from: 'UCENIK@example.org', subject: 'Odg: RE: lažni   profil' });
    const otherSender = deliver({ from: 'neko.drugi@example.org', subject: 'Re: Lažni profil' });
    const otherSubject = deliver({ from: 'ucenik@example.org', subject: 'Nova tema' });
    await fetchInbox(p.ctx);
    expect((await threadOf(sameSender))?.id).toBe(thread!.id);
    expect((await threadOf(otherSender))?.id).not.toBe(thread!.id);
    expect((await threadOf(otherSubject))?.id).not.toBe(thread!.id);
    // Forty days later the same subject is a new conversation.
    await p.ctx.db.updateTable('emailThreads').set({ lastMessageAt: new Date(Date.now() - 40 * 86_400_000) }).where('id', '=', thread!.id).execute();
    const tooLate = deliver({ from: 'ucenik@example.org', subject: 'Fw: Lažni profil' });
    await fetchInbox(p.ctx);
    expect((await threadOf(tooLate))?.id).not.toBe(thread!.id);
    expect(baseSubject('Odg: Re[2]: Fwd:  Тема ')).toBe('Тема');
  });

  it('stores attachments encrypted and lets a counsellor download them', async () => {
    const secret = 'SADRZAJ-PRILOGA-4242 који нико не сме да прочита у бази';
    const id = deliver({ subject: 'Снимак екрана', attachment: { filename: 'порука.txt', type: 'text/plain; charset=utf-8', content: Buffer.from(secret) } });
    await fetchInbox(p.ctx);
    const thread = await threadOf(id);
    const { rows } = await sql<{ row: string }>`SELECT row_to_json(a)::text AS row FROM email_attachments a`.execute(p.ctx.db);
    const raw = rows.map((r) => r.row).join('\n');
    expect(raw).not.toContain('порука.txt'); // the name a child gave a file is theirs too: encrypted
    expect(raw).not.toContain('SADRZAJ-PRILOGA-4242');
    expect(raw).not.toContain(Buffer.from(secret).toString('base64').slice(0, 20));

    const read = (await counsellor.get(`/api/v1/inbox/threads/${thread!.id}`)).json();
    const attachment = read.thread.messages[0].attachments[0];
    expect(attachment).toMatchObject({ filename: 'порука.txt', contentType: 'text/plain', byteSize: Buffer.byteLength(secret) });
    const download = await counsellor.get(`/api/v1/inbox/threads/${thread!.id}/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.toString('utf8')).toBe(secret);
    expect(download.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''%D0%BF/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const audited = await p.ctx.db.selectFrom('auditLog').select('details').where('action', '=', 'email-attachment.read').executeTakeFirst();
    expect(audited?.details).toMatchObject({ attachmentId: attachment.id });

    // An attachment is reached only through its own thread.
    const other = deliver({ subject: 'Друга нит' });
    await fetchInbox(p.ctx);
    const otherThread = await threadOf(other);
    expect((await counsellor.get(`/api/v1/inbox/threads/${otherThread!.id}/attachments/${attachment.id}`)).statusCode).toBe(404);
  });

  it('reads a renumbered mailbox again from the start (UIDVALIDITY changed)', async () => {
    const before = await p.ctx.db.selectFrom('imapState').selectAll().executeTakeFirstOrThrow();
    expect(Number(before.lastUid)).toBeGreaterThan(1);
    imap.recreateInbox();
    const restored = deliver({ subject: 'После враћања сандучета' });
    const result = await fetchInbox(p.ctx);
    expect(result.stored).toBe(1);
    expect(await threadOf(restored)).toBeDefined();
    const after = await p.ctx.db.selectFrom('imapState').selectAll().executeTakeFirstOrThrow();
    expect(after.uidValidity).not.toBe(before.uidValidity);
    expect(Number(after.lastUid)).toBe(1);
    const audit = await p.ctx.db.selectFrom('auditLog').select('action').where('action', '=', 'imap.uid-validity-changed').execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps a note instead of a message over the size limit, and the job handler reads the mailbox', async () => {
    const big = deliver({ subject: 'Велики прилог', attachment: { filename: 'video.bin', type: 'application/octet-stream', content: Buffer.alloc(MESSAGE_MAX_BYTES, 7) } });
    await runJob(p.ctx, fetchInboxJob, {});
    const thread = await threadOf(big);
    expect(thread?.subject).toBe('Велики прилог');
    const read = (await counsellor.get(`/api/v1/inbox/threads/${thread!.id}`)).json();
    expect(read.thread.messages[0].body).toMatch(/over the 10 MB limit/);
    expect(read.thread.messages[0].attachments).toEqual([]);
  });

  it('fails the run (so the job retries) when the server cannot be reached, without the password in the error', async () => {
    const down = { ...p.ctx, config: { ...p.ctx.config, imapUrl: `imap://helpline:${imap.password}@127.0.0.1:1/INBOX` } };
    const error = await fetchInbox(down).then(
      () => null,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).not.toContain(imap.password);
    await expect(runJob(down, fetchInboxJob, {})).rejects.toThrow(/IMAP/);
    expect(p.logs.join('\n')).not.toContain(imap.password);
  });

  it('guesses the contact language from the text', () => {
    expect(guessLanguage('Здраво, треба ми помоћ')).toBe('sr-Cyrl');
    expect(guessLanguage('Zdravo, da li mozete da mi pomognete, neko me prati')).toBe('sr-Cyrl');
    expect(guessLanguage('Hello, I need help with my account, please')).toBe('en');
  });
});
