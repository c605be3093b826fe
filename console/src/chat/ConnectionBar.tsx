// The connection's state, always in view: connected, connecting, lost (with the next attempt
// and a button to try at once), offline, signed out. The sentence is a polite live region; the
// countdown beside it is not (it would be read out every second).
import { useTranslation } from 'react-i18next';
import type { ChatSnapshot, ConnectionState } from './socket';
import { useNow } from './useChatConnection';

const SENTENCES: Record<ConnectionState, string> = {
  connecting: 'chat.console.connection.connecting',
  connected: 'chat.console.connection.connected',
  waiting: 'chat.console.connection.reconnectingNow',
  offline: 'chat.console.connection.offline',
  'signed-out': 'chat.console.connection.signedOut',
  forbidden: 'chat.console.connection.forbidden',
  stopped: 'chat.console.connection.connecting',
};

function tone(state: ConnectionState): 'ok' | 'busy' | 'problem' {
  if (state === 'connected') return 'ok';
  if (state === 'connecting' || state === 'stopped') return 'busy';
  return 'problem';
}

export function ConnectionBar({ snapshot, onReconnect }: { snapshot: ChatSnapshot; onReconnect: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const { state, retryAt, pendingCount } = snapshot;
  const seconds = retryAt ? Math.max(0, Math.ceil((retryAt - now) / 1000)) : null;
  const canRetry = state === 'waiting' || state === 'offline';
  return (
    <div className={`chat-connection chat-connection-${tone(state)}`} data-testid="chat-connection" data-state={state}>
      <span className="chat-connection-dot" aria-hidden="true" />
      <p role="status" className="chat-connection-text">
        <span className="visually-hidden-label">{t('chat.console.connection.label')}: </span>
        {t(SENTENCES[state])}
      </p>
      {canRetry && seconds !== null && <span className="chat-connection-countdown">{t('chat.console.connection.retryIn', { count: seconds })}</span>}
      {canRetry && (
        <button type="button" className="button-small" onClick={onReconnect}>
          {t('chat.console.connection.retryNow')}
        </button>
      )}
      {state !== 'connected' && pendingCount > 0 && (
        <p className="chat-connection-pending" data-testid="chat-pending-count">
          {t('chat.console.connection.waitingMessages', { count: pendingCount })}
        </p>
      )}
    </div>
  );
}
