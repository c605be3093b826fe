// The WebSocket client for the chat screens: one connection while the workspace is open,
// read through useSyncExternalStore so every change re-renders what shows it.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ChatConnection, staffSocketUrl, type ChatSnapshot } from './socket';

export interface ConnectionHandlers {
  onRefresh: () => void;
  onSignedOut: () => void;
}

export function useChatConnection(userId: string, handlers: ConnectionHandlers): { connection: ChatConnection; snapshot: ChatSnapshot } {
  const latest = useRef(handlers);
  latest.current = handlers;
  const connection = useMemo(
    () => new ChatConnection(staffSocketUrl(), userId, { onRefresh: () => latest.current.onRefresh(), onSignedOut: () => latest.current.onSignedOut() }),
    [userId],
  );
  useEffect(() => {
    connection.start();
    return () => connection.stop();
  }, [connection]);
  const snapshot = useSyncExternalStore(connection.subscribe, connection.getSnapshot);
  return { connection, snapshot };
}

/** The current time, updated every `everyMs` (waiting times, the reconnect countdown). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
