// The public home page, as a child or parent meets it: three languages, the helpline number,
// quick exit, keyboard use, no JavaScript needed, no accessibility violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, NEUTRAL_SITE, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

describe('public home page', () => {
  it('shows 19833 and passes axe-core in Cyrillic, Latin and English, switching language without JavaScript', async () => {
    const context = await h.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('sr-Cyrl');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Безбедно на интернету');
    expect(await page.locator('a[href="tel:19833"]').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Srpski (latinica)' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('sr-Latn');
    expect(await page.locator('h1').textContent()).toBe('Bezbedno na internetu');
    expect(await page.locator('body').textContent()).toContain('Ako te nešto na internetu brine');

    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('h1').textContent()).toBe('Safe on the internet');
    // Remembered on the next visit.
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });

  it('passes axe-core in every language', async () => {
    const context = await h.newContext();
    const page = await context.newPage();
    const problems = watchForPageErrors(page);
    for (const language of ['sr-Cyrl', 'sr-Latn', 'en']) {
      await page.goto(`/language/${language}?next=/`);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await expectNoAxeViolations(page, `home page (${language})`);
    }
    expect(problems).toEqual([]);
  });

  it('quick exit leaves at once for a neutral site and replaces the history entry (click and Esc)', async () => {
    const context = await h.newContext();
    const page = await context.newPage();
    const problems = watchForPageErrors(page);
    await page.goto('/');
    await page.getByRole('link', { name: /Брзи излаз/ }).click();
    await page.waitForURL(NEUTRAL_SITE);
    // Back does not return to the centre's page: it was replaced.
    await page.goBack().catch(() => null);
    expect(page.url()).not.toContain(h.baseUrl);

    const second = await context.newPage();
    await second.goto('/');
    await second.keyboard.press('Escape');
    await second.waitForURL(NEUTRAL_SITE);
    expect(problems).toEqual([]);
  });

  it('quick exit is the first thing after the skip link for keyboard users, and works without JavaScript', async () => {
    const context = await h.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('quick-exit');
    await page.keyboard.press('Enter');
    await page.waitForURL(NEUTRAL_SITE);
  });
});
