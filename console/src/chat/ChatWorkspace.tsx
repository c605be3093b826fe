// The counsellors' live-chat workspace: the connection's state, the queue (live, with waiting
// times; take the next chat or a particular one), the chats I hold as a list of tabs, and the
// open conversation. The list of chats comes from GET /api/v1/chats and is reloaded whenever
// the server says the queue or the holders changed; the messages come over the WebSocket.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { ApiError } from '../api';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useLanguage } from '../i18n';
import { asApiError, useUser } from '../session';
import { chatApi, type StaffChat } from './api';
import { Conversation } from './Conversation';
import { ConnectionBar } from './ConnectionBar';
import { ageGroupLabel, isAway, languageLabel, visitorName, waitedLabel, formatTime } from './format';
import { useChatConnection, useNow } from './useChatConnection';

export function ChatWorkspace() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useUser();
  const [params, setParams] = useSearchParams();
  const [chats, setChats] = useState<StaffChat[] | null>(null);
  const [listError, setListError] = useState<ApiError | null>(null);
  /** The conversations shown here: held chats, and those kept after they ended or left me. */
  const [tabs, setTabs] = useState<StaffChat[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [focusComposerOf, setFocusComposerOf] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const latestLoad = useRef(0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const isFirstList = useRef(true);
  /** Chats this person just took (not "transferred to you"). */
  const justTaken = useRef(new Set<string>());
  const announced = useRef(new Map<string, number>());
  const now = useNow(15_000);

  const load = useCallback(async () => {
    const request = ++latestLoad.current;
    try {
      const answer = await chatApi.list();
      if (request !== latestLoad.current) return;
      setChats(answer.chats);
      setListError(null);
    } catch (reason) {
      if (request === latestLoad.current) setListError(asApiError(reason));
    }
  }, []);
  const scheduleLoad = useCallback(() => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => void load(), 150);
  }, [load]);
  useEffect(() => {
    void load();
    // Once a minute as well: whether each child is still connected (their page reports every 25 s).
    const everyMinute = setInterval(() => void load(), 60_000);
    return () => {
      clearInterval(everyMinute);
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    };
  }, [load]);

  const { connection, snapshot } = useChatConnection(me.id, {
    onRefresh: scheduleLoad,
    // The socket was closed for an ended session: a request shows the sign-in screen.
    onSignedOut: () => void chatApi.list().catch(() => undefined),
  });
  const isConnected = snapshot.state === 'connected';

  // The list decides which chats are mine: watch the new ones, let go of the ones gone.
  useEffect(() => {
    if (!chats) return;
    const active = new Map(chats.filter((c) => c.status === 'active').map((c) => [c.id, c]));
    const held = chats.filter((c) => c.status === 'active' && c.isMine);
    const arrived = held.filter((chat) => !tabs.some((tab) => tab.id === chat.id));
    setTabs((shown) => [...shown.map((tab) => active.get(tab.id) ?? tab), ...arrived.filter((chat) => !shown.some((tab) => tab.id === chat.id))]);
    for (const chat of held) connection.watch(chat.id, chat.lastSeq);
    for (const tab of tabs) if (!active.has(tab.id)) connection.release(tab.id);
    if (!isFirstList.current) {
      for (const chat of arrived) {
        if (!justTaken.current.delete(chat.id)) setNotice(t('chat.console.mine.transferredIn', { number: chat.number }));
      }
    }
    isFirstList.current = false;
    // Only a new list reconciles; `tabs` is read as it was then.
  }, [chats, connection]);

  const selectedId = useMemo(() => {
    const asked = params.get('chat');
    if (asked && tabs.some((tab) => tab.id === asked)) return asked;
    return tabs.find((tab) => snapshot.chats.get(tab.id)?.isHeld !== false)?.id ?? tabs[0]?.id ?? null;
  }, [params, tabs, snapshot.chats]);
  const select = useCallback(
    (chatId: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (chatId) next.set('chat', chatId);
          else next.delete('chat');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  useEffect(() => connection.setFocused(selectedId), [connection, selectedId]);

  // New messages from visitors are read out (politely), wherever the chat is.
  useEffect(() => {
    for (const tab of tabs) {
      const message = snapshot.chats.get(tab.id)?.lastLiveVisitorMessage;
      if (!message || (announced.current.get(tab.id) ?? 0) >= message.seq) continue;
      announced.current.set(tab.id, message.seq);
      setAnnouncement(t('chat.console.conversation.newMessage', { name: visitorName(t, tab.nickname), body: message.body }));
    }
  }, [snapshot.chats, tabs, t]);

  const waiting = useMemo(() => (chats ?? []).filter((c) => c.status === 'waiting').sort((a, b) => a.waitingSince.localeCompare(b.waitingSince)), [chats]);
  const others = useMemo(() => (chats ?? []).filter((c) => c.status === 'active' && !c.isMine && !tabs.some((tab) => tab.id === c.id)), [chats, tabs]);

  // The window title counts the waiting chats, so a new one is seen from another tab.
  useEffect(() => {
    const title = `${t('chat.console.title')} — ${t('centre.shortName')}`;
    document.title = waiting.length > 0 ? t('chat.console.titleBadge', { count: waiting.length, title }) : title;
  }, [waiting.length, t, language]);
  useEffect(() => () => void (document.title = t('centre.shortName')), [t]);

  // Closing the page with messages not yet sent: the browser asks first (a reload keeps them).
  const hasPending = snapshot.pendingCount > 0;
  useEffect(() => {
    if (!hasPending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasPending]);

  const took = (chatId: string) => {
    justTaken.current.add(chatId);
    select(chatId);
    setFocusComposerOf(chatId);
  };
  const act = async (work: () => Promise<void>) => {
    setIsBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      await work();
    } catch (reason) {
      const error = asApiError(reason);
      if (error.code === 'no_chat_waiting') setNotice(t('chat.console.queue.noneWaiting'));
      else if (error.code === 'not_waiting') setNotice(t('chat.console.queue.alreadyTaken'));
      else setActionError(error);
    } finally {
      setIsBusy(false);
      await load();
    }
  };
  const takeNext = () =>
    act(async () => {
      const { chatId } = await chatApi.takeNext();
      took(chatId);
    });
  const take = (chat: StaffChat) =>
    act(async () => {
      const { chatId } = await chatApi.accept(chat.id);
      took(chatId);
      setNotice(t('chat.console.queue.taken', { number: chat.number }));
    });
  const openOthers = (chat: StaffChat) => {
    setTabs((shown) => (shown.some((tab) => tab.id === chat.id) ? shown : [...shown, chat]));
    connection.watch(chat.id, chat.lastSeq);
    select(chat.id);
  };
  const closeTab = (chatId: string) => {
    connection.unwatch(chatId);
    setTabs((shown) => shown.filter((tab) => tab.id !== chatId));
    setDrafts(({ [chatId]: _dropped, ...rest }) => rest);
    if (selectedId === chatId) select(null);
  };
  const transferred = (chat: StaffChat, name: string) => {
    closeTab(chat.id);
    setNotice(t('chat.console.transfer.done', { number: chat.number, name }));
    void load();
  };

  const selected = tabs.find((tab) => tab.id === selectedId) ?? null;

  return (
    <Screen title={t('chat.console.title')} headingTestId="chats-heading">
      <ConnectionBar snapshot={snapshot} onReconnect={() => connection.reconnectNow()} />
      <div className="chat-announce" aria-live="polite" aria-atomic="true" data-testid="chat-announcement">
        {announcement}
      </div>
      <StatusMessage message={notice} />
      <ErrorAlert error={actionError} />
      {listError && <ErrorAlert error={listError} message={t('chat.console.loadFailed')} />}

      <div className="chat-workspace">
        <div className="chat-side">
          <section className="chat-panel chat-queue" aria-labelledby="chat-queue-heading" data-testid="chat-queue">
            <h2 id="chat-queue-heading">{t('chat.console.queue.heading')}</h2>
            <p className={waiting.length > 0 ? 'chat-queue-count chat-queue-count-waiting' : 'chat-queue-count'}>
              {waiting.length > 0 ? t('chat.console.queue.count', { count: waiting.length }) : t('chat.console.queue.empty')}
            </p>
            <button type="button" className="button-primary chat-take-next" disabled={isBusy || waiting.length === 0} data-testid="take-next" onClick={() => void takeNext()}>
              {t('chat.console.queue.takeNext')}
            </button>
            {waiting.length > 0 && (
              <ul className="chat-queue-list">
                {waiting.map((chat) => (
                  <li key={chat.id} className="chat-queue-item" data-testid="queue-item" data-chat-id={chat.id}>
                    <p className="chat-queue-name">
                      <strong>{visitorName(t, chat.nickname)}</strong> <span className="muted">{t('chat.console.queue.number', { number: chat.number })}</span>
                    </p>
                    <ul className="tag-list chat-codes">
                      <li className="tag">{ageGroupLabel(t, chat.ageGroup)}</li>
                      <li className="tag">{languageLabel(t, chat.language)}</li>
                      {isAway(chat, now) && <li className="tag tag-warning">{t('chat.console.visitorAway')}</li>}
                    </ul>
                    <p className="chat-queue-waited">
                      <time dateTime={chat.waitingSince} title={formatTime(chat.waitingSince, language)}>
                        {waitedLabel(t, chat.waitingSince, now)}
                      </time>
                    </p>
                    <button type="button" className="button-small" disabled={isBusy} aria-label={t('chat.console.queue.takeLabel', { number: chat.number, name: visitorName(t, chat.nickname) })} onClick={() => void take(chat)}>
                      {t('chat.console.queue.take')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="chat-panel" aria-labelledby="chat-mine-heading">
            <h2 id="chat-mine-heading">{t('chat.console.mine.heading')}</h2>
            {tabs.length === 0 ? (
              <p className="muted">{t('chat.console.mine.none')}</p>
            ) : (
              <ul className="chat-tabs">
                {tabs.map((tab) => {
                  const view = snapshot.chats.get(tab.id);
                  return (
                    <li key={tab.id}>
                      <button
                        type="button"
                        className="chat-tab"
                        aria-pressed={tab.id === selectedId}
                        aria-controls="chat-conversation"
                        data-testid="chat-tab"
                        data-chat-id={tab.id}
                        onClick={() => select(tab.id)}
                      >
                        <span className="chat-tab-name">{visitorName(t, tab.nickname)}</span>
                        <span className="chat-tab-meta">
                          {t('chat.console.queue.number', { number: tab.number })} · {languageLabel(t, tab.language)}
                        </span>
                        {view && view.unread > 0 && <span className="badge badge-message">{t('chat.console.mine.unread', { count: view.unread })}</span>}
                        {view && !view.isHeld && <span className="tag tag-muted">{t('chat.console.mine.ended')}</span>}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          {others.length > 0 && (
            <section className="chat-panel" aria-labelledby="chat-others-heading">
              <h2 id="chat-others-heading">{t('chat.console.others.heading')}</h2>
              <ul className="chat-queue-list">
                {others.map((chat) => (
                  <li key={chat.id} className="chat-queue-item">
                    <p className="chat-queue-name">
                      <strong>{visitorName(t, chat.nickname)}</strong> <span className="muted">{t('chat.console.queue.number', { number: chat.number })}</span>
                    </p>
                    <p className="muted">{t('chat.console.others.heldBy', { name: chat.counsellorName ?? '—' })}</p>
                    <button type="button" className="button-small" aria-label={t('chat.console.others.openLabel', { number: chat.number })} onClick={() => openOthers(chat)}>
                      {t('chat.console.others.open')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>

        <div className="chat-main" id="chat-conversation">
          {selected ? (
            <Conversation
              key={selected.id}
              chat={selected}
              view={snapshot.chats.get(selected.id)}
              connection={connection}
              isConnected={isConnected}
              draft={drafts[selected.id] ?? ''}
              onDraft={(text) => setDrafts((all) => ({ ...all, [selected.id]: text }))}
              focusComposer={focusComposerOf === selected.id}
              onComposerFocused={() => setFocusComposerOf(null)}
              onClose={() => closeTab(selected.id)}
              onTransferred={(name) => transferred(selected, name)}
            />
          ) : (
            <p className="chat-empty">{t('chat.console.mine.none')}</p>
          )}
        </div>
      </div>
    </Screen>
  );
}
