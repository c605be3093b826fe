// The schools registry and the campaign tour as a coordinator uses them: imports a spreadsheet
// of schools saved by Serbian Excel (semicolons, a byte-order mark) that has broken rows, sees
// every problem by line and column in Serbian and nothing imported, fixes the file and imports
// it, finds a school by typing in Latin; then starts a campaign with an influencer partner,
// plans a stop of its tour and sees it on the route with a link to the event. axe-core checks
// the import screen with its problems and the campaign page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signInToConsole, expectNoAxeViolations, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser } from '../helpers/factories';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

const HEADER = 'Назив;Врста;Општина;Адреса;Контакт особа;Е-пошта;Телефон;Шифра';
const BROKEN = [
  HEADER,
  'ОШ „Петар Петровић Његош“;основна;Ниш;Орловића Павла 2;Ана Илић;ana@example.org;018 000 200;NI-10',
  'Гимназија „Бора Станковић“;гимназија;Нишка Бања Сити;;;;;NI-11',
  'ОШ „Десанка Максимовић“;основна;Čačak;;;nije-adresa;;',
].join('\r\n');
const FIXED = BROKEN.replace('Нишка Бања Сити', 'Врање').replace('nije-adresa', 'desanka@example.org');
const csvFile = (text: string) => ({ name: 'skole.csv', mimeType: 'text/csv', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) });

async function coordinatorPage(): Promise<{ page: Page; problems: string[] }> {
  const user = await createUser(h.platform.ctx, { roles: ['prevention-coordinator'], withTotp: false, isDemo: true });
  const page = await (await h.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  const problems = watchForPageErrors(page);
  await signInToConsole(page, user);
  return { page, problems };
}

describe('schools and campaigns journey', () => {
  it('a coordinator imports schools from a file with broken rows, fixes it and imports them', async () => {
    const { page, problems } = await coordinatorPage();
    await page.goto('/console/prevention/schools');
    await page.getByTestId('schools-heading').waitFor();
    await page.getByTestId('import-schools').click();
    await page.getByTestId('import-heading').waitFor();

    await page.getByTestId('import-file').setInputFiles(csvFile(BROKEN));
    await page.getByTestId('import-rejected').waitFor();
    expect(await page.getByTestId('import-rejected').textContent()).toContain('Пронађена су 2 проблема');
    const rows = await page.getByTestId('import-problem').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^3.*општина.*Непозната општина/);
    expect(rows[1]).toMatch(/^4.*е-пошта.*Неисправна адреса е-поште/);
    await expectNoAxeViolations(page, 'import with problems');
    // Nothing was imported.
    expect(await h.platform.ctx.db.selectFrom('schools').select('id').execute()).toEqual([]);

    // The fixed file (chosen again) is checked, then imported.
    await page.getByTestId('import-file').setInputFiles(csvFile(FIXED));
    await expect.poll(() => page.getByTestId('import-status').textContent()).toContain('Датотека је исправна');
    expect(await page.getByTestId('import-row').count()).toBe(3);
    await page.getByTestId('run-import').click();
    await expect.poll(() => page.getByTestId('import-status').textContent()).toContain('Нових школа: 3');
    expect(await h.platform.ctx.db.selectFrom('schools').select('id').execute()).toHaveLength(3);

    // Found by typing in Latin without diacritics.
    await page.goto('/console/prevention/schools');
    await page.locator('input[name="q"]').fill('njegos');
    await page.getByTestId('apply-school-filters').click();
    await expect.poll(() => page.getByTestId('school-row').allTextContents()).toEqual([expect.stringContaining('ОШ „Петар Петровић Његош“')]);
    expect(problems).toEqual([]);
  });

  it('a coordinator starts a campaign, plans a stop of its tour and sees it on the route', async () => {
    const { page, problems } = await coordinatorPage();
    await page.goto('/console/prevention/campaigns');
    await page.getByTestId('campaigns-heading').waitFor();
    await page.getByTestId('new-campaign').click();
    await page.getByTestId('new-campaign-heading').waitFor();
    await page.locator('input[name="name"]').fill('Покажи поштовање — турнеја');
    await page.locator('input[name="startsOn"]').fill('2030-03-01');
    await page.locator('input[name="endsOn"]').fill('2030-02-01');
    await page.getByTestId('add-partner').click();
    await page.locator('input[name="partnerName0"]').fill('Мила Мрежић (демо)');
    await page.locator('select[name="partnerKind0"]').selectOption('influencer');
    await page.getByTestId('save-campaign').click();
    // The end before the start is caught next to the field, which gets the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('endsOn');
    expect(await page.locator('.field-invalid').textContent()).toContain('Крај не може бити пре почетка');
    await page.locator('input[name="endsOn"]').fill('2030-10-31');
    await page.getByTestId('save-campaign').click();
    await page.getByTestId('campaign-heading').waitFor();
    expect(await page.getByTestId('tour-empty').textContent()).toContain('Турнеја још нема станица');

    const form = page.getByTestId('plan-stop');
    await form.locator('select[name="municipalityId"]').selectOption('kragujevac');
    await form.locator('input[name="venue"]').fill('Трг Радомира Путника');
    await form.locator('input[name="date"]').fill('2030-04-18');
    await form.locator('input[name="time"]').fill('12:30');
    await page.getByTestId('plan-stop-submit').click();
    await expect.poll(() => page.getByTestId('tour-stop').count()).toBe(1);
    const stop = page.getByTestId('tour-stop').first();
    expect(await stop.getAttribute('data-status')).toBe('planned');
    const text = await stop.textContent();
    expect(text).toContain('Трг Радомира Путника, Крагујевац');
    expect(text).toContain('12:30');
    expect(text).toContain('Планирано');
    expect(await page.getByTestId('tour-progress').textContent()).toContain('0 од 1');
    expect(await page.getByTestId('figure-eventsPlanned').textContent()).toBe('1');

    // The stop is an event of the campaign, stored at the Belgrade time typed.
    const event = await h.platform.ctx.db.selectFrom('events').selectAll().executeTakeFirstOrThrow();
    expect(event).toMatchObject({ type: 'campaign-city-stop', municipalityId: 'kragujevac', districtId: 'sumadijski', status: 'planned' });
    expect(event.startsAt.toISOString()).toBe('2030-04-18T10:30:00.000Z');
    expect(await stop.getByRole('link').getAttribute('href')).toBe(`/console/prevention/events/${event.id}`);
    await expectNoAxeViolations(page, 'campaign page with its tour');

    await stop.getByRole('link').click();
    await expect.poll(() => page.url()).toContain(`/console/prevention/events/${event.id}`);
    expect(problems).toEqual([]);
  });
});
