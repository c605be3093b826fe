// The quiz at a presentation, in a real browser: the coordinator attaches a quiz to the event
// and opens the "before" part, the code and QR code go on the screen; on phone-sized screens
// (375×667) one pupil types the code (JavaScript on, Latin script), another opens the short link
// straight away as a QR code would (JavaScript off, English); the presenter opens the "after"
// part, a pupil's forgotten "before" page is refused, the pupils answer again, and the event
// page shows the share of right answers per question before and after. axe-core checks the quiz
// page in three languages, the thank-you pages and the question bank.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, signInToConsole, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser, type TestUser } from '../helpers/factories';
import { insertEvent } from '../helpers/prevention';
import { seedStarterQuestions, STARTER_QUESTIONS } from '../../server/prevention/quizzes/starter';

let h: BrowserHarness;
let coordinator: TestUser;
let presenter: TestUser;
let eventId: string;
/** The quiz's questions in order, with their right answers. */
let questions: { id: string; right: number; wrong: number }[];
let code: string;
/** The two pupils' phones, kept open from the before part to the after part. */
let latinPupil: Page;
let englishPupil: Page;

const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const KEYS = ['cyberbullying-first-step', 'grooming-meeting', 'reporting-who-helps'] as const;

beforeAll(async () => {
  h = await startBrowserHarness();
  const ctx = h.platform.ctx;
  await seedStarterQuestions(ctx.db);
  coordinator = await createUser(ctx, { roles: ['prevention-coordinator'], withTotp: false, isDemo: true });
  presenter = await createUser(ctx, { roles: ['presenter'], withTotp: false, isDemo: true });
  eventId = await insertEvent(ctx, { startsAt: new Date(Date.now() - 5 * 60_000), durationMinutes: 90, presenterIds: [presenter.id] });
  const rows = await ctx.db.selectFrom('quizQuestions').select(['id', 'starterKey', 'correctOption']).where('starterKey', 'in', [...KEYS]).execute();
  questions = KEYS.map((key) => {
    const row = rows.find((r) => r.starterKey === key)!;
    return { id: row.id, right: row.correctOption, wrong: row.correctOption === 0 ? 1 : 0 };
  });
});
afterAll(async () => h?.close());

async function staffPage(user: TestUser): Promise<Page> {
  const page = await (await h.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await signInToConsole(page, user);
  return page;
}

/** Ticks one answer per question: right (true) or wrong (false). */
async function answerAll(page: Page, pattern: boolean[]): Promise<void> {
  for (const [i, q] of questions.entries()) {
    await page.locator(`input[name="answer-${q.id}"][value="${pattern[i] ? q.right : q.wrong}"]`).check();
  }
}

const pupil = async (javaScriptEnabled: boolean) => {
  const page = await (await h.newContext({ ...PHONE, javaScriptEnabled })).newPage();
  return { page, problems: watchForPageErrors(page) };
};

describe('a quiz before and after a presentation', () => {
  it('the coordinator attaches a quiz and opens the before part; the code and QR code are on the screen', async () => {
    const page = await staffPage(coordinator);
    const problems = watchForPageErrors(page);
    await page.goto(`/console/prevention/events/${eventId}`);
    const panel = page.getByTestId('event-quiz-panel');
    await panel.waitFor();
    // Too few questions is explained next to the list; then three are chosen in order.
    await panel.locator(`input[value="${questions[0]!.id}"]`).check();
    await page.getByTestId('quiz-attach').click();
    await expect.poll(() => panel.locator('.field-error').first().textContent()).toContain('најмање 3');
    for (const q of questions.slice(1)) await panel.locator(`input[value="${q.id}"]`).check();
    await page.getByTestId('quiz-attach').click();
    await page.getByTestId('quiz-phase').waitFor();
    expect(await page.getByTestId('quiz-phase').textContent()).toBe('Затворен');
    expect(await panel.locator('.quiz-question-list li').allTextContents()).toEqual(KEYS.map((key) => STARTER_QUESTIONS.find((q) => q.key === key)!.sr.prompt));

    await page.getByTestId('quiz-open-pre').click();
    await expect.poll(() => page.getByTestId('quiz-phase').textContent()).toBe('Отворен – пре предавања');
    code = (await page.getByTestId('quiz-code').textContent())!;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(await page.getByTestId('quiz-link').getAttribute('href')).toBe(`${h.baseUrl}/q/${code}`);
    expect(await page.getByTestId('quiz-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await page.getByTestId('quiz-qr').getAttribute('alt')).toContain(`/q/${code}`);

    // The projector view: the code in large type; Esc closes it.
    await page.getByTestId('quiz-full-screen').click();
    const screen = page.getByTestId('quiz-screen');
    await expect.poll(() => screen.isVisible()).toBe(true);
    expect(await screen.locator('.quiz-screen-code').textContent()).toBe(code);
    await page.keyboard.press('Escape');
    await expect.poll(() => screen.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a pupil types the code on a phone (JavaScript on) and answers in Latin script', async () => {
    const { page, problems } = await pupil(true);
    latinPupil = page;
    await page.goto('/q');
    await expectNoAxeViolations(page, 'quiz code page');
    await page.locator('#code').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(new RegExp(`/q/${code}$`));
    expect(await page.locator('h1').textContent()).toBe('Квиз пре предавања');
    await expectNoAxeViolations(page, 'quiz page (sr-Cyrl)');

    await page.getByRole('link', { name: 'Srpski (latinica)' }).click();
    await page.waitForURL(new RegExp(`/q/${code}$`));
    expect(await page.getAttribute('html', 'lang')).toBe('sr-Latn');
    expect(await page.locator('h1').textContent()).toBe('Kviz pre predavanja');
    expect(await page.locator('.quiz-prompt').first().textContent()).toBe('Neko ti šalje uvredljive poruke. Šta je najbolje prvo da uradiš?');
    await expectNoAxeViolations(page, 'quiz page (sr-Latn)');
    // Every answer is a big target: at least 44 px high and most of the phone's width.
    const box = (await page.locator('.quiz-option').first().boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThan(300);

    await answerAll(page, [true, false, false]);
    await page.locator('.quiz-submit').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hvala!');
    expect(await page.locator('.quiz-review').count()).toBe(0); // no right answers before the presentation
    await expectNoAxeViolations(page, 'thank-you page, before (sr-Latn)');
    expect(problems).toEqual([]);
  });

  it('another pupil opens the short link directly (as a QR code does), without JavaScript, in English', async () => {
    const { page } = await pupil(false);
    englishPupil = page;
    await page.goto(`/q/${code}`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(new RegExp(`/q/${code}$`));
    expect(await page.locator('h1').textContent()).toBe('Quiz before the presentation');
    await expectNoAxeViolations(page, 'quiz page (en, JavaScript off)');

    // One question left out: the error is listed at the top and beside the question; the other answers stay.
    await page.locator(`input[name="answer-${questions[0]!.id}"][value="${questions[0]!.wrong}"]`).check();
    await page.locator(`input[name="answer-${questions[2]!.id}"][value="${questions[2]!.right}"]`).check();
    await page.locator('.quiz-submit').click();
    await page.waitForURL(new RegExp(`/q/${code}#main$`));
    expect(await page.locator('.error-summary').textContent()).toContain('Question 2 of 3: Choose one answer.');
    expect(await page.locator('#question-2 .field-error').textContent()).toBe('Choose one answer.');
    expect(await page.locator(`input[name="answer-${questions[2]!.id}"][value="${questions[2]!.right}"]`).isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'quiz page with an error (en, JavaScript off)');
    await page.locator(`input[name="answer-${questions[1]!.id}"][value="${questions[1]!.wrong}"]`).check();
    await page.locator('.quiz-submit').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you!');
    await expectNoAxeViolations(page, 'thank-you page, before (en, JavaScript off)');
  });

  it('the presenter opens the after part; a before page sent late is refused; the pupils answer again and see the right answers', async () => {
    // A pupil who opened the before page but did not send it in time.
    const { page: late } = await pupil(false);
    await late.goto(`/q/${code}`);
    await answerAll(late, [true, true, true]);

    const page = await staffPage(presenter);
    await page.goto(`/console/prevention/events/${eventId}`);
    await page.getByTestId('quiz-open-post').click();
    await expect.poll(() => page.getByTestId('quiz-phase').textContent()).toBe('Отворен – после предавања');
    expect(await page.getByTestId('quiz-code').textContent()).toBe(code);

    await late.locator('.quiz-submit').click();
    await expect.poll(() => late.locator('h1').textContent()).toBe('Овај део квиза је завршен');
    await late.getByRole('link', { name: 'Отвори квиз после предавања' }).click();
    await expect.poll(() => late.locator('h1').textContent()).toBe('Квиз после предавања');

    // The two pupils follow the link on their thank-you pages to the second part.
    const second = [
      { phone: latinPupil, link: 'Otvori drugi deo kviza', title: 'Kviz posle predavanja', thanks: 'Hvala!', pattern: [true, true, true], label: 'sr-Latn, JavaScript on' },
      { phone: englishPupil, link: 'Open the second part of the quiz', title: 'Quiz after the presentation', thanks: 'Thank you!', pattern: [true, true, false], label: 'en, JavaScript off' },
    ];
    for (const { phone, link, title, thanks, pattern, label } of second) {
      await phone.getByRole('link', { name: link }).click();
      await expect.poll(() => phone.locator('h1').textContent()).toBe(title);
      await answerAll(phone, pattern);
      await phone.locator('.quiz-submit').click();
      await expect.poll(() => phone.locator('h1').textContent()).toBe(thanks);
      expect(await phone.locator('.quiz-review > li').count()).toBe(3);
      expect(await phone.locator('.quiz-wrong').count()).toBe(pattern.filter((right) => !right).length);
      await expectNoAxeViolations(phone, `thank-you page with the right answers (${label})`);
    }

    await page.getByTestId('quiz-close').click();
    await expect.poll(() => page.getByTestId('quiz-phase').textContent()).toBe('Затворен');
    await late.goto(`/q/${code}`);
    expect(await late.locator('h1').textContent()).toBe('Квиз је завршен');
  });

  it('the event page shows the share of right answers per question before and after', async () => {
    const page = await staffPage(coordinator);
    const problems = watchForPageErrors(page);
    await page.goto(`/console/prevention/events/${eventId}`);
    const table = page.getByTestId('quiz-results');
    await table.waitFor();
    const rows = await page.getByTestId('quiz-result-row').all();
    expect(rows).toHaveLength(3);
    const cells = async (row: (typeof rows)[number]) => (await row.locator('td').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    // Before: 2 pupils (right, wrong, wrong) and (wrong, wrong, right); after: 2 pupils (all right) and (right, right, wrong).
    expect(await cells(rows[0]!)).toEqual([expect.stringMatching(/^50 ?% \(1 од 2\)$/), expect.stringMatching(/^100 ?% \(2 од 2\)$/), '+50 п. п.']);
    expect(await cells(rows[1]!)).toEqual([expect.stringMatching(/^0 ?% \(0 од 2\)$/), expect.stringMatching(/^100 ?% \(2 од 2\)$/), '+100 п. п.']);
    expect(await cells(rows[2]!)).toEqual([expect.stringMatching(/^50 ?% \(1 од 2\)$/), expect.stringMatching(/^50 ?% \(1 од 2\)$/), '0 п. п.']);
    expect(await page.locator('.quiz-results').textContent()).toContain('Одговора пре предавања: 2 · после предавања: 2');

    // The question bank, as the coordinator keeps it.
    await page.goto('/console/prevention/quizzes');
    await page.getByTestId('quiz-question-row').first().waitFor();
    expect(await page.getByTestId('quiz-question-row').count()).toBe(STARTER_QUESTIONS.length);
    await expectNoAxeViolations(page, 'quiz question bank');
    expect(problems).toEqual([]);
  });
});
