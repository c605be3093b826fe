// Coverage and results in the console: the coordinator opens the coverage page, picks the last
// twelve months, sees the district of held events shaded on the map with its figure in the
// district's title and in the table, switches the map to people reached, chooses a district
// with the keyboard and sees its figures, and downloads the CSV. axe-core finds nothing.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, signInToConsole, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser } from '../helpers/factories';
import { insertEvent, insertSchool } from '../helpers/prevention';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

/** Presses Tab until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const districtTitle = (page: Page, id: string) => page.locator(`[data-testid="serbia-map"] path[data-district="${id}"] > title`).textContent();
const districtFill = (page: Page, id: string) => page.locator(`[data-testid="serbia-map"] path[data-district="${id}"]`).getAttribute('fill');

describe('coverage and results', () => {
  it('the coordinator reads the map and the figures and downloads the CSV', async () => {
    const ctx = h.platform.ctx;
    const day = 86_400_000;
    const school = await insertSchool(ctx, { municipalityId: 'nis', type: 'primary' });
    await insertEvent(ctx, { status: 'held', municipalityId: 'nis', schoolId: school, startsAt: new Date(Date.now() - 3 * day), audience: { pupilsPrimaryUpper: 27, teachers: 2 } });
    await insertEvent(ctx, { status: 'held', municipalityId: 'nis', type: 'school-parents', startsAt: new Date(Date.now() - 40 * day), audience: { pupilsPrimaryUpper: 0, parents: 31, teachers: 0 } });
    await insertEvent(ctx, { status: 'cancelled', municipalityId: 'kragujevac', startsAt: new Date(Date.now() - 5 * day) });
    const coordinator = await createUser(ctx, { roles: ['prevention-coordinator'], withTotp: false, isDemo: true });

    const context = await h.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems = watchForPageErrors(page);
    await signInToConsole(page, coordinator);
    await page.goto('/console/prevention/coverage');
    await page.getByTestId('coverage-heading').waitFor();

    // The last twelve months.
    await page.getByRole('button', { name: 'Последњих 12 месеци' }).click();
    await expect.poll(() => page.url()).toMatch(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await page.locator('[data-testid="serbia-map"] path[data-district="nisavski"]').waitFor();

    // Niš's district is shaded and says its figure; a district with only a cancelled event is not.
    await expect.poll(() => districtTitle(page, 'nisavski')).toBe('Нишавски округ: 2');
    expect(await districtTitle(page, 'sumadijski')).toBe('Шумадијски округ: 0');
    const empty = await districtFill(page, 'sumadijski');
    expect(await districtFill(page, 'nisavski')).not.toBe(empty);
    expect(await page.getByTestId('map-kosovo').locator('title').textContent()).toBe('Косово и Метохија (нема података)');
    const row = page.locator('[data-testid="district-table"] tr[data-district="nisavski"]');
    expect(await row.locator('th').textContent()).toBe('Нишавски округ');
    expect(await row.locator('td').allTextContents()).toEqual(['2', '60', '27', '31', '2', '0', '1', '0', '0']);
    await expectNoAxeViolations(page, 'coverage page');

    // The map shows people reached instead.
    await page.getByRole('radio', { name: 'Досегнуте особе' }).click();
    await expect.poll(() => districtTitle(page, 'nisavski')).toBe('Нишавски округ: 60');
    expect(await page.getByRole('radio', { name: 'Досегнуте особе' }).isChecked()).toBe(true);

    // Choose Niš's district with the keyboard.
    await page.getByRole('radio', { name: 'Досегнуте особе' }).focus();
    await tabTo(page, 'path[data-district="nisavski"]');
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('district-panel');
    await expect.poll(() => panel.locator('h3').textContent()).toBe('Изабрани округ: Нишавски округ');
    expect(await panel.locator('dd').allTextContents()).toEqual(['2', '60', '27', '31', '2', '0', '1', '0', '0']);
    expect(await page.locator('path[data-district="nisavski"]').getAttribute('aria-pressed')).toBe('true');
    expect(await row.locator('th button').getAttribute('aria-pressed')).toBe('true');
    // Another one with Space.
    await tabTo(page, 'path[data-district="pirotski"]');
    await page.keyboard.press('Space');
    await expect.poll(() => panel.locator('h3').textContent()).toBe('Изабрани округ: Пиротски округ');
    await expectNoAxeViolations(page, 'coverage page with a district chosen');

    // The municipalities with no activity (a long list starts folded) list Kragujevac
    // (cancelled only), not Niš.
    await page.getByTestId('inactive-count').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('inactive-table').waitFor();
    await expectNoAxeViolations(page, 'coverage page with the inactive list open');
    expect(await page.locator('[data-testid="inactive-table"] tr[data-municipality="kragujevac"]').count()).toBe(1);
    expect(await page.locator('[data-testid="inactive-table"] tr[data-municipality="nis"]').count()).toBe(0);

    // The CSV download carries the same figures.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figures-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^prevention-figures-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('По окрузима;Нишавски округ;Досегнуте особе;60');
    expect(text).toContain('Догађаји;Све врсте;Одржани догађаји;2');

    expect(problems).toEqual([]);
  });

  it('refuses a period that ends before it starts, next to the field', async () => {
    const coordinator = await createUser(h.platform.ctx, { roles: ['prevention-coordinator'], withTotp: false, isDemo: true });
    const page = await (await h.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signInToConsole(page, coordinator);
    await page.goto('/console/prevention/coverage?from=2024-01-01&to=2024-12-31');
    await page.getByTestId('coverage-heading').waitFor();
    await expect.poll(() => page.getByTestId('coverage-period').textContent()).toContain('2024');
    await page.locator('input[name="to"]').fill('2023-06-30');
    await page.getByTestId('period-show').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('to');
    expect(await page.locator('input[name="to"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-invalid .field-error').textContent()).toBe('Крај периода не може бити пре почетка.');
    await expectNoAxeViolations(page, 'period with an error');
  });
});
