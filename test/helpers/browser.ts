// Real-browser journeys: Debian's Chromium driven by playwright-core, against the platform
// listening on a random local port. axe-core runs inside the page for accessibility checks.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createTestPlatform, type TestPlatform } from './platform';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The page the quick-exit control leaves for; the browser tests answer it locally. */
export const NEUTRAL_SITE = 'https://www.google.com/';

export interface BrowserHarness {
  platform: TestPlatform;
  baseUrl: string;
  browser: Browser;
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startBrowserHarness(env: Record<string, string> = {}): Promise<BrowserHarness> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const platform = await createTestPlatform(env);
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    platform,
    baseUrl: address,
    browser,
    async newContext(options = {}) {
      const context = await browser.newContext({ baseURL: address, ...options });
      // Nothing leaves this machine: the neutral site is answered here.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(address)) return route.continue();
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Neutral</title><p>neutral page</p>' });
      });
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await platform.close();
    },
  };
}

/** Fails the test on any page error or Content-Security-Policy violation seen on the page. */
export function watchForPageErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
  });
  return problems;
}

/**
 * Runs axe-core on the page as it is. axe needs timers, which do not run in a page with
 * JavaScript switched off; such a page is checked as a copy loaded into a JavaScript page
 * of the same origin (same HTML, same styles).
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const timerRuns = page.evaluate(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 0)));
  const hasScripts = await Promise.race([timerRuns, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000))]);
  if (!hasScripts) {
    const browser = page.context().browser()!;
    const copy = await browser.newPage();
    try {
      await copy.goto(new URL('/health', page.url()).toString());
      await copy.setContent(await page.content(), { waitUntil: 'load' });
      await expectNoAxeViolations(copy, label);
    } finally {
      await copy.close();
    }
    return;
  }
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
  expect(violations, `${label}: axe-core violations`).toEqual([]);
}

/** Signs a demo-style account (no TOTP) in to the staff console and waits for the home screen. */
export async function signInToConsole(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto('/console/');
  await page.locator('input[name="username"]').fill(user.username);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('home-heading').waitFor();
}
