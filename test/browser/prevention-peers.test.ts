// Peer educators as they use the console: a peer educator signs in, sees only the minimal menu,
// opens their sessions and records one with the keyboard only (a first attempt with gaps is
// announced and focus goes to the first field to fix); they see only their own sessions. The
// coordinator then confirms it in the queue, deletes another peer educator's personal data after
// a confirmation, and the peer educator sees their session confirmed. Every screen passes axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, signInToConsole, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser, signIn, type TestUser } from '../helpers/factories';
import { insertSchool } from '../helpers/prevention';
import { linkedPeer, newCohort, recordSession } from '../../server/prevention/peers/test-support';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

async function signedIn(user: TestUser): Promise<Page> {
  const page = await (await h.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signInToConsole(page, user);
  return page;
}

/** Presses Tab until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { backwards = false, max = 60 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);
const navItems = (page: Page) => page.locator('nav.main-nav a').allTextContents();

describe('peer educators journey', () => {
  it('a peer educator records a session with the keyboard; the coordinator confirms it', async () => {
    const ctx = h.platform.ctx;
    const coordinatorUser = await createUser(ctx, { roles: ['prevention-coordinator'], withTotp: false, isDemo: true });
    const coordinatorApi = await signIn(h.platform.app, coordinatorUser);
    const schoolId = await insertSchool(ctx, { municipalityId: 'nis', name: 'ОШ „Краљ Петар Први“' });
    const cohortId = await newCohort(coordinatorApi, 'Ниш, пролеће 2026');
    const peer = await linkedPeer(
      h.platform,
      coordinatorApi,
      cohortId,
      { firstName: 'Јелена', lastInitial: 'В', ageGroup: '15-17', consent: { obtainedOn: '2026-02-02', obtainedBy: 'школски педагог' } },
      { withTotp: false, isDemo: true },
    );
    // Another peer educator's session, which the first must never see.
    const other = await linkedPeer(h.platform, coordinatorApi, cohortId, { firstName: 'Урош', lastInitial: 'Д' });
    await recordSession(other.client, { venue: 'Туђа сала', peersReached: 9 });

    // ---- the peer educator ----
    const page = await signedIn(peer.user);
    const problems = watchForPageErrors(page);
    expect(await navItems(page)).toEqual(['Почетна', 'Моје вршњачке радионице', 'Мој налог']);
    await tabTo(page, 'nav.main-nav a[href$="/prevention/my-sessions"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('my-sessions-heading').waitFor();
    await expect.poll(() => page.getByText('Здраво, Јелена!').count()).toBe(1);
    await expect.poll(() => page.locator('select[name="schoolId"] option').allTextContents()).toContain('ОШ „Краљ Петар Први“');
    await expectNoAxeViolations(page, 'my sessions, empty');

    // The day is today and the place the peer educator's municipality; send with gaps first.
    expect(await page.locator('select[name="municipalityId"]').inputValue()).toBe('nis');
    await tabTo(page, '[data-testid="submit-session"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Проверите означена поља');
    expect(await focusedName(page)).toBe('venue');
    await expectNoAxeViolations(page, 'my sessions, form with errors');

    // At a school of the registry rather than a venue: back to the school, the arrow chooses it.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe('schoolId');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('select[name="schoolId"]').inputValue()).toBe(schoolId);
    expect(await page.locator('input[name="venue"]').count()).toBe(0);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('peersReached');
    await page.keyboard.type('21');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('topics');
    await page.keyboard.press('Space'); // online safety basics
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // cyberbullying
    await tabTo(page, 'textarea[name="notes"]');
    await page.keyboard.type('Два одељења седмог разреда.');
    await tabTo(page, '[data-testid="submit-session"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Радионица је послата на потврду.');

    const row = page.locator('[data-testid="my-sessions"] tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toMatch(/ОШ „Краљ Петар Први“, Ниш.*21.*Основе безбедности на интернету, Дигитално насиље.*Чека потврду/);
    expect(await page.locator('main').textContent()).not.toMatch(/Туђа сала|Урош/);
    await expectNoAxeViolations(page, 'my sessions with a submitted session');

    // ---- the coordinator ----
    const coordinator = await signedIn(coordinatorUser);
    const coordinatorProblems = watchForPageErrors(coordinator);
    await coordinator.goto('/console/prevention/peers/sessions');
    await coordinator.getByTestId('peer-sessions-heading').waitFor();
    const mine = coordinator.locator('[data-testid="peer-sessions"] tbody tr', { hasText: 'Јелена В.' });
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.textContent()).toContain('Два одељења седмог разреда.');
    await expectNoAxeViolations(coordinator, 'peer sessions awaiting confirmation');
    await mine.getByTestId('confirm-session').focus();
    await coordinator.keyboard.press('Enter');
    await expect.poll(() => coordinator.getByRole('status').first().textContent()).toContain('Радионица је потврђена.');
    await expect.poll(() => mine.count()).toBe(0);
    const stored = await ctx.db.selectFrom('peerSessions').select(['status', 'peersReached', 'schoolId']).where('peerEducatorId', '=', peer.educatorId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'confirmed', peersReached: 21, schoolId });

    // The coordinator's list of peer educators and the record pass axe-core too.
    await coordinator.goto('/console/prevention/peers');
    await coordinator.getByTestId('peers-heading').waitFor();
    await coordinator.getByRole('link', { name: 'Јелена В.' }).click();
    await coordinator.getByTestId('educator-heading').waitFor();
    await expect.poll(() => coordinator.getByTestId('consent-fact').textContent()).toContain('школски педагог');
    await expectNoAxeViolations(coordinator, 'a peer educator');

    // Deleting another peer educator's personal data asks first, then keeps only the counts.
    await coordinator.goto('/console/prevention/peers');
    await coordinator.getByRole('link', { name: 'Урош Д.' }).click();
    await coordinator.getByTestId('educator-heading').waitFor();
    await coordinator.getByTestId('erase-educator').click();
    expect(await coordinator.locator('.peer-danger-zone [role="group"]').textContent()).toContain('Да ли сте сигурни?');
    await coordinator.keyboard.press('Enter'); // the confirmation has the focus
    await coordinator.getByTestId('erased-notice').waitFor();
    expect(await coordinator.getByTestId('educator-heading').textContent()).toBe('Обрисани лични подаци');
    expect(await coordinator.locator('main').textContent()).not.toContain('Урош');
    await expectNoAxeViolations(coordinator, 'a peer educator after deletion');
    const erased = await ctx.db.selectFrom('peerEducators').select(['firstName', 'personalDataDeletedAt']).where('id', '=', other.educatorId).executeTakeFirstOrThrow();
    expect(erased.firstName).toBeNull();
    expect(erased.personalDataDeletedAt).not.toBeNull();

    // ---- the peer educator sees it confirmed ----
    await page.reload();
    await expect.poll(() => row.first().textContent()).toContain('Потврђено');
    expect(problems).toEqual([]);
    expect(coordinatorProblems).toEqual([]);
  });

  it('an account not linked to a peer educator is told so and gets no form', async () => {
    const user = await createUser(h.platform.ctx, { roles: ['peer-educator'], withTotp: false, isDemo: true });
    const page = await signedIn(user);
    await page.goto('/console/prevention/my-sessions');
    await page.getByTestId('not-linked').waitFor();
    expect(await page.getByTestId('not-linked').textContent()).toContain('није повезан');
    expect(await page.locator('form').count()).toBe(0);
    await expectNoAxeViolations(page, 'an unlinked peer-educator account');
  });
});
