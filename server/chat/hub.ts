// The WebSocket side of the chat in one process: the sockets connected here, and what each
// has been sent. Events arrive from the bus (any process may have written the message); each
// socket is sent, in order, every message after the last one it got, read from the database.
// A socket that reconnects says which message it saw last and gets the rest, so a dropped
// connection loses nothing. Sending is acknowledged with the message's number.
import type { WebSocket } from 'ws';
import type { AppContext } from '../context';
import { CHAT_MESSAGE_MAX } from '../../common/helpline';
import type { Actor } from '../auth/policy';
import { auditActor } from '../auth/request';
import { recordAudit } from '../audit/log';
import { HttpError } from '../http/errors';
import type { ChatBus, ChatEvent } from './bus';
import { publishChatEvent } from './bus';
import { appendMessage, carriedMessage, endChat, loadForStaff, mayWrite, MESSAGE_PAGE, messagesAfter, queuePositions, visitorChat, type ChatMessage } from './chats';
import { can } from '../auth/policy';
import { actorOf } from '../auth/request';
import { findSession, peekSession } from '../auth/sessions';
import { getSettings } from '../settings/settings';
import { chatPolicy } from './policy';

interface Peer {
  socket: WebSocket;
  /** null for the anonymous visitor. */
  actor: Actor | null;
  /** The staff session's cookie token: the session is checked again while the socket lives. */
  sessionToken: string | null;
  /** Chat id → the last message number this socket has been sent. */
  chats: Map<string, number>;
  alive: boolean;
  lastTypingAt: number;
  recentSends: number[];
  /** Frames from one socket are handled one after another, in the order they came. */
  inbox: Promise<void>;
}

/** Messages one socket may send in 10 s: a child typing, or a counsellor holding several chats. */
const SEND_BURST = { visitor: 20, staff: 100, windowMs: 10_000 };

export class ChatHub {
  private readonly peers = new Set<Peer>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ctx: AppContext,
    bus: ChatBus,
    private readonly logError: (error: unknown) => void,
  ) {
    bus.subscribe(
      (event) => this.onEvent(event),
      () => this.resync(),
    );
    // Dead connections are dropped; visitors still connected are marked as present.
    this.timer = setInterval(() => void this.heartbeat(), 25_000);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
    for (const peer of this.peers) peer.socket.terminate();
  }

  attach(socket: WebSocket, staff: { actor: Actor; sessionToken: string } | null): void {
    const peer: Peer = {
      socket,
      actor: staff?.actor ?? null,
      sessionToken: staff?.sessionToken ?? null,
      chats: new Map(),
      alive: true,
      lastTypingAt: 0,
      recentSends: [],
      inbox: Promise.resolve(),
    };
    this.peers.add(peer);
    socket.on('pong', () => {
      peer.alive = true;
    });
    socket.on('close', () => this.peers.delete(peer));
    socket.on('message', (data, isBinary) => {
      if (isBinary) return this.send(peer, { type: 'error', code: 'bad_message', message: 'Text frames only' });
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(String(data)) as Record<string, unknown>;
      } catch {
        return this.send(peer, { type: 'error', code: 'bad_message', message: 'Not JSON' });
      }
      peer.inbox = peer.inbox.then(() => this.handle(peer, message)).catch((error: unknown) => {
        const e = error instanceof HttpError ? error : null;
        if (!e) this.logError(error);
        this.send(peer, {
          type: 'error',
          code: e?.code ?? 'server_error',
          message: e?.message ?? 'Something went wrong',
          ...(typeof message.clientId === 'string' && { clientId: message.clientId }),
          ...(typeof message.chatId === 'string' && { chatId: message.chatId }),
        });
      });
    });
    if (peer.actor) this.send(peer, { type: 'refresh' });
  }

  private send(peer: Peer, payload: object): void {
    if (peer.socket.readyState === peer.socket.OPEN) peer.socket.send(JSON.stringify(payload));
  }

  /**
   * A staff socket acts only while its session lives: signed out (here or everywhere),
   * expired, deactivated or no longer a counsellor closes it (4401). Activity on the socket
   * counts as activity on the session.
   */
  private async staffStillSignedIn(peer: Peer, touch: boolean): Promise<boolean> {
    if (!peer.sessionToken) return true;
    const { sessionIdleMinutes } = await getSettings(this.ctx.db);
    const session = touch ? await findSession(this.ctx.db, peer.sessionToken, sessionIdleMinutes) : await peekSession(this.ctx.db, peer.sessionToken, sessionIdleMinutes);
    const actor = session && session.stage === 'none' ? actorOf(session) : null;
    if (!actor || !can(chatPolicy, actor, 'answer')) {
      peer.socket.close(4401, 'Sign in again');
      this.peers.delete(peer);
      return false;
    }
    peer.actor = actor;
    return true;
  }

  private async handle(peer: Peer, m: Record<string, unknown>): Promise<void> {
    if (peer.actor && m.type !== 'ping' && !(await this.staffStillSignedIn(peer, m.type === 'send' || m.type === 'watch'))) return;
    const chatId = typeof m.chatId === 'string' && /^[0-9a-f-]{36}$/.test(m.chatId) ? m.chatId : null;
    const afterSeq = Number.isInteger(m.afterSeq) && (m.afterSeq as number) >= 0 ? (m.afterSeq as number) : 0;
    switch (m.type) {
      case 'hello': {
        // The visitor proves the chat is theirs with its token.
        if (peer.actor || !chatId || typeof m.token !== 'string') throw new HttpError(400, 'bad_message', 'hello needs chatId and token');
        const chat = await visitorChat(this.ctx, chatId, m.token);
        if (!chat) {
          this.send(peer, { type: 'error', code: 'not_found', message: 'No such chat' });
          peer.socket.close(4404, 'No such chat');
          return;
        }
        peer.chats.clear();
        peer.chats.set(chatId, afterSeq);
        await this.ctx.db.updateTable('chats').set({ visitorSeenAt: new Date() }).where('id', '=', chatId).execute();
        await this.sendVisitorStatus(peer, chatId);
        return this.deliver(chatId);
      }
      case 'watch': {
        if (!peer.actor || !chatId) throw new HttpError(400, 'bad_message', 'watch needs chatId');
        // Registered before the check, so a transfer that lands meanwhile removes it again.
        const isNew = !peer.chats.has(chatId);
        peer.chats.set(chatId, Math.min(afterSeq, peer.chats.get(chatId) ?? afterSeq));
        const chat = await loadForStaff(this.ctx.db, peer.actor, chatId);
        if (!mayWrite(peer.actor, chat)) {
          peer.chats.delete(chatId);
          throw new HttpError(403, 'forbidden', 'Take the chat first');
        }
        if (isNew) await recordAudit(this.ctx.db, { actor: auditActor(peer.actor), action: 'chat.read', recordType: 'chat', recordId: chatId });
        this.send(peer, { type: 'status', chatId, status: chat.status });
        return this.deliver(chatId);
      }
      case 'unwatch': {
        if (chatId) peer.chats.delete(chatId);
        return;
      }
      case 'send': {
        const target = peer.actor ? chatId : ([...peer.chats.keys()][0] ?? null);
        const clientId = typeof m.clientId === 'string' && m.clientId.length <= 64 ? m.clientId : null;
        const body = typeof m.body === 'string' ? m.body.trim() : '';
        if (!target || !peer.chats.has(target)) throw new HttpError(400, 'bad_message', 'Say hello (or watch the chat) first');
        if (!clientId) throw new HttpError(400, 'bad_message', 'clientId is required');
        if (!body || body.length > CHAT_MESSAGE_MAX) throw new HttpError(400, 'validation_failed', `A message has 1 to ${CHAT_MESSAGE_MAX} characters`);
        const now = Date.now();
        peer.recentSends = peer.recentSends.filter((t) => now - t < SEND_BURST.windowMs);
        if (peer.recentSends.length >= (peer.actor ? SEND_BURST.staff : SEND_BURST.visitor)) throw new HttpError(429, 'rate_limited', 'Slow down a little');
        peer.recentSends.push(now);
        // The watch checked the right to write; the statement checks again that the chat is still theirs.
        const staff = peer.actor ? { holder: can(chatPolicy, peer.actor, 'write', { counsellorId: null }) ? null : peer.actor.id } : undefined;
        const seq = await appendMessage(this.ctx, target, { sender: peer.actor ? 'counsellor' : 'visitor', authorId: peer.actor?.id ?? null, clientId, body, ...(staff && { staff }) });
        this.send(peer, { type: 'ack', chatId: target, clientId, seq });
        return;
      }
      case 'typing': {
        const target = peer.actor ? chatId : ([...peer.chats.keys()][0] ?? null);
        if (!target || !peer.chats.has(target) || Date.now() - peer.lastTypingAt < 2_000) return;
        peer.lastTypingAt = Date.now();
        await publishChatEvent(this.ctx.db, { t: 'typing', c: target, f: peer.actor ? 'counsellor' : 'visitor' });
        return;
      }
      case 'end': {
        const target = [...peer.chats.keys()][0];
        if (peer.actor || !target) throw new HttpError(400, 'bad_message', 'Only the visitor ends a chat here');
        await endChat(this.ctx, target, { visitor: true });
        return;
      }
      case 'ping':
        return this.send(peer, { type: 'pong' });
      default:
        throw new HttpError(400, 'bad_message', 'Unknown message type');
    }
  }

  private onEvent(event: ChatEvent): void {
    switch (event.t) {
      case 'msg': {
        let carried: ChatMessage | null = null;
        try {
          carried = event.m ? carriedMessage(this.ctx, event.s, event.m) : null;
        } catch {
          // Not ours to read (another key, a stray NOTIFY): the database has the message.
        }
        void this.deliver(event.c, carried);
        return;
      }
      case 'typing':
        for (const peer of this.peersOf(event.c)) {
          if ((peer.actor ? 'counsellor' : 'visitor') !== event.f) this.send(peer, { type: 'typing', chatId: event.c, from: event.f });
        }
        return;
      case 'state':
        void this.chain(event.c, () => this.stateChanged(event.c));
        return;
      case 'queue':
        void this.queueChanged();
        return;
    }
  }

  private peersOf(chatId: string): Peer[] {
    return [...this.peers].filter((p) => p.chats.has(chatId));
  }

  /** One delivery at a time per chat, so messages go out in order. */
  private chain(chatId: string, work: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(chatId) ?? Promise.resolve()).then(work).catch(() => undefined);
    this.chains.set(chatId, next);
    void next.then(() => {
      if (this.chains.get(chatId) === next) this.chains.delete(chatId);
    });
    return next;
  }

  /**
   * Sends each socket of the chat what it has not had yet. A message that came with its
   * notification goes straight to sockets that had everything before it; any socket behind
   * (a reconnect, a missed event) is brought up to date from the database.
   */
  private deliver(chatId: string, carried: ChatMessage | null = null): Promise<void> {
    return this.chain(chatId, async () => {
      const peers = this.peersOf(chatId);
      if (peers.length === 0) return;
      if (carried && peers.every((p) => (p.chats.get(chatId) ?? 0) >= carried.seq - 1)) {
        for (const peer of peers) {
          if (peer.chats.get(chatId)! >= carried.seq) continue;
          this.send(peer, { type: 'message', chatId, ...carried });
          peer.chats.set(chatId, carried.seq);
        }
        return;
      }
      // Pages of messages until every socket has everything (a long chat watched from the start).
      for (;;) {
        const from = Math.min(...peers.map((p) => p.chats.get(chatId) ?? Infinity));
        if (!Number.isFinite(from)) return;
        const messages = await messagesAfter(this.ctx, this.ctx.db, chatId, from);
        for (const peer of peers) {
          let last = peer.chats.get(chatId);
          if (last === undefined) continue;
          for (const m of messages) {
            if (m.seq <= last) continue;
            this.send(peer, { type: 'message', chatId, ...m });
            last = m.seq;
          }
          peer.chats.set(chatId, last);
        }
        if (messages.length < MESSAGE_PAGE) return;
      }
    });
  }

  private async sendVisitorStatus(peer: Peer, chatId: string): Promise<void> {
    const chat = await this.ctx.db.selectFrom('chats').select(['status']).where('id', '=', chatId).executeTakeFirst();
    if (!chat) return;
    const position = chat.status === 'waiting' ? ((await queuePositions(this.ctx.db)).get(chatId) ?? null) : null;
    this.send(peer, { type: 'status', chatId, status: chat.status, position });
  }

  private async stateChanged(chatId: string): Promise<void> {
    const chat = await this.ctx.db.selectFrom('chats').select(['status', 'counsellorId']).where('id', '=', chatId).executeTakeFirst();
    if (!chat) return;
    for (const peer of this.peersOf(chatId)) {
      if (!peer.actor) {
        this.send(peer, { type: 'status', chatId, status: chat.status, position: null });
      } else {
        const stillMine = mayWrite(peer.actor, chat);
        this.send(peer, { type: 'status', chatId, status: chat.status, held: stillMine });
        if (!stillMine) peer.chats.delete(chatId);
      }
    }
    this.refreshStaff();
  }

  private async queueChanged(): Promise<void> {
    const visitors = [...this.peers].filter((p) => !p.actor && p.chats.size > 0);
    if (visitors.length) {
      const positions = await queuePositions(this.ctx.db);
      for (const peer of visitors) {
        const chatId = [...peer.chats.keys()][0]!;
        const position = positions.get(chatId);
        if (position !== undefined) this.send(peer, { type: 'status', chatId, status: 'waiting', position });
      }
    }
    this.refreshStaff();
  }

  /** Staff consoles reload their list of chats (the queue or who holds what changed). */
  private refreshStaff(): void {
    for (const peer of this.peers) if (peer.actor) this.send(peer, { type: 'refresh' });
  }

  /** After the bus lost events: every socket catches up from the database. */
  private resync(): void {
    const chatIds = new Set([...this.peers].flatMap((p) => [...p.chats.keys()]));
    for (const chatId of chatIds) {
      void this.deliver(chatId);
      void this.chain(chatId, () => this.stateChanged(chatId));
    }
    void this.queueChanged();
  }

  private async heartbeat(): Promise<void> {
    const visitorChats: string[] = [];
    for (const peer of this.peers) {
      if (!peer.alive) {
        peer.socket.terminate();
        continue;
      }
      if (peer.actor && !(await this.staffStillSignedIn(peer, false).catch(() => true))) continue;
      peer.alive = false;
      peer.socket.ping();
      if (!peer.actor) visitorChats.push(...peer.chats.keys());
    }
    if (visitorChats.length) {
      await this.ctx.db.updateTable('chats').set({ visitorSeenAt: new Date() }).where('id', 'in', visitorChats).where('status', '<>', 'ended').execute().catch(() => undefined);
    }
  }
}
