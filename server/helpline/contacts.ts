// Helpline contacts: a counsellor logs each call, chat, e-mail… while it happens. A contact
// is saved as a draft with whatever is filled in; finalising checks it is complete, and every
// change after that keeps the earlier version. Callers are recognised by a keyed hash of the
// number or address they gave; the value itself is kept only when they agreed.
import { sql, type ExpressionBuilder } from 'kysely';
import type { AppContext } from '../context';
import type { DbOrTrx } from '../db/index';
import type { ContactRow, Database } from '../db/schema';
import type {
  Contact,
  ContactListQuery,
  ContactSummary,
  CreateContactRequest,
  UpdateContactRequest,
} from '../../common/schemas/helpline';
import { CURRENT_CATEGORY_VERSION, type ContactOutcome } from '../../common/helpline';
import type { Language } from '../../common/roles';
import type { Platform, ReportCategory } from '../../common/hotline';
import { searchKey } from '../../common/i18n/translit';
import { can, scopeFilter, type Actor } from '../auth/policy';
import { auditActor } from '../auth/request';
import { recordAudit } from '../audit/log';
import { conflict, forbidden, notFound, validationFailed } from '../http/errors';
import { submitReport } from '../hotline/submit';
import { decryptField, encryptField, keyedHash, type Keys } from '../security/keys';
import { contactPolicy, type ContactAction } from './policy';

/** The form a phone number or address is recognised in: +381 64 123 4567 = 064/123-4567. */
export function normaliseIdentifier(value: string): string {
  const trimmed = value.trim().toLowerCase();
  if (trimmed.includes('@')) return trimmed;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.startsWith('381')) digits = `0${digits.slice(3)}`;
  return digits;
}

/** The keyed hash e-mail intake and the counsellors' lookup share (purpose 'caller'). */
export const callerKey = (keys: Keys, value: string) => keyedHash(keys, 'caller', normaliseIdentifier(value));

const summaryColumns = [
  'contacts.id',
  'contacts.number',
  'contacts.status',
  'contacts.startedAt',
  'contacts.channel',
  'contacts.contactType',
  'contacts.callerType',
  'contacts.ageGroup',
  'contacts.primaryCategory',
  'contacts.outcome',
  'contacts.counsellorId',
  'contacts.caseId',
  'contacts.summary',
  'users.displayName as counsellorName',
  'cases.number as caseNumber',
] as const;

type SummaryRow = Pick<
  ContactRow,
  'id' | 'number' | 'status' | 'startedAt' | 'channel' | 'contactType' | 'callerType' | 'ageGroup' | 'primaryCategory' | 'outcome' | 'counsellorId' | 'caseId' | 'summary'
> & { counsellorName: string | null; caseNumber: string | null };

export const contactSummaries = (db: DbOrTrx) =>
  db.selectFrom('contacts').leftJoin('users', 'users.id', 'contacts.counsellorId').leftJoin('cases', 'cases.id', 'contacts.caseId').select(summaryColumns);

export function presentContactSummary(row: SummaryRow): ContactSummary {
  return {
    id: row.id,
    number: String(row.number),
    status: row.status as ContactSummary['status'],
    startedAt: row.startedAt.toISOString(),
    channel: row.channel as ContactSummary['channel'],
    contactType: row.contactType as ContactSummary['contactType'],
    callerType: row.callerType as ContactSummary['callerType'],
    ageGroup: row.ageGroup as ContactSummary['ageGroup'],
    primaryCategory: row.primaryCategory,
    outcome: row.outcome as ContactOutcome | null,
    counsellorId: row.counsellorId,
    counsellorName: row.counsellorName,
    caseId: row.caseId,
    caseNumber: row.caseNumber === null ? null : String(row.caseNumber),
    excerpt: row.summary.length > 160 ? `${row.summary.slice(0, 157)}…` : row.summary,
  };
}

type Fields = Omit<CreateContactRequest, 'finalise'>;

/** What a final contact must have: a data contact says who called and about what. */
function completenessErrors(c: { contactType: string; callerType?: string | null | undefined; primaryCategory?: string | null | undefined; outcome?: string | null | undefined }) {
  const errors: Record<string, string> = {};
  if (c.contactType === 'data') {
    if (!c.callerType) errors.callerType = 'Say who contacted the helpline before finalising';
    if (!c.primaryCategory) errors.primaryCategory = 'Choose the main issue before finalising';
    if (!c.outcome) errors.outcome = 'Choose the outcome before finalising';
  }
  return errors;
}

function consistencyErrors(c: Partial<Fields>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (c.primaryCategory && c.peripheralCategories?.includes(c.primaryCategory)) {
    errors.peripheralCategories = 'The main issue cannot also be a further issue';
  }
  if (c.contactType && c.contactType !== 'data' && c.primaryCategory) {
    errors.primaryCategory = 'Only a contact about a child or the caller carries issue categories';
  }
  return errors;
}

async function checkArticles(db: DbOrTrx, ids: string[] | undefined) {
  if (!ids?.length) return;
  const found = await db.selectFrom('adviceArticles').select('id').where('id', 'in', ids).execute();
  if (found.length !== new Set(ids).size) throw validationFailed({ adviceArticleIds: 'Unknown advice article' });
}

/** The columns a set of fields writes (undefined = leave as is). */
function columnsOf(keys: Keys, f: Partial<Fields>) {
  const identifier = f.callerIdentifier;
  return {
    ...(f.channel !== undefined && { channel: f.channel }),
    ...(f.contactType !== undefined && { contactType: f.contactType }),
    ...(f.callerType !== undefined && { callerType: f.callerType }),
    ...(f.ageGroup !== undefined && { ageGroup: f.ageGroup }),
    ...(f.gender !== undefined && { gender: f.gender }),
    ...(f.municipality !== undefined && { municipality: f.municipality }),
    ...(f.language !== undefined && { language: f.language }),
    ...(f.primaryCategory !== undefined && { primaryCategory: f.primaryCategory }),
    ...(f.peripheralCategories !== undefined && { peripheralCategories: [...new Set(f.peripheralCategories)] }),
    ...(f.platform !== undefined && { platform: f.platform }),
    ...(f.summary !== undefined && { summary: f.summary }),
    ...(f.adviceGiven !== undefined && { adviceGiven: f.adviceGiven }),
    ...(f.adviceArticleIds !== undefined && { adviceArticleIds: [...new Set(f.adviceArticleIds)] }),
    ...(f.outcome !== undefined && { outcome: f.outcome }),
    ...(f.callbackConsent !== undefined && { callbackConsent: f.callbackConsent }),
    ...(f.durationSeconds !== undefined && { durationSeconds: f.durationSeconds }),
    ...(f.startedAt !== undefined && { startedAt: f.startedAt }),
    ...(identifier !== undefined && {
      callerKey: identifier ? callerKey(keys, identifier.value) : null,
      callerIdentifierEnc: identifier?.keep ? encryptField(keys, identifier.value.trim()) : null,
    }),
  };
}

export async function createContact(ctx: AppContext, actor: Actor, input: CreateContactRequest): Promise<string> {
  if (!can(contactPolicy, actor, 'create')) throw forbidden();
  const { finalise, ...fields } = input;
  const errors = { ...consistencyErrors(fields), ...(finalise ? completenessErrors(fields) : {}) };
  if (Object.keys(errors).length) throw validationFailed(errors);
  return ctx.db.transaction().execute(async (trx) => {
    await checkArticles(trx, fields.adviceArticleIds);
    const now = new Date();
    const created = await trx
      .insertInto('contacts')
      .values({
        ...columnsOf(ctx.keys, fields),
        channel: fields.channel,
        contactType: fields.contactType,
        categoriesVersion: CURRENT_CATEGORY_VERSION,
        status: finalise ? 'final' : 'draft',
        finalisedAt: finalise ? now : null,
        counsellorId: actor.id,
        searchText: searchKey(`${fields.summary ?? ''} ${fields.adviceGiven ?? ''}`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: 'contact.create', recordType: 'contact', recordId: created.id, details: { channel: fields.channel, final: finalise } });
    return created.id;
  });
}

async function loadContact(db: DbOrTrx, actor: Actor, id: string, action: ContactAction, forUpdate = false): Promise<ContactRow> {
  let query = db.selectFrom('contacts').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const contact = await query.executeTakeFirst();
  if (!contact || !can(contactPolicy, actor, 'read', contact)) throw notFound('No such contact');
  if (!can(contactPolicy, actor, action, contact)) throw forbidden();
  return contact;
}

/** The stored fields of a contact, as kept in its version history. */
function snapshot(c: ContactRow) {
  const { searchText: _s, callerIdentifierEnc, callerKey: key, ...rest } = c;
  return { ...rest, hasCallerIdentifier: key !== null, keptCallerIdentifier: callerIdentifierEnc !== null };
}

/**
 * Changes a contact. A contact waiting for a counsellor becomes theirs; a final contact keeps
 * its previous version and must stay complete.
 */
export async function updateContact(ctx: AppContext, actor: Actor, id: string, patch: UpdateContactRequest, options: { finalise?: boolean } = {}): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadContact(trx, actor, id, 'update', true);
    const merged = { ...current, ...patch };
    const becomesFinal = options.finalise === true || current.status === 'final';
    const errors = { ...consistencyErrors(merged as Partial<Fields>), ...(becomesFinal ? completenessErrors(merged) : {}) };
    if (Object.keys(errors).length) throw validationFailed(errors);
    await checkArticles(trx, patch.adviceArticleIds);
    const now = new Date();
    const wasFinal = current.status === 'final';
    if (wasFinal) {
      await trx
        .insertInto('contactVersions')
        .values({ contactId: id, version: current.version, data: JSON.stringify(snapshot(current)), changedBy: actor.id })
        .execute();
    }
    await trx
      .updateTable('contacts')
      .set({
        ...columnsOf(ctx.keys, patch),
        ...(wasFinal && { version: current.version + 1 }),
        ...(current.counsellorId === null && { counsellorId: actor.id }),
        status: becomesFinal ? 'final' : 'draft',
        ...(becomesFinal && !wasFinal && { finalisedAt: now }),
        searchText: searchKey(`${merged.summary} ${merged.adviceGiven}`),
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: options.finalise && !wasFinal ? 'contact.finalise' : 'contact.update',
      recordType: 'contact',
      recordId: id,
      details: { changed: Object.keys(patch), ...(wasFinal && { version: current.version + 1 }) },
    });
  });
}

export async function getContact(ctx: AppContext, actor: Actor, id: string): Promise<Contact> {
  const row = await ctx.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !can(contactPolicy, actor, 'read', row)) {
    if (row) await recordAudit(ctx.db, { actor: auditActor(actor), action: 'contact.read-refused', recordType: 'contact', recordId: id });
    throw notFound('No such contact');
  }
  const [counsellor, theCase, articles, versions, transcript] = await Promise.all([
    row.counsellorId ? ctx.db.selectFrom('users').select('displayName').where('id', '=', row.counsellorId).executeTakeFirst() : undefined,
    row.caseId ? ctx.db.selectFrom('cases').select('number').where('id', '=', row.caseId).executeTakeFirst() : undefined,
    row.adviceArticleIds.length
      ? ctx.db.selectFrom('adviceArticles').select(['id', 'slug', 'titleSr', 'titleEn']).where('id', 'in', row.adviceArticleIds).execute()
      : [],
    ctx.db
      .selectFrom('contactVersions')
      .leftJoin('users', 'users.id', 'contactVersions.changedBy')
      .select(['contactVersions.version', 'contactVersions.changedAt', 'contactVersions.data', 'users.displayName'])
      .where('contactId', '=', id)
      .orderBy('version', 'desc')
      .execute(),
    row.chatId ? chatTranscript(ctx, row.chatId) : null,
  ]);
  await recordAudit(ctx.db, { actor: auditActor(actor), action: 'contact.read', recordType: 'contact', recordId: id });
  return {
    ...presentContactSummary({ ...row, counsellorName: counsellor?.displayName ?? null, caseNumber: theCase?.number ?? null }),
    adviceArticles: articles.map((a) => ({ id: a.id, titleSr: a.titleSr, titleEn: a.titleEn, publicPath: `/advice/${a.slug}` })),
    version: row.version,
    gender: row.gender as Contact['gender'],
    municipality: row.municipality,
    language: row.language as Language,
    categoriesVersion: row.categoriesVersion,
    peripheralCategories: row.peripheralCategories,
    platform: row.platform as Contact['platform'],
    summary: row.summary,
    adviceGiven: row.adviceGiven,
    adviceArticleIds: row.adviceArticleIds,
    callbackConsent: row.callbackConsent,
    hasCallerIdentifier: row.callerKey !== null,
    keptCallerIdentifier: row.callerIdentifierEnc ? decryptField(ctx.keys, row.callerIdentifierEnc) : null,
    durationSeconds: row.durationSeconds,
    reportId: row.reportId,
    chatId: row.chatId,
    emailThreadId: row.emailThreadId,
    finalisedAt: row.finalisedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    versions: versions.map((v) => ({ version: v.version, changedAt: v.changedAt.toISOString(), changedBy: v.displayName, data: v.data as Record<string, unknown> })),
    transcript,
  };
}

async function chatTranscript(ctx: AppContext, chatId: string): Promise<Contact['transcript']> {
  const chat = await ctx.db.selectFrom('chats').select('transcriptDeletedAt').where('id', '=', chatId).executeTakeFirst();
  if (!chat || chat.transcriptDeletedAt) return null;
  const messages = await ctx.db.selectFrom('chatMessages').select(['seq', 'sender', 'bodyEnc', 'sentAt']).where('chatId', '=', chatId).orderBy('seq').execute();
  return messages.map((m) => ({ seq: m.seq, sender: m.sender as 'visitor', body: decryptField(ctx.keys, m.bodyEnc), sentAt: m.sentAt.toISOString() }));
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

export async function listContacts(ctx: AppContext, actor: Actor, q: ContactListQuery) {
  if (!can(contactPolicy, actor, 'list')) throw forbidden();
  const limit = q.limit ?? 50;
  let query = contactSummaries(ctx.db).where((eb: ExpressionBuilder<Database, 'contacts'>) => scopeFilter(contactPolicy, actor, 'list', eb));
  if (q.status) query = query.where('contacts.status', '=', q.status);
  if (q.channel) query = query.where('contacts.channel', '=', q.channel);
  if (q.contactType) query = query.where('contacts.contactType', '=', q.contactType);
  if (q.category) {
    const category = q.category;
    query = query.where((eb) => eb.or([eb('contacts.primaryCategory', '=', category), sql<boolean>`${category} = ANY (contacts.peripheral_categories)`]));
  }
  if (q.counsellorId) query = query.where('contacts.counsellorId', '=', q.counsellorId === 'me' ? actor.id : q.counsellorId);
  if (q.municipality) query = query.where('contacts.municipality', '=', q.municipality);
  if (q.from) query = query.where('contacts.startedAt', '>=', new Date(q.from));
  if (q.to) query = query.where('contacts.startedAt', '<', new Date(q.to));
  if (q.q) query = query.where('contacts.searchText', 'like', `%${escapeLike(searchKey(q.q))}%`);
  if (q.before) query = query.where('contacts.number', '<', String(q.before));
  const rows = await query.orderBy('contacts.number', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  await recordAudit(ctx.db, {
    actor: auditActor(actor),
    action: 'contact.list',
    recordType: 'contact',
    details: { filters: Object.keys(q).filter((k) => k !== 'limit' && k !== 'before'), shown: page.length },
  });
  return { contacts: page.map(presentContactSummary), nextBefore: rows.length > limit ? Number(page[page.length - 1]!.number) : null };
}

/** Earlier contacts from the person who gave this number or address (by keyed hash only). */
export async function lookupCaller(ctx: AppContext, actor: Actor, identifier: string) {
  if (!can(contactPolicy, actor, 'lookupCaller')) throw forbidden();
  const rows = await contactSummaries(ctx.db)
    .where('contacts.callerKey', '=', callerKey(ctx.keys, identifier))
    .orderBy('contacts.startedAt', 'desc')
    .limit(50)
    .execute();
  await recordAudit(ctx.db, { actor: auditActor(actor), action: 'contact.lookup-caller', recordType: 'contact', details: { found: rows.length } });
  return { contacts: rows.map(presentContactSummary) };
}

/** The contacts of a case that the actor may see. */
export async function contactsOfCase(db: DbOrTrx, actor: Actor, caseId: string) {
  const rows = await contactSummaries(db)
    .where('contacts.caseId', '=', caseId)
    .where((eb) => scopeFilter(contactPolicy, actor, 'read', eb))
    .orderBy('contacts.number')
    .execute();
  return rows.map(presentContactSummary);
}

/**
 * A contact that turns out to be about content becomes a hotline report, prefilled from the
 * contact; the receipt is shown once so the counsellor can read it to the caller.
 */
export async function escalateContact(ctx: AppContext, actor: Actor, id: string, input: { category: ReportCategory; description: string; urls: string[] }) {
  const contact = await loadContact(ctx.db, actor, id, 'update');
  if (contact.reportId) throw conflict('already_escalated', 'This contact is already a hotline report');
  return submitReport(
    ctx,
    {
      category: input.category,
      description: input.description,
      urls: input.urls,
      ...(contact.platform && { platform: contact.platform as Platform }),
      ...(contact.municipality && { municipality: contact.municipality }),
      language: contact.language as Language,
    },
    null,
    async (trx, reportId) => {
      // Checked again under the row lock: of two escalations at once, the second rolls back.
      const linked = await trx
        .updateTable('contacts')
        .set((eb) => ({ reportId, outcome: eb.fn.coalesce('outcome', eb.val('referred-to-hotline')), updatedAt: new Date() }))
        .where('id', '=', id)
        .where('reportId', 'is', null)
        .executeTakeFirst();
      if (Number(linked.numUpdatedRows) === 0) throw conflict('already_escalated', 'This contact is already a hotline report');
      // A contact already in a case brings its report into the same case.
      const { caseId } = await trx.selectFrom('contacts').select('caseId').where('id', '=', id).executeTakeFirstOrThrow();
      if (caseId) await trx.updateTable('reports').set({ caseId, status: 'in-review' }).where('id', '=', reportId).execute();
      await recordAudit(trx, { actor: auditActor(actor), action: 'contact.escalate', recordType: 'contact', recordId: id, details: { reportId, caseId } });
    },
  );
}
