// The advice library: the staff API (search across scripts, writing, publishing, audit), the
// sanitised Markdown, the public pages (drafts are not public, Latin generated), the starting
// set, the permission matrix and bad input for every endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../common/roles';
import { toLatin } from '../../common/i18n/translit';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../test/helpers/factories';
import { expectRejectsBadInput } from '../../test/helpers/bad-input';
import { matrixTests, type MatrixAction } from '../../test/helpers/matrix';
import { renderMarkdown, isAllowedLink } from './markdown';
import { seedStarterArticles, STARTER_ARTICLES, starterBody } from './starter';

let p: TestPlatform;
const clients = new Map<Role, Client>();
let supervisor: Client;
let counsellor: Client;
let publishedId: string;
let draftId: string;
let n = 0;

const article = (overrides: Record<string, unknown> = {}) => ({
  slug: `test-article-${++n}-${Math.random().toString(36).slice(2, 6)}`,
  categories: ['cyberbullying'],
  titleSr: 'Шта да радиш када те неко малтретира',
  summarySr: 'Кратак савет за децу.',
  bodySr: '## Корак по корак\n\n1. Сачувај доказе.\n2. Позови 19833.',
  titleEn: 'What to do when someone bullies you',
  summaryEn: 'Short advice for children.',
  bodyEn: '## Step by step\n\n1. Keep the evidence.\n2. Call 19833.',
  ...overrides,
});

/** The names of every attribute of every tag (text and escaped attribute values are not tags). */
const attributeNames = (html: string) =>
  [...html.matchAll(/<[a-z][a-z0-9]*((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)].flatMap((tag) => [...(tag[1] ?? '').matchAll(/\s+([^\s=>]+)(?:="[^"]*")?/g)].map((a) => a[1]!.toLowerCase()));

const page = (url: string, language?: string) =>
  p.app.inject({ method: 'GET', url, ...(language ? { cookies: { bezbedno_lang: language } } : {}) });

beforeAll(async () => {
  p = await createTestPlatform();
  for (const role of ROLES) clients.set(role, await signIn(p.app, await createUser(p.ctx, { roles: [role] })));
  supervisor = clients.get('supervisor')!;
  counsellor = clients.get('counsellor')!;
  const published = await supervisor.post('/api/v1/advice', article({ slug: 'published-one', status: 'published', titleSr: 'Ђачко насиље на друштвеним мрежама', titleEn: 'Bullying among pupils on social media' }));
  expect(published.statusCode, published.body).toBe(201);
  publishedId = published.json().id;
  const draft = await supervisor.post('/api/v1/advice', article({ slug: 'secret-draft', titleSr: 'Нацрт о џиновским жабама', titleEn: 'Draft about giant frogs' }));
  expect(draft.statusCode, draft.body).toBe(201);
  draftId = draft.json().id;
}, 120_000);
afterAll(async () => p?.close());

describe('staff API', () => {
  it('lists articles with the contract fields and the public path', async () => {
    const response = await counsellor.get('/api/v1/advice');
    expect(response.statusCode).toBe(200);
    const found = response.json().articles.find((a: { id: string }) => a.id === publishedId);
    expect(found).toEqual({
      id: publishedId,
      slug: 'published-one',
      categories: ['cyberbullying'],
      status: 'published',
      needsReview: true,
      titleSr: 'Ђачко насиље на друштвеним мрежама',
      titleEn: 'Bullying among pupils on social media',
      summarySr: 'Кратак савет за децу.',
      summaryEn: 'Short advice for children.',
      updatedAt: expect.any(String),
      publicPath: '/advice/published-one',
    });
  });

  it('finds an article by Cyrillic, Latin, diacritic-free and English words, and by topic name', async () => {
    for (const q of ['Ђачко', 'đačko', 'djacko', 'DJACKO nasilje', 'pupils social', 'Дигитално насиље', 'digitalno']) {
      const response = await counsellor.get(`/api/v1/advice?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(200);
      expect(response.json().articles.map((a: { id: string }) => a.id), q).toContain(publishedId);
    }
    const none = await counsellor.get(`/api/v1/advice?q=${encodeURIComponent('жабе насиље pupils xyzzy')}`);
    expect(none.json().articles).toEqual([]);
  });

  it('ranks a title match before a body match', async () => {
    const inBody = await supervisor.post('/api/v1/advice', article({ bodyEn: 'Somewhere deep in the text: zanzibar.' }));
    const inTitle = await supervisor.post('/api/v1/advice', article({ titleEn: 'Zanzibar first' }));
    const response = await counsellor.get('/api/v1/advice?q=zanzibar');
    expect(response.json().articles.map((a: { id: string }) => a.id)).toEqual([inTitle.json().id, inBody.json().id]);
  });

  it('filters by category and status; empty filters and punctuation-only searches mean no filter', async () => {
    const drafts = await counsellor.get('/api/v1/advice?status=draft');
    expect(drafts.json().articles.every((a: { status: string }) => a.status === 'draft')).toBe(true);
    expect(drafts.json().articles.map((a: { id: string }) => a.id)).toContain(draftId);
    const sextortion = await counsellor.get('/api/v1/advice?category=sextortion');
    expect(sextortion.json().articles).toEqual([]);
    const empty = await counsellor.get('/api/v1/advice?q=&category=&status=');
    expect(empty.statusCode).toBe(200);
    expect(empty.json().articles.length).toBeGreaterThanOrEqual(2);
    for (const q of ['%25', '_', '%25%25_']) expect((await counsellor.get(`/api/v1/advice?q=${q}`)).json().articles).toHaveLength(empty.json().articles.length);
    expect((await counsellor.get('/api/v1/advice?q=xq%25zq')).json().articles).toEqual([]);
  });

  it('reads one article with both bodies rendered, Serbian Latin generated', async () => {
    const response = await counsellor.get(`/api/v1/advice/${publishedId}`);
    expect(response.statusCode).toBe(200);
    const { article: a } = response.json();
    expect(a.bodySr).toContain('Сачувај доказе');
    expect(a.html['sr-Cyrl']).toContain('<h2>Корак по корак</h2>');
    expect(a.html['sr-Latn']).toContain('<h2>Korak po korak</h2>');
    expect(a.html.en).toContain('<li>Keep the evidence.</li>');
    expect(a.publicPath).toBe('/advice/published-one');
    expect((await counsellor.get('/api/v1/advice/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('edits, publishes, takes back and clears the review mark, auditing each', async () => {
    const created = await supervisor.post('/api/v1/advice', article());
    const id = created.json().id;
    const edited = await supervisor.patch(`/api/v1/advice/${id}`, { titleEn: 'A better title', categories: ['sextortion', 'sexting'] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().article.titleEn).toBe('A better title');
    expect((await counsellor.get('/api/v1/advice?q=better%20title')).json().articles.map((a: { id: string }) => a.id)).toContain(id);

    const published = await supervisor.patch(`/api/v1/advice/${id}`, { status: 'published' });
    expect(published.json().article.status).toBe('published');
    expect(published.json().article.publishedAt).not.toBeNull();
    const reviewed = await supervisor.patch(`/api/v1/advice/${id}`, { needsReview: false });
    expect(reviewed.json().article.needsReview).toBe(false);
    const back = await supervisor.patch(`/api/v1/advice/${id}`, { status: 'draft' });
    expect(back.json().article.publishedAt).toBeNull();

    const audit = await p.ctx.db.selectFrom('auditLog').select(['action', 'details']).where('recordId', '=', id).orderBy('id').execute();
    expect(audit.map((e) => e.action)).toEqual(['advice.create', 'advice.update', 'advice.publish', 'advice.reviewed', 'advice.unpublish']);
    expect(audit[1]!.details, JSON.stringify(audit[1])).toMatchObject({ fields: expect.arrayContaining(['titleEn', 'categories']) });
    expect((audit[1]!.details as { fields: string[] }).fields).toHaveLength(2);
  });

  it('refuses a taken address (409) and Serbian written in Latin (400)', async () => {
    const taken = await supervisor.post('/api/v1/advice', article({ slug: 'published-one' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields).toHaveProperty('slug');
    const renamed = await supervisor.patch(`/api/v1/advice/${draftId}`, { slug: 'published-one' });
    expect(renamed.statusCode).toBe(409);
    const latin = await supervisor.post('/api/v1/advice', article({ titleSr: 'Sta da radis', bodySr: 'Sacuvaj dokaze.' }));
    expect(latin.statusCode).toBe(400);
    expect(Object.keys(latin.json().error.fields)).toEqual(expect.arrayContaining(['titleSr', 'bodySr']));
    const nothing = await supervisor.patch(`/api/v1/advice/${draftId}`, {});
    expect(nothing.statusCode).toBe(400);
    const unknownCategory = await supervisor.post('/api/v1/advice', article({ categories: ['not-a-category'] }));
    expect(unknownCategory.statusCode).toBe(400);
  });
});

describe('Markdown is sanitised', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click]( javascript:alert(1))',
    '[click](vbscript:msgbox(1))',
    '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[click](//evil.example/x)',
    '<javascript:alert(1)>',
    '![x](https://tracker.example/p.png)',
    '<iframe src="https://evil.example"></iframe>',
    '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
    '<div style="background:url(javascript:alert(1))">x</div>',
  ].join('\n\n');

  it('escapes raw HTML and drops scripts, handlers, script links and images', () => {
    const html = renderMarkdown(hostile);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<div/i);
    expect(attributeNames(html).filter((name) => name.startsWith('on') || name === 'style' || name === 'src')).toEqual([]);
    expect(html).not.toMatch(/href="\s*(javascript|vbscript|data):/i);
    expect(html).not.toMatch(/href="\/\//);
    expect(html).toContain('&lt;script&gt;');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    // Only plain web links survive (the iframe's address is shown as escaped text, and linked).
    expect(hrefs).toEqual(['https://evil.example', 'https://ok.example']);
  });

  it('keeps safe links, adds rel to external ones and links bare addresses', () => {
    const html = renderMarkdown('[report](/report) [call](tel:19833) [mail](mailto:pomoc@example.rs) [site](https://takeitdown.ncmec.org) see https://stopncii.org');
    expect(html).toContain('<a href="/report">report</a>');
    expect(html).toContain('<a href="tel:19833">call</a>');
    expect(html).toContain('<a href="mailto:pomoc@example.rs">mail</a>');
    expect(html).toContain('<a href="https://takeitdown.ncmec.org" rel="noopener noreferrer">site</a>');
    expect(html).toContain('<a href="https://stopncii.org" rel="noopener noreferrer">https://stopncii.org</a>');
    expect(isAllowedLink('ftp://x')).toBe(false);
    expect(isAllowedLink('/\\evil.example')).toBe(false);
  });

  it('turns a body # heading into h2 (the page title is the h1)', () => {
    expect(renderMarkdown('# Title')).toBe('<h2>Title</h2>\n');
  });

  it('previews through the same renderer for editors', async () => {
    const response = await supervisor.post('/api/v1/advice/preview', { markdown: '## Hi\n\n<script>x</script> [a](javascript:x)' });
    expect(response.statusCode).toBe(200);
    expect(response.json().html).toBe(renderMarkdown('## Hi\n\n<script>x</script> [a](javascript:x)'));
    expect(response.json().html).not.toMatch(/<script|href="javascript/);
  });

  it('never lets raw HTML from an article reach the public page', async () => {
    const created = await supervisor.post('/api/v1/advice', article({ slug: 'hostile-body', status: 'published', bodyEn: hostile, bodySr: `Текст\n\n${hostile}` }));
    expect(created.statusCode, created.body).toBe(201);
    for (const language of ['en', 'sr-Cyrl', 'sr-Latn']) {
      const html = (await page('/advice/hostile-body', language)).body;
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      expect(main).not.toMatch(/<script|<img|<iframe|href="\s*javascript:/i);
      expect(attributeNames(main).filter((name) => name.startsWith('on') || name === 'style')).toEqual([]);
    }
  });
});

describe('public pages', () => {
  it('shows published articles in the list and on their page, in Cyrillic by default', async () => {
    const list = await page('/advice');
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/html');
    expect(list.body).toContain('href="/advice/published-one"');
    expect(list.body).toContain('Ђачко насиље на друштвеним мрежама');
    expect(list.body).not.toContain('secret-draft');
    expect(list.body).not.toContain('џиновским');

    const one = await page('/advice/published-one');
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('<h1 id="advice-title">Ђачко насиље на друштвеним мрежама</h1>');
    expect(one.body).toContain('Овај текст још треба да прегледа Центар.');
    expect(one.body).toContain('href="/report"');
    expect(one.body).not.toMatch(/ style=|<script>/); // strict CSP: no inline styles or scripts
  });

  it('generates Serbian Latin and shows English from the language cookie', async () => {
    const latin = await page('/advice/published-one', 'sr-Latn');
    expect(latin.body).toContain('lang="sr-Latn"');
    expect(latin.body).toContain(toLatin('Ђачко насиље на друштвеним мрежама'));
    expect(latin.body).toContain('Korak po korak');
    expect(latin.body).toContain('Sačuvaj dokaze.');
    const main = latin.body.slice(latin.body.indexOf('<main'), latin.body.indexOf('</main>'));
    expect(main).not.toMatch(/\p{Script=Cyrillic}/u);
    const english = await page('/advice/published-one', 'en');
    expect(english.body).toContain('Bullying among pupils on social media');
    expect(english.body).toContain('This text is still to be reviewed by the centre.');
  });

  it('hides the review note once the centre has reviewed the article', async () => {
    await supervisor.patch(`/api/v1/advice/${publishedId}`, { needsReview: false });
    expect((await page('/advice/published-one', 'en')).body).not.toContain('to be reviewed by the centre');
    await supervisor.patch(`/api/v1/advice/${publishedId}`, { needsReview: true });
  });

  it('answers a draft, an unknown and a malformed address with 404', async () => {
    for (const url of ['/advice/secret-draft', '/advice/no-such-article', '/advice/..%2Fetc', `/advice/${'a'.repeat(100)}`]) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('џиновским');
    }
  });

  it('searches across scripts and filters by topic without JavaScript; odd queries are no filter', async () => {
    const found = await page('/advice?q=djacko');
    expect(found.body).toContain('href="/advice/published-one"');
    expect(found.body).toMatch(/Пронађен/);
    const draftWords = await page(`/advice?q=${encodeURIComponent('жабе')}`);
    expect(draftWords.body).not.toContain('secret-draft');
    const byTopic = await page('/advice?category=cyberbullying');
    expect(byTopic.body).toContain('href="/advice/published-one"');
    const otherTopic = await page('/advice?category=suicide');
    expect(otherTopic.body).not.toContain('href="/advice/published-one"');
    for (const url of ['/advice?category=nonsense', '/advice?q[]=a&q[]=b', `/advice?q=${'x'.repeat(5000)}`]) {
      expect((await page(url)).statusCode, url).toBe(200);
    }
  });

  it('takes an article off the public site when it goes back to draft', async () => {
    const created = await supervisor.post('/api/v1/advice', article({ slug: 'comes-and-goes', status: 'published' }));
    expect((await page('/advice/comes-and-goes')).statusCode).toBe(200);
    await supervisor.patch(`/api/v1/advice/${created.json().id}`, { status: 'draft' });
    expect((await page('/advice/comes-and-goes')).statusCode).toBe(404);
  });
});

describe('starting set', () => {
  it('has every article in Cyrillic Serbian and English, 300–700 words, with 19833 and a valid topic', () => {
    for (const a of STARTER_ARTICLES) {
      for (const language of ['sr', 'en'] as const) {
        const body = starterBody(a.slug, language);
        const words = body.split(/\s+/).length;
        expect(words, `${a.slug}.${language}`).toBeGreaterThanOrEqual(300);
        expect(words, `${a.slug}.${language}`).toBeLessThanOrEqual(700);
        expect(body, `${a.slug}.${language}`).toContain('19833');
        expect(body).toMatch(/^## /m);
      }
      expect(starterBody(a.slug, 'sr')).toMatch(/\p{Script=Cyrillic}/u);
      expect(a.titleSr).toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it('seeds only an empty library, published and to be reviewed; idempotent', async () => {
    const fresh = await createTestPlatform();
    try {
      expect(await seedStarterArticles(fresh.ctx.db)).toBe(STARTER_ARTICLES.length);
      expect(await seedStarterArticles(fresh.ctx.db)).toBe(0);
      const rows = await fresh.ctx.db.selectFrom('adviceArticles').select(['slug', 'status', 'needsReview']).execute();
      expect(rows).toHaveLength(STARTER_ARTICLES.length);
      expect(rows.every((r) => r.status === 'published' && r.needsReview)).toBe(true);
      const sextortion = await fresh.app.inject({ method: 'GET', url: `/advice?q=${encodeURIComponent('ucena')}` });
      expect(sextortion.body).toContain('href="/advice/intimate-images-threat"');
      const router = await fresh.app.inject({ method: 'GET', url: '/advice/home-router-parental-controls', cookies: { bezbedno_lang: 'en' } });
      expect(router.body).toContain('208.67.222.123');
      expect(router.body).toContain('to be reviewed by the centre');
    } finally {
      await fresh.close();
    }
    // A library that already has the centre's own articles is not touched.
    expect(await seedStarterArticles(p.ctx.db)).toBe(0);
  }, 120_000);
});

describe('permission matrix', () => {
  const ACTIONS: MatrixAction[] = [
    { name: 'search the advice library', method: 'GET', url: () => '/api/v1/advice', expect: { counsellor: 200, supervisor: 200, analyst: 200, 'prevention-coordinator': 200, presenter: 200, otherwise: 403 } },
    { name: 'read an advice article', method: 'GET', url: () => `/api/v1/advice/${draftId}`, expect: { counsellor: 200, supervisor: 200, analyst: 200, 'prevention-coordinator': 200, presenter: 200, otherwise: 404 } },
    { name: 'write an advice article', method: 'POST', url: () => '/api/v1/advice', body: () => article(), expect: { supervisor: 201, otherwise: 403 } },
    { name: 'change an advice article', method: 'PATCH', url: () => `/api/v1/advice/${draftId}`, body: () => ({ summaryEn: `Changed ${++n}` }), expect: { supervisor: 200, counsellor: 403, analyst: 403, 'prevention-coordinator': 403, presenter: 403, otherwise: 404 } },
    { name: 'preview advice Markdown', method: 'POST', url: () => '/api/v1/advice/preview', body: () => ({ markdown: '## x' }), expect: { supervisor: 200, otherwise: 403 } },
  ];
  matrixTests(ACTIONS, () => clients, () => p.app);
});

describe('bad input', () => {
  it('is refused on every endpoint with the field named', async () => {
    await expectRejectsBadInput(supervisor, { method: 'POST', url: '/api/v1/advice', valid: article(), required: 'titleSr', wrongType: ['categories', 'cyberbullying'] });
    await expectRejectsBadInput(supervisor, { method: 'PATCH', url: `/api/v1/advice/${draftId}`, valid: { titleEn: 'Fine' }, wrongType: ['needsReview', 'yes'] });
    await expectRejectsBadInput(supervisor, { method: 'POST', url: '/api/v1/advice/preview', valid: { markdown: '## x' }, required: 'markdown', wrongType: ['markdown', 42] });
  });

  it('refuses malformed ids, queries, slugs and oversized bodies', async () => {
    for (const url of ['/api/v1/advice/not-a-uuid', '/api/v1/advice/1']) {
      const response = await counsellor.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.fields).toHaveProperty('id');
    }
    expect((await supervisor.patch('/api/v1/advice/not-a-uuid', { titleEn: 'x' })).statusCode).toBe(400);
    for (const [url, field] of [
      ['/api/v1/advice?status=archived', 'status'],
      ['/api/v1/advice?category=nonsense', 'category'],
      [`/api/v1/advice?q=${'x'.repeat(201)}`, 'q'],
      ['/api/v1/advice?surprise=1', 'surprise'],
    ] as const) {
      const response = await counsellor.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(Object.keys(response.json().error.fields ?? {}).join(','), url).toContain(field);
    }
    for (const slug of ['Upper-Case', 'with space', 'a', '-lead', 'trail-', 'double--hyphen', 'ćirilica', 'x'.repeat(81)]) {
      const response = await supervisor.post('/api/v1/advice', article({ slug }));
      expect(response.statusCode, slug).toBe(400);
      expect(response.json().error.fields).toHaveProperty('slug');
    }
    const tooLong = await supervisor.post('/api/v1/advice/preview', { markdown: 'x'.repeat(50_001) });
    expect(tooLong.statusCode).toBe(400);
    const duplicateCategories = await supervisor.post('/api/v1/advice', article({ categories: ['cyberbullying', 'cyberbullying'] }));
    expect(duplicateCategories.statusCode).toBe(400);
    const noCategories = await supervisor.post('/api/v1/advice', article({ categories: [] }));
    expect(noCategories.statusCode).toBe(400);
  });

  it('lists every advice endpoint in the API document', async () => {
    const doc = (await p.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/v1/advice'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/v1/advice/{id}'] ?? {})).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(Object.keys(doc.paths['/api/v1/advice/preview'] ?? {})).toEqual(['post']);
  });
});
