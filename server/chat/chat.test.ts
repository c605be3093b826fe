// The live chat end to end over real WebSockets: a visitor connected to one app instance and
// a counsellor connected to another on the same database (events pass through PostgreSQL
// LISTEN/NOTIFY, not process memory), the queue, acknowledgements, a dropped connection that
// loses nothing, resends that are not stored twice, ending into a contact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import { buildApp } from '../app';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, signIn, type Client, type TestUser } from '../../test/helpers/factories';
import { CHAT_ALWAYS_OPEN, setSettings } from '../../test/helpers/settings';
import { chatHours } from './hours';
import { chatHousekeeping } from './chats';

let p: TestPlatform;
let second: FastifyInstance;
let urlA: string;
let urlB: string;
let counsellorUser: TestUser;
let counsellor: Client;
let colleague: Client;
let colleagueUser: TestUser;

type Frame = Record<string, unknown> & { type: string };

/** A WebSocket that keeps every frame it receives and lets a test wait for one. */
class Peer {
  frames: Frame[] = [];
  private waiters: { test: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  closed: { code: number } | null = null;
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => (w.test(frame) ? (w.resolve(frame), false) : true));
    });
    socket.on('close', (code) => {
      this.closed = { code };
    });
  }
  static async connect(url: string, headers: Record<string, string> = {}): Promise<Peer> {
    const socket = new WebSocket(url, { headers });
    const peer = new Peer(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return peer;
  }
  send(frame: object) {
    this.socket.send(JSON.stringify(frame));
  }
  next(test: (f: Frame) => boolean, timeoutMs = 5_000): Promise<Frame> {
    const seen = this.frames.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame; got ${JSON.stringify(this.frames)}`)), timeoutMs);
      this.waiters.push({ test, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }
  messages(chatId: string) {
    return this.frames.filter((f) => f.type === 'message' && f.chatId === chatId) as (Frame & { seq: number; body: string; sender: string })[];
  }
  close() {
    this.socket.terminate();
  }
}


/** Ends a waiting chat the test no longer needs, so the queue is empty for the next test. */
async function close(chat: { chatId: string }) {
  await p.ctx.db.updateTable('chats').set({ status: 'ended', endedAt: new Date(), endedBy: 'visitor' }).where('id', '=', chat.chatId).execute();
}

async function openChat(nickname = 'Мица') {
  const response = await p.app.inject({ method: 'POST', url: '/api/v1/chats', payload: { language: 'sr-Cyrl', nickname, ageGroup: '12-14' } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { chatId: string; token: string };
}

beforeAll(async () => {
  // Many chats are opened from one address here; the per-address limit has its own test.
  p = await createTestPlatform({ PUBLIC_RATE_LIMIT_PER_HOUR: '1000' });
  await setSettings(p.ctx, CHAT_ALWAYS_OPEN);
  // A second app process on the same database: its own WebSocket hub and its own listener.
  second = await buildApp(p.ctx, { logStream: new Writable({ write: (_chunk, _encoding, done) => done() }) });
  urlA = (await p.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  urlB = (await second.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  counsellorUser = await createUser(p.ctx, { roles: ['counsellor'] });
  counsellor = await signIn(second, counsellorUser);
  colleagueUser = await createUser(p.ctx, { roles: ['counsellor'] });
  colleague = await signIn(p.app, colleagueUser);
}, 60_000);
afterAll(async () => {
  await second?.close();
  await p?.close();
});

describe('live chat', () => {
  it('carries a conversation between two app processes, in order, and loses nothing when the child reconnects', async () => {
    const { chatId, token } = await openChat();
    const child = await Peer.connect(`${urlA}/api/v1/chat/socket`);
    child.send({ type: 'hello', chatId, token, afterSeq: 0 });
    const waiting = await child.next((f) => f.type === 'status');
    expect(waiting).toMatchObject({ status: 'waiting' });
    expect(waiting.position).toBeGreaterThanOrEqual(1);

    // The child may write while waiting; the counsellor sees it on taking the chat.
    child.send({ type: 'send', clientId: 'c-1', body: 'Неко ми прети да ће објавити слике' });
    expect(await child.next((f) => f.type === 'ack' && f.clientId === 'c-1')).toMatchObject({ seq: 1 });

    const staff = await Peer.connect(`${urlB}/api/v1/chat/staff-socket`, { cookie: counsellor.cookie });
    const queue = (await counsellor.get('/api/v1/chats')).json().chats as { id: string; status: string; nickname: string }[];
    expect(queue.find((c) => c.id === chatId)).toMatchObject({ status: 'waiting', nickname: 'Мица' });
    const taken = await counsellor.post(`/api/v1/chats/${chatId}/accept`);
    expect(taken.statusCode, taken.body).toBe(200);
    await child.next((f) => f.type === 'status' && f.status === 'active');

    staff.send({ type: 'watch', chatId, afterSeq: 0 });
    expect((await staff.next((f) => f.type === 'message' && f.seq === 1)).body).toBe('Неко ми прети да ће објавити слике');

    staff.send({ type: 'send', chatId, clientId: 's-1', body: 'Ниси ти крив/а. Немој ништа да плаћаш.' });
    expect(await staff.next((f) => f.type === 'ack' && f.clientId === 's-1')).toMatchObject({ seq: 2 });
    expect((await child.next((f) => f.type === 'message' && f.seq === 2)).sender).toBe('counsellor');

    // Typing reaches the other side only.
    child.send({ type: 'typing' });
    expect(await staff.next((f) => f.type === 'typing')).toMatchObject({ chatId, from: 'visitor' });

    // The child's connection drops; the counsellor writes twice meanwhile.
    child.close();
    staff.send({ type: 'send', chatId, clientId: 's-2', body: 'Да ли си ту?' });
    staff.send({ type: 'send', chatId, clientId: 's-3', body: 'Сачувај поруке као доказ.' });
    await staff.next((f) => f.type === 'ack' && f.clientId === 's-3');

    // Back again, from the last message it saw; then it resends a message whose ack it missed.
    const back = await Peer.connect(`${urlA}/api/v1/chat/socket`);
    back.send({ type: 'hello', chatId, token, afterSeq: 2 });
    await back.next((f) => f.type === 'message' && f.seq === 4);
    expect(back.messages(chatId).map((m) => [m.seq, m.body])).toEqual([
      [3, 'Да ли си ту?'],
      [4, 'Сачувај поруке као доказ.'],
    ]);
    back.send({ type: 'send', clientId: 'c-1', body: 'Неко ми прети да ће објавити слике' });
    expect(await back.next((f) => f.type === 'ack' && f.clientId === 'c-1')).toMatchObject({ seq: 1 });
    back.send({ type: 'send', clientId: 'c-2', body: 'Хвала' });
    expect(await back.next((f) => f.type === 'ack' && f.clientId === 'c-2')).toMatchObject({ seq: 5 });
    expect((await staff.next((f) => f.type === 'message' && f.seq === 5)).body).toBe('Хвала');
    expect(staff.messages(chatId).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);

    // Stored encrypted, each message once.
    const rows = await p.ctx.db.selectFrom('chatMessages').select(['seq', 'bodyEnc']).where('chatId', '=', chatId).orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.every((r) => r.bodyEnc.startsWith('v1:') && !r.bodyEnc.includes('Хвала'))).toBe(true);

    // The counsellor ends it: the child is told, and a draft contact holds the transcript.
    const ended = await counsellor.post(`/api/v1/chats/${chatId}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    const contactId = ended.json().contactId as string;
    await back.next((f) => f.type === 'status' && f.status === 'ended');
    const contact = (await counsellor.get(`/api/v1/contacts/${contactId}`)).json().contact;
    expect(contact).toMatchObject({ channel: 'chat', status: 'draft', counsellorId: counsellorUser.id, ageGroup: '12-14', chatId });
    expect(contact.transcript.map((m: { body: string }) => m.body)).toEqual([
      'Неко ми прети да ће објавити слике',
      'Ниси ти крив/а. Немој ништа да плаћаш.',
      'Да ли си ту?',
      'Сачувај поруке као доказ.',
      'Хвала',
    ]);
    back.send({ type: 'send', clientId: 'c-3', body: 'још нешто' });
    expect(await back.next((f) => f.type === 'error' && f.clientId === 'c-3')).toMatchObject({ code: 'chat_ended' });
    back.close();
    staff.close();
  });

  it('gives each waiting chat to one counsellor only, and only its holder writes in it until transferred', async () => {
    const { chatId } = await openChat('Пера');
    const [a, b] = await Promise.all([counsellor.post('/api/v1/chats/next'), colleague.post('/api/v1/chats/next')]);
    const winners = [a, b].filter((r) => r.statusCode === 200 && r.json().chatId === chatId);
    expect(winners).toHaveLength(1);
    const holder = winners[0] === a ? counsellor : colleague;
    const other = holder === counsellor ? colleague : counsellor;
    const otherUser = holder === counsellor ? colleagueUser : counsellorUser;
    expect((await other.post(`/api/v1/chats/${chatId}/end`)).statusCode).toBe(403);

    const otherSocket = await Peer.connect(`${urlA}/api/v1/chat/staff-socket`, { cookie: other.cookie });
    otherSocket.send({ type: 'watch', chatId, afterSeq: 0 });
    expect(await otherSocket.next((f) => f.type === 'error')).toMatchObject({ code: 'forbidden' });

    expect((await holder.post(`/api/v1/chats/${chatId}/transfer`, { counsellorId: otherUser.id })).statusCode).toBe(200);
    otherSocket.send({ type: 'watch', chatId, afterSeq: 0 });
    await otherSocket.next((f) => f.type === 'status' && f.chatId === chatId && f.status === 'active');
    otherSocket.send({ type: 'send', chatId, clientId: 'o-1', body: 'Ја сам нови саветник.' });
    expect(await otherSocket.next((f) => f.type === 'ack' && f.clientId === 'o-1')).toMatchObject({ seq: 1 });
    expect((await holder.post(`/api/v1/chats/${chatId}/end`)).statusCode).toBe(403);
    expect((await other.post(`/api/v1/chats/${chatId}/end`)).statusCode).toBe(200);
    otherSocket.close();
  });

  it('refuses a wrong token, a socket without a session and a page from another site', async () => {
    const { chatId } = await openChat();
    const stranger = await Peer.connect(`${urlA}/api/v1/chat/socket`);
    stranger.send({ type: 'hello', chatId, token: 'x'.repeat(32), afterSeq: 0 });
    expect(await stranger.next((f) => f.type === 'error')).toMatchObject({ code: 'not_found' });

    const anonymousStaff = await Peer.connect(`${urlA}/api/v1/chat/staff-socket`);
    await new Promise((r) => anonymousStaff.socket.once('close', r));
    expect(anonymousStaff.closed?.code).toBe(4401);

    const analyst = await signIn(p.app, await createUser(p.ctx, { roles: ['analyst'] }));
    const notCounsellor = await Peer.connect(`${urlA}/api/v1/chat/staff-socket`, { cookie: analyst.cookie });
    await new Promise((r) => notCounsellor.socket.once('close', r));
    expect(notCounsellor.closed?.code).toBe(4403);

    const crossSite = await Peer.connect(`${urlA}/api/v1/chat/socket`, { origin: 'https://evil.example' });
    await new Promise((r) => crossSite.socket.once('close', r));
    expect(crossSite.closed?.code).toBe(4403);
  });

  it('gives the counsellor the contact of a chat the child ended, and nobody else', async () => {
    const { chatId, token } = await openChat('Јова');
    expect((await counsellor.post(`/api/v1/chats/${chatId}/accept`)).statusCode).toBe(200);
    const child = await Peer.connect(`${urlA}/api/v1/chat/socket`);
    child.send({ type: 'hello', chatId, token, afterSeq: 0 });
    child.send({ type: 'end' });
    await child.next((f) => f.type === 'status' && f.status === 'ended');
    const ended = await counsellor.post(`/api/v1/chats/${chatId}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    const contact = await p.ctx.db.selectFrom('contacts').select(['id', 'counsellorId']).where('chatId', '=', chatId).executeTakeFirstOrThrow();
    expect(ended.json().contactId).toBe(contact.id);
    expect(contact.counsellorId).toBe(counsellorUser.id);
    expect((await colleague.post(`/api/v1/chats/${chatId}/end`)).statusCode).toBe(403);
    child.close();
  });

  it('closes a staff socket whose session has ended', async () => {
    const leaving = await signIn(p.app, await createUser(p.ctx, { roles: ['counsellor'] }));
    const socket = await Peer.connect(`${urlA}/api/v1/chat/staff-socket`, { cookie: leaving.cookie });
    await socket.next((f) => f.type === 'refresh');
    expect((await leaving.delete('/api/v1/session')).statusCode).toBeLessThan(300);
    const { chatId } = await openChat('После');
    socket.send({ type: 'watch', chatId, afterSeq: 0 });
    await new Promise((r) => socket.socket.once('close', r));
    expect(socket.closed?.code).toBe(4401);
    await close({ chatId });
  });

  it('ends a chat the child leaves while waiting, without making a contact', async () => {
    const { chatId, token } = await openChat();
    const child = await Peer.connect(`${urlA}/api/v1/chat/socket`);
    child.send({ type: 'hello', chatId, token, afterSeq: 0 });
    await child.next((f) => f.type === 'status');
    child.send({ type: 'end' });
    await child.next((f) => f.type === 'status' && f.status === 'ended');
    const chat = await p.ctx.db.selectFrom('chats').select(['status', 'endedBy']).where('id', '=', chatId).executeTakeFirstOrThrow();
    expect(chat).toEqual({ status: 'ended', endedBy: 'visitor' });
    expect(await p.ctx.db.selectFrom('contacts').select('id').where('chatId', '=', chatId).executeTakeFirst()).toBeUndefined();
  });

  it('stores no address or user agent with a chat and logs no request line for the public side', async () => {
    const before = p.logs.length;
    const { chatId } = await openChat('Лаза');
    const row = await p.ctx.db.selectFrom('chats').selectAll().where('id', '=', chatId).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1|lightMyRequest|Лаза/);
    expect(p.logs.slice(before).join('')).not.toContain('/api/v1/chats');
  });

  it('ends chats whose visitor left unanswered, and deletes transcripts after the retention period', async () => {
    const left = await openChat('Отишао');
    await p.ctx.db.updateTable('chats').set({ visitorSeenAt: new Date(Date.now() - 20 * 60_000) }).where('id', '=', left.chatId).execute();
    const kept = await openChat('Чека');
    const result = await chatHousekeeping(p.ctx);
    expect(result.abandoned).toBeGreaterThanOrEqual(1);
    const states = await p.ctx.db.selectFrom('chats').select(['id', 'status', 'endedBy']).where('id', 'in', [left.chatId, kept.chatId]).execute();
    expect(states.find((c) => c.id === left.chatId)).toMatchObject({ status: 'ended', endedBy: 'timeout' });
    expect(states.find((c) => c.id === kept.chatId)).toMatchObject({ status: 'waiting' });

    // A child gone for an hour from an answered chat: it ends into the counsellor's draft contact.
    const gone = await openChat('Нестао');
    expect((await counsellor.post(`/api/v1/chats/${gone.chatId}/accept`)).statusCode).toBe(200);
    await p.ctx.db.updateTable('chats').set({ visitorSeenAt: new Date(Date.now() - 61 * 60_000) }).where('id', '=', gone.chatId).execute();
    await chatHousekeeping(p.ctx);
    expect(await p.ctx.db.selectFrom('chats').select(['status', 'endedBy']).where('id', '=', gone.chatId).executeTakeFirstOrThrow()).toEqual({ status: 'ended', endedBy: 'timeout' });
    expect(await p.ctx.db.selectFrom('contacts').select(['counsellorId', 'status']).where('chatId', '=', gone.chatId).executeTakeFirstOrThrow()).toEqual({ counsellorId: counsellorUser.id, status: 'draft' });

    // A finished conversation, ended longer ago than the retention period (365 days by default).
    const { chatId, token } = await openChat('Стари');
    const child = await Peer.connect(`${urlA}/api/v1/chat/socket`);
    child.send({ type: 'hello', chatId, token, afterSeq: 0 });
    child.send({ type: 'send', clientId: 'old-1', body: 'стара порука' });
    await child.next((f) => f.type === 'ack');
    child.close();
    expect((await counsellor.post(`/api/v1/chats/${chatId}/accept`)).statusCode).toBe(200);
    const contactId = (await counsellor.post(`/api/v1/chats/${chatId}/end`)).json().contactId as string;
    await p.ctx.db.updateTable('chats').set({ endedAt: new Date(Date.now() - 366 * 86_400_000) }).where('id', '=', chatId).execute();
    expect((await chatHousekeeping(p.ctx)).transcriptsDeleted).toBe(1);
    expect(await p.ctx.db.selectFrom('chatMessages').select('seq').where('chatId', '=', chatId).execute()).toEqual([]);
    const chat = await p.ctx.db.selectFrom('chats').select(['transcriptDeletedAt', 'nicknameEnc']).where('id', '=', chatId).executeTakeFirstOrThrow();
    expect(chat.transcriptDeletedAt).not.toBeNull();
    expect(chat.nicknameEnc).toBeNull();
    const contact = (await counsellor.get(`/api/v1/contacts/${contactId}`)).json().contact;
    expect(contact).toMatchObject({ channel: 'chat', transcript: null });
    await close(kept);
  });

  it('is closed outside opening hours and says when it opens', async () => {
    const settings = { chatOpensAt: '08:00', chatClosesAt: '20:00', chatOnWeekends: false };
    // Friday 2026-11-27, 21:30 in Belgrade (UTC+1) → Monday 08:00.
    const friday = chatHours(settings, new Date('2026-11-27T20:30:00Z'));
    expect(friday).toEqual({ isOpen: false, opensAt: new Date('2026-11-30T07:00:00Z'), closesAt: null });
    // Monday 10:00 → open until 20:00.
    expect(chatHours(settings, new Date('2026-11-30T09:00:00Z'))).toEqual({ isOpen: true, opensAt: null, closesAt: new Date('2026-11-30T19:00:00Z') });
    // 7:59 on a working day → opens at 8:00 the same day; summer time is UTC+2.
    expect(chatHours(settings, new Date('2026-06-01T05:59:00Z')).opensAt).toEqual(new Date('2026-06-01T06:00:00Z'));
    // Christmas (7 January) is a public holiday: closed all day unless weekends and holidays are on.
    expect(chatHours(settings, new Date('2027-01-07T10:00:00Z')).isOpen).toBe(false);
    expect(chatHours({ ...settings, chatOnWeekends: true }, new Date('2027-01-07T10:00:00Z')).isOpen).toBe(true);

    await setSettings(p.ctx, { chatClosesAt: '00:00' });
    const refused = await p.app.inject({ method: 'POST', url: '/api/v1/chats', payload: { language: 'en' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('chat_closed');
    expect((await p.app.inject({ method: 'GET', url: '/api/v1/chat/status' })).json()).toMatchObject({ isOpen: false });
    await setSettings(p.ctx, CHAT_ALWAYS_OPEN);
  });
});
