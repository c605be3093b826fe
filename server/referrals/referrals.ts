// Cases and referrals: opening a case from reports, forwarding it to institutions, and the
// institution's side (acknowledge, record the outcome, write to the centre). Contact persons
// are told by e-mail that a case is waiting — with a link, never with details — and read it
// in the console after signing in with TOTP.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../context';
import type { DbOrTrx } from '../db/index';
import type { ReferralRow } from '../db/schema';
import type { createReferralRequestSchema, referralDetailSchema, referralSummarySchema, OUTCOMES } from '../../common/schemas/referrals';
import type { Language } from '../../common/roles';
import { translator } from '../../common/i18n/index';
import { can, scopeFilter, type Actor } from '../auth/policy';
import { auditActor } from '../auth/request';
import { recordAudit } from '../audit/log';
import { conflict, forbidden, notFound, validationFailed } from '../http/errors';
import { decryptField } from '../security/keys';
import { getSettings } from '../settings/settings';
import { queueMail } from '../mail/mail';
import { notifyReporter } from '../hotline/staff';
import { LEGAL_BASIS_CODES } from '../hotline/legal-bases';
import { addWorkingDays, isWithinWorkingHours } from './calendar';
import { referralPolicy } from './policy';
import { ROUTING_RULES, ROUTING_RULES_VERSION } from './routing';

type ReferralSummary = z.infer<typeof referralSummarySchema>;
type ReferralDetail = z.infer<typeof referralDetailSchema>;
type Outcome = (typeof OUTCOMES)[number];

const consoleLink = (ctx: AppContext, path: string) => `${ctx.config.publicBaseUrl ?? `http://localhost:${ctx.config.port}`}/console/${path}`;

function presentReferral(r: ReferralRow & { institutionName: string }): ReferralSummary {
  return {
    id: r.id,
    reference: r.reference,
    caseId: r.caseId,
    institutionId: r.institutionId,
    institutionName: r.institutionName,
    urgency: r.urgency,
    status: r.status,
    sentAt: r.sentAt.toISOString(),
    acknowledgementDueAt: r.acknowledgementDueAt?.toISOString() ?? null,
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    isOverdue: r.acknowledgedAt === null && r.acknowledgementDueAt !== null && r.acknowledgementDueAt.getTime() < Date.now(),
    outcome: r.outcome as Outcome | null,
  };
}

const referralsWithInstitution = (db: DbOrTrx) =>
  db.selectFrom('referrals').innerJoin('institutions', 'institutions.id', 'referrals.institutionId').selectAll('referrals').select('institutions.nameSr as institutionName');

/** The referrals of a case (for the case file). */
export async function referralsOfCase(db: DbOrTrx, caseId: string): Promise<ReferralSummary[]> {
  const rows = await referralsWithInstitution(db).where('referrals.caseId', '=', caseId).orderBy('referrals.number').execute();
  return rows.map(presentReferral);
}

async function contactPeople(db: DbOrTrx, institutionId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'language'])
    .where('institutionId', '=', institutionId)
    .where('isActive', '=', true)
    .where(sql<boolean>`'institution-contact' = ANY (roles)`)
    .execute();
}

async function mailPeople(ctx: AppContext, trx: DbOrTrx, people: { email: string | null; language: string }[], key: string, link: string, purpose: string) {
  for (const person of people) {
    if (!person.email) continue;
    const t = translator(person.language as Language);
    await queueMail(ctx, trx, { to: person.email, subject: t(`public.mail.${key}Subject`), text: t(`public.mail.${key}Body`, { link }), purpose });
  }
}

/**
 * Sends a prepared referral: the deadline starts now, the case waits for the institution,
 * its reports count as forwarded (reporters with an address are told, without details), and
 * the contact persons get a link — an urgent one outside working hours also the deputy.
 */
async function dispatchReferral(ctx: AppContext, trx: DbOrTrx, referralId: string): Promise<void> {
  const referral = await trx.selectFrom('referrals').selectAll().where('id', '=', referralId).executeTakeFirstOrThrow();
  const institution = await trx.selectFrom('institutions').select(['id', 'deputyUserId']).where('id', '=', referral.institutionId).executeTakeFirstOrThrow();
  const settings = await getSettings(ctx.db);
  const now = new Date();
  const due =
    referral.urgency === 'urgent' ? new Date(now.getTime() + settings.urgentAcknowledgementHours * 3_600_000) : addWorkingDays(now, settings.normalAcknowledgementWorkingDays);
  await trx.updateTable('referrals').set({ status: 'sent', sentAt: now, acknowledgementDueAt: due }).where('id', '=', referralId).execute();
  await trx.updateTable('cases').set({ status: 'waiting-institution', updatedAt: now }).where('id', '=', referral.caseId).execute();
  const reports = await trx.selectFrom('reports').selectAll().where('caseId', '=', referral.caseId).execute();
  for (const report of reports.filter((r) => r.status !== 'forwarded' && r.status !== 'closed')) {
    await trx.updateTable('reports').set({ status: 'forwarded' }).where('id', '=', report.id).execute();
    await notifyReporter(ctx, trx, report, 'forwarded');
  }
  const recipients = await contactPeople(trx, referral.institutionId);
  const deputy =
    referral.urgency === 'urgent' && institution.deputyUserId && !isWithinWorkingHours(now) && !recipients.some((r) => r.id === institution.deputyUserId)
      ? await trx.selectFrom('users').select(['id', 'email', 'language']).where('id', '=', institution.deputyUserId).where('isActive', '=', true).execute()
      : [];
  await mailPeople(ctx, trx, [...recipients, ...deputy], 'referralWaiting', consoleLink(ctx, `referrals/${referralId}`), 'referral-waiting');
}

/** Prepares a referral; it goes out at once unless settings want a supervisor's approval first. */
export async function forwardCase(ctx: AppContext, actor: Actor, caseId: string, input: z.infer<typeof createReferralRequestSchema>): Promise<string> {
  if (!can(referralPolicy, actor, 'create')) throw forbidden();
  const legalBasis = input.legalBasis ?? [];
  const unknown = legalBasis.filter((code) => !LEGAL_BASIS_CODES.has(code));
  if (unknown.length) throw validationFailed({ legalBasis: `Unknown: ${unknown.join(', ')}` });
  if (input.routingRuleId && !ROUTING_RULES.some((r) => r.id === input.routingRuleId)) throw validationFailed({ routingRuleId: 'Unknown rule' });
  const needsApproval = (await getSettings(ctx.db)).referralsNeedApproval && !can(referralPolicy, actor, 'approve');
  return ctx.db.transaction().execute(async (trx) => {
    const theCase = await trx.selectFrom('cases').select(['id']).where('id', '=', caseId).executeTakeFirst();
    if (!theCase) throw notFound('No such case');
    const institution = await trx.selectFrom('institutions').select(['id']).where('id', '=', input.institutionId).where('isActive', '=', true).executeTakeFirst();
    if (!institution) throw validationFailed({ institutionId: 'No such institution' });
    const reports = await trx.selectFrom('reports').select(['mayShareContact']).where('caseId', '=', caseId).execute();
    if (reports.length === 0) throw conflict('case_empty', 'The case has no reports to forward');
    if (input.includeReporterContact && !reports.some((r) => r.mayShareContact)) {
      throw validationFailed({ includeReporterContact: 'No reporter in this case agreed to share their details' });
    }
    const existing = await trx.selectFrom('referrals').select('id').where('caseId', '=', caseId).where('institutionId', '=', input.institutionId).executeTakeFirst();
    if (existing) throw conflict('already_forwarded', 'This case was already forwarded to this institution', { institutionId: 'Already forwarded' });
    const inserted = await trx
      .insertInto('referrals')
      .values({
        reference: `pending-${crypto.randomUUID()}`,
        caseId,
        institutionId: input.institutionId,
        urgency: input.urgency,
        reason: input.reason,
        legalBasis,
        includesReporterContact: input.includeReporterContact === true,
        routingRule: input.routingRuleId ?? null,
        routingRulesVersion: input.routingRuleId ? ROUTING_RULES_VERSION : null,
        status: 'pending-approval',
        sentBy: actor.id,
        acknowledgementDueAt: null,
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    const reference = `BZ-${new Date().getUTCFullYear()}-${String(inserted.number).padStart(6, '0')}`;
    await trx.updateTable('referrals').set({ reference }).where('id', '=', inserted.id).execute();
    if (!needsApproval) await dispatchReferral(ctx, trx, inserted.id);
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'referral.create',
      recordType: 'referral',
      recordId: inserted.id,
      details: { caseId, institutionId: input.institutionId, urgency: input.urgency, reference, routingRule: input.routingRuleId ?? null, awaitsApproval: needsApproval },
    });
    return inserted.id;
  });
}

export async function approveReferral(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const referral = await loadReferral(ctx, actor, id);
  if (!can(referralPolicy, actor, 'approve', referral)) throw forbidden();
  if (referral.status !== 'pending-approval') throw conflict('not_pending', 'This referral is not waiting for approval');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('referrals').set({ approvedBy: actor.id, approvedAt: new Date() }).where('id', '=', id).execute();
    await dispatchReferral(ctx, trx, id);
    await recordAudit(trx, { actor: auditActor(actor), action: 'referral.approve', recordType: 'referral', recordId: id });
  });
}

export async function listReferrals(ctx: AppContext, actor: Actor, q: { status?: string | undefined; isOverdue?: string | undefined; before?: string | undefined; limit?: number | undefined }) {
  if (!can(referralPolicy, actor, 'list')) throw forbidden();
  const limit = q.limit ?? 50;
  let query = referralsWithInstitution(ctx.db)
    .where((eb) => scopeFilter(referralPolicy, actor, 'list', eb))
    .orderBy('referrals.number', 'desc')
    .limit(limit + 1);
  if (q.status) query = query.where('referrals.status', '=', q.status as 'sent');
  if (q.isOverdue === 'true') query = query.where('referrals.acknowledgedAt', 'is', null).where('referrals.acknowledgementDueAt', '<', new Date());
  if (q.before) query = query.where(sql<boolean>`referrals.number < ${q.before}::bigint`);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  return { referrals: page.map(presentReferral), nextBefore: rows.length > limit ? String(page[page.length - 1]!.number) : null };
}

/**
 * A referral the actor may see, else 404 — and a refused look at another institution's
 * referral is audited (outside any transaction, so the refusal itself stays recorded).
 */
async function loadReferral(ctx: AppContext, actor: Actor, id: string) {
  const row = await referralsWithInstitution(ctx.db).where('referrals.id', '=', id).executeTakeFirst();
  if (!row || !can(referralPolicy, actor, 'read', row)) {
    if (row) await recordAudit(ctx.db, { actor: auditActor(actor), action: 'referral.read-refused', recordType: 'referral', recordId: id });
    throw notFound('No such referral');
  }
  return row;
}

export async function getReferral(ctx: AppContext, actor: Actor, id: string): Promise<ReferralDetail> {
  const row = await loadReferral(ctx, actor, id);
  const reports = await ctx.db.selectFrom('reports').selectAll().where('caseId', '=', row.caseId).orderBy('number').execute();
  const urls = reports.length
    ? await ctx.db.selectFrom('reportUrls').select(['reportId', 'url']).where('reportId', 'in', reports.map((r) => r.id)).orderBy('position').execute()
    : [];
  const assessments = reports.length
    ? await ctx.db
        .selectFrom('assessments')
        .select(['reportId', 'classification', 'version'])
        .where('reportId', 'in', reports.map((r) => r.id))
        .orderBy('version', 'desc')
        .execute()
    : [];
  const sharing = row.includesReporterContact ? reports.find((r) => r.mayShareContact && r.contactEnc) : undefined;
  const messages = await ctx.db
    .selectFrom('referralMessages')
    .innerJoin('users', 'users.id', 'referralMessages.authorId')
    .select(['referralMessages.id', 'referralMessages.side', 'users.displayName', 'referralMessages.body', 'referralMessages.sentAt'])
    .where('referralId', '=', id)
    .orderBy('referralMessages.id')
    .execute();
  await recordAudit(ctx.db, { actor: auditActor(actor), action: 'referral.read', recordType: 'referral', recordId: id, details: { contactShown: !!sharing } });
  return {
    ...presentReferral(row),
    reason: row.reason,
    legalBasis: row.legalBasis,
    routingRule: row.routingRule,
    outcomeNote: row.outcomeNote,
    outcomeAt: row.outcomeAt?.toISOString() ?? null,
    findings: reports.map((r) => ({
      reportNumber: String(r.number),
      category: r.category,
      description: r.description,
      urls: urls.filter((u) => u.reportId === r.id).map((u) => u.url),
      classification: assessments.find((a) => a.reportId === r.id)?.classification ?? null,
    })),
    reporterContact: sharing?.contactEnc ? (JSON.parse(decryptField(ctx.keys, sharing.contactEnc)) as ReferralDetail['reporterContact']) : null,
    messages: messages.map((m) => ({ id: String(m.id), side: m.side, authorName: m.displayName, body: m.body, sentAt: m.sentAt.toISOString() })),
  };
}

async function actOnReferral(ctx: AppContext, actor: Actor, id: string, action: 'acknowledge' | 'recordOutcome' | 'message', work: (trx: DbOrTrx, row: ReferralRow) => Promise<{ audit: string; details?: Record<string, unknown> }>) {
  const visible = await loadReferral(ctx, actor, id);
  if (!can(referralPolicy, actor, action, visible)) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    // Locked for the change, so two people acting at once do not both acknowledge.
    const row = await trx.selectFrom('referrals').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const { audit, details } = await work(trx, row);
    await recordAudit(trx, { actor: auditActor(actor), action: audit, recordType: 'referral', recordId: id, ...(details ? { details } : {}) });
  });
}

export const acknowledgeReferral = (ctx: AppContext, actor: Actor, id: string) =>
  actOnReferral(ctx, actor, id, 'acknowledge', async (trx, row) => {
    if (row.acknowledgedAt) throw conflict('already_acknowledged', 'The referral was already acknowledged');
    const { outcomeReminderDays } = await getSettings(ctx.db);
    const now = new Date();
    await trx
      .updateTable('referrals')
      .set({ status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: actor.id, outcomeReminderDueAt: new Date(now.getTime() + outcomeReminderDays * 86_400_000) })
      .where('id', '=', id)
      .execute();
    return { audit: 'referral.acknowledge', details: { late: row.acknowledgementDueAt !== null && row.acknowledgementDueAt < now } };
  });

export const recordOutcome = (ctx: AppContext, actor: Actor, id: string, outcome: Outcome, note: string) =>
  actOnReferral(ctx, actor, id, 'recordOutcome', async (trx, row) => {
    const now = new Date();
    await trx
      .updateTable('referrals')
      .set({ status: 'closed', outcome, outcomeNote: note, outcomeAt: now, outcomeBy: actor.id, ...(row.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedBy: actor.id }) })
      .where('id', '=', id)
      .execute();
    const sender = await trx.selectFrom('users').select(['email', 'language']).where('id', '=', row.sentBy).execute();
    await mailPeople(ctx, trx, sender, 'referralOutcome', consoleLink(ctx, `referrals/${id}`), 'referral-outcome');
    return { audit: 'referral.outcome', details: { outcome } };
  });

export const writeReferralMessage = (ctx: AppContext, actor: Actor, id: string, body: string) =>
  actOnReferral(ctx, actor, id, 'message', async (trx, row) => {
    const side = actor.roles.includes('institution-contact') && actor.institutionId === row.institutionId ? 'institution' : 'centre';
    await trx.insertInto('referralMessages').values({ referralId: id, side, authorId: actor.id, body }).execute();
    const recipients = side === 'institution' ? await trx.selectFrom('users').select(['email', 'language']).where('id', '=', row.sentBy).execute() : await contactPeople(trx, row.institutionId);
    await mailPeople(ctx, trx, recipients, 'referralMessage', consoleLink(ctx, `referrals/${id}`), 'referral-message');
    return { audit: 'referral.message', details: { side } };
  });

/**
 * The deadline watch (a job every few minutes): referrals not acknowledged in time alert the
 * supervisors and the institution's deputy, once; acknowledged ones without an outcome get a
 * reminder to the contact persons, once.
 */
export async function checkReferralDeadlines(ctx: AppContext, now = new Date()): Promise<{ overdue: number; reminded: number }> {
  const overdue = await ctx.db
    .selectFrom('referrals')
    .innerJoin('institutions', 'institutions.id', 'referrals.institutionId')
    .select(['referrals.id', 'referrals.institutionId', 'institutions.deputyUserId'])
    .where('referrals.acknowledgedAt', 'is', null)
    .where('referrals.overdueAlertedAt', 'is', null)
    .where('referrals.acknowledgementDueAt', '<', now)
    .execute();
  for (const referral of overdue) {
    await ctx.db.transaction().execute(async (trx) => {
      const supervisors = await trx.selectFrom('users').select(['email', 'language']).where('isActive', '=', true).where(sql<boolean>`'supervisor' = ANY (roles)`).execute();
      const deputy = referral.deputyUserId ? await trx.selectFrom('users').select(['email', 'language']).where('id', '=', referral.deputyUserId).where('isActive', '=', true).execute() : [];
      await mailPeople(ctx, trx, [...supervisors, ...deputy], 'referralOverdue', consoleLink(ctx, `referrals/${referral.id}`), 'referral-overdue');
      await trx.updateTable('referrals').set({ overdueAlertedAt: now }).where('id', '=', referral.id).execute();
      await recordAudit(trx, { actor: null, action: 'referral.overdue', recordType: 'referral', recordId: referral.id, details: { alerted: supervisors.length + deputy.length } });
    });
  }
  const due = await ctx.db
    .selectFrom('referrals')
    .select(['id', 'institutionId'])
    .where('outcome', 'is', null)
    .where('outcomeRemindedAt', 'is', null)
    .where('outcomeReminderDueAt', '<', now)
    .execute();
  for (const referral of due) {
    await ctx.db.transaction().execute(async (trx) => {
      await mailPeople(ctx, trx, await contactPeople(trx, referral.institutionId), 'referralReminder', consoleLink(ctx, `referrals/${referral.id}`), 'referral-reminder');
      await trx.updateTable('referrals').set({ outcomeRemindedAt: now }).where('id', '=', referral.id).execute();
      await recordAudit(trx, { actor: null, action: 'referral.outcome-reminder', recordType: 'referral', recordId: referral.id });
    });
  }
  return { overdue: overdue.length, reminded: due.length };
}
