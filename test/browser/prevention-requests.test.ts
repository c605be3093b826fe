// A school asks for a presentation on the public site — with JavaScript, without it, on a phone,
// in each of the three languages (axe-core on the form, its errors and the confirmation) — and a
// coordinator finds the request in the console's queue, schedules it from one of the preferred
// dates with a presenter, and the event exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, signInToConsole, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser } from '../helpers/factories';
import { addDays, belgradeToday } from '../../common/belgrade-time';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness({ PUBLIC_RATE_LIMIT_PER_HOUR: '100' });
});
afterAll(async () => h?.close());

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function fillRequest(page: Page, values: { organisation: string; email: string; day: string }) {
  await page.locator('#organisation').fill(values.organisation);
  await page.locator('#organisationType-primary-school').check();
  await page.locator('#municipality').selectOption('kragujevac');
  await page.locator('#count-primary-upper').fill('120');
  await page.locator('#grades-primary-upper-7').check();
  await page.locator('#grades-primary-upper-8').check();
  await page.locator('#parents').fill('30');
  await page.locator('#date-0').fill(values.day);
  await page.locator('#partOfDay-0').selectOption('morning');
  await page.locator('#topics-cyberbullying').check();
  await page.locator('#contactName').fill('Јелена Петровић');
  await page.locator('#email').fill(values.email);
}

async function requestNumber(page: Page): Promise<string> {
  const number = ((await page.getByTestId('request-number').textContent()) ?? '').trim();
  expect(number).toMatch(/^\d+$/);
  return number;
}

describe('presentation requests', () => {
  it('a school asks with JavaScript on a phone; the form, its errors and the confirmation pass axe-core', async () => {
    const page = await (await h.newContext(PHONE)).newPage();
    const problems = watchForPageErrors(page);
    await page.goto('/');
    await page.getByRole('link', { name: 'Предавања у школама' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Предавања у школама');
    await expectNoAxeViolations(page, 'presentations form (sr-Cyrl, phone)');
    // Nothing fits on a phone that would make the page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // A day in the past is refused next to the field, and everything typed stays.
    await fillRequest(page, { organisation: 'ОШ „Вук Караџић“', email: 'skola.js@example.org', day: addDays(belgradeToday(), -3) });
    await page.getByRole('button', { name: 'Пошаљи захтев' }).click();
    await expect.poll(() => page.locator('#date-0-error').textContent()).toBe('Изаберите дан од сутра па надаље.');
    expect(await page.locator('#organisation').inputValue()).toBe('ОШ „Вук Караџић“');
    expect(await page.locator('#grades-primary-upper-8').isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'presentations form with errors');

    await page.locator('#date-0').fill(addDays(belgradeToday(), 14));
    await page.getByRole('button', { name: 'Пошаљи захтев' }).click();
    const number = await requestNumber(page);
    expect(await page.locator('main').textContent()).toContain('Послали смо Вам потврду е-поштом');
    await expectNoAxeViolations(page, 'presentations confirmation (sr-Cyrl)');
    expect(problems).toEqual([]);
    const row = await h.platform.ctx.db.selectFrom('presentationRequests').select(['organisation', 'status']).where('number', '=', number).executeTakeFirstOrThrow();
    expect(row).toEqual({ organisation: 'ОШ „Вук Караџић“', status: 'new' });
  });

  it('works without JavaScript, in Latin script and in English', async () => {
    for (const [language, heading, send, sent] of [
      ['sr-Latn', 'Predavanja u školama', 'Pošalji zahtev', 'Zahtev je poslat'],
      ['en', 'Presentations in schools', 'Send the request', 'Your request has been sent'],
    ] as const) {
      const page = await (await h.newContext({ javaScriptEnabled: false })).newPage();
      await page.goto(`/language/${language}?next=/presentations`);
      expect(await page.locator('h1').textContent()).toBe(heading);
      await expectNoAxeViolations(page, `presentations form (${language}, no JavaScript)`);
      await fillRequest(page, { organisation: `OŠ „Radoje Domanović“ ${language}`, email: `skola.${language}@example.org`, day: addDays(belgradeToday(), 20) });
      await page.locator('#language').selectOption(language);
      await page.getByRole('button', { name: send }).click();
      expect(await page.locator('h1').textContent()).toBe(sent);
      const number = await requestNumber(page);
      await expectNoAxeViolations(page, `presentations confirmation (${language}, no JavaScript)`);
      const row = await h.platform.ctx.db.selectFrom('presentationRequests').select('language').where('number', '=', number).executeTakeFirstOrThrow();
      expect(row.language).toBe(language);
    }
  });

  it('a coordinator finds the request in the queue and schedules it; the event exists', async () => {
    const schoolDay = addDays(belgradeToday(), 21);
    const response = await h.platform.app.inject({
      method: 'POST',
      url: '/api/v1/presentation-requests',
      payload: {
        organisation: 'ОШ „Свети Сава“ — журнал',
        organisationType: 'primary-school',
        municipality: 'kragujevac',
        contactName: 'Драгана Милић',
        email: 'svetisava@example.org',
        phone: '034 555 666',
        audience: { pupils: { 'primary-lower': { count: 60, grades: [3, 4] } } },
        preferredDates: [{ date: schoolDay, partOfDay: 'midday' }],
        language: 'sr-Cyrl',
        topics: ['online-safety-basics'],
      },
    });
    expect(response.statusCode).toBe(201);
    const requestId: string = response.json().id;
    const coordinatorUser = await createUser(h.platform.ctx, { roles: ['prevention-coordinator'], withTotp: false, isDemo: true });
    const presenterUser = await createUser(h.platform.ctx, { roles: ['presenter'], withTotp: false });
    await h.platform.ctx.db.updateTable('users').set({ displayName: 'Тамара Њежић' }).where('id', '=', presenterUser.id).execute();

    const page = await (await h.newContext()).newPage();
    const problems = watchForPageErrors(page);
    await signInToConsole(page, coordinatorUser);
    await page.goto('/console/prevention/requests');
    const row = page.locator(`[data-testid="request-row"][data-request-id="${requestId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('ОШ „Свети Сава“ — журнал');
    await expectNoAxeViolations(page, 'requests queue');

    await row.getByRole('link', { name: 'ОШ „Свети Сава“ — журнал' }).click();
    await expect.poll(() => page.getByTestId('request-contact-name').textContent()).toBe('Драгана Милић');
    await expectNoAxeViolations(page, 'request detail');
    const form = page.getByTestId('accept-form');
    await form.getByRole('button', { name: /Око поднева/ }).click();
    expect(await form.locator('input[name="date"]').inputValue()).toBe(schoolDay);
    expect(await form.locator('input[name="time"]').inputValue()).toBe('11:30');
    await form.getByLabel('Тамара Њежић').check();
    await page.getByTestId('accept-request').click();
    await page.getByTestId('request-event-link').waitFor();
    expect(await page.getByTestId('request-status').textContent()).toContain('Прихваћен');
    await expectNoAxeViolations(page, 'request accepted');
    expect(problems).toEqual([]);

    const accepted = await h.platform.ctx.db.selectFrom('presentationRequests').select(['status', 'eventId']).where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(accepted.status).toBe('accepted');
    const event = await h.platform.ctx.db.selectFrom('events').selectAll().where('id', '=', accepted.eventId!).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ type: 'school-pupils', municipalityId: 'kragujevac', venue: 'ОШ „Свети Сава“ — журнал', topics: ['online-safety-basics'] });
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(event.startsAt)).toBe(`${schoolDay}, 11:30`);
    const presenters = await h.platform.ctx.db.selectFrom('eventPresenters').select('userId').where('eventId', '=', event.id).execute();
    expect(presenters.map((p) => p.userId)).toEqual([presenterUser.id]);
    expect(await page.getByTestId('request-event-link').getAttribute('href')).toBe(`/console/prevention/events/${event.id}`);
  });
});
