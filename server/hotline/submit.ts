// Taking a report from the public (the JSON API and the HTML form both come here). A 201
// means the report, its links, its attachments and any confirmation e-mail are committed
// together. Nothing about the sender's connection is stored: no address, no user agent, and
// the time only to the hour.
import crypto from 'node:crypto';
import type { AppContext } from '../context';
import type { Trx } from '../db/index';
import type { CreateReportRequest } from '../../common/schemas/reports';
import { DEFAULT_LANGUAGE, type Language } from '../../common/roles';
import { searchKey } from '../../common/i18n/translit';
import { translator } from '../../common/i18n/index';
import { ATTACHMENT_MAX_BYTES } from '../../common/hotline';
import { encryptField, keyedHash } from '../security/keys';
import { HttpError, validationFailed } from '../http/errors';
import { queueMail } from '../mail/mail';
import { canonicalizeUrl, contentKey } from './canonical-url';
import { CHALLENGE_TTL_SECONDS } from './pow';

/** 16 random digits (53 bits), from the system's cryptographic generator. */
export function newReceipt(): string {
  let receipt = '';
  for (let i = 0; i < 16; i++) receipt += crypto.randomInt(10).toString();
  return receipt;
}

export const receiptHash = (ctx: AppContext, receipt: string) => keyedHash(ctx.keys, 'receipt', receipt);

/** The start of the current hour: the only time a public submission is stamped with. */
export const thisHour = () => {
  const now = new Date();
  now.setUTCMinutes(0, 0, 0);
  return now;
};
export const today = () => new Date().toISOString().slice(0, 10);

export interface SubmittedReport {
  reportId: string;
  receipt: string;
}

/** The canonical form accepts almost anything; a link people report has a host with a dot and no spaces. */
function isPlausibleLink(canonical: string): boolean {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?]*)/.exec(canonical)?.[1]?.replace(/:\d+$/, '') ?? '';
  return host.includes('.') && !host.startsWith('.') && !/%(20|0[0-9A-F]|1[0-9A-F])/.test(host);
}

function canonicalUrls(urls: string[]): { url: string; canonical: string; key: string }[] {
  const fields: Record<string, string> = {};
  const result = urls.map((url, i) => {
    const canonical = canonicalizeUrl(url);
    if (!canonical || !isPlausibleLink(canonical)) fields[`urls.${i}`] = 'This is not a link';
    return { url, canonical: canonical ?? '', key: canonical ? contentKey(canonical) : '' };
  });
  if (Object.keys(fields).length) throw validationFailed(fields);
  return result;
}

function decodeAttachments(attachments: CreateReportRequest['attachments']) {
  return (attachments ?? []).map((a, i) => {
    const bytes = Buffer.from(a.dataBase64, 'base64');
    if (bytes.length === 0 || bytes.length > ATTACHMENT_MAX_BYTES) throw validationFailed({ [`attachments.${i}`]: 'A screenshot must be at most 2 MB' });
    const looksRight =
      (a.contentType === 'image/png' && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) ||
      (a.contentType === 'image/jpeg' && bytes[0] === 0xff && bytes[1] === 0xd8) ||
      (a.contentType === 'image/webp' && bytes.subarray(0, 4).toString() === 'RIFF' && bytes.subarray(8, 12).toString() === 'WEBP');
    if (!looksRight) throw validationFailed({ [`attachments.${i}`]: 'Only PNG, JPEG or WebP pictures' });
    return { contentType: a.contentType, bytes };
  });
}

export async function submitReport(
  ctx: AppContext,
  input: CreateReportRequest,
  powSpentKey: string | null,
  /** Runs in the report's transaction (a helpline contact links itself to the report). */
  alongside?: (trx: Trx, reportId: string) => Promise<void>,
): Promise<SubmittedReport> {
  const urls = canonicalUrls(input.urls);
  const attachments = decodeAttachments(input.attachments);
  const language: Language = input.language ?? DEFAULT_LANGUAGE;
  const contact = input.contact && (input.contact.name || input.contact.email || input.contact.phone) ? input.contact : undefined;
  const receivedAt = thisHour();
  const day = today();

  const insert = async (trx: Trx, receipt: string) => {
    if (powSpentKey) {
      const spent = await trx
        .insertInto('powSpent')
        .values({ challengeHash: powSpentKey, expiresAt: new Date(Date.now() + CHALLENGE_TTL_SECONDS * 1000) })
        .onConflict((oc) => oc.doNothing())
        .returning('challengeHash')
        .executeTakeFirst();
      if (!spent) throw new HttpError(400, 'pow_invalid', 'This challenge was already used: get a new one', { pow: 'already used' });
    }
    // A link seen before keeps its content item; a new one gets one. DO NOTHING takes no row
    // lock, so many reports of one link do not wait for each other.
    const contentIds = new Map<string, string>();
    for (const key of new Set(urls.map((u) => u.key))) {
      const u = urls.find((x) => x.key === key)!;
      const inserted = await trx
        .insertInto('contentItems')
        .values({ contentKey: key, canonicalUrl: u.canonical, firstReportedOn: day })
        .onConflict((oc) => oc.column('contentKey').doNothing())
        .returning('id')
        .executeTakeFirst();
      const item = inserted ?? (await trx.selectFrom('contentItems').select('id').where('contentKey', '=', key).executeTakeFirstOrThrow());
      contentIds.set(key, item.id);
    }
    const report = await trx
      .insertInto('reports')
      .values({
        receivedAt,
        category: input.category,
        description: input.description,
        searchText: searchKey(`${input.description} ${urls.map((u) => u.canonical).join(' ')}`),
        platform: input.platform ?? null,
        childAgeGroup: input.childAgeGroup ?? null,
        municipality: input.municipality ?? null,
        language,
        contactEnc: contact ? encryptField(ctx.keys, JSON.stringify({ name: contact.name ?? null, email: contact.email ?? null, phone: contact.phone ?? null })) : null,
        hasContact: !!contact,
        mayShareContact: !!contact && contact.mayShareWithInstitutions === true,
        receiptHash: receiptHash(ctx, receipt),
        receiptActiveOn: day,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (urls.length) {
      await trx
        .insertInto('reportUrls')
        .values(urls.map((u, position) => ({ reportId: report.id, position, url: u.url, contentItemId: contentIds.get(u.key)! })))
        .execute();
    }
    for (const a of attachments) {
      await trx
        .insertInto('reportAttachments')
        .values({ reportId: report.id, contentType: a.contentType, byteSize: a.bytes.length, dataEnc: encryptField(ctx.keys, a.bytes.toString('base64')) })
        .execute();
    }
    if (contact?.email) {
      const t = translator(language);
      await queueMail(ctx, trx, {
        to: contact.email,
        subject: t('public.mail.receivedSubject'),
        text: t('public.mail.receivedBody'),
        purpose: 'report-received',
      });
    }
    await alongside?.(trx, report.id);
    return report.id;
  };

  // A receipt that collides with an existing one (1 in 10^16) is drawn again.
  for (let attempt = 0; ; attempt++) {
    const receipt = newReceipt();
    try {
      const reportId = await ctx.db.transaction().execute((trx) => insert(trx, receipt));
      return { reportId, receipt };
    } catch (error) {
      const isReceiptClash = (error as { constraint?: string }).constraint === 'reports_receipt_hash_key';
      if (!isReceiptClash || attempt >= 2) throw error;
    }
  }
}
