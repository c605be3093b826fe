// The public chat page in a real browser: without JavaScript it offers the phone and e-mail,
// outside opening hours it says when to come back; with JavaScript a child waits in the queue,
// talks with a counsellor, loses the connection and gets every message after it comes back,
// reloads the tab and keeps the conversation, and the quick exit leaves no trace in the tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, startBrowserHarness, watchForPageErrors, type BrowserHarness } from '../helpers/browser';
import { createUser, signIn, type Client } from '../helpers/factories';
import { CHAT_ALWAYS_OPEN, setSettings } from '../helpers/settings';

let h: BrowserHarness;
let counsellor: Client;


/** The counsellor's side over the staff WebSocket, as the console uses it. */
async function staffSocket(): Promise<{ socket: WebSocket; frames: Record<string, unknown>[] }> {
  const socket = new WebSocket(`${h.baseUrl.replace('http', 'ws')}/api/v1/chat/staff-socket`, { headers: { cookie: counsellor.cookie } });
  const frames: Record<string, unknown>[] = [];
  socket.on('message', (d) => frames.push(JSON.parse(String(d))));
  await new Promise((r) => socket.once('open', r));
  return { socket, frames };
}

async function until<T>(read: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function messagesShown(page: Page): Promise<string[]> {
  return page.locator('#chat-log .chat-message .text').allTextContents();
}

beforeAll(async () => {
  h = await startBrowserHarness();
  counsellor = await signIn(h.platform.app, await createUser(h.platform.ctx, { roles: ['counsellor'] }));
  await setSettings(h.platform.ctx, CHAT_ALWAYS_OPEN);
}, 60_000);
afterAll(async () => h?.close());

describe('public chat page', () => {
  it('outside opening hours says when the chat is back and offers the other ways (axe-clean)', async () => {
    await setSettings(h.platform.ctx, { chatOpensAt: '08:00', chatClosesAt: '08:01', chatOnWeekends: true });
    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto('/language/en?next=/chat');
    expect(await page.locator('.chat-closed h2').textContent()).toBe('The chat is not available right now.');
    expect(await page.locator('.chat-closed').textContent()).toMatch(/We are back .*(08:00|8:00)/);
    expect(await page.locator('.chat-closed a[href="/report"]').count()).toBe(1);
    expect(await page.locator('.chat-closed a[href="/advice"]').count()).toBe(1);
    await expectNoAxeViolations(page, 'chat closed');
    await context.close();
    await setSettings(h.platform.ctx, CHAT_ALWAYS_OPEN);
  });

  for (const language of ['sr-Cyrl', 'sr-Latn', 'en'] as const) {
    it(`without JavaScript gives the phone number and e-mail instead (${language}, axe-clean)`, async () => {
      const context = await h.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`/language/${language}?next=/chat`);
      await expect(page.locator('#chat-needs-js').isVisible()).resolves.toBe(true);
      expect(await page.locator('#chat-needs-js').textContent()).toContain('19833');
      expect(await page.locator('#chat-start').isVisible()).toBe(false);
      await expectNoAxeViolations(page, `chat without JavaScript (${language})`);
      await context.close();
    });
  }

  it('lets a child wait, talk, lose the connection, come back and reload without losing a message', async () => {
    const context = await h.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchForPageErrors(page);
    await page.goto('/language/sr-Cyrl?next=/chat');
    await expectNoAxeViolations(page, 'chat start form');
    await page.locator('#chat-nickname').fill('Ана');
    await page.locator('#chat-age').selectOption('12-14');
    await page.locator('#chat-start button[type="submit"]').click();
    await page.locator('#chat-status').filter({ hasText: /реду|Испред/ }).waitFor();
    await expectNoAxeViolations(page, 'chat waiting');

    // Written while waiting, delivered once a counsellor takes the chat.
    await page.locator('#chat-message').fill('Неко ми прети');
    await page.keyboard.press('Enter');
    await page.locator('#chat-log .chat-message:not(.pending) .text', { hasText: 'Неко ми прети' }).waitFor();

    const chats = (await counsellor.get('/api/v1/chats')).json().chats as { id: string; nickname: string }[];
    const chatId = chats.find((c) => c.nickname === 'Ана')!.id;
    expect((await counsellor.post(`/api/v1/chats/${chatId}/accept`)).statusCode).toBe(200);
    await page.locator('#chat-status', { hasText: 'Саветник је ту' }).waitFor();

    const staff = await staffSocket();
    staff.socket.send(JSON.stringify({ type: 'watch', chatId, afterSeq: 0 }));
    await until(() => staff.frames.find((f) => f.type === 'message' && f.body === 'Неко ми прети'), 'the child message at the counsellor');
    staff.socket.send(JSON.stringify({ type: 'send', chatId, clientId: 'k1', body: 'Ту сам. Ниси ти крив/а.' }));
    await page.locator('#chat-log .from-counsellor .text', { hasText: 'Ту сам.' }).waitFor();

    // The child's connection drops (the server closes it); meanwhile the counsellor writes.
    for (const client of h.platform.app.websocketServer.clients) if (client !== undefined) client.terminate();
    staff.socket.close();
    const staffAgain = await staffSocket();
    staffAgain.socket.send(JSON.stringify({ type: 'watch', chatId, afterSeq: 2 }));
    staffAgain.socket.send(JSON.stringify({ type: 'send', chatId, clientId: 'k2', body: 'Сачувај поруке као доказ.' }));
    await until(() => staffAgain.frames.find((f) => f.type === 'ack' && f.clientId === 'k2'), 'ack');
    await page.locator('#chat-log .from-counsellor .text', { hasText: 'Сачувај поруке' }).waitFor({ timeout: 15_000 });
    await page.locator('#chat-message').fill('Добро, хвала');
    await page.keyboard.press('Enter');
    await until(() => staffAgain.frames.find((f) => f.type === 'message' && f.body === 'Добро, хвала'), 'the reply after reconnecting');
    expect(await messagesShown(page)).toEqual(['Неко ми прети', 'Ту сам. Ниси ти крив/а.', 'Сачувај поруке као доказ.', 'Добро, хвала']);

    // A reload in the same tab keeps the conversation.
    await page.reload();
    await page.locator('#chat-log .chat-message', { hasText: 'Добро, хвала' }).waitFor();
    expect(await messagesShown(page)).toEqual(['Неко ми прети', 'Ту сам. Ниси ти крив/а.', 'Сачувај поруке као доказ.', 'Добро, хвала']);
    await expectNoAxeViolations(page, 'chat conversation');

    // The quick exit leaves, and nothing of the chat stays in the tab.
    await page.locator('.chat-actions .quick-exit').click();
    await page.waitForURL(/google/);
    await page.goto('/chat');
    expect(await page.evaluate(() => sessionStorage.getItem('bezbedno.chat'))).toBeNull();
    expect(await page.locator('#chat-start').isVisible()).toBe(true);
    staffAgain.socket.close();
    expect(problems).toEqual([]);
    await context.close();
  });
});
