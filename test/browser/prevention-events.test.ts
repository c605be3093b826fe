// The prevention calendar as the team uses it: a coordinator schedules a presentation from the
// calendar (the month view and the week view show it; the grid is walked with the arrow keys);
// the presenter signs in and finds it among their upcoming events; after an event they present
// has taken place, they record the audience with the keyboard only. axe-core scans the
// calendar (month, week, list) and the event page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, signInToConsole, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser, type TestUser } from '../helpers/factories';
import { insertEvent, insertSchool } from '../helpers/prevention';
import { addDays, belgradeToday } from '../../common/belgrade-time';

let h: BrowserHarness;
let coordinator: TestUser;
let presenter: TestUser;
beforeAll(async () => {
  h = await startBrowserHarness();
  coordinator = await createUser(h.platform.ctx, { roles: ['prevention-coordinator'], withTotp: false, isDemo: true });
  presenter = await createUser(h.platform.ctx, { roles: ['presenter'], withTotp: false, isDemo: true });
  await h.platform.ctx.db.updateTable('users').set({ displayName: 'Тамара Предавачица' }).where('id', '=', presenter.id).execute();
  await insertSchool(h.platform.ctx, { name: 'ОШ „Вук Караџић“', municipalityId: 'nis' });
});
afterAll(async () => h?.close());

async function signedIn(user: TestUser): Promise<Page> {
  const page = await (await h.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await signInToConsole(page, user);
  return page;
}

/** Presses Tab until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}
const focusedDay = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-day') ?? null);

describe('prevention events journey', () => {
  // A day next week (Belgrade calendar), so the presenter's upcoming list has it.
  const day = addDays(belgradeToday(), 6);
  const title = 'Предавање за седме разреде';

  it('a coordinator schedules an event from the calendar; the month and the week show it', async () => {
    const page = await signedIn(coordinator);
    const problems = watchForPageErrors(page);
    await page.goto('/console/prevention/events');
    await page.locator('table[role="grid"]').waitFor();
    await expectNoAxeViolations(page, 'calendar, month');

    await page.getByRole('link', { name: 'Нови догађај' }).click();
    await page.locator('h1', { hasText: 'Нови догађај' }).waitFor();
    await page.locator('select[name="type"]').selectOption('school-pupils');
    await page.locator('input[name="title"]').fill(title);
    await page.locator('input[name="date"]').fill(day);
    await page.locator('input[name="time"]').fill('10:30');
    await page.locator('input[name="duration"]').fill('45');
    await page.locator('select[name="municipalityId"]').selectOption('nis');
    await expect.poll(() => page.locator('select[name="schoolId"] option').count()).toBe(2);
    await page.locator('select[name="schoolId"]').selectOption({ label: 'ОШ „Вук Караџић“' });
    await page.getByLabel('Дигитално насиље').check();
    await page.getByLabel('Тамара Предавачица').check();
    await expectNoAxeViolations(page, 'new event form');
    await page.getByRole('button', { name: 'Закажи' }).click();

    // The event page.
    await page.locator('h1', { hasText: title }).waitFor();
    expect(await page.locator('dl.facts').textContent()).toContain('10:30–11:15');
    expect(await page.locator('dl.facts').textContent()).toContain('ОШ „Вук Караџић“, Ниш');
    await expectNoAxeViolations(page, 'event page (planned)');

    // The month containing the day shows it, as a link to the event.
    await page.getByRole('link', { name: 'Назад на календар' }).click();
    await page.goto(`/console/prevention/events?day=${day}`);
    const inMonth = page.locator(`td[data-day="${day}"] a`, { hasText: title });
    await inMonth.waitFor();
    expect(await inMonth.textContent()).toContain('10:30');

    // The grid is walked with the keyboard: the chosen day is the one in the tab order.
    await page.locator(`td[data-day="${day}"]`).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedDay(page)).toBe(addDays(day, 1));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedDay(page)).toBe(addDays(day, 7));
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedDay(page)).toBe(day);
    // Page Down turns to the next month, focus and all; Page Up comes back.
    const [year, month] = day.split('-').map(Number);
    await page.keyboard.press('PageDown');
    await expect.poll(() => focusedDay(page)).toMatch(new RegExp(`^${new Date(Date.UTC(year!, month!, 1)).toISOString().slice(0, 7)}-`));
    await page.keyboard.press('PageUp');
    await expect.poll(() => focusedDay(page)).toMatch(new RegExp(`^${day.slice(0, 7)}-`));
    await page.locator(`td[data-day="${day}"]`).click({ position: { x: 4, y: 4 } });
    await expect.poll(() => focusedDay(page)).toBe(day);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(title);

    // The week view shows it too, with its place.
    await page.getByRole('button', { name: 'Недеља', exact: true }).click();
    const inWeek = page.locator(`table.events-grid-week td[data-day="${day}"] a`, { hasText: title });
    await inWeek.waitFor();
    expect(await inWeek.textContent()).toContain('Ниш');
    await expectNoAxeViolations(page, 'calendar, week');

    // And the list view, as a table.
    await page.getByRole('button', { name: 'Списак', exact: true }).click();
    await page.locator('table.events-table').getByRole('link', { name: title }).waitFor();
    await expectNoAxeViolations(page, 'calendar, list');
    expect(problems).toEqual([]);
  });

  it('the presenter sees it among their upcoming events, and records the audience of a past event with the keyboard', async () => {
    const past = await insertEvent(h.platform.ctx, { startsAt: new Date(Date.now() - 3 * 3_600_000), durationMinutes: 45, presenterIds: [presenter.id], venue: 'Дом културе', municipalityId: 'leskovac' });
    const page = await signedIn(presenter);
    const problems = watchForPageErrors(page);
    await page.goto('/console/prevention/events');
    const upcoming = page.getByTestId('my-upcoming');
    await upcoming.getByRole('link', { name: title }).waitFor();
    expect(await upcoming.getByRole('link').count()).toBe(1); // the past event is not upcoming

    await page.goto(`/console/prevention/events/${past}`);
    await page.locator('h2', { hasText: 'Ко је дошао и како је прошло' }).waitFor();
    await expectNoAxeViolations(page, 'event page (record form)');

    await tabTo(page, 'input[name="pupilsPrimaryLower"]');
    for (const value of ['0', '27', '0', '4', '2', '1']) {
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('durationMinutes');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('50');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ученици су питали о игрицама.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await page.getByRole('status').filter({ hasText: 'Публика је уписана.' }).waitFor();
    const summary = page.getByRole('region', { name: 'Уписана публика' });
    await summary.waitFor();
    expect(await summary.locator('tr', { hasText: 'Ученици од 5. до 8. разреда' }).locator('td').textContent()).toBe('27');
    expect(await summary.locator('tr', { hasText: 'Укупно' }).locator('td').textContent()).toBe('34');
    const row = await h.platform.ctx.db.selectFrom('events').select(['status', 'pupilsPrimaryUpper', 'parents', 'durationMinutes']).where('id', '=', past).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'held', pupilsPrimaryUpper: 27, parents: 4, durationMinutes: 50 });

    // A wrong count is refused next to its field.
    await page.getByText('Исправи запис').click();
    await page.locator('input[name="teachers"]').fill('-3');
    await page.getByRole('button', { name: 'Сачувај исправку' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('teachers');
    expect(await page.locator('input[name="teachers"]').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'event page (recorded, with an error)');
    expect(problems).toEqual([]);
  });
});
