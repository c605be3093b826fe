// The anonymous reporter's side after sending: with the receipt alone they see the status in
// plain words and exchange messages with the analyst. A receipt stops working after a period
// without use (settings.receiptInactivityDays). Nothing here records who asked.
import type { AppContext } from '../context';
import type { FollowUpResponse } from '../../common/schemas/reports';
import { publicStatus, type ReportCategory, type ReportStatus } from '../../common/hotline';
import { HttpError } from '../http/errors';
import { getSettings } from '../settings/settings';
import { receiptHash, thisHour, today } from './submit';

/** One answer for a wrong, unknown and expired receipt: nothing to learn from guessing. */
export const receiptNotFound = () =>
  new HttpError(404, 'receipt_not_found', 'No report with this receipt, or it is no longer active', { receipt: 'Check the 16 digits' });

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

async function findByReceipt(ctx: AppContext, receipt: string) {
  const { receiptInactivityDays } = await getSettings(ctx.db);
  const report = await ctx.db
    .selectFrom('reports')
    .select(['id', 'status', 'category', 'receivedAt', 'receiptActiveOn'])
    .where('receiptHash', '=', receiptHash(ctx, receipt))
    .executeTakeFirst();
  const cutoff = Date.now() - receiptInactivityDays * 86_400_000;
  if (!report || report.receiptActiveOn.getTime() < cutoff) throw receiptNotFound();
  return report;
}

export async function followUp(ctx: AppContext, receipt: string): Promise<FollowUpResponse> {
  const report = await findByReceipt(ctx, receipt);
  if (dateOnly(report.receiptActiveOn) !== today()) {
    await ctx.db.updateTable('reports').set({ receiptActiveOn: today() }).where('id', '=', report.id).execute();
  }
  const messages = await ctx.db
    .selectFrom('reportMessages')
    .select(['author', 'body', 'sentAt'])
    .where('reportId', '=', report.id)
    .orderBy('id')
    .execute();
  return {
    status: publicStatus(report.status as ReportStatus),
    category: report.category as ReportCategory,
    receivedOn: dateOnly(report.receivedAt),
    messages: messages.map((m) => ({ author: m.author, body: m.body, sentOn: dateOnly(m.sentAt) })),
  };
}

export async function addReporterMessage(ctx: AppContext, receipt: string, body: string): Promise<void> {
  const report = await findByReceipt(ctx, receipt);
  if (report.status === 'closed') {
    throw new HttpError(409, 'report_closed', 'This report is closed. To tell us something new, send a new report.');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('reportMessages').values({ reportId: report.id, author: 'reporter', authorId: null, body, sentAt: thisHour() }).execute();
    await trx
      .updateTable('reports')
      .set({
        hasUnreadReporterMessage: true,
        receiptActiveOn: today(),
        // An answer to the analyst's question puts the report back in review.
        ...(report.status === 'waiting-reporter' ? { status: 'in-review' } : {}),
      })
      .where('id', '=', report.id)
      .execute();
  });
}
