// The staff console as a new staff member meets it: sign in, set up TOTP with an
// authenticator app, keep the recovery codes, land on the home page; switch languages;
// sign in again with a code. And the sign-in page passes axe-core in every language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { expectNoAxeViolations, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser } from '../helpers/factories';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

describe('staff console', () => {
  it('sign-in page passes axe-core in Cyrillic, Latin and English, and the choice is remembered', async () => {
    const context = await h.newContext();
    const page = await context.newPage();
    const problems = watchForPageErrors(page);
    await page.goto('/console/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Пријављивање');
    expect(await page.getAttribute('html', 'lang')).toBe('sr-Cyrl');
    await expectNoAxeViolations(page, 'sign-in (sr-Cyrl)');

    await page.getByTestId('language-switcher').selectOption('sr-Latn');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Prijavljivanje');
    expect(await page.getAttribute('html', 'lang')).toBe('sr-Latn');
    await expectNoAxeViolations(page, 'sign-in (sr-Latn)');

    await page.getByTestId('language-switcher').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in');
    await expectNoAxeViolations(page, 'sign-in (en)');

    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in');
    expect(problems).toEqual([]);
  });

  it('a new staff member signs in, sets up TOTP, keeps the recovery codes and reaches the home page', async () => {
    const user = await createUser(h.platform.ctx, { roles: ['counsellor'], withTotp: false });
    const context = await h.newContext();
    const page = await context.newPage();
    const problems = watchForPageErrors(page);
    await page.goto('/console/');
    await page.locator('input[name="username"]').fill(user.username);
    await page.locator('input[name="password"]').fill(user.password);
    await page.locator('button[type="submit"]').click();

    const secretText = await page.getByTestId('totp-secret').textContent({ timeout: 10_000 });
    const secret = (secretText ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.locator('img[src^="data:image/png"]').count()).toBe(1);
    await expectNoAxeViolations(page, 'TOTP set-up');

    await page.locator('input[name="otp"]').fill(await generate({ secret }));
    await page.locator('button[type="submit"]').click();
    const codes = await page.getByTestId('recovery-codes').locator('li, code').allTextContents();
    expect(codes.join(' ')).toMatch(/[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/);
    await page.getByTestId('recovery-codes-saved').click();

    await expect.poll(() => page.getByTestId('home-heading').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'home');

    // The language follows the person and is saved to the account.
    await page.getByTestId('language-switcher').selectOption('en');
    await expect.poll(async () => (await h.platform.ctx.db.selectFrom('users').select('language').where('id', '=', user.id).executeTakeFirstOrThrow()).language).toBe('en');

    await page.getByTestId('sign-out').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in');

    // Signing in again asks for the code (the next one: the last code cannot be used twice).
    await page.locator('input[name="username"]').fill(user.username);
    await page.locator('input[name="password"]').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.locator('input[name="otp"]').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId('home-heading').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('works with the keyboard alone: a demo account signs in and reaches the home page', async () => {
    const user = await createUser(h.platform.ctx, { roles: ['dpo'], withTotp: false, isDemo: true });
    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto('/console/');
    await page.locator('input[name="username"]').focus();
    await page.keyboard.type(user.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('home-heading').isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/console-home-dpo.png', fullPage: true });
  });
});
