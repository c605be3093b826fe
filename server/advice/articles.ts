// Advice articles: search (staff and public), reading, writing and publishing. Every change is
// audited with the names of the fields that changed. search_text holds one script- and
// diacritic-free form of both languages (titles first), matched with a trigram index.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { AppContext } from '../context';
import type { Database, AdviceArticleRow } from '../db/schema';
import type { DbOrTrx } from '../db/index';
import type { Language } from '../../common/roles';
import { searchKey } from '../../common/i18n/translit';
import { adviceMessages } from '../../common/i18n/messages/advice';
import type { HelplineCategory } from '../../common/helpline';
import type {
  AdviceArticle,
  AdviceListQuery,
  AdviceStatus,
  AdviceSummary,
  CreateAdviceRequest,
  UpdateAdviceRequest,
} from '../../common/schemas/advice';
import { recordAudit } from '../audit/log';
import { can, type Actor } from '../auth/policy';
import { auditActor } from '../auth/request';
import { conflict, forbidden, notFound } from '../http/errors';
import { advicePolicy } from './policy';
import { renderArticleBody } from './markdown';

export const SEARCH_LIMIT = 50;
const MAX_SEARCH_WORDS = 8;

type ArticleText = Pick<AdviceArticleRow, 'slug' | 'categories' | 'titleSr' | 'titleEn' | 'summarySr' | 'summaryEn' | 'bodySr' | 'bodyEn'>;

/** What search matches: titles first (so a match's position ranks it), then summaries, bodies, topics. */
export function articleSearchText(a: ArticleText): string {
  const topics = a.categories.flatMap((c) => {
    const code = c as HelplineCategory;
    return [adviceMessages['sr-Cyrl'].categories[code] ?? '', adviceMessages.en.categories[code] ?? '', c];
  });
  return searchKey([a.titleSr, a.titleEn, a.summarySr, a.summaryEn, a.slug, a.bodySr, a.bodyEn, ...topics].join('\n'));
}

/** The words of a search as search keys; punctuation splits words. */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return searchKey(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, MAX_SEARCH_WORDS);
}

const likePattern = (word: string) => `%${word.replace(/[%_\\]/g, '\\$&')}%`;

function applySearch<O>(query: SelectQueryBuilder<Database, 'adviceArticles', O>, words: string[]) {
  for (const word of words) query = query.where('adviceArticles.searchText', 'like', likePattern(word));
  // Earlier matches rank first: a word in a title comes before one in a body.
  if (words[0]) query = query.orderBy(sql`strpos(advice_articles.search_text, ${words[0]})`);
  return query;
}

export const publicPathOf = (slug: string) => `/advice/${slug}`;

function presentSummary(row: AdviceArticleRow): AdviceSummary {
  return {
    id: row.id,
    slug: row.slug,
    categories: row.categories,
    status: row.status as AdviceStatus,
    needsReview: row.needsReview,
    titleSr: row.titleSr,
    titleEn: row.titleEn,
    summarySr: row.summarySr,
    summaryEn: row.summaryEn,
    updatedAt: row.updatedAt.toISOString(),
    publicPath: publicPathOf(row.slug),
  };
}

export async function listArticles(db: DbOrTrx, actor: Actor, q: AdviceListQuery): Promise<AdviceSummary[]> {
  if (!can(advicePolicy, actor, 'read')) throw forbidden();
  let query = db.selectFrom('adviceArticles').selectAll();
  if (q.category) query = query.where(sql<boolean>`${q.category} = ANY(advice_articles.categories)`);
  if (q.status) query = query.where('status', '=', q.status);
  query = applySearch(query, searchWords(q.q)).orderBy('titleSr').limit(SEARCH_LIMIT);
  return (await query.execute()).map(presentSummary);
}

export async function getArticle(ctx: AppContext, actor: Actor, id: string): Promise<AdviceArticle> {
  if (!can(advicePolicy, actor, 'read')) throw notFound('No such article');
  const row = await ctx.db
    .selectFrom('adviceArticles')
    .leftJoin('users', 'users.id', 'adviceArticles.updatedBy')
    .selectAll('adviceArticles')
    .select('users.displayName as updatedByName')
    .where('adviceArticles.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('No such article');
  const base = ctx.config.publicBaseUrl?.replace(/\/+$/, '');
  return {
    ...presentSummary(row),
    bodySr: row.bodySr,
    bodyEn: row.bodyEn,
    html: { 'sr-Cyrl': renderArticleBody(row, 'sr-Cyrl'), 'sr-Latn': renderArticleBody(row, 'sr-Latn'), en: renderArticleBody(row, 'en') },
    publicUrl: base ? `${base}${publicPathOf(row.slug)}` : null,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
    updatedByName: row.updatedByName ?? null,
  };
}

async function ensureSlugFree(db: DbOrTrx, slug: string, exceptId?: string): Promise<void> {
  let query = db.selectFrom('adviceArticles').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw conflict('slug_taken', 'Another article has this address', { slug: 'Another article has this address' });
}

export async function createArticle(ctx: AppContext, actor: Actor, input: CreateAdviceRequest): Promise<string> {
  if (!can(advicePolicy, actor, 'edit')) throw forbidden();
  return ctx.db.transaction().execute(async (trx) => {
    await ensureSlugFree(trx, input.slug);
    const row = await trx
      .insertInto('adviceArticles')
      .values({
        ...input,
        searchText: articleSearchText(input),
        createdBy: actor.id,
        updatedBy: actor.id,
        publishedAt: input.status === 'published' ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'advice.create',
      recordType: 'advice_article',
      recordId: row.id,
      details: { slug: input.slug, status: input.status, needsReview: input.needsReview },
    });
    return row.id;
  });
}

/** Publishing, taking back and the review mark are their own audit actions; anything else is an update. */
function auditAction(before: AdviceArticleRow, change: UpdateAdviceRequest): string {
  if (change.status && change.status !== before.status) return change.status === 'published' ? 'advice.publish' : 'advice.unpublish';
  if (change.needsReview !== undefined && change.needsReview !== before.needsReview && Object.keys(change).length === 1) {
    return change.needsReview ? 'advice.review-requested' : 'advice.reviewed';
  }
  return 'advice.update';
}

export async function updateArticle(ctx: AppContext, actor: Actor, id: string, change: UpdateAdviceRequest): Promise<void> {
  if (!can(advicePolicy, actor, 'read')) throw notFound('No such article');
  if (!can(advicePolicy, actor, 'edit')) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('adviceArticles').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('No such article');
    if (change.slug && change.slug !== before.slug) await ensureSlugFree(trx, change.slug, id);
    const after = { ...before, ...change };
    const changed = (Object.keys(change) as (keyof UpdateAdviceRequest)[]).filter((key) => JSON.stringify(change[key]) !== JSON.stringify(before[key]));
    const publishedAt =
      change.status === 'published' && before.status !== 'published' ? new Date() : change.status === 'draft' ? null : before.publishedAt;
    await trx
      .updateTable('adviceArticles')
      .set({ ...change, searchText: articleSearchText(after), updatedBy: actor.id, updatedAt: new Date(), publishedAt })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: auditAction(before, change),
      recordType: 'advice_article',
      recordId: id,
      details: { fields: changed, slug: after.slug },
    });
  });
}

// --- The public site: published articles only. ---

export interface PublicArticle {
  slug: string;
  categories: string[];
  title: string;
  summary: string;
  html: string;
  needsReview: boolean;
  updatedAt: Date;
}

export function articleInLanguage(row: AdviceArticleRow, language: Language, toLatin: (s: string) => string): PublicArticle {
  const isEnglish = language === 'en';
  const serbian = (text: string) => (language === 'sr-Latn' ? toLatin(text) : text);
  return {
    slug: row.slug,
    categories: row.categories,
    title: isEnglish ? row.titleEn : serbian(row.titleSr),
    summary: isEnglish ? row.summaryEn : serbian(row.summarySr),
    html: renderArticleBody(row, language),
    needsReview: row.needsReview,
    updatedAt: row.updatedAt,
  };
}

export async function searchPublished(db: DbOrTrx, options: { q?: string | undefined; category?: string | undefined }): Promise<AdviceArticleRow[]> {
  let query = db.selectFrom('adviceArticles').selectAll().where('status', '=', 'published');
  if (options.category) query = query.where(sql<boolean>`${options.category} = ANY(advice_articles.categories)`);
  query = applySearch(query, searchWords(options.q)).orderBy('publishedAt', 'asc').orderBy('titleSr').limit(SEARCH_LIMIT);
  return query.execute();
}

/** The categories that have at least one published article (the public filter offers only these). */
export async function publishedCategories(db: DbOrTrx): Promise<string[]> {
  const rows = await db
    .selectFrom('adviceArticles')
    .select(sql<string>`unnest(advice_articles.categories)`.as('category'))
    .where('status', '=', 'published')
    .execute();
  return [...new Set(rows.map((r) => r.category))];
}

export async function findPublished(db: DbOrTrx, slug: string): Promise<AdviceArticleRow | undefined> {
  return db.selectFrom('adviceArticles').selectAll().where('slug', '=', slug).where('status', '=', 'published').executeTakeFirst();
}
