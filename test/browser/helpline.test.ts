// The helpline as counsellors depend on it: a counsellor logs a 19833 call in the console with
// the keyboard only — starts the call timer, fills the main fields, reloads the page midway and
// finds the draft still there, saves and finalises — then finds the contact by a word from the
// summary, and by the caller's phone number written another way. The form and the list pass
// axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signInToConsole, expectNoAxeViolations, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser, signIn, type TestUser } from '../helpers/factories';
import { seedStarterArticles } from '../../server/advice/starter';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness({ PUBLIC_POW_DIFFICULTY: '0' });
});
afterAll(async () => h?.close());

async function signedIn(user: TestUser): Promise<Page> {
  // A laptop screen.
  const page = await (await h.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await signInToConsole(page, user);
  return page;
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { backwards = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute('name') ?? null);
const checkedValue = (page: Page, name: string) => page.evaluate((n) => document.querySelector<HTMLInputElement>(`input[name="${n}"]:checked`)?.value ?? null, name);

describe('helpline journey', () => {
  it('a counsellor logs a 19833 call in the console', async () => {
    const ctx = h.platform.ctx;
    await seedStarterArticles(ctx.db);
    const counsellorUser = await createUser(ctx, { roles: ['counsellor'], withTotp: false, isDemo: true });
    const page = await signedIn(counsellorUser);
    const problems = watchForPageErrors(page);

    await page.goto('/console/helpline/contacts');
    await page.getByTestId('contacts-heading').waitFor();
    await page.getByTestId('new-contact').click();
    await page.getByTestId('new-contact-heading').waitFor();

    // Defaults: a call to 19833 about a child or self, in the counsellor's language.
    expect(await checkedValue(page, 'channel')).toBe('phone');
    expect(await checkedValue(page, 'contactType')).toBe('data');
    expect(await page.locator('select[name="language"]').inputValue()).toBe('sr-Cyrl');

    // Start the call timer from the keyboard.
    await tabTo(page, '[data-testid="start-call"]');
    await page.keyboard.press('Space');
    await page.getByTestId('end-call').waitFor();
    await expect.poll(() => page.getByTestId('call-clock').textContent()).toMatch(/^0:0[1-9]$/);

    // Finalising with nothing chosen: the problems are announced and focus goes to the first.
    await tabTo(page, '[data-testid="save-final"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Проверите означена поља');
    expect(await focused(page)).toBe('callerType');
    await expectNoAxeViolations(page, 'contact form with errors');

    // Who called: a parent (arrow keys move within a radio group and choose).
    await page.keyboard.press('Space'); // the first option, a child (5–11)
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await checkedValue(page, 'callerType')).toBe('parent');
    // The child is 12–14, a girl.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('ageGroup');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft'); // from "unknown"
    expect(await checkedValue(page, 'ageGroup')).toBe('12-14');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('gender');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    expect(await checkedValue(page, 'gender')).toBe('female');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('municipality');
    await page.keyboard.type('Kragujevac');
    await page.keyboard.press('Enter'); // must not send the form
    await page.keyboard.press('Tab'); // language: as it is
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('primaryCategory');
    await page.keyboard.press('ArrowDown'); // cyberbullying
    expect(await page.locator('select[name="primaryCategory"]').inputValue()).toBe('cyberbullying');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('platform');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // messaging
    await tabTo(page, 'input[name="peripheralCategories"][value="hate-speech"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'textarea[name="summary"]');
    await page.keyboard.type('Мајка каже да ћерка добија претеће поруке у одељењској групи на Вајберу.');

    // A reload midway: the draft is still there, the call still running.
    await expect.poll(() => page.evaluate(() => Object.keys(sessionStorage).some((k) => k.startsWith('bezbedno.helpline.draft.')))).toBe(true);
    await page.reload();
    await page.getByTestId('new-contact-heading').waitFor();
    await expect.poll(() => page.locator('textarea[name="summary"]').inputValue()).toContain('претеће поруке');
    expect(await checkedValue(page, 'callerType')).toBe('parent');
    expect(await checkedValue(page, 'ageGroup')).toBe('12-14');
    expect(await page.locator('input[name="municipality"]').inputValue()).toBe('Kragujevac');
    expect(await page.locator('input[name="peripheralCategories"][value="hate-speech"]').isChecked()).toBe(true);
    await page.getByTestId('end-call').waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'Враћен је нацрт' }).count()).resolves.toBe(1);

    // The rest, still by keyboard: advice given, an advice article, outcome, call-back, number.
    await tabTo(page, 'textarea[name="summary"]');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('adviceGiven');
    await page.keyboard.type('Саветовано да сачувају снимке екрана и пријаве групу; разговор са разредним старешином.');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('adviceSearch');
    await page.keyboard.type('Family Link');
    await page.getByRole('button', { name: /Додај: .*Family Link/ }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Family Link/);
    await page.keyboard.press('Enter');
    await page.getByTestId('advice-chosen').waitFor();
    expect(await focused(page)).toBe('adviceSearch');
    await tabTo(page, 'select[name="outcome"]');
    await page.keyboard.press('ArrowDown'); // advice given
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('callbackConsent');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[name="callerIdentifier"]');
    await page.keyboard.type('064 123 4567');

    await expectNoAxeViolations(page, 'contact form');
    await page.screenshot({ path: '/tmp/helpline-contact-form.png', fullPage: true });
    await page.screenshot({ path: '/tmp/helpline-contact-form-top.png' });

    // End the call, then save and finalise.
    await tabTo(page, '[data-testid="end-call"]', { backwards: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('start-call').waitFor();
    await tabTo(page, '[data-testid="save-final"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('contact-heading').waitFor();
    await expect.poll(() => page.getByTestId('contact-status').textContent()).toContain('Завршено');

    const saved = await ctx.db.selectFrom('contacts').selectAll().where('counsellorId', '=', counsellorUser.id).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({
      status: 'final',
      channel: 'phone',
      contactType: 'data',
      callerType: 'parent',
      ageGroup: '12-14',
      gender: 'female',
      municipality: 'kragujevac',
      language: 'sr-Cyrl',
      primaryCategory: 'cyberbullying',
      peripheralCategories: ['hate-speech'],
      platform: 'messaging',
      outcome: 'advice-given',
      callbackConsent: true,
      callerIdentifierEnc: null,
    });
    expect(saved.callerKey).not.toBeNull();
    expect(saved.adviceArticleIds).toHaveLength(1);
    expect(saved.durationSeconds).toBeGreaterThan(0);
    // The draft is gone once saved.
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('bezbedno.helpline.draft.')))).toEqual([]);

    // Found in the list by a word from the summary (Latin letters find Cyrillic words).
    await page.getByRole('link', { name: 'Назад на обраћања' }).click();
    await page.getByTestId('contacts-heading').waitFor();
    await page.locator('input[name="q"]').fill('pretece');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('q=pretece');
    const row = page.locator(`[data-testid="contact-row"][data-contact-id="${saved.id}"]`);
    await row.waitFor();
    expect(await page.locator('[data-testid="contact-row"]').count()).toBe(1);
    expect(await row.textContent()).toContain('претеће поруке');
    await expectNoAxeViolations(page, 'contact list');

    // The caller phones again: the number, written another way, finds the earlier contact.
    await page.locator('input[name="identifier"]').fill('+381 64 123-4567');
    await page.locator('[data-testid="caller-lookup"] button[type="submit"]').click();
    await page.locator(`[data-testid="lookup-row"][data-contact-id="${saved.id}"]`).waitFor();
    await expect.poll(() => page.getByTestId('lookup-status').textContent()).toContain('1');
    await expectNoAxeViolations(page, 'contact list with look-up');
    expect(problems).toEqual([]);
  });

  it('a counsellor sends a contact to the hotline, opens a case from it and follows it up; the supervisor sees the overdue task', async () => {
    const ctx = h.platform.ctx;
    const counsellorUser = await createUser(ctx, { roles: ['counsellor'], withTotp: false, isDemo: true });
    const supervisorUser = await createUser(ctx, { roles: ['supervisor'], withTotp: false, isDemo: true });
    const api = await signIn(h.platform.app, counsellorUser);
    const created = await api.post('/api/v1/contacts', {
      channel: 'chat',
      contactType: 'data',
      callerType: 'teen',
      ageGroup: '12-14',
      primaryCategory: 'grooming',
      outcome: 'advice-given',
      summary: 'Одрасли из игрице тражи слике, профил https://example.org/igrac123',
      finalise: true,
    });
    expect(created.statusCode).toBe(201);
    const contactId = created.json().id as string;

    const page = await signedIn(counsellorUser);
    const problems = watchForPageErrors(page);
    await page.goto(`/console/helpline/contacts/${contactId}`);
    await page.getByTestId('contact-heading').waitFor();

    // Escalated to the hotline: prefilled, and the receipt shown once to read to the caller.
    await page.getByTestId('escalate-contact').click();
    const escalation = page.getByTestId('escalate-form');
    expect(await escalation.locator('select[name="category"]').inputValue()).toBe('grooming');
    expect(await escalation.locator('textarea[name="urls"]').inputValue()).toBe('https://example.org/igrac123');
    await page.getByTestId('send-escalation').click();
    const receipt = ((await page.getByTestId('escalation-receipt').locator('code').textContent()) ?? '').replace(/\s/g, '');
    expect(receipt).toMatch(/^\d{16}$/);
    const contactRow = await ctx.db.selectFrom('contacts').select(['reportId']).where('id', '=', contactId).executeTakeFirstOrThrow();
    expect(contactRow.reportId).not.toBeNull();

    // A final contact is edited: the earlier version is kept.
    await page.getByTestId('edit-contact').click();
    await page.locator('textarea[name="adviceGiven"]').fill('Не одговарати, сачувати поруке, блокирати профил.');
    await page.getByTestId('save-changes').click();
    await page.getByTestId('contact-version').first().waitFor();
    expect(await page.getByTestId('contact-version').count()).toBe(1);
    await expectNoAxeViolations(page, 'contact screen');
    await page.screenshot({ path: '/tmp/helpline-contact-detail.png', fullPage: true });

    // A case from the contact, with an overdue follow-up task and a note.
    await page.getByTestId('case-link-submit').click();
    await page.getByTestId('contact-case').getByRole('link').click();
    await page.getByTestId('case-heading').waitFor();
    expect(page.url()).toContain('/console/helpline/cases/');
    await page.getByTestId('case-contact').first().waitFor();
    const tasks = page.getByTestId('task-form');
    await tasks.locator('input[name="taskTitle"]').fill('Позвати мајку и проверити да ли је профил пријављен');
    await tasks.locator('input[name="taskDueOn"]').fill('2020-01-15');
    await page.getByTestId('add-task').click();
    await page.getByTestId('case-task').first().waitFor();
    expect(await page.getByTestId('case-task').first().textContent()).toContain('Рок је прошао');
    await page.locator('textarea[name="noteBody"]').fill('Мајка је обавештена о пријави садржаја.');
    await page.getByTestId('add-note').click();
    await page.getByTestId('case-note').first().waitFor();
    await page.locator('select[name="caseStatus"]').selectOption('in-progress');
    await page.getByTestId('save-case').click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('У раду');
    await expect.poll(async () => (await page.getByTestId('case-timeline-entry').allTextContents()).join(' | ')).toContain('Додат је задатак');
    await expectNoAxeViolations(page, 'case screen (counsellor)');
    await page.screenshot({ path: '/tmp/helpline-case.png', fullPage: true });

    await page.goto('/console/helpline/cases');
    await page.getByTestId('case-row').first().waitFor();
    expect(await page.getByTestId('case-row').first().textContent()).toContain('Рок је прошао');
    await expectNoAxeViolations(page, 'case list');
    expect(problems).toEqual([]);

    // The supervisor's live view shows the late follow-up and the counsellor's work.
    const supervisor = await signedIn(supervisorUser);
    const supervisorProblems = watchForPageErrors(supervisor);
    await supervisor.goto('/console/helpline/overview');
    await supervisor.getByTestId('overview-overdue-task').first().waitFor();
    expect(await supervisor.getByTestId('overview-overdue-task').first().textContent()).toContain('Позвати мајку');
    await expectNoAxeViolations(supervisor, 'helpline overview');
    await supervisor.screenshot({ path: '/tmp/helpline-overview.png', fullPage: true });
    expect(supervisorProblems).toEqual([]);
  });
});
