// The public advice library: a searchable list and printable article pages, server-rendered,
// working without JavaScript. Only published articles exist here; a draft is a 404. Serbian
// Latin is generated from the Cyrillic text at render time.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import type { AdviceArticleRow } from '../db/schema';
import { HELPLINE_CATEGORIES, type HelplineCategory } from '../../common/helpline';
import { ADVICE_SLUG_PATTERN } from '../../common/schemas/advice';
import { toLatin } from '../../common/i18n/translit';
import type { Language } from '../../common/roles';
import { renderPage, type PageContext } from '../public-site/layout';
import { pageContext, renderPublicNotFound, sendHtml } from '../public-site/routes';
import { articleInLanguage, findPublished, publishedCategories, searchPublished } from './articles';

const LOCALES: Record<Language, string> = { 'sr-Cyrl': 'sr-Cyrl-RS', 'sr-Latn': 'sr-Latn-RS', en: 'en-GB' };
const isCategory = (value: unknown): value is HelplineCategory => typeof value === 'string' && (HELPLINE_CATEGORIES as readonly string[]).includes(value);
const formatDate = (date: Date, language: Language) => new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'Europe/Belgrade' }).format(date);
const tel = (phone: string) => `tel:${phone.replace(/\s/g, '')}`;

function HelpBox({ page }: { page: PageContext }) {
  const { t, helplinePhone } = page;
  return (
    <aside className="advice-help" aria-labelledby="advice-help-title">
      <h2 id="advice-help-title">{t('advice.public.helpTitle')}</h2>
      <p>{t('advice.public.helpText', { phone: helplinePhone })}</p>
      <p className="advice-help-links">
        <a href={tel(helplinePhone)} className="phone">{helplinePhone}</a>
        <a href="/report">{t('advice.public.reportLink')}</a>
      </p>
    </aside>
  );
}

export function renderAdviceList(
  page: PageContext,
  options: { articles: AdviceArticleRow[]; q: string; category: HelplineCategory | ''; categories: string[] },
): string {
  const { t, language } = page;
  const shown = options.articles.map((row) => articleInLanguage(row, language, toLatin));
  const offered = HELPLINE_CATEGORIES.filter((c) => options.categories.includes(c) || c === options.category);
  const isFiltered = options.q !== '' || options.category !== '';
  return renderPage(
    page,
    t('advice.public.title'),
    <>
      <h1>{t('advice.public.title')}</h1>
      <p className="lead">{t('advice.public.lead')}</p>
      <form role="search" method="get" action="/advice" className="advice-search" aria-label={t('advice.public.searchLabel')}>
        <div className="field">
          <label htmlFor="advice-q">{t('advice.public.searchLabel')}</label>
          <p className="hint" id="advice-q-hint">{t('advice.public.searchHint')}</p>
          <input type="search" id="advice-q" name="q" defaultValue={options.q} maxLength={200} aria-describedby="advice-q-hint" />
        </div>
        <div className="field">
          <label htmlFor="advice-category">{t('advice.public.category')}</label>
          <select id="advice-category" name="category" defaultValue={options.category}>
            <option value="">{t('advice.public.allCategories')}</option>
            {offered.map((c) => (
              <option key={c} value={c}>{t(`advice.categories.${c}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">{t('advice.public.search')}</button>
      </form>
      {isFiltered && (
        <p className="advice-count" role="status">
          {shown.length === 0 ? t('advice.public.noResults') : t('advice.public.results', { count: shown.length })}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="advice-list">
          {shown.map((article) => (
            <li key={article.slug}>
              <h2><a href={`/advice/${article.slug}`}>{article.title}</a></h2>
              {article.summary && <p>{article.summary}</p>}
              <p className="advice-topics-inline">
                {article.categories.filter(isCategory).map((c) => t(`advice.categories.${c}`)).join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <HelpBox page={page} />
    </>,
  );
}

export function renderAdviceArticle(page: PageContext, row: AdviceArticleRow): string {
  const { t, language } = page;
  const article = articleInLanguage(row, language, toLatin);
  const topics = article.categories.filter(isCategory);
  return renderPage(
    page,
    article.title,
    <article className="advice-article" aria-labelledby="advice-title">
      <p className="advice-back"><a href="/advice">{t('advice.public.back')}</a></p>
      <h1 id="advice-title">{article.title}</h1>
      {article.needsReview && <p className="advice-review-note" role="note">{t('advice.reviewNote')}</p>}
      {article.summary && <p className="lead">{article.summary}</p>}
      <div className="advice-body" dangerouslySetInnerHTML={{ __html: article.html }} />
      <p className="advice-meta">
        {t('advice.public.updated')}: <time dateTime={article.updatedAt.toISOString()}>{formatDate(article.updatedAt, language)}</time>
      </p>
      {topics.length > 0 && (
        <nav className="advice-topics" aria-label={t('advice.public.topics')}>
          <ul>
            {topics.map((c) => (
              <li key={c}><a href={`/advice?category=${c}`}>{t(`advice.categories.${c}`)}</a></li>
            ))}
          </ul>
        </nav>
      )}
      <p className="advice-print-hint">{t('advice.public.printHint')}</p>
      <HelpBox page={page} />
    </article>,
  );
}

const firstString = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '');

export async function advicePageRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Public pages never refuse a query: anything unexpected is simply no filter.
  app.get('/advice', { schema: { hide: true } }, async (request: FastifyRequest<{ Querystring: Record<string, unknown> }>, reply) => {
    const q = firstString(request.query.q).trim().slice(0, 200);
    const wanted = firstString(request.query.category);
    const category = isCategory(wanted) ? wanted : '';
    const page = await pageContext(ctx, request);
    const articles = await searchPublished(ctx.db, { q, category });
    const categories = await publishedCategories(ctx.db);
    return sendHtml(reply, renderAdviceList(page, { articles, q, category, categories }));
  });

  app.get('/advice/:slug', { schema: { hide: true } }, async (request: FastifyRequest<{ Params: { slug: string } }>, reply) => {
    const { slug } = request.params;
    const row = slug.length <= 80 && ADVICE_SLUG_PATTERN.test(slug) ? await findPublished(ctx.db, slug) : undefined;
    if (!row) return renderPublicNotFound(ctx, request, reply);
    return sendHtml(reply, renderAdviceArticle(await pageContext(ctx, request), row));
  });
}
