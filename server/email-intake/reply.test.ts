// Replies from the console: written through the outgoing mail queue, sent over SMTP to a real
// receiver with the headers that keep the conversation together, appended to the thread; the
// correspondent's answer comes back over IMAP into the same thread. A failed send is retried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PgBoss from 'pg-boss';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, signIn, type Client, type TestUser } from '../../test/helpers/factories';
import { startImapServer, type TestImapServer } from '../../test/helpers/imap';
import { mailText, startSmtpReceiver } from '../../test/helpers/smtp';
import { runJob } from '../jobs/index';
import { sendMailJob } from '../jobs/definitions/send-mail';
import { decryptField, encryptField } from '../security/keys';
import { correspondentKey } from './threading';
import { fetchInbox } from './intake';

let imap: TestImapServer;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let p: TestPlatform;
let counsellorUser: TestUser;
let counsellor: Client;

beforeAll(async () => {
  imap = await startImapServer();
  smtp = await startSmtpReceiver();
  p = await createTestPlatform({ IMAP_URL: `${imap.url}?address=savet@19833.example`, SMTP_URL: smtp.url, MAIL_FROM: 'Безбедно 19833 <no-reply@19833.example>' });
  counsellorUser = await createUser(p.ctx, { roles: ['counsellor'] });
  counsellor = await signIn(p.app, counsellorUser);
}, 120_000);
afterAll(async () => {
  await p?.close();
  await smtp?.close();
  await imap?.stop();
});

/** Sends what the outgoing mail queue holds, as the mail.send worker would (with the job's payload). */
async function runMailJobs(ctx = p.ctx): Promise<void> {
  const jobs = (await ctx.jobs!.boss.fetch('mail.send', { batchSize: 20 })) as PgBoss.Job<object>[];
  for (const job of jobs) {
    try {
      await runJob(ctx, sendMailJob, job.data);
      await ctx.jobs!.boss.complete('mail.send', job.id);
    } catch (error) {
      await ctx.jobs!.boss.fail('mail.send', job.id);
      throw error;
    }
  }
}

function incoming(from: string, subject: string, messageId: string, extra = ''): string {
  return [
    `From: ${from}`,
    'To: savet@19833.example',
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    ...(extra ? [extra] : []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Zdravo, imam problem sa nalogom.',
    '',
  ].join('\n');
}

const header = (raw: string, name: string) => new RegExp(`^${name}:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, 'im').exec(raw)?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim();

describe('replies to a real SMTP receiver', () => {
  it('sends the reply with Message-ID, In-Reply-To, References and Reply-To, appends it, and takes the contact', async () => {
    const first = `<first-${Date.now()}@mail.example>`;
    imap.deliver(incoming('ucenica@example.org', 'Hakovan nalog', first));
    await fetchInbox(p.ctx);
    const thread = await p.ctx.db
      .selectFrom('emailMessages')
      .innerJoin('emailThreads', 'emailThreads.id', 'emailMessages.threadId')
      .select('emailThreads.id')
      .where('emailMessages.messageId', '=', first)
      .executeTakeFirstOrThrow();

    const reply = await counsellor.post(`/api/v1/inbox/threads/${thread.id}/replies`, { body: 'Здраво, промени лозинку и укључи двостепену пријаву.' });
    expect(reply.statusCode, reply.body).toBe(201);
    const stored = await p.ctx.db.selectFrom('emailMessages').selectAll().where('id', '=', reply.json().id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ direction: 'out', threadId: thread.id, authorId: counsellorUser.id, inReplyTo: first });
    expect(decryptField(p.ctx.keys, stored.subjectEnc)).toBe('Re: Hakovan nalog');
    expect(stored.messageId).toMatch(/^<[0-9a-f-]{36}@19833\.example>$/);
    const after = await p.ctx.db.selectFrom('emailThreads').select('status').where('id', '=', thread.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('answered');
    const contact = await p.ctx.db.selectFrom('contacts').select(['status', 'counsellorId']).where('emailThreadId', '=', thread.id).executeTakeFirstOrThrow();
    expect(contact).toEqual({ status: 'draft', counsellorId: counsellorUser.id });

    await runMailJobs();
    const sent = smtp.received.filter((m) => m.to.includes('ucenica@example.org'));
    expect(sent).toHaveLength(1);
    const raw = sent[0]!.raw;
    expect(header(raw, 'Message-ID')).toBe(stored.messageId);
    expect(header(raw, 'In-Reply-To')).toBe(first);
    expect(header(raw, 'References')).toContain(first);
    expect(header(raw, 'Reply-To')).toBe('savet@19833.example');
    expect(mailText(sent[0]!)).toContain('двостепену пријаву');
    const outgoing = await p.ctx.db.selectFrom('outgoingMail').select(['status', 'purpose', 'confidential', 'bodyText']).where('id', '=', stored.outgoingMailId!).executeTakeFirstOrThrow();
    expect(outgoing).toMatchObject({ status: 'sent', purpose: 'helpline-reply', confidential: true });
    // A reply is case data: encrypted at rest, and the administrators' mailbox shows neither text nor address.
    expect(outgoing.bodyText).not.toContain('лозинку');
    const admin = await signIn(p.app, await createUser(p.ctx, { roles: ['administrator'] }));
    const listed = (await admin.get('/api/v1/mailbox')).json().messages.find((m: { id: string }) => m.id === stored.outgoingMailId);
    expect(JSON.stringify(listed)).not.toMatch(/лозинку|@/);

    // The thread shows the reply with its author and delivery state.
    const view = (await counsellor.get(`/api/v1/inbox/threads/${thread.id}`)).json().thread;
    expect(view.messages.map((m: { direction: string }) => m.direction)).toEqual(['in', 'out']);
    expect(view.messages[1]).toMatchObject({ delivery: 'sent', authorName: expect.any(String) });

    // The correspondent answers our message: it joins the thread, which awaits a counsellor again.
    const answer = `<answer-${Date.now()}@mail.example>`;
    imap.deliver(incoming('ucenica@example.org', 'Re: Hakovan nalog', answer, `In-Reply-To: ${stored.messageId}\nReferences: ${first} ${stored.messageId}`));
    await fetchInbox(p.ctx);
    const joined = await p.ctx.db.selectFrom('emailMessages').select('threadId').where('messageId', '=', answer).executeTakeFirstOrThrow();
    expect(joined.threadId).toBe(thread.id);
    expect((await p.ctx.db.selectFrom('emailThreads').select('status').where('id', '=', thread.id).executeTakeFirstOrThrow()).status).toBe('awaiting');

    // A second reply names the latest message and the whole conversation.
    const second = await counsellor.post(`/api/v1/inbox/threads/${thread.id}/replies`, { body: 'Да ли је сада у реду?' });
    expect(second.statusCode).toBe(201);
    await runMailJobs();
    const secondSent = smtp.received.filter((m) => m.to.includes('ucenica@example.org') && mailText(m).includes('сада у реду'));
    expect(secondSent).toHaveLength(1);
    expect(header(secondSent[0]!.raw, 'In-Reply-To')).toBe(answer);
    expect(header(secondSent[0]!.raw, 'References')).toContain(stored.messageId);
  });

  it('keeps a reply that could not be sent and sends it on the retry', async () => {
    const first = `<retry-${Date.now()}@mail.example>`;
    imap.deliver(incoming('otac@example.org', 'Pitanje', first));
    await fetchInbox(p.ctx);
    const thread = await p.ctx.db
      .selectFrom('emailMessages')
      .select('threadId')
      .where('messageId', '=', first)
      .executeTakeFirstOrThrow();
    const reply = await counsellor.post(`/api/v1/inbox/threads/${thread.threadId}/replies`, { body: 'Одговор који ће стићи касније' });
    expect(reply.statusCode).toBe(201);
    const { outgoingMailId } = await p.ctx.db.selectFrom('emailMessages').select('outgoingMailId').where('id', '=', reply.json().id).executeTakeFirstOrThrow();

    // The SMTP server is unreachable: the job fails (pg-boss retries it) and the mail stays queued.
    const down = { ...p.ctx, config: { ...p.ctx.config, smtpUrl: 'smtp://127.0.0.1:1' } };
    const [job] = (await p.ctx.jobs!.boss.fetch('mail.send', { batchSize: 1 })) as PgBoss.Job<object>[];
    await expect(runJob(down, sendMailJob, job!.data)).rejects.toThrow(/retried/);
    await p.ctx.jobs!.boss.fail('mail.send', job!.id);
    const failed = await p.ctx.db.selectFrom('outgoingMail').select(['status', 'attempts']).where('id', '=', outgoingMailId!).executeTakeFirstOrThrow();
    expect(failed).toEqual({ status: 'queued', attempts: 1 });

    // The retry carries the same payload, headers included.
    await runJob(p.ctx, sendMailJob, job!.data);
    const sent = smtp.received.filter((m) => m.to.includes('otac@example.org'));
    expect(sent).toHaveLength(1);
    expect(header(sent[0]!.raw, 'In-Reply-To')).toBe(first);
  });

  it('refuses to reply to a thread whose address could not be read (409)', async () => {
    const thread = await p.ctx.db
      .insertInto('emailThreads')
      .values({ subjectEnc: encryptField(p.ctx.keys, 'Без адресе'), correspondentKey: correspondentKey(p.ctx.keys, ''), correspondentEnc: encryptField(p.ctx.keys, '') })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view = (await counsellor.get(`/api/v1/inbox/threads/${thread.id}`)).json().thread;
    expect(view.canReply).toBe(false);
    const reply = await counsellor.post(`/api/v1/inbox/threads/${thread.id}/replies`, { body: 'x' });
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.code).toBe('no_address');
    expect(await p.ctx.db.selectFrom('emailMessages').select('id').where('threadId', '=', thread.id).execute()).toHaveLength(0);
  });

  it('closes a thread; the next message from the correspondent opens it again', async () => {
    const first = `<close-${Date.now()}@mail.example>`;
    imap.deliver(incoming('majka@example.org', 'Hvala', first));
    await fetchInbox(p.ctx);
    const { threadId } = await p.ctx.db.selectFrom('emailMessages').select('threadId').where('messageId', '=', first).executeTakeFirstOrThrow();
    const closed = await counsellor.post(`/api/v1/inbox/threads/${threadId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toEqual({ id: threadId, status: 'closed' });
    const listed = (await counsellor.get('/api/v1/inbox/threads?status=closed')).json();
    expect(listed.threads.map((t: { id: string }) => t.id)).toContain(threadId);
    imap.deliver(incoming('majka@example.org', 'Re: Hvala', `<close-2-${Date.now()}@mail.example>`, `In-Reply-To: ${first}`));
    await fetchInbox(p.ctx);
    expect((await p.ctx.db.selectFrom('emailThreads').select('status').where('id', '=', threadId).executeTakeFirstOrThrow()).status).toBe('awaiting');
  });
});
