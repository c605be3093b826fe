// Referrals as the people involved use them: an analyst forwards a case to the prosecutor's
// office and a Centre for Social Work; the prosecutor's contact person signs in, acknowledges
// and records an outcome; the social work centre's deadline passes and the supervisor sees
// it; the contact person of another institution sees neither referral.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser, institutionId, type TestUser } from '../helpers/factories';
import { checkReferralDeadlines } from '../../server/referrals/referrals';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness({ PUBLIC_POW_DIFFICULTY: '0' });
});
afterAll(async () => h?.close());

async function signedIn(user: TestUser): Promise<Page> {
  const page = await (await h.newContext()).newPage();
  await page.goto('/console/');
  await page.locator('input[name="username"]').fill(user.username);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('home-heading').waitFor();
  return page;
}

describe('referral journey', () => {
  it('forwards a case to two institutions, the prosecutor acknowledges and records an outcome, the overdue one alerts the supervisor, another institution sees nothing', async () => {
    const ctx = h.platform.ctx;
    const analystUser = await createUser(ctx, { roles: ['analyst'], withTotp: false, isDemo: true });
    const prosecutorUser = await createUser(ctx, { roles: ['institution-contact'], institution: 'vtk-prosecutor', withTotp: false, isDemo: true });
    const policeUser = await createUser(ctx, { roles: ['institution-contact'], institution: 'vtk-police', withTotp: false, isDemo: true });
    const supervisorUser = await createUser(ctx, { roles: ['supervisor'], withTotp: false, isDemo: true });

    // A report exists, assessed as grooming, in a case.
    const submitted = await h.platform.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category: 'grooming', description: 'Одрасли у игрици тражи слике од дванаестогодишњака из Крагујевца.', municipality: 'kragujevac' },
    });
    const { reportId } = submitted.json();

    const analyst = await signedIn(analystUser);
    const problems = watchForPageErrors(analyst);
    await analyst.goto(`/console/reports/${reportId}`);
    const assessment = analyst.getByTestId('assessment-form');
    await assessment.locator('select[name="classification"]').selectOption('grooming');
    await assessment.locator('textarea[name="rationale"]').fill('Одрасли тражи слике од детета.');
    await analyst.getByTestId('save-assessment').click();
    await expect.poll(async () => (await ctx.db.selectFrom('assessments').select('id').where('reportId', '=', reportId).execute()).length).toBe(1);
    await analyst.getByTestId('open-case').click();
    await analyst.getByTestId('open-case-link').click();
    await analyst.getByTestId('case-heading').waitFor();

    // The routing rules suggest the prosecutor and police; the child is also at risk at home.
    await analyst.locator('input[name="isChildAtRiskAtHome"]').check();
    const prosecutorId = await institutionId(ctx, 'vtk-prosecutor');
    const cswId = await institutionId(ctx, 'csw-kragujevac');
    for (const [institution, reason, urgency] of [
      [prosecutorId, 'Врбовање детета: основ за кривично гоњење.', 'urgent'],
      [cswId, 'Дете је без надзора родитеља у коришћењу интернета.', 'normal'],
    ] as const) {
      const suggestion = analyst.locator(`[data-testid="routing-suggestion"][data-institution-id="${institution}"]`);
      await suggestion.getByRole('button').first().click();
      await analyst.locator('textarea[name="reason"]').fill(reason);
      await analyst.locator('select[name="urgency"]').selectOption(urgency);
      await analyst.getByTestId('send-referral').click();
      await expect.poll(async () => (await ctx.db.selectFrom('referrals').select('id').where('institutionId', '=', institution).execute()).length).toBe(1);
    }
    await expectNoAxeViolations(analyst, 'case screen');
    expect(problems).toEqual([]);

    // The prosecutor's contact person acknowledges and records the outcome.
    const referral = await ctx.db.selectFrom('referrals').select(['id']).where('institutionId', '=', prosecutorId).executeTakeFirstOrThrow();
    const prosecutor = await signedIn(prosecutorUser);
    await prosecutor.goto('/console/referrals');
    await prosecutor.locator(`[data-testid="referral-row"][data-referral-id="${referral.id}"]`).waitFor();
    expect(await prosecutor.locator('[data-testid="referral-row"]').count()).toBe(1);
    await expectNoAxeViolations(prosecutor, 'referral list (institution)');
    await prosecutor.goto(`/console/referrals/${referral.id}`);
    await prosecutor.getByTestId('referral-heading').waitFor();
    await expect.poll(() => prosecutor.locator('body').textContent()).toContain('Одрасли у игрици тражи слике');
    await expectNoAxeViolations(prosecutor, 'referral screen (institution)');
    await prosecutor.getByTestId('acknowledge-referral').click();
    await expect.poll(async () => (await ctx.db.selectFrom('referrals').select('status').where('id', '=', referral.id).executeTakeFirstOrThrow()).status).toBe('acknowledged');
    await prosecutor.locator('select[name="outcome"]').selectOption('proceedings-opened');
    await prosecutor.locator('textarea[name="note"]').fill('Покренут предистражни поступак.');
    await prosecutor.getByTestId('save-outcome').click();
    await expect.poll(async () => (await ctx.db.selectFrom('referrals').select('outcome').where('id', '=', referral.id).executeTakeFirstOrThrow()).outcome).toBe('proceedings-opened');

    // The Centre for Social Work does not acknowledge in time; the supervisor is alerted.
    await ctx.db.updateTable('users').set({ email: 'supervizor@example.org' }).where('id', '=', supervisorUser.id).execute();
    await ctx.db.updateTable('referrals').set({ acknowledgementDueAt: sql<Date>`now() - interval '1 hour'` }).where('institutionId', '=', cswId).execute();
    expect((await checkReferralDeadlines(ctx)).overdue).toBe(1);
    const overdue = await ctx.db.selectFrom('referrals').select('id').where('institutionId', '=', cswId).executeTakeFirstOrThrow();
    const supervisor = await signedIn(supervisorUser);
    await supervisor.goto(`/console/referrals/${overdue.id}`);
    await supervisor.getByTestId('referral-overdue').waitFor();
    // The supervisor reads what the platform wrote (the alert among it) in the mailbox.
    await supervisor.goto('/console/mailbox');
    await supervisor.getByTestId('mailbox-message').first().waitFor();
    await expectNoAxeViolations(supervisor, 'mailbox');

    // The police contact person sees neither referral.
    const police = await signedIn(policeUser);
    await police.goto('/console/referrals');
    await police.getByRole('heading', { level: 1 }).waitFor();
    expect(await police.locator('[data-testid="referral-row"]').count()).toBe(0);
    const direct = await police.request.get(`/api/v1/referrals/${referral.id}`);
    expect(direct.status()).toBe(404);
  });
});
