// The analysts' side of the hotline: the queue, one report (every opening audited), and the
// decisions on it. Each function takes the context and the actor; the policy decides.
import { sql, type ExpressionBuilder } from 'kysely';
import type { AppContext } from '../context';
import type { DbOrTrx } from '../db/index';
import type { Database, ReportRow } from '../db/schema';
import type { z } from 'zod';
import type {
  assessRequestSchema,
  reportListQuerySchema,
  ReportDetail,
  ReportSummary,
} from '../../common/schemas/reports';
import type { Classification, CloseReason, ReportCategory, ReportStatus } from '../../common/hotline';
import type { Language } from '../../common/roles';
import { searchKey } from '../../common/i18n/translit';
import { translator } from '../../common/i18n/index';
import { can, scopeFilter, type Actor } from '../auth/policy';
import { auditActor } from '../auth/request';
import { recordAudit } from '../audit/log';
import { conflict, forbidden, notFound, validationFailed } from '../http/errors';
import { decryptField } from '../security/keys';
import { getSettings } from '../settings/settings';
import { queueMail } from '../mail/mail';
import { reportPolicy, type ReportAction } from './policy';
import { LEGAL_BASES_VERSION, LEGAL_BASIS_CODES } from './legal-bases';
import { today } from './submit';

type ListQuery = z.infer<typeof reportListQuerySchema>;
type AssessInput = z.infer<typeof assessRequestSchema>;

export const summaryColumns = [
  'reports.id',
  'reports.number',
  'reports.receivedAt',
  'reports.category',
  'reports.status',
  'reports.isUrgent',
  'reports.assigneeId',
  'reports.caseId',
  'reports.hasUnreadReporterMessage',
  'reports.description',
  'reports.escalatedTo',
  'users.displayName as assigneeName',
] as const;

export async function urlsOf(db: DbOrTrx, reportIds: string[]) {
  if (reportIds.length === 0) return new Map<string, ReportSummary['urls']>();
  const rows = await db
    .selectFrom('reportUrls')
    .innerJoin('contentItems', 'contentItems.id', 'reportUrls.contentItemId')
    .select(['reportUrls.reportId', 'reportUrls.url', 'contentItems.canonicalUrl', 'contentItems.id as contentId'])
    .where('reportUrls.reportId', 'in', reportIds)
    .orderBy('reportUrls.reportId')
    .orderBy('reportUrls.position')
    .execute();
  const byReport = new Map<string, ReportSummary['urls']>();
  for (const r of rows) {
    const list = byReport.get(r.reportId) ?? [];
    list.push({ url: r.url, canonicalUrl: r.canonicalUrl, contentId: r.contentId });
    byReport.set(r.reportId, list);
  }
  return byReport;
}

type SummaryRow = Pick<ReportRow, 'id' | 'number' | 'receivedAt' | 'category' | 'status' | 'isUrgent' | 'assigneeId' | 'caseId' | 'hasUnreadReporterMessage' | 'description'> & {
  assigneeName: string | null;
};

export function presentSummary(row: SummaryRow, urls: ReportSummary['urls']): ReportSummary {
  return {
    id: row.id,
    number: String(row.number),
    receivedAt: row.receivedAt.toISOString(),
    category: row.category as ReportCategory,
    status: row.status as ReportStatus,
    isUrgent: row.isUrgent,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    caseId: row.caseId,
    hasUnreadReporterMessage: row.hasUnreadReporterMessage,
    excerpt: row.description.length > 160 ? `${row.description.slice(0, 157)}…` : row.description,
    urls,
  };
}

export async function listReports(ctx: AppContext, actor: Actor, q: ListQuery) {
  if (!can(reportPolicy, actor, 'list')) throw forbidden();
  const limit = q.limit ?? 50;
  const scope = (eb: ExpressionBuilder<Database, 'reports'>) => scopeFilter(reportPolicy, actor, 'list', eb);
  let query = ctx.db
    .selectFrom('reports')
    .leftJoin('users', 'users.id', 'reports.assigneeId')
    .select(summaryColumns)
    .where(scope)
    .orderBy('reports.isUrgent', 'desc')
    .orderBy('reports.number', 'desc')
    .limit(limit + 1);
  if (q.status) query = query.where('reports.status', '=', q.status);
  if (q.category) query = query.where('reports.category', '=', q.category);
  if (q.from) query = query.where('reports.receivedAt', '>=', new Date(q.from));
  if (q.to) query = query.where('reports.receivedAt', '<', new Date(q.to));
  if (q.assigneeId === 'me') query = query.where('reports.assigneeId', '=', actor.id);
  else if (q.assigneeId === 'none') query = query.where('reports.assigneeId', 'is', null);
  else if (q.assigneeId) query = query.where('reports.assigneeId', '=', q.assigneeId);
  if (q.q) query = query.where('reports.searchText', 'like', `%${searchKey(q.q).replace(/[%_\\]/g, '\\$&')}%`);
  if (q.before) {
    const [urgent, number] = q.before.split('-') as [string, string];
    const isUrgent = urgent === '1';
    query = query.where((eb) =>
      isUrgent
        ? eb.or([eb('reports.isUrgent', '=', false), eb.and([eb('reports.isUrgent', '=', true), eb('reports.number', '<', number as never)])])
        : eb.and([eb('reports.isUrgent', '=', false), eb('reports.number', '<', number as never)]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const urls = await urlsOf(ctx.db, page.map((r) => r.id));
  const countRows = await ctx.db
    .selectFrom('reports')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where(scope)
    .where('status', 'in', ['new', 'in-review', 'waiting-reporter'])
    .groupBy('status')
    .execute();
  const counts = { new: 0, 'in-review': 0, 'waiting-reporter': 0 };
  for (const c of countRows) counts[c.status as keyof typeof counts] = Number(c.n);
  const last = page[page.length - 1];
  return {
    reports: page.map((r) => presentSummary(r, urls.get(r.id) ?? [])),
    counts,
    nextBefore: rows.length > limit && last ? `${last.isUrgent ? 1 : 0}-${last.number}` : null,
  };
}

/** Loads a report the actor may act on, else 404 (a report one may not see does not exist for them). */
async function loadReport(db: DbOrTrx, actor: Actor, id: string, action: ReportAction): Promise<ReportRow> {
  const report = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!report || !can(reportPolicy, actor, 'read', report)) throw notFound('No such report');
  if (!can(reportPolicy, actor, action, report)) throw forbidden();
  return report;
}

export async function getReport(ctx: AppContext, actor: Actor, id: string): Promise<ReportDetail> {
  const report = await loadReport(ctx.db, actor, id, 'read');
  const showContact = report.hasContact && can(reportPolicy, actor, 'viewContact', report);
  const [urls, assignee, attachments, messages, assessments, contentItems] = await Promise.all([
    urlsOf(ctx.db, [id]),
    report.assigneeId ? ctx.db.selectFrom('users').select('displayName').where('id', '=', report.assigneeId).executeTakeFirst() : undefined,
    ctx.db.selectFrom('reportAttachments').select(['id', 'contentType', 'byteSize']).where('reportId', '=', id).execute(),
    ctx.db
      .selectFrom('reportMessages')
      .leftJoin('users', 'users.id', 'reportMessages.authorId')
      .select(['reportMessages.id', 'reportMessages.author', 'users.displayName as authorName', 'reportMessages.body', 'reportMessages.sentAt'])
      .where('reportId', '=', id)
      .orderBy('reportMessages.id')
      .execute(),
    ctx.db
      .selectFrom('assessments')
      .innerJoin('users', 'users.id', 'assessments.assessedBy')
      .selectAll('assessments')
      .select('users.displayName as assessedByName')
      .where('reportId', '=', id)
      .orderBy('version', 'desc')
      .execute(),
    ctx.db
      .selectFrom('reportUrls')
      .innerJoin('contentItems', 'contentItems.id', 'reportUrls.contentItemId')
      .select(['contentItems.id', 'contentItems.canonicalUrl', 'contentItems.latestClassification', 'contentItems.latestAssessedAt'])
      .select(sql<string>`(SELECT count(DISTINCT other.report_id) FROM report_urls other WHERE other.content_item_id = content_items.id)`.as('reportCount'))
      .where('reportUrls.reportId', '=', id)
      .distinct()
      .execute(),
  ]);
  const others = contentItems.length
    ? await ctx.db
        .selectFrom('reportUrls')
        .innerJoin('reports', 'reports.id', 'reportUrls.reportId')
        .select(['reportUrls.contentItemId', 'reports.id', 'reports.number', 'reports.status'])
        .where('reportUrls.contentItemId', 'in', contentItems.map((c) => c.id))
        .where('reports.id', '<>', id)
        .orderBy('reports.number', 'desc')
        .limit(100)
        .execute()
    : [];
  const contact = showContact && report.contactEnc ? (JSON.parse(decryptField(ctx.keys, report.contactEnc)) as ReportDetail['contact']) : null;
  await ctx.db.transaction().execute(async (trx) => {
    if (report.hasUnreadReporterMessage && can(reportPolicy, actor, 'work', report)) {
      await trx.updateTable('reports').set({ hasUnreadReporterMessage: false }).where('id', '=', id).execute();
    }
    await recordAudit(trx, { actor: auditActor(actor), action: 'report.read', recordType: 'report', recordId: id, details: { contactShown: contact !== null } });
  });
  return {
    ...presentSummary({ ...report, assigneeName: assignee?.displayName ?? null }, urls.get(id) ?? []),
    description: report.description,
    platform: report.platform as ReportDetail['platform'],
    childAgeGroup: report.childAgeGroup as ReportDetail['childAgeGroup'],
    municipality: report.municipality,
    language: report.language as Language,
    contact,
    mayShareContact: report.mayShareContact,
    closeReason: report.closeReason as CloseReason | null,
    closeNote: report.closeNote,
    noticeTakedownAt: report.noticeTakedownAt?.toISOString() ?? null,
    noticeTakedownNote: report.noticeTakedownNote,
    escalatedTo: report.escalatedTo,
    attachments,
    contentItems: contentItems.map((c) => ({
      contentId: c.id,
      canonicalUrl: c.canonicalUrl,
      reportCount: Number(c.reportCount),
      otherReports: others.filter((o) => o.contentItemId === c.id).map((o) => ({ id: o.id, number: String(o.number), status: o.status as ReportStatus })),
      latestClassification: c.latestClassification as Classification | null,
      latestAssessedAt: c.latestAssessedAt?.toISOString() ?? null,
    })),
    assessments: assessments.map((a) => ({
      id: a.id,
      version: a.version,
      classification: a.classification as Classification,
      legalBasis: a.legalBasis,
      legalBasisVersion: a.legalBasisVersion,
      victimAgeGroup: a.victimAgeGroup as never,
      victimGender: a.victimGender as never,
      siteType: a.siteType as never,
      hostingCountry: a.hostingCountry,
      isUrgent: a.isUrgent,
      rationale: a.rationale,
      assessedBy: a.assessedByName,
      assessedAt: a.assessedAt.toISOString(),
    })),
    messages: messages.map((m) => ({ id: String(m.id), author: m.author, authorName: m.authorName, body: m.body, sentAt: m.sentAt.toISOString() })),
  };
}

/** Runs a decision on a report in one transaction with its audit entry. */
async function decide<T>(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: ReportAction,
  work: (trx: DbOrTrx, report: ReportRow) => Promise<{ audit: string; details?: Record<string, unknown>; result?: T }>,
): Promise<T | undefined> {
  return ctx.db.transaction().execute(async (trx) => {
    const report = await loadReport(trx, actor, id, action);
    const { audit, details, result } = await work(trx, report);
    await recordAudit(trx, { actor: auditActor(actor), action: audit, recordType: 'report', recordId: id, ...(details ? { details } : {}) });
    return result;
  });
}

const touch = (report: ReportRow) => (report.status === 'new' ? { status: 'in-review' } : {});

export const claimReport = (ctx: AppContext, actor: Actor, id: string) =>
  decide(ctx, actor, id, 'work', async (trx, report) => {
    await trx.updateTable('reports').set({ assigneeId: actor.id, ...touch(report) }).where('id', '=', id).execute();
    return { audit: 'report.claim' };
  });

export const assessReport = (ctx: AppContext, actor: Actor, id: string, input: AssessInput) =>
  decide(ctx, actor, id, 'work', async (trx, report) => {
    const unknown = input.legalBasis.filter((code) => !LEGAL_BASIS_CODES.has(code));
    if (unknown.length) throw validationFailed({ legalBasis: `Unknown: ${unknown.join(', ')}` });
    const { max } = await trx
      .selectFrom('assessments')
      .select((eb) => eb.fn.max('version').as('max'))
      .where('reportId', '=', id)
      .executeTakeFirstOrThrow();
    const version = (Number(max) || 0) + 1;
    await trx
      .insertInto('assessments')
      .values({
        reportId: id,
        version,
        classification: input.classification,
        legalBasis: input.legalBasis,
        legalBasisVersion: LEGAL_BASES_VERSION,
        victimAgeGroup: input.victimAgeGroup ?? null,
        victimGender: input.victimGender ?? null,
        siteType: input.siteType ?? null,
        hostingCountry: input.hostingCountry ?? null,
        isUrgent: input.isUrgent,
        rationale: input.rationale,
        assessedBy: actor.id,
      })
      .execute();
    await trx
      .updateTable('reports')
      .set({ isUrgent: input.isUrgent, assigneeId: report.assigneeId ?? actor.id, ...touch(report) })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('contentItems')
      .set({ latestClassification: input.classification, latestAssessedAt: new Date() })
      .where('id', 'in', trx.selectFrom('reportUrls').select('contentItemId').where('reportId', '=', id))
      .execute();
    return { audit: 'report.assess', details: { version, classification: input.classification, isUrgent: input.isUrgent } };
  });

export const messageReporter = (ctx: AppContext, actor: Actor, id: string, body: string) =>
  decide(ctx, actor, id, 'message', async (trx, report) => {
    if (report.status === 'closed') throw conflict('report_closed', 'The report is closed');
    await trx.insertInto('reportMessages').values({ reportId: id, author: 'centre', authorId: actor.id, body, sentAt: new Date() }).execute();
    await trx.updateTable('reports').set({ status: 'waiting-reporter', hasUnreadReporterMessage: false }).where('id', '=', id).execute();
    return { audit: 'report.message' };
  });

export async function notifyReporter(ctx: AppContext, trx: DbOrTrx, report: ReportRow, kind: 'closed' | 'forwarded') {
  if (!report.contactEnc) return;
  const { email } = JSON.parse(decryptField(ctx.keys, report.contactEnc)) as { email: string | null };
  if (!email) return;
  const t = translator(report.language as Language);
  await queueMail(ctx, trx, {
    to: email,
    subject: t(`public.mail.${kind}Subject`),
    text: t(`public.mail.${kind}Body`),
    purpose: `report-${kind}`,
  });
}

export const closeReport = (ctx: AppContext, actor: Actor, id: string, reason: CloseReason, note?: string) =>
  decide(ctx, actor, id, 'work', async (trx, report) => {
    if (report.status === 'closed') throw conflict('report_closed', 'The report is already closed');
    await trx.updateTable('reports').set({ status: 'closed', closeReason: reason, closeNote: note ?? null, closedAt: new Date() }).where('id', '=', id).execute();
    await notifyReporter(ctx, trx, report, 'closed');
    return { audit: 'report.close', details: { reason, hasNote: !!note } };
  });

export const markNoticeTakedown = (ctx: AppContext, actor: Actor, id: string, note: string) =>
  decide(ctx, actor, id, 'work', async (trx) => {
    await trx.updateTable('reports').set({ noticeTakedownAt: new Date(), noticeTakedownNote: note }).where('id', '=', id).execute();
    return { audit: 'report.notice-takedown' };
  });

export const openCaseFromReport = (ctx: AppContext, actor: Actor, id: string, input: { caseId?: string | undefined; title?: string | undefined }) =>
  decide<{ caseId: string }>(ctx, actor, id, 'work', async (trx, report) => {
    let caseId = input.caseId;
    if (caseId) {
      const existing = await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
      if (!existing) throw validationFailed({ caseId: 'No such case' });
    } else {
      const created = await trx
        .insertInto('cases')
        .values({
          title: input.title ?? `Пријава ${report.number}`,
          priority: report.isUrgent ? 'urgent' : 'normal',
          assigneeId: actor.id,
          createdBy: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      caseId = created.id;
      await recordAudit(trx, { actor: auditActor(actor), action: 'case.create', recordType: 'case', recordId: caseId, details: { fromReport: id } });
    }
    await trx.updateTable('reports').set({ caseId, ...touch(report) }).where('id', '=', id).execute();
    return { audit: 'report.attach-case', details: { caseId }, result: { caseId } };
  });

export const escalateToCounsellor = (ctx: AppContext, actor: Actor, id: string, counsellorId: string) =>
  decide(ctx, actor, id, 'work', async (trx, report) => {
    if (report.category === 'csam') throw conflict('not_escalatable', 'Reports of abuse material stay with the hotline');
    const counsellor = await trx.selectFrom('users').select(['roles', 'isActive']).where('id', '=', counsellorId).executeTakeFirst();
    if (!counsellor?.isActive || !counsellor.roles.includes('counsellor')) throw validationFailed({ counsellorId: 'Not an active counsellor' });
    await trx.updateTable('reports').set({ escalatedTo: counsellorId }).where('id', '=', id).execute();
    return { audit: 'report.escalate', details: { counsellorId } };
  });

export async function getAttachment(ctx: AppContext, actor: Actor, id: string, attachmentId: string) {
  return decide(ctx, actor, id, 'viewAttachment', async (trx) => {
    const attachment = await trx.selectFrom('reportAttachments').selectAll().where('id', '=', attachmentId).where('reportId', '=', id).executeTakeFirst();
    if (!attachment) throw notFound('No such attachment');
    const bytes = Buffer.from(decryptField(ctx.keys, attachment.dataEnc), 'base64');
    return { audit: 'report.attachment-view', details: { attachmentId }, result: { contentType: attachment.contentType, bytes } };
  });
}

/** Time spent on abuse-material reports today, counted by the console while one is open. */
export async function recordExposure(ctx: AppContext, actor: Actor, id: string, seconds: number) {
  const report = await loadReport(ctx.db, actor, id, 'work');
  if (report.category !== 'csam') throw conflict('not_csam', 'Exposure time is counted for abuse-material reports only');
  await ctx.db
    .insertInto('analystExposure')
    .values({ userId: actor.id, day: today(), seconds })
    .onConflict((oc) => oc.columns(['userId', 'day']).doUpdateSet({ seconds: sql`analyst_exposure.seconds + ${seconds}` }))
    .execute();
  return exposureToday(ctx, actor);
}

export async function exposureToday(ctx: AppContext, actor: Actor) {
  const { csamDailyLimitMinutes } = await getSettings(ctx.db);
  const row = await ctx.db.selectFrom('analystExposure').select('seconds').where('userId', '=', actor.id).where('day', '=', sql<Date>`${today()}::date`).executeTakeFirst();
  const todaySeconds = row?.seconds ?? 0;
  const limitSeconds = csamDailyLimitMinutes * 60;
  return { todaySeconds, limitSeconds, isOverLimit: todaySeconds >= limitSeconds };
}
