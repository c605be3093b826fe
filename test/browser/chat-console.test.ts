// The counsellors' live-chat workspace in Chromium, against a child on a real WebSocket: the
// chat waits in the queue (and in the window title), the counsellor takes it and reads what the
// child wrote while waiting, sends a prepared reply and a typed one (each marked sent once the
// server acknowledges it), sees the child typing; the counsellor's connection drops, the child
// writes meanwhile and the counsellor writes too (shown as not yet sent) — after the reconnect
// every message is there once, in order, and the counsellor's reaches the child once. Ending
// the chat leads to the draft contact. The workspace passes axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Page } from 'playwright-core';
import { signInToConsole, expectNoAxeViolations, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser, type TestUser } from '../helpers/factories';
import { CHAT_ALWAYS_OPEN, setSettings } from '../helpers/settings';
import { seedStarterArticles } from '../../server/advice/starter';

type Frame = Record<string, unknown> & { type: string };

/** The child's side: a plain WebSocket that keeps every frame. */
class Visitor {
  frames: Frame[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.frames.push(JSON.parse(String(data)) as Frame));
  }
  static async connect(url: string): Promise<Visitor> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new Visitor(socket);
  }
  send(frame: object) {
    this.socket.send(JSON.stringify(frame));
  }
  async next(test: (f: Frame) => boolean, what: string): Promise<Frame> {
    await expect.poll(() => this.frames.some(test), { timeout: 10_000, message: what }).toBe(true);
    return this.frames.find(test)!;
  }
  messages(): { seq: number; sender: string; body: string }[] {
    return this.frames.filter((f) => f.type === 'message') as never;
  }
  close() {
    this.socket.terminate();
  }
}

let h: BrowserHarness;
let counsellor: TestUser;

beforeAll(async () => {
  h = await startBrowserHarness();
  await setSettings(h.platform.ctx, CHAT_ALWAYS_OPEN);
  counsellor = await createUser(h.platform.ctx, { roles: ['counsellor'], withTotp: false, isDemo: true });
});
afterAll(async () => h?.close());

async function signedIn(user: TestUser): Promise<Page> {
  const page = await (await h.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await signInToConsole(page, user);
  return page;
}

/** The messages on screen, in order: [seq or null, sender, body, delivery]. */
const shown = (page: Page) =>
  page.getByTestId('conversation').getByTestId('chat-message').evaluateAll((items) =>
    items.map((li) => [li.getAttribute('data-seq') ? Number(li.getAttribute('data-seq')) : null, li.getAttribute('data-sender'), li.querySelector('.chat-body')?.textContent ?? '', li.getAttribute('data-delivery')]),
  );

describe('live chat workspace', () => {
  it('a counsellor takes a chat, answers, survives a dropped connection without losing a message, and ends it into a contact', async () => {
    const opened = await h.platform.app.inject({ method: 'POST', url: '/api/v1/chats', payload: { language: 'sr-Cyrl', nickname: 'Мица', ageGroup: '12-14' } });
    expect(opened.statusCode, opened.body).toBe(201);
    const { chatId, token } = opened.json() as { chatId: string; token: string };
    const child = await Visitor.connect(`${h.baseUrl.replace('http', 'ws')}/api/v1/chat/socket`);
    child.send({ type: 'hello', chatId, token, afterSeq: 0 });
    await child.next((f) => f.type === 'status' && f.status === 'waiting', 'waiting');
    child.send({ type: 'send', clientId: 'c-1', body: 'Неко ми прети да ће објавити моје слике' });
    await child.next((f) => f.type === 'ack' && f.clientId === 'c-1', 'ack c-1');

    const page = await signedIn(counsellor);
    const problems = watchForPageErrors(page);
    await page.getByRole('navigation', { name: 'Главни мени' }).getByRole('link', { name: 'Ћаскање' }).click();
    await page.getByTestId('chats-heading').waitFor();
    await expect.poll(() => page.getByTestId('chat-connection').getAttribute('data-state')).toBe('connected');

    // The queue: nickname, age group, language, waiting time; the title counts it.
    const item = page.getByTestId('queue-item').filter({ hasText: 'Мица' });
    await item.waitFor();
    expect(await item.textContent()).toMatch(/12–14 година.*Српски \(ћирилица\).*чека/);
    await expect.poll(() => page.title()).toMatch(/^\(1\) Ћаскање уживо/);
    await expectNoAxeViolations(page, 'chat workspace with a waiting chat');

    // Take the next chat: the child is told, and what it wrote while waiting is there.
    await page.getByTestId('take-next').click();
    const conversation = page.getByTestId('conversation');
    await conversation.waitFor();
    expect(await conversation.getAttribute('data-chat-id')).toBe(chatId);
    await child.next((f) => f.type === 'status' && f.status === 'active', 'active');
    await expect.poll(() => shown(page)).toEqual([[1, 'visitor', 'Неко ми прети да ће објавити моје слике', 'sent']]);
    expect(await page.getByTestId('chat-language').textContent()).toBe('Српски (ћирилица)');
    expect(await page.getByTestId('chat-age-group').textContent()).toBe('12–14 година');
    await expect.poll(() => page.getByTestId('queue-item').count()).toBe(0);
    await expect.poll(() => page.title()).toMatch(/^Ћаскање уживо/);
    // Taking it put the cursor in the message box.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('chat-message-box');

    // A prepared reply, written into the box and sent with Enter.
    await page.getByTestId('snippets').locator('summary').click();
    await page.locator('[data-testid="snippet"][data-snippet-id="not-your-fault"]').click();
    const box = page.getByTestId('chat-message-box');
    const snippet = await box.inputValue();
    expect(snippet).toContain('ниси ти крив/а');
    await box.press('Enter');
    expect((await child.next((f) => f.type === 'message' && f.seq === 2, 'snippet')).body).toBe(snippet);

    // A typed reply: Shift+Enter is a new line, Enter sends.
    await box.pressSequentially('Хвала што си нам писала.');
    await box.press('Shift+Enter');
    await box.pressSequentially('Сачувај поруке као доказ.');
    await box.press('Enter');
    const reply = await child.next((f) => f.type === 'message' && f.seq === 3, 'reply');
    expect(reply).toMatchObject({ sender: 'counsellor', body: 'Хвала што си нам писала.\nСачувај поруке као доказ.' });
    await expect.poll(() => shown(page)).toEqual([
      [1, 'visitor', 'Неко ми прети да ће објавити моје слике', 'sent'],
      [2, 'counsellor', snippet, 'sent'],
      [3, 'counsellor', 'Хвала што си нам писала.\nСачувај поруке као доказ.', 'sent'],
    ]);

    // The child types, then writes: "typing…" shows, and the message is read out.
    child.send({ type: 'typing' });
    await expect.poll(() => page.getByTestId('chat-typing').textContent()).toBe('Мица пише…');
    child.send({ type: 'send', clientId: 'c-2', body: 'Да ли ће неко сазнати?' });
    await expect.poll(() => page.getByTestId('chat-announcement').textContent()).toBe('Мица: Да ли ће неко сазнати?');
    await expect.poll(() => page.getByTestId('chat-typing').textContent()).toBe('');
    await expectNoAxeViolations(page, 'chat workspace in a conversation');
    await page.screenshot({ path: '/tmp/chat-console.png', fullPage: true });

    // The counsellor's connection drops. The child writes twice meanwhile; the counsellor
    // writes too, and sees that it is not sent yet.
    await page.context().setOffline(true);
    await expect.poll(() => page.getByTestId('chat-connection').getAttribute('data-state')).toMatch(/offline|waiting/);
    child.send({ type: 'send', clientId: 'c-3', body: 'Јеси ли ту?' });
    child.send({ type: 'send', clientId: 'c-4', body: 'Плашим се.' });
    await child.next((f) => f.type === 'ack' && f.clientId === 'c-4', 'ack c-4');
    await box.pressSequentially('Ту сам. Ниси сама.');
    await box.press('Enter');
    await expect.poll(() => page.locator('[data-testid="chat-message"][data-delivery="pending"]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('chat-pending-count').textContent()).toContain('1');
    await page.waitForTimeout(1500); // reconnect attempts fail while offline
    expect((await shown(page)).map((m) => m[0])).toEqual([1, 2, 3, 4, null]);
    await page.screenshot({ path: '/tmp/chat-console-offline.png', fullPage: true });

    await page.context().setOffline(false);
    await expect.poll(() => page.getByTestId('chat-connection').getAttribute('data-state'), { timeout: 15_000 }).toBe('connected');
    await expect.poll(() => shown(page), { timeout: 15_000 }).toEqual([
      [1, 'visitor', 'Неко ми прети да ће објавити моје слике', 'sent'],
      [2, 'counsellor', snippet, 'sent'],
      [3, 'counsellor', 'Хвала што си нам писала.\nСачувај поруке као доказ.', 'sent'],
      [4, 'visitor', 'Да ли ће неко сазнати?', 'sent'],
      [5, 'visitor', 'Јеси ли ту?', 'sent'],
      [6, 'visitor', 'Плашим се.', 'sent'],
      [7, 'counsellor', 'Ту сам. Ниси сама.', 'sent'],
    ]);
    await child.next((f) => f.type === 'message' && f.seq === 7, 'message written offline');
    expect(child.messages().map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]); // its own come back too
    expect(child.messages().filter((m) => m.body === 'Ту сам. Ниси сама.')).toHaveLength(1);
    const stored = await h.platform.ctx.db.selectFrom('chatMessages').select('seq').where('chatId', '=', chatId).orderBy('seq').execute();
    expect(stored.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    expect(problems).toEqual([]);

    // End (confirmed): the child is told and the counsellor lands on the draft contact.
    await page.getByTestId('end-chat').click();
    await page.getByRole('group', { name: 'Заврши ћаскање' }).getByRole('button', { name: 'Потврди' }).click();
    await page.waitForURL(/\/console\/helpline\/contacts\/[0-9a-f-]{36}$/);
    await child.next((f) => f.type === 'status' && f.status === 'ended', 'ended');
    const contactId = page.url().split('/').pop()!;
    const contact = await h.platform.ctx.db.selectFrom('contacts').select(['chatId', 'status', 'counsellorId']).where('id', '=', contactId).executeTakeFirstOrThrow();
    expect(contact).toEqual({ chatId, status: 'draft', counsellorId: counsellor.id });
    child.close();
  });

  it('a counsellor takes a particular chat, links an advice article, transfers it; the colleague sees it, the child leaves, the colleague completes the contact', async () => {
    await seedStarterArticles(h.platform.ctx.db);
    const opened = await h.platform.app.inject({ method: 'POST', url: '/api/v1/chats', payload: { language: 'en', nickname: 'Luka', ageGroup: '15-17' } });
    const { chatId, token } = opened.json() as { chatId: string; token: string };
    const child = await Visitor.connect(`${h.baseUrl.replace('http', 'ws')}/api/v1/chat/socket`);
    child.send({ type: 'hello', chatId, token, afterSeq: 0 });
    await child.next((f) => f.type === 'status', 'status');

    const colleague = await createUser(h.platform.ctx, { roles: ['counsellor'], withTotp: false, isDemo: true });
    const colleaguePage = await signedIn(colleague);
    await colleaguePage.goto('/console/chats');
    await colleaguePage.getByTestId('chats-heading').waitFor();
    const page = await signedIn(counsellor);
    const problems = [...watchForPageErrors(page), ...watchForPageErrors(colleaguePage)];
    await page.goto('/console/chats');

    // Take this one from the queue (not "the next").
    await page.getByRole('button', { name: /Преузми ћаскање бр\. \d+ \(Luka\)/ }).click();
    await page.getByTestId('conversation').waitFor();
    await expect.poll(() => colleaguePage.getByTestId('queue-item').count()).toBe(0);
    expect(await page.getByTestId('chat-language').textContent()).toBe('Енглески');

    // An advice article's link goes into the message box; English titles for an English chat.
    await page.getByTestId('advice-links').locator('summary').click();
    await page.getByTestId('advice-links').locator('input[type="search"]').fill('Family Link');
    await page.getByTestId('advice-links').getByRole('button', { name: 'Тражи' }).click();
    await page.getByRole('button', { name: 'Упиши везу ка савету „Parental controls with Google Family Link (Android)”' }).click();
    expect(await page.getByTestId('chat-message-box').inputValue()).toBe(`${h.baseUrl}/advice/google-family-link`);
    await page.getByTestId('chat-message-box').press('Enter');
    expect((await child.next((f) => f.type === 'message' && f.sender === 'counsellor', 'link')).body).toBe(`${h.baseUrl}/advice/google-family-link`);

    // Transfer to the colleague: it leaves this workspace and appears in theirs, history included.
    await page.getByTestId('transfer').locator('summary').click();
    await page.locator('select[name="counsellorId"]').selectOption(colleague.id);
    await page.getByTestId('transfer-submit').click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'је пребачено' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('conversation').count()).toBe(0);
    await colleaguePage.getByTestId('conversation').waitFor();
    await expect.poll(() => colleaguePage.getByRole('status').filter({ hasText: 'Пребачено вам је ћаскање' }).count()).toBe(1);
    await expect.poll(() => shown(colleaguePage)).toEqual([[1, 'counsellor', `${h.baseUrl}/advice/google-family-link`, 'sent']]);
    child.send({ type: 'send', clientId: 'l-1', body: 'ok thanks, bye' });
    await expect.poll(() => shown(colleaguePage).then((m) => m.length)).toBe(2);

    // The child leaves: nothing more can be written; the colleague completes the contact.
    child.send({ type: 'end' });
    await colleaguePage.getByTestId('chat-closed').waitFor();
    expect(await colleaguePage.getByTestId('chat-message-box').count()).toBe(0);
    await expectNoAxeViolations(colleaguePage, 'chat ended by the visitor');
    await colleaguePage.screenshot({ path: '/tmp/chat-console-ended.png' });
    expect(problems).toEqual([]);
    await colleaguePage.getByTestId('complete-contact').click();
    await colleaguePage.waitForURL(/\/console\/helpline\/contacts\/[0-9a-f-]{36}$/);
    const contactId = colleaguePage.url().split('/').pop()!;
    const contact = await h.platform.ctx.db.selectFrom('contacts').select(['chatId', 'counsellorId']).where('id', '=', contactId).executeTakeFirstOrThrow();
    expect(contact).toEqual({ chatId, counsellorId: colleague.id });
    child.close();
  });
});
