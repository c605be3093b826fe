// Outgoing e-mail. A message is written to outgoing_mail (the address encrypted) in the
// transaction of the change that causes it, and a job sends it; the job queue carries only
// the message id. Failed sends are retried with backoff and recorded; nothing is dropped.
// Without SMTP_URL (demo mode) messages are kept in the local mailbox instead of sent.
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../context';
import type { DbOrTrx } from '../db/index';
import { decryptField, encryptField } from '../security/keys';
import { enqueue } from '../jobs/index';
import { sendMailJob } from '../jobs/definitions/send-mail';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Why it is sent (report-received, report-forwarded …), for the mailbox and statistics. */
  purpose: string;
  /** Case data (a counsellor's reply): subject and text are stored encrypted; the mailbox shows neither them nor the address. */
  confidential?: boolean;
  /** Threading and reply headers (helpline e-mail replies); carried with the job, never needed to send. */
  headers?: MailHeaders;
}

/** Headers that put a message into its conversation in the recipient's mail program. */
export interface MailHeaders {
  /** <unique@domain>, stored by the caller so that the answer to it can be recognised. */
  messageId?: string | undefined;
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  /** Where the recipient's answer should go (the helpline mailbox, not the no-reply sender). */
  replyTo?: string | undefined;
}

export async function queueMail(ctx: AppContext, trx: DbOrTrx, message: MailMessage): Promise<string> {
  const row = await trx
    .insertInto('outgoingMail')
    .values({
      toEnc: encryptField(ctx.keys, message.to),
      subject: message.confidential ? encryptField(ctx.keys, message.subject) : message.subject,
      bodyText: message.confidential ? encryptField(ctx.keys, message.text) : message.text,
      confidential: message.confidential === true,
      purpose: message.purpose,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!ctx.jobs) throw new Error('No job queue: mail cannot be sent from this process');
  await enqueue(ctx.jobs, trx, sendMailJob, { mailId: row.id, ...(message.headers ? { headers: message.headers } : {}) });
  return row.id;
}

/** The first try and the job's 8 retries. */
export const MAIL_MAX_ATTEMPTS = 9;

const transports = new WeakMap<AppContext, Transporter>();
function transportFor(ctx: AppContext): Transporter | null {
  if (!ctx.config.smtpUrl) return null;
  let transport = transports.get(ctx);
  if (!transport) {
    transport = nodemailer.createTransport(ctx.config.smtpUrl);
    transports.set(ctx, transport);
  }
  return transport;
}

/** Sends one queued message (the job's work). Throws on failure so the queue retries. */
export async function deliverMail(ctx: AppContext, mailId: string, headers?: MailHeaders): Promise<void> {
  const mail = await ctx.db.selectFrom('outgoingMail').selectAll().where('id', '=', mailId).executeTakeFirst();
  if (!mail || mail.status === 'sent' || mail.status === 'kept-locally') return;
  const transport = transportFor(ctx);
  if (!transport) {
    await ctx.db.updateTable('outgoingMail').set({ status: 'kept-locally', sentAt: new Date() }).where('id', '=', mailId).execute();
    return;
  }
  try {
    await transport.sendMail({
      from: ctx.config.mailFrom,
      to: decryptField(ctx.keys, mail.toEnc),
      subject: mail.confidential ? decryptField(ctx.keys, mail.subject) : mail.subject,
      text: mail.confidential ? decryptField(ctx.keys, mail.bodyText) : mail.bodyText,
      ...(headers?.messageId ? { messageId: headers.messageId } : {}),
      ...(headers?.inReplyTo ? { inReplyTo: headers.inReplyTo } : {}),
      ...(headers?.references?.length ? { references: headers.references } : {}),
      ...(headers?.replyTo ? { replyTo: headers.replyTo } : {}),
    });
    await ctx.db
      .updateTable('outgoingMail')
      .set((eb) => ({ status: 'sent', sentAt: new Date(), attempts: eb('attempts', '+', 1), lastError: null }))
      .where('id', '=', mailId)
      .execute();
  } catch (error) {
    // The error text of an SMTP server can quote the address: keep only its code and kind.
    const reason = `${(error as { code?: string }).code ?? 'ERROR'}: ${(error as { responseCode?: number }).responseCode ?? ''}`.trim();
    const isLastTry = mail.attempts + 1 >= MAIL_MAX_ATTEMPTS;
    await ctx.db
      .updateTable('outgoingMail')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), lastError: reason, ...(isLastTry ? { status: 'failed' as const } : {}) }))
      .where('id', '=', mailId)
      .execute();
    throw new Error(`Mail ${mailId} not sent (${reason}); it will be retried`);
  }
}
