// The whole chat journey with both sides in Chromium: a child opens the chat on a phone-sized
// public page and writes while waiting; a counsellor signed in to the console takes the chat,
// reads it and answers (typed, and a prepared reply); they write both ways and each sees the
// other's messages once, in order. The child's connection drops while the counsellor writes
// twice; back online, the child's page shows both, once, and the child answers. The counsellor
// ends the chat, the child is told, and the counsellor completes the contact the chat became
// (transcript attached) and finalises it. Both pages pass axe-core and raise no page errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { signInToConsole, expectNoAxeViolations, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser, signIn, type TestUser } from '../helpers/factories';
import { CHAT_ALWAYS_OPEN, setSettings } from '../helpers/settings';

let h: BrowserHarness;
let counsellor: TestUser;

beforeAll(async () => {
  h = await startBrowserHarness();
  await setSettings(h.platform.ctx, CHAT_ALWAYS_OPEN);
  counsellor = await createUser(h.platform.ctx, { roles: ['counsellor'], withTotp: false, isDemo: true });
});
afterAll(async () => h?.close());

/** The child's page: the messages shown, in order, as [sender class, text, pending?]. */
const childSees = (page: Page) =>
  page.locator('#chat-log .chat-message').evaluateAll((items) =>
    items.map((p) => [p.classList.contains('from-visitor') ? 'visitor' : p.classList.contains('from-counsellor') ? 'counsellor' : 'other', p.querySelector('.text')?.textContent ?? '', p.classList.contains('pending')]),
  );

/** The counsellor's page: the messages shown, in order, as [seq or null, sender, body, delivery]. */
const counsellorSees = (page: Page) =>
  page.getByTestId('conversation').getByTestId('chat-message').evaluateAll((items) =>
    items.map((li) => [li.getAttribute('data-seq') ? Number(li.getAttribute('data-seq')) : null, li.getAttribute('data-sender'), li.querySelector('.chat-body')?.textContent ?? '', li.getAttribute('data-delivery')]),
  );

const CHILD_FIRST = 'Неко ми прети да ће објавити моје слике ако му не пошаљем још.';
const TYPED_REPLY = 'Ту сам, Ана. Хвала што си нам писала.';
const CHILD_SECOND = 'Тражи још слика и каже да има 24 сата.';
const COUNSELLOR_OFFLINE_1 = 'Немој му ништа слати и не плаћај.';
const COUNSELLOR_OFFLINE_2 = 'Сачувај поруке и његов профил као доказ.';
const CHILD_AFTER = 'Добро, сачуваћу све. Хвала.';

describe('chat journey', () => {
  it('a child and a counsellor talk, the child loses the connection without losing a message, and the chat becomes a completed contact', async () => {
    // The child, on a phone.
    const childContext: BrowserContext = await h.newContext({ viewport: { width: 390, height: 844 } });
    const child = await childContext.newPage();
    const childProblems = watchForPageErrors(child);
    child.on('dialog', (dialog) => void dialog.accept());
    await child.goto('/language/sr-Cyrl?next=/chat');
    await child.locator('#chat-nickname').fill('Ана');
    await child.locator('#chat-age').selectOption('12-14');
    await child.locator('#chat-start button[type="submit"]').click();
    await child.locator('#chat-status').filter({ hasText: /реду|Испред/ }).waitFor();
    await child.locator('#chat-message').fill(CHILD_FIRST);
    await child.keyboard.press('Enter');
    await child.locator('#chat-log .chat-message:not(.pending) .text', { hasText: CHILD_FIRST }).waitFor();

    // The counsellor, on a laptop, in the chat workspace.
    const staffContext = await h.newContext({ viewport: { width: 1366, height: 900 } });
    const staff = await staffContext.newPage();
    const staffProblems = watchForPageErrors(staff);
    staff.on('dialog', (dialog) => void dialog.accept());
    await signInToConsole(staff, counsellor);
    await staff.goto('/console/chats');
    await staff.getByTestId('chats-heading').waitFor();
    await expect.poll(() => staff.getByTestId('chat-connection').getAttribute('data-state')).toBe('connected');

    // The waiting chat is in the queue; the counsellor takes it and reads what the child wrote.
    const waiting = staff.getByTestId('queue-item').filter({ hasText: 'Ана' });
    await waiting.waitFor();
    expect(await waiting.textContent()).toMatch(/12–14 година.*Српски \(ћирилица\)/);
    await expectNoAxeViolations(staff, 'chat workspace with the child waiting');
    const chatId = await waiting.getAttribute('data-chat-id');
    await waiting.getByRole('button', { name: /Преузми ћаскање бр\. \d+ \(Ана\)/ }).click();
    const conversation = staff.getByTestId('conversation');
    await conversation.waitFor();
    expect(await conversation.getAttribute('data-chat-id')).toBe(chatId);
    await expect.poll(() => counsellorSees(staff)).toEqual([[1, 'visitor', CHILD_FIRST, 'sent']]);
    await child.locator('#chat-status', { hasText: 'Саветник је ту' }).waitFor();

    // The counsellor answers: typed, then a prepared reply.
    const box = staff.getByTestId('chat-message-box');
    await box.fill(TYPED_REPLY);
    await box.press('Enter');
    await staff.getByTestId('snippets').locator('summary').click();
    await staff.locator('[data-testid="snippet"][data-snippet-id="not-your-fault"]').click();
    const snippet = await box.inputValue();
    expect(snippet).toContain('ниси ти крив/а');
    await box.press('Enter');
    await expect.poll(() => childSees(child)).toEqual([
      ['visitor', CHILD_FIRST, false],
      ['counsellor', TYPED_REPLY, false],
      ['counsellor', snippet, false],
    ]);

    // The child writes back; the counsellor sees it once, after the replies.
    await child.locator('#chat-message').fill(CHILD_SECOND);
    await child.keyboard.press('Enter');
    await expect.poll(() => counsellorSees(staff)).toEqual([
      [1, 'visitor', CHILD_FIRST, 'sent'],
      [2, 'counsellor', TYPED_REPLY, 'sent'],
      [3, 'counsellor', snippet, 'sent'],
      [4, 'visitor', CHILD_SECOND, 'sent'],
    ]);
    await expect.poll(() => childSees(child)).toEqual([
      ['visitor', CHILD_FIRST, false],
      ['counsellor', TYPED_REPLY, false],
      ['counsellor', snippet, false],
      ['visitor', CHILD_SECOND, false],
    ]);
    await expectNoAxeViolations(child, 'child chat page in the conversation');
    await expectNoAxeViolations(staff, 'chat workspace in the conversation');

    // The child's connection drops; the counsellor writes twice meanwhile.
    await childContext.setOffline(true);
    await child.locator('#chat-status', { hasText: 'Веза је прекинута' }).waitFor({ timeout: 15_000 });
    await box.fill(COUNSELLOR_OFFLINE_1);
    await box.press('Enter');
    await box.fill(COUNSELLOR_OFFLINE_2);
    await box.press('Enter');
    await expect.poll(() => counsellorSees(staff)).toEqual([
      [1, 'visitor', CHILD_FIRST, 'sent'],
      [2, 'counsellor', TYPED_REPLY, 'sent'],
      [3, 'counsellor', snippet, 'sent'],
      [4, 'visitor', CHILD_SECOND, 'sent'],
      [5, 'counsellor', COUNSELLOR_OFFLINE_1, 'sent'],
      [6, 'counsellor', COUNSELLOR_OFFLINE_2, 'sent'],
    ]);
    expect(await child.locator('#chat-log .chat-message').count()).toBe(4);

    // Back online: the child's page reconnects and shows both, once each, in order.
    await childContext.setOffline(false);
    await child.locator('#chat-status', { hasText: 'Саветник је ту' }).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => childSees(child), { timeout: 20_000 })
      .toEqual([
        ['visitor', CHILD_FIRST, false],
        ['counsellor', TYPED_REPLY, false],
        ['counsellor', snippet, false],
        ['visitor', CHILD_SECOND, false],
        ['counsellor', COUNSELLOR_OFFLINE_1, false],
        ['counsellor', COUNSELLOR_OFFLINE_2, false],
      ]);

    // The child writes again and the counsellor sees it.
    await child.locator('#chat-message').fill(CHILD_AFTER);
    await child.keyboard.press('Enter');
    const everything = [
      [1, 'visitor', CHILD_FIRST, 'sent'],
      [2, 'counsellor', TYPED_REPLY, 'sent'],
      [3, 'counsellor', snippet, 'sent'],
      [4, 'visitor', CHILD_SECOND, 'sent'],
      [5, 'counsellor', COUNSELLOR_OFFLINE_1, 'sent'],
      [6, 'counsellor', COUNSELLOR_OFFLINE_2, 'sent'],
      [7, 'visitor', CHILD_AFTER, 'sent'],
    ];
    await expect.poll(() => counsellorSees(staff)).toEqual(everything);
    await expect.poll(() => childSees(child)).toEqual(everything.map(([, sender, body]) => [sender, body, false]));

    // The counsellor ends the chat (confirmed): the child is told, the counsellor gets the contact.
    await staff.getByTestId('end-chat').click();
    await staff.getByRole('group', { name: 'Заврши ћаскање' }).getByRole('button', { name: 'Потврди' }).click();
    await staff.waitForURL(/\/console\/helpline\/contacts\/[0-9a-f-]{36}$/);
    await child.locator('#chat-status', { hasText: 'Разговор је завршен' }).waitFor();
    expect(await child.locator('#chat-compose').isVisible()).toBe(false);
    expect(await child.locator('#chat-new').isVisible()).toBe(true);
    const contactId = staff.url().split('/').pop()!;

    // The transcript is on the contact, every message in order; the counsellor completes it.
    await staff.getByTestId('contact-heading').waitFor();
    const transcript = staff.locator('section[aria-labelledby="contact-transcript"] ol.transcript > li p.pre-wrap');
    await expect.poll(() => transcript.allTextContents()).toEqual(everything.map(([, , body]) => body));
    const form = staff.getByTestId('contact-form');
    expect(await form.locator('input[name="channel"]:checked').getAttribute('value')).toBe('chat');
    await form.locator('input[name="callerType"][value="teen"]').check();
    expect(await form.locator('input[name="ageGroup"]:checked').getAttribute('value')).toBe('12-14');
    await form.locator('select[name="primaryCategory"]').selectOption('sextortion');
    await form.locator('textarea[name="summary"]').fill('Девојчица (12–14) уцењена интимним сликама; уценитељ тражи још слика у року од 24 сата.');
    await form.locator('textarea[name="adviceGiven"]').fill('Не слати ништа, не плаћати, сачувати поруке и профил као доказ.');
    await form.locator('select[name="outcome"]').selectOption('advice-given');
    await expectNoAxeViolations(staff, 'contact from the chat');
    await staff.getByTestId('finalise-contact').click();
    await expect.poll(() => staff.getByTestId('contact-status').textContent()).toContain('Завршено');

    // What was stored, read back through the API.
    const api = await signIn(h.platform.app, counsellor);
    const read = await api.get(`/api/v1/contacts/${contactId}`);
    expect(read.statusCode, read.body).toBe(200);
    const contact = read.json().contact as Record<string, unknown> & { transcript: { seq: number; sender: string; body: string }[] };
    expect(contact).toMatchObject({
      status: 'final',
      channel: 'chat',
      contactType: 'data',
      chatId,
      counsellorId: counsellor.id,
      callerType: 'teen',
      ageGroup: '12-14',
      language: 'sr-Cyrl',
      primaryCategory: 'sextortion',
      outcome: 'advice-given',
      summary: 'Девојчица (12–14) уцењена интимним сликама; уценитељ тражи још слика у року од 24 сата.',
      adviceGiven: 'Не слати ништа, не плаћати, сачувати поруке и профил као доказ.',
    });
    expect(contact.transcript.map((m) => [m.seq, m.sender, m.body])).toEqual(everything.map(([seq, sender, body]) => [seq, sender, body]));

    expect(childProblems).toEqual([]);
    expect(staffProblems).toEqual([]);
  });
});
