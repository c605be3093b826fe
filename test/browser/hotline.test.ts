// The hotline as people depend on it: an anonymous citizen reports without JavaScript and
// keeps the receipt; an analyst assesses the report in the console and asks a question; the
// citizen reads it and answers with the receipt. With JavaScript on, the browser does the
// proof of work itself. The form and the follow-up page pass axe-core in every language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToConsole, expectNoAxeViolations, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser } from '../helpers/factories';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness({ PUBLIC_POW_DIFFICULTY: '10' });
});
afterAll(async () => h?.close());

describe('hotline journeys', () => {
  it('a citizen reports anonymously without JavaScript, an analyst asks a question, the citizen answers with the receipt', async () => {
    // The citizen, JavaScript off.
    const citizen = await (await h.newContext({ javaScriptEnabled: false })).newPage();
    await citizen.goto('/report');
    await expectNoAxeViolations(citizen, 'report form (sr-Cyrl)');
    await citizen.getByLabel(/Неко прети да ће објавити интимне слике/).check();
    await citizen.locator('#description').fill('Неко из игрице тражи да му пошаљем слике, иначе ће објавити моје поруке.');
    await citizen.getByLabel('Игра').check();
    await citizen.locator('#childAgeGroup').selectOption('13-15');
    await citizen.locator('#municipality').selectOption('kragujevac');
    // A person takes a few seconds to fill the form: without JavaScript that is the check.
    await citizen.waitForTimeout(4200);
    await citizen.getByRole('button', { name: 'Пошаљи пријаву' }).click();
    const receiptText = (await citizen.getByTestId('receipt').textContent()) ?? '';
    const receipt = receiptText.replace(/\s/g, '');
    expect(receipt).toMatch(/^\d{16}$/);
    await expectNoAxeViolations(citizen, 'receipt page');

    // The analyst, in the console.
    const reportRow = await h.platform.ctx.db.selectFrom('reports').select(['id', 'number']).where('description', 'like', 'Неко из игрице%').executeTakeFirstOrThrow();
    const analystUser = await createUser(h.platform.ctx, { roles: ['analyst'], withTotp: false, isDemo: true });
    const analyst = await (await h.newContext()).newPage();
    const problems = watchForPageErrors(analyst);
    await signInToConsole(analyst, analystUser);
    await analyst.goto('/console/reports');
    await analyst.locator(`[data-testid="report-row"][data-report-id="${reportRow.id}"]`).waitFor();
    await expectNoAxeViolations(analyst, 'report queue');
    await analyst.goto(`/console/reports/${reportRow.id}`);
    await expect.poll(() => analyst.getByTestId('report-description').textContent()).toContain('Неко из игрице');
    await expectNoAxeViolations(analyst, 'report detail');
    await analyst.getByTestId('claim-report').click();
    const form = analyst.getByTestId('assessment-form');
    await form.locator('select[name="classification"]').selectOption('sextortion');
    await form.locator('textarea[name="rationale"]').fill('Уцена малолетника, тражи слике.');
    await analyst.getByTestId('save-assessment').click();
    await expect
      .poll(async () => (await h.platform.ctx.db.selectFrom('assessments').select('classification').where('reportId', '=', reportRow.id).execute()).map((a) => a.classification))
      .toEqual(['sextortion']);
    await analyst.locator('textarea[name="body"]').fill('Да ли знаш корисничко име те особе у игрици?');
    await analyst.getByTestId('send-message').click();
    await expect
      .poll(async () => (await h.platform.ctx.db.selectFrom('reports').select('status').where('id', '=', reportRow.id).executeTakeFirstOrThrow()).status)
      .toBe('waiting-reporter');
    expect(problems).toEqual([]);

    // The citizen comes back with the receipt, still without JavaScript.
    await citizen.goto('/report/follow-up');
    await expectNoAxeViolations(citizen, 'follow-up form');
    await citizen.locator('#receipt').fill(receiptText);
    await citizen.getByRole('button', { name: 'Прикажи' }).click();
    expect(await citizen.getByTestId('report-status').textContent()).toContain('У обради');
    expect(await citizen.locator('.messages').textContent()).toContain('Да ли знаш корисничко име');
    await expectNoAxeViolations(citizen, 'follow-up thread');
    await citizen.locator('#body').fill('Да, зове се lovac_77.');
    await citizen.getByRole('button', { name: 'Пошаљи поруку' }).click();
    expect(await citizen.locator('.messages').textContent()).toContain('lovac_77');

    // The analyst sees the answer.
    await analyst.reload();
    await expect.poll(() => analyst.locator('body').textContent()).toContain('lovac_77');
  });

  it('with JavaScript on, the browser solves the proof of work and the report goes through at once', async () => {
    const page = await (await h.newContext()).newPage();
    const problems = watchForPageErrors(page);
    await page.goto('/language/en?next=/report');
    await page.getByLabel(/Someone insults, threatens or humiliates/).check();
    await page.locator('#urls').fill('https://social.example/post/42');
    await page.locator('#description').fill('A group keeps posting insults about a girl from my class.');
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.getByTestId('receipt').waitFor();
    expect((await page.getByTestId('receipt').textContent())?.replace(/\s/g, '')).toMatch(/^\d{16}$/);
    expect(problems).toEqual([]);
  });

  it('shows errors by field, in the reporter\'s language, keeping what they typed', async () => {
    const page = await (await h.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto('/language/sr-Latn?next=/report');
    await expectNoAxeViolations(page, 'report form (sr-Latn)');
    await page.getByLabel(/Slike ili snimci seksualnog zlostavljanja dece/).check();
    await page.locator('#description').fill('Video sam link u grupi');
    await page.waitForTimeout(4200);
    await page.getByRole('button', { name: 'Pošalji prijavu' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Linkovi');
    expect(await page.locator('#urls-error').textContent()).toContain('link je obavezan');
    expect(await page.locator('#description').inputValue()).toBe('Video sam link u grupi');
    await expectNoAxeViolations(page, 'report form with errors (sr-Latn)');
    await page.goto('/language/en?next=/report/follow-up');
    await expectNoAxeViolations(page, 'follow-up form (en)');
  });
});
