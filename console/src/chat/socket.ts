// The counsellor's end of the live chat's WebSocket (protocol: server/chat/routes.ts). One
// socket carries every chat this person holds. Nothing is lost when the connection drops:
//  - every chat is watched from the last message shown, so the server sends what was missed;
//  - messages arrive numbered and are shown in order, each number once;
//  - what the counsellor writes waits in an outbox (kept in this tab's sessionStorage) until the
//    server acknowledges it, and is resent with the same client id after a reconnect (the server
//    stores each client id once). One message per chat is in flight at a time, so they keep
//    their order; an acknowledgement that does not come means the connection is dead.
// Reconnects with backoff (1, 2, 4 … 10 s), at once when the browser is back online.
// The store is read by React through useSyncExternalStore (subscribe / getSnapshot).

export type ConnectionState = 'connecting' | 'connected' | 'waiting' | 'offline' | 'signed-out' | 'forbidden' | 'stopped';
export type Sender = 'visitor' | 'counsellor' | 'system';
export type ChatStatus = 'waiting' | 'active' | 'ended';
export type FailureCode = 'chatEnded' | 'forbidden' | 'tooLong' | 'generic';

export interface ChatMessage {
  seq: number;
  sender: Sender;
  body: string;
  sentAt: string;
  clientId: string | null;
}

export interface OutgoingMessage {
  clientId: string;
  chatId: string;
  body: string;
  createdAt: string;
  /** pending: not yet acknowledged; sent: acknowledged (seq known), not yet echoed; failed: refused for good. */
  delivery: 'pending' | 'sent' | 'failed';
  seq: number | null;
  failure: FailureCode | null;
}

export interface ChatView {
  chatId: string;
  /** The messages the server sent, in order, each once. */
  messages: readonly ChatMessage[];
  /** My messages not yet in `messages`: waiting, acknowledged, or refused. */
  outgoing: readonly OutgoingMessage[];
  lastSeq: number;
  /** The server has answered the watch at least once (the history is on its way). */
  isLoaded: boolean;
  status: ChatStatus | null;
  /** False once the chat was transferred away or ended: nothing more can be written. */
  isHeld: boolean;
  isVisitorTyping: boolean;
  unread: number;
  /** The latest visitor message that arrived live (not history), for the screen-reader announcement. */
  lastLiveVisitorMessage: ChatMessage | null;
}

export interface ChatSnapshot {
  state: ConnectionState;
  /** When waiting to reconnect: the time of the next attempt (ms since epoch). */
  retryAt: number | null;
  chats: ReadonlyMap<string, ChatView>;
  /** Messages in every chat not yet acknowledged by the server. */
  pendingCount: number;
}

interface ChatData {
  chatId: string;
  messages: ChatMessage[];
  seqs: Set<number>;
  lastSeq: number;
  /** Messages up to this number were there before the chat was opened here: not "new". */
  historyUntil: number;
  isLoaded: boolean;
  /** The server confirmed the watch on the current socket: sends may go. */
  isReady: boolean;
  status: ChatStatus | null;
  isHeld: boolean;
  isVisitorTyping: boolean;
  typingTimer: ReturnType<typeof setTimeout> | null;
  unread: number;
  lastLiveVisitorMessage: ChatMessage | null;
  /** The client id sent and awaiting its acknowledgement. */
  inFlight: string | null;
  ackTimer: ReturnType<typeof setTimeout> | null;
  lastTypingSentAt: number;
  view: ChatView | null;
}

interface Handlers {
  /** The queue or who holds what changed: reload GET /api/v1/chats. */
  onRefresh: () => void;
  /** The server closed the socket because the session has ended. */
  onSignedOut: () => void;
}

const BACKOFF_MAX_MS = 10_000;
const ACK_TIMEOUT_MS = 10_000;
const PING_EVERY_MS = 15_000;
const SILENCE_LIMIT_MS = 40_000;
const TYPING_SHOWN_MS = 5_000;
const TYPING_THROTTLE_MS = 2_000;
const RETRY_DELAY_MS = 3_000;
const MAX_SERVER_ERRORS = 5;

export function staffSocketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/chat/staff-socket`;
}

function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class ChatConnection {
  private ws: WebSocket | null = null;
  private state: ConnectionState = 'stopped';
  private retryAt: number | null = null;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastFrameAt = 0;
  private readonly chats = new Map<string, ChatData>();
  private outbox: OutgoingMessage[] = [];
  private readonly serverErrors = new Map<string, number>();
  private focused: string | null = null;
  private readonly listeners = new Set<() => void>();
  private snapshot: ChatSnapshot;
  private readonly storageKey: string;

  constructor(
    private readonly url: string,
    userId: string,
    private readonly handlers: Handlers,
  ) {
    this.storageKey = `bezbedno.chat.outbox.${userId}`;
    this.outbox = this.restoreOutbox();
    this.snapshot = this.buildSnapshot();
  }

  // ----- lifecycle -----

  start(): void {
    if (this.state !== 'stopped') return;
    this.attempt = 0;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.connect();
  }

  stop(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.clearReconnect();
    this.stopPing();
    const ws = this.ws;
    this.ws = null;
    if (ws) this.detach(ws, true);
    for (const chat of this.chats.values()) {
      chat.isReady = false;
      chat.inFlight = null;
      this.clearAck(chat);
    }
    this.setState('stopped');
  }

  /** Skips the wait before the next attempt. */
  reconnectNow(): void {
    if (this.ws || this.state === 'signed-out' || this.state === 'forbidden' || this.state === 'stopped') return;
    this.clearReconnect();
    this.connect();
  }

  // ----- what the screen does -----

  /** Shows a chat here: the server sends its messages after `lastSeq` and everything new. */
  watch(chatId: string, knownLastSeq: number): void {
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = {
        chatId,
        messages: [],
        seqs: new Set(),
        lastSeq: 0,
        historyUntil: knownLastSeq,
        isLoaded: false,
        isReady: false,
        status: null,
        isHeld: true,
        isVisitorTyping: false,
        typingTimer: null,
        unread: 0,
        lastLiveVisitorMessage: null,
        inFlight: null,
        ackTimer: null,
        lastTypingSentAt: 0,
        view: null,
      };
      this.chats.set(chatId, chat);
    } else if (chat.isHeld) {
      return;
    } else {
      chat.isHeld = true; // held again (transferred back)
      chat.status = null;
      chat.view = null;
    }
    this.sendWatch(chat);
    this.emit();
  }

  /** Stops showing a chat here (closed by the counsellor, or no longer theirs). */
  unwatch(chatId: string): void {
    const chat = this.chats.get(chatId);
    if (!chat) return;
    this.clearAck(chat);
    if (chat.typingTimer) clearTimeout(chat.typingTimer);
    this.chats.delete(chatId);
    this.outbox = this.outbox.filter((m) => m.chatId !== chatId);
    this.saveOutbox();
    this.frame({ type: 'unwatch', chatId });
    this.emit();
  }

  /** The list no longer has the chat as open with me (a status frame was missed): stop writing in it. */
  release(chatId: string): void {
    const chat = this.chats.get(chatId);
    if (!chat?.isHeld) return;
    chat.isHeld = false;
    chat.isReady = false;
    chat.isVisitorTyping = false;
    this.outbox = this.outbox.map((m) => (m.chatId === chatId && m.delivery === 'pending' ? { ...m, delivery: 'failed', failure: 'forbidden' } : m));
    this.saveOutbox();
    this.clearAck(chat);
    chat.inFlight = null;
    chat.view = null;
    this.frame({ type: 'unwatch', chatId });
    this.emit();
  }

  isWatching(chatId: string): boolean {
    return this.chats.has(chatId);
  }

  /** Queues a message; it goes out as soon as the chat is watched on a live socket. */
  send(chatId: string, body: string): string {
    const message: OutgoingMessage = { clientId: newClientId(), chatId, body, createdAt: new Date().toISOString(), delivery: 'pending', seq: null, failure: null };
    this.outbox.push(message);
    this.saveOutbox();
    this.touch(chatId);
    this.pump(chatId);
    this.emit();
    return message.clientId;
  }

  /** A refused message, tried again with the same client id. */
  retry(clientId: string): void {
    const message = this.outbox.find((m) => m.clientId === clientId);
    if (!message || message.delivery !== 'failed') return;
    this.update(clientId, { delivery: 'pending', failure: null });
    this.serverErrors.delete(clientId);
    this.saveOutbox();
    this.touch(message.chatId);
    this.pump(message.chatId);
    this.emit();
  }

  discard(clientId: string): void {
    const message = this.outbox.find((m) => m.clientId === clientId);
    if (!message || message.delivery === 'sent') return;
    this.outbox = this.outbox.filter((m) => m !== message);
    this.saveOutbox();
    this.touch(message.chatId);
    this.emit();
  }

  /** Tells the visitor the counsellor is typing (at most every 2 s). */
  typing(chatId: string): void {
    const chat = this.chats.get(chatId);
    if (!chat?.isReady || !chat.isHeld) return;
    const now = Date.now();
    if (now - chat.lastTypingSentAt < TYPING_THROTTLE_MS) return;
    chat.lastTypingSentAt = now;
    this.frame({ type: 'typing', chatId });
  }

  /** The chat on screen: its new messages are not counted as unread. */
  setFocused(chatId: string | null): void {
    this.focused = chatId;
    const chat = chatId ? this.chats.get(chatId) : undefined;
    if (chat && chat.unread > 0) {
      chat.unread = 0;
      chat.view = null;
      this.emit();
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ChatSnapshot => this.snapshot;

  // ----- the socket -----

  private connect(): void {
    this.clearReconnect();
    this.setState('connecting');
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.attempt = 0;
      this.lastFrameAt = Date.now();
      this.retryAt = null;
      this.setState('connected');
      this.startPing();
      for (const chat of this.chats.values()) this.sendWatch(chat);
    };
    ws.onmessage = (event: MessageEvent) => {
      if (this.ws !== ws) return;
      this.lastFrameAt = Date.now();
      let frame: Record<string, unknown>;
      try {
        frame = JSON.parse(String(event.data)) as Record<string, unknown>;
      } catch {
        return;
      }
      this.receive(frame);
    };
    ws.onclose = (event: CloseEvent) => {
      if (this.ws !== ws) return;
      this.closed(event.code);
    };
    ws.onerror = () => undefined; // a close event follows
  }

  /** Forgets a socket at once (its late events are ignored) and closes it. */
  private detach(ws: WebSocket, isFinal = false): void {
    ws.onopen = null;
    ws.onmessage = null;
    ws.onclose = null;
    ws.onerror = null;
    try {
      ws.close(isFinal ? 1000 : 4000);
    } catch {
      // already closed
    }
  }

  /** Treats the connection as dead now (no acknowledgement, silence, the browser went offline). */
  private drop(): void {
    const ws = this.ws;
    if (!ws) return;
    this.detach(ws);
    this.closed(1006);
  }

  private closed(code: number): void {
    this.ws = null;
    this.stopPing();
    for (const chat of this.chats.values()) {
      chat.isReady = false;
      chat.inFlight = null;
      this.clearAck(chat);
    }
    if (code === 4401) {
      this.setState('signed-out');
      this.handlers.onSignedOut();
      return;
    }
    if (code === 4403) {
      this.setState('forbidden');
      return;
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.clearReconnect();
    const delay = Math.min(BACKOFF_MAX_MS, 1000 * 2 ** this.attempt);
    this.attempt += 1;
    this.retryAt = Date.now() + delay;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
    this.setState(navigator.onLine === false ? 'offline' : 'waiting');
  }

  private clearReconnect(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.retryAt = null;
  }

  private readonly onOnline = () => {
    this.attempt = 0;
    this.reconnectNow();
  };

  private readonly onOffline = () => {
    if (this.ws) this.drop();
    else if (this.state === 'waiting') this.setState('offline');
  };

  private startPing(): void {
    this.stopPing();
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastFrameAt > SILENCE_LIMIT_MS) {
        this.drop();
        return;
      }
      this.frame({ type: 'ping' });
    }, PING_EVERY_MS);
  }

  private stopPing(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  private frame(payload: object): boolean {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    try {
      ws.send(JSON.stringify(payload));
      return true;
    } catch {
      return false;
    }
  }

  private sendWatch(chat: ChatData): void {
    if (!chat.isHeld) return;
    chat.isReady = false;
    this.frame({ type: 'watch', chatId: chat.chatId, afterSeq: chat.lastSeq });
  }

  // ----- frames from the server -----

  private receive(f: Record<string, unknown>): void {
    const chatId = typeof f.chatId === 'string' ? f.chatId : null;
    const chat = chatId ? this.chats.get(chatId) : undefined;
    switch (f.type) {
      case 'message':
        if (chat && typeof f.seq === 'number') this.received(chat, f as unknown as ChatMessage);
        break;
      case 'ack':
        if (chat && typeof f.clientId === 'string' && typeof f.seq === 'number') this.acknowledged(chat, f.clientId, f.seq);
        break;
      case 'status':
        if (chat) this.statusChanged(chat, f.status as ChatStatus, f.held as boolean | undefined);
        break;
      case 'typing':
        if (chat && f.from === 'visitor') this.visitorTyping(chat);
        break;
      case 'refresh':
        this.handlers.onRefresh();
        break;
      case 'error':
        this.refused(String(f.code ?? ''), typeof f.clientId === 'string' ? f.clientId : null);
        break;
      default:
        break; // pong
    }
  }

  private received(chat: ChatData, m: ChatMessage): void {
    if (chat.seqs.has(m.seq)) return;
    const message: ChatMessage = { seq: m.seq, sender: m.sender, body: String(m.body), sentAt: String(m.sentAt), clientId: m.clientId ?? null };
    chat.seqs.add(message.seq);
    if (message.seq > chat.lastSeq) {
      chat.messages.push(message);
      chat.lastSeq = message.seq;
    } else {
      const at = chat.messages.findIndex((x) => x.seq > message.seq);
      chat.messages.splice(at === -1 ? chat.messages.length : at, 0, message);
    }
    chat.messages = [...chat.messages];
    if (message.clientId) {
      const mine = this.outbox.find((o) => o.clientId === message.clientId && o.chatId === chat.chatId);
      if (mine) {
        this.outbox = this.outbox.filter((o) => o !== mine);
        this.saveOutbox();
        if (chat.inFlight === mine.clientId) this.settled(chat);
      }
    }
    if (message.sender === 'visitor') {
      chat.isVisitorTyping = false;
      if (message.seq > chat.historyUntil) {
        chat.lastLiveVisitorMessage = message;
        if (this.focused !== chat.chatId) chat.unread += 1;
      }
    }
    chat.view = null;
    this.emit();
  }

  private acknowledged(chat: ChatData, clientId: string, seq: number): void {
    const mine = this.outbox.find((o) => o.clientId === clientId);
    if (mine) {
      if (chat.seqs.has(seq)) this.outbox = this.outbox.filter((o) => o !== mine);
      else this.update(clientId, { delivery: 'sent', seq, failure: null });
      this.saveOutbox();
    }
    this.serverErrors.delete(clientId);
    if (chat.inFlight === clientId) this.settled(chat);
    chat.view = null;
    this.emit();
  }

  private statusChanged(chat: ChatData, status: ChatStatus, held: boolean | undefined): void {
    chat.status = status;
    chat.isLoaded = true;
    if (held === false || status !== 'active') {
      chat.isHeld = false;
      chat.isReady = false;
      chat.isVisitorTyping = false;
      // Nothing more can be written here: what waited is refused, shown as not sent.
      const failure: FailureCode = status === 'ended' ? 'chatEnded' : 'forbidden';
      this.outbox = this.outbox.map((m) => (m.chatId === chat.chatId && m.delivery === 'pending' ? { ...m, delivery: 'failed', failure } : m));
      this.saveOutbox();
      this.clearAck(chat);
      chat.inFlight = null;
    } else {
      chat.isReady = true;
      this.pump(chat.chatId);
    }
    chat.view = null;
    this.emit();
  }

  private visitorTyping(chat: ChatData): void {
    chat.isVisitorTyping = true;
    if (chat.typingTimer) clearTimeout(chat.typingTimer);
    chat.typingTimer = setTimeout(() => {
      chat.isVisitorTyping = false;
      chat.typingTimer = null;
      chat.view = null;
      this.emit();
    }, TYPING_SHOWN_MS);
    chat.view = null;
    this.emit();
  }

  private refused(code: string, clientId: string | null): void {
    const message = clientId ? this.outbox.find((m) => m.clientId === clientId) : undefined;
    if (!message) {
      // A watch refused (the chat is no longer mine, or gone): the list decides what is shown.
      if (code === 'forbidden' || code === 'not_found') this.handlers.onRefresh();
      return;
    }
    const chat = this.chats.get(message.chatId);
    const final: Record<string, FailureCode> = { chat_ended: 'chatEnded', forbidden: 'forbidden', validation_failed: 'tooLong' };
    const errors = (this.serverErrors.get(message.clientId) ?? 0) + 1;
    this.serverErrors.set(message.clientId, errors);
    if (final[code] || errors >= MAX_SERVER_ERRORS) {
      this.update(message.clientId, { delivery: 'failed', failure: final[code] ?? 'generic' });
      this.saveOutbox();
      if (chat?.inFlight === message.clientId) this.settled(chat);
    } else if (chat?.inFlight === message.clientId) {
      // Too fast, not watched on this socket yet, a server hiccup: the same message again, shortly.
      this.clearAck(chat);
      chat.inFlight = null;
      if (code === 'bad_message') this.sendWatch(chat);
      else setTimeout(() => this.pump(chat.chatId), RETRY_DELAY_MS);
    }
    this.touch(message.chatId);
    this.emit();
  }

  // ----- the outbox -----

  /** Sends the chat's oldest waiting message, if none is in flight and the watch is confirmed. */
  private pump(chatId: string): void {
    const chat = this.chats.get(chatId);
    if (!chat || !chat.isReady || !chat.isHeld || chat.inFlight) return;
    const next = this.outbox.find((m) => m.chatId === chatId && m.delivery === 'pending');
    if (!next) return;
    if (!this.frame({ type: 'send', chatId, clientId: next.clientId, body: next.body })) return;
    chat.inFlight = next.clientId;
    chat.ackTimer = setTimeout(() => {
      chat.ackTimer = null;
      if (chat.inFlight === next.clientId) this.drop(); // resent after the reconnect
    }, ACK_TIMEOUT_MS);
  }

  /** Outgoing messages are replaced, never changed in place (React compares by identity). */
  private update(clientId: string, patch: Partial<OutgoingMessage>): void {
    this.outbox = this.outbox.map((m) => (m.clientId === clientId ? { ...m, ...patch } : m));
  }

  private settled(chat: ChatData): void {
    this.clearAck(chat);
    chat.inFlight = null;
    this.pump(chat.chatId);
  }

  private clearAck(chat: ChatData): void {
    if (chat.ackTimer) clearTimeout(chat.ackTimer);
    chat.ackTimer = null;
  }

  private restoreOutbox(): OutgoingMessage[] {
    try {
      const saved = JSON.parse(sessionStorage.getItem(this.storageKey) ?? '[]') as OutgoingMessage[];
      return Array.isArray(saved) ? saved.filter((m) => m && typeof m.clientId === 'string' && typeof m.chatId === 'string' && m.delivery === 'pending') : [];
    } catch {
      return [];
    }
  }

  private saveOutbox(): void {
    try {
      const waiting = this.outbox.filter((m) => m.delivery === 'pending');
      if (waiting.length) sessionStorage.setItem(this.storageKey, JSON.stringify(waiting));
      else sessionStorage.removeItem(this.storageKey);
    } catch {
      // storage blocked: the outbox still lives in memory
    }
  }

  // ----- the snapshot for React -----

  private touch(chatId: string): void {
    const chat = this.chats.get(chatId);
    if (chat) chat.view = null;
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.emit();
  }

  private emit(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }

  private buildSnapshot(): ChatSnapshot {
    const chats = new Map<string, ChatView>();
    for (const chat of this.chats.values()) {
      chat.view ??= {
        chatId: chat.chatId,
        messages: chat.messages,
        outgoing: this.outbox.filter((m) => m.chatId === chat.chatId),
        lastSeq: chat.lastSeq,
        isLoaded: chat.isLoaded,
        status: chat.status,
        isHeld: chat.isHeld,
        isVisitorTyping: chat.isVisitorTyping,
        unread: chat.unread,
        lastLiveVisitorMessage: chat.lastLiveVisitorMessage,
      };
      chats.set(chat.chatId, chat.view);
    }
    return {
      state: this.state,
      retryAt: this.retryAt,
      chats,
      pendingCount: this.outbox.filter((m) => m.delivery === 'pending').length,
    };
  }
}
