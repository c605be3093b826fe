// The one Markdown renderer of the advice library: the public pages, the console's article
// view and the editors' preview all use it, so what an editor previews is what the public
// gets. Raw HTML is escaped (html: false); links are allowed only to http(s), mailto, tel and
// this site; an image is shown as its description (the CSP would block other sites' images,
// and a remote image would tell a third party who reads about abuse).
import MarkdownIt from 'markdown-it';
import { toLatin } from '../../common/i18n/translit';
import type { Language } from '../../common/roles';

const ALLOWED_SCHEME = /^(https?:|mailto:|tel:)/i;

/** A link target an article may use: http(s), mailto, tel, a path on this site or a fragment. */
export function isAllowedLink(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed.includes('\\') || [...trimmed].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return false;
  if (ALLOWED_SCHEME.test(trimmed)) return true;
  if (trimmed.startsWith('#')) return true;
  return trimmed.startsWith('/') && !trimmed.startsWith('//');
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
md.validateLink = isAllowedLink;
// An image shows as its description: nothing is loaded from anywhere.
md.renderer.rules.image = (tokens, idx, _options, env, self) => md.utils.escapeHtml(self.renderInlineAsText(tokens[idx]!.children ?? [], _options, env));

const isExternal = (href: string) => /^https?:/i.test(href);

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  const href = token.attrGet('href') ?? '';
  if (isExternal(href)) token.attrSet('rel', 'noopener noreferrer');
  return self.renderToken(tokens, idx, options);
};

// The page's <h1> is the article's title: a "# heading" in a body becomes a second-level one.
const demoteH1: NonNullable<typeof md.renderer.rules.heading_open> = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  if (token.tag === 'h1') token.tag = 'h2';
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_open = demoteH1;
md.renderer.rules.heading_close = demoteH1;

export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}

/** An article body in a site language: Serbian Latin is generated from the Cyrillic source. */
export function renderArticleBody(article: { bodySr: string; bodyEn: string }, language: Language): string {
  if (language === 'en') return renderMarkdown(article.bodyEn);
  return renderMarkdown(language === 'sr-Latn' ? toLatin(article.bodySr) : article.bodySr);
}
