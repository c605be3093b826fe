// Passing chat events between app processes through PostgreSQL LISTEN/NOTIFY, never through
// process memory: a message written by the process the child is connected to reaches the
// counsellor connected to another process. NOTIFY sent inside a transaction is delivered
// only when it commits, so nobody hears of a message that was rolled back.
//
// On a PostgreSQL server one dedicated connection per process listens (reconnecting after a
// drop, and then telling subscribers to catch up from the database); on PGlite the embedded
// instance's own listen() is used. A message event may carry the message encrypted (as
// stored), so listeners need not read it back; never in clear.
import pg from 'pg';
import { sql } from 'kysely';
import type { DatabaseHandle, DbOrTrx } from '../db/index';

export const CHAT_CHANNEL = 'bezbedno_chat';

export type ChatEvent =
  | { t: 'msg'; c: string; s: number; m?: { sender: 'visitor' | 'counsellor' | 'system'; clientId: string | null; sentAt: string; bodyEnc: string | null } }
  | { t: 'typing'; c: string; f: 'visitor' | 'counsellor' }
  | { t: 'state'; c: string }
  | { t: 'queue' };

export function publishChatEvent(db: DbOrTrx, event: ChatEvent): Promise<unknown> {
  return sql`SELECT pg_notify(${CHAT_CHANNEL}, ${JSON.stringify(event)})`.execute(db);
}

export interface ChatBus {
  /** `resync` runs after a lost listening connection came back: events may have been missed. */
  subscribe(onEvent: (event: ChatEvent) => void, onResync: () => void): void;
  close(): Promise<void>;
}

export async function startChatBus(database: DatabaseHandle, connectionString: string | undefined, log: (msg: string) => void): Promise<ChatBus> {
  const listeners: { onEvent: (e: ChatEvent) => void; onResync: () => void }[] = [];
  const deliver = (payload: string | undefined) => {
    if (!payload) return;
    let event: ChatEvent;
    try {
      event = JSON.parse(payload) as ChatEvent;
    } catch {
      return;
    }
    for (const l of listeners) l.onEvent(event);
  };
  const subscribe: ChatBus['subscribe'] = (onEvent, onResync) => listeners.push({ onEvent, onResync });

  if (database.pglite) {
    const unlisten = await database.pglite.listen(CHAT_CHANNEL, deliver);
    return { subscribe, close: () => unlisten() };
  }

  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 500;
  const connect = async (isReconnect: boolean): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => deliver(n.payload));
    c.on('error', () => {
      // 'end' follows; reconnecting happens there.
    });
    c.on('end', () => {
      if (closed) return;
      log('chat listener connection lost; reconnecting');
      client = null;
      setTimeout(() => void connect(true).catch(() => undefined), retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHAT_CHANNEL}`);
    } catch (error) {
      await c.end().catch(() => undefined);
      if (!isReconnect) throw error;
      return;
    }
    client = c;
    retryMs = 500;
    if (isReconnect) for (const l of listeners) l.onResync();
  };
  await connect(false);
  return {
    subscribe,
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
