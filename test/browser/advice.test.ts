// The advice library in a real browser: the public pages in Cyrillic, Latin and English with
// and without JavaScript (axe-core, search, an article, print styles), and the console as a
// counsellor on a call (quick search, copy link) and a supervisor writing with a live preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signInToConsole, expectNoAxeViolations, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser } from '../helpers/factories';
import { seedStarterArticles } from '../../server/advice/starter';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
  await seedStarterArticles(h.platform.ctx.db);
});
afterAll(async () => h?.close());

const HEADINGS = {
  'sr-Cyrl': { list: 'Савети', search: 'уцена', article: 'Неко прети да ће поделити твоје интимне слике: шта да урадиш', review: 'Овај текст још треба да прегледа Центар.' },
  'sr-Latn': { list: 'Saveti', search: 'ucena', article: 'Neko preti da će podeliti tvoje intimne slike: šta da uradiš', review: 'Ovaj tekst još treba da pregleda Centar.' },
  en: { list: 'Advice', search: 'blackmail', article: 'Someone threatens to share intimate pictures of you: what to do', review: 'This text is still to be reviewed by the centre.' },
} as const;

async function signInAs(page: Page, roles: ['counsellor'] | ['supervisor']) {
  await signInToConsole(page, await createUser(h.platform.ctx, { roles, withTotp: false, isDemo: true }));
}

describe('public advice library', () => {
  for (const javaScriptEnabled of [true, false]) {
    for (const language of ['sr-Cyrl', 'sr-Latn', 'en'] as const) {
      const label = `${language}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;
      it(`lists, searches and shows articles, passing axe-core (${label})`, async () => {
        const text = HEADINGS[language];
        const context = await h.newContext({ javaScriptEnabled });
        const page = await context.newPage();
        const problems = watchForPageErrors(page);
        await page.goto(`/language/${language}?next=/advice`);
        expect(await page.getAttribute('html', 'lang')).toBe(language);
        expect(await page.locator('h1').textContent()).toBe(text.list);
        expect(await page.locator('.advice-list > li').count()).toBe(8);
        await expectNoAxeViolations(page, `advice list (${label})`);

        await page.locator('#advice-q').fill(text.search);
        await page.locator('.advice-search button[type="submit"]').click();
        await page.waitForURL(/\/advice\?q=/);
        await expectNoAxeViolations(page, `advice search results (${label})`);
        await page.getByRole('link', { name: text.article }).click();
        await page.waitForURL(/\/advice\/intimate-images-threat$/);
        expect(await page.locator('h1').textContent()).toBe(text.article);
        expect(await page.locator('.advice-review-note').textContent()).toBe(text.review);
        expect(await page.locator('.advice-body a[href="/report"]').count()).toBeGreaterThan(0);
        await expectNoAxeViolations(page, `advice article (${label})`);
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }

  it('filters by topic without JavaScript and prints without the site chrome', async () => {
    const context = await h.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/language/en?next=/advice');
    await page.locator('#advice-category').selectOption('technical-settings');
    await page.locator('.advice-search button[type="submit"]').click();
    await page.waitForURL(/category=technical-settings/);
    expect(await page.locator('.advice-list > li').count()).toBe(4);

    await page.goto('/advice/home-router-parental-controls');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-nav', '.quick-exit', '.site-footer', '.advice-back']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    }
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('.advice-review-note').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' }).catch(() => null); // headless Chromium prints; the check is that it does not fail
    expect(pdf === null || pdf.length > 1000).toBe(true);
    await context.close();
  });
});

describe('advice library in the console', () => {
  it('a counsellor on a call finds an article as they type, in Latin, and copies its public link', async () => {
    const context = await h.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const problems = watchForPageErrors(page);
    await signInAs(page, ['counsellor']);
    await page.goto('/console/advice');
    await expect.poll(() => page.getByTestId('advice-row').count()).toBe(8);
    await expectNoAxeViolations(page, 'console advice list');
    expect(await page.getByTestId('advice-new').count()).toBe(0); // counsellors read, supervisors write

    await page.locator('input[name="q"]').fill('porodicni dns');
    await expect.poll(() => page.getByTestId('advice-row').count()).toBe(1);
    await page.getByTestId('advice-row').getByRole('link').click();
    await expect.poll(() => page.getByTestId('advice-public-url').textContent()).toBe(`${h.baseUrl}/advice/home-router-parental-controls`);
    await expectNoAxeViolations(page, 'console advice article');
    await page.getByTestId('advice-copy-link').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${h.baseUrl}/advice/home-router-parental-controls`);
    expect(await page.getByTestId('advice-publish').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a supervisor writes an article with a live, sanitised preview and publishes it', async () => {
    const context = await h.newContext();
    const page = await context.newPage();
    const problems = watchForPageErrors(page);
    await signInAs(page, ['supervisor']);
    await page.goto('/console/advice');
    await page.getByTestId('advice-new').click();
    await page.locator('input[name="slug"]').fill('gaming-chat-safety');
    await page.getByRole('checkbox', { name: 'Игрице' }).check();
    await page.locator('input[name="titleSr"]').fill('Безбедно дописивање у игрицама');
    await page.locator('textarea[name="bodySr"]').fill('## Прво правило\n\n1. Не шаљи слике.\n\n<script>alert(1)</script>');
    await page.locator('input[name="titleEn"]').fill('Safe chatting in games');
    await page.locator('textarea[name="bodyEn"]').fill('## First rule\n\n[Report](/report)');
    await expect.poll(() => page.getByTestId('advice-preview').first().innerHTML()).toContain('<h2>Прво правило</h2>');
    expect(await page.getByTestId('advice-preview').first().innerHTML()).toContain('&lt;script&gt;');
    await expectNoAxeViolations(page, 'console advice editor');
    await page.getByTestId('advice-save').click();
    await page.getByTestId('advice-publish').click();
    await expect.poll(() => page.getByTestId('advice-public-url').textContent()).toContain('/advice/gaming-chat-safety');
    await page.getByTestId('advice-reviewed').waitFor();
    expect(problems).toEqual([]);

    const visitor = await (await h.newContext({ javaScriptEnabled: false })).newPage();
    await visitor.goto('/advice/gaming-chat-safety');
    expect(await visitor.locator('h1').textContent()).toBe('Безбедно дописивање у игрицама');
    await context.close();
  });
});
