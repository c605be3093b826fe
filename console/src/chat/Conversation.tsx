// One conversation: who the visitor is (language and age group first: the counsellor writes
// in the visitor's language), the messages in order with each of mine marked sending / sent /
// not sent, "typing…", the message box (Enter sends, Shift+Enter a new line), prepared
// replies and advice links written into the box, transfer and end. Ending leads to the draft
// contact the chat became, where the counsellor completes it.
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { CHAT_MESSAGE_MAX } from '../../../common/helpline';
import type { ApiError } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorAlert } from '../components/Messages';
import { useLanguage } from '../i18n';
import { asApiError } from '../session';
import { chatApi, type StaffChat } from './api';
import { AdviceLinks, SnippetMenu, TransferForm } from './Tools';
import { ageGroupLabel, formatTime, isAway, languageLabel, visitorName } from './format';
import { useNow } from './useChatConnection';
import type { ChatConnection, ChatMessage, ChatView, OutgoingMessage } from './socket';

interface Props {
  chat: StaffChat;
  view: ChatView | undefined;
  connection: ChatConnection;
  isConnected: boolean;
  draft: string;
  onDraft: (text: string) => void;
  focusComposer: boolean;
  onComposerFocused: () => void;
  onClose: () => void;
  onTransferred: (name: string) => void;
}

export function Conversation({ chat, view, connection, isConnected, draft, onDraft, focusComposer, onComposerFocused, onClose, onTransferred }: Props) {
  const now = useNow(15_000);
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const name = visitorName(t, chat.nickname);
  const visitorLanguage = languageLabel(t, chat.language);
  const [error, setError] = useState<ApiError | null>(null);
  const [contactMissing, setContactMissing] = useState(false);
  const composer = useRef<HTMLTextAreaElement>(null);
  const isHeld = view?.isHeld !== false;
  const hasEnded = view?.status === 'ended';
  const pendingHere = view?.outgoing.filter((m) => m.delivery === 'pending').length ?? 0;

  useEffect(() => {
    if (focusComposer && isHeld) {
      composer.current?.focus();
      onComposerFocused();
    }
  }, [focusComposer, isHeld, onComposerFocused]);

  const insert = (text: string) => {
    const current = draft.trimEnd();
    onDraft(current ? `${current} ${text}` : text);
    requestAnimationFrame(() => {
      const box = composer.current;
      if (!box) return;
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
    });
  };

  const openContact = (contactId: string) => navigate(`/helpline/contacts/${encodeURIComponent(contactId)}`);
  const end = async () => {
    setError(null);
    try {
      const { contactId } = await chatApi.end(chat.id);
      if (contactId) openContact(contactId);
      else setContactMissing(true);
    } catch (reason) {
      setError(asApiError(reason));
    }
  };
  /** The visitor ended it: the draft contact exists already; find it. */
  const completeContact = async () => {
    setError(null);
    try {
      const { contactId } = await chatApi.end(chat.id);
      if (contactId) return openContact(contactId);
    } catch {
      // the chat is no longer "mine to end": look for the draft instead
    }
    try {
      const contactId = await chatApi.findChatContact(chat.acceptedAt ?? chat.waitingSince);
      if (contactId) openContact(contactId);
      else setContactMissing(true);
    } catch (reason) {
      setError(asApiError(reason));
    }
  };

  return (
    <section className="chat-panel chat-conversation" aria-labelledby={`chat-heading-${chat.id}`} data-testid="conversation" data-chat-id={chat.id}>
      <header className="chat-conversation-head">
        <div>
          <h2 id={`chat-heading-${chat.id}`}>{t('chat.console.conversation.heading', { name })}</h2>
          <dl className="chat-facts">
            <div className="chat-fact chat-fact-strong">
              <dt>{t('chat.console.conversation.language')}</dt>
              <dd data-testid="chat-language">{visitorLanguage}</dd>
            </div>
            <div className="chat-fact chat-fact-strong">
              <dt>{t('chat.console.conversation.ageGroup')}</dt>
              <dd data-testid="chat-age-group">{ageGroupLabel(t, chat.ageGroup)}</dd>
            </div>
            <div className="chat-fact">
              <dt>{t('chat.console.conversation.numberLabel')}</dt>
              <dd>{chat.number}</dd>
            </div>
            {chat.acceptedAt && (
              <div className="chat-fact">
                <dt>{t('chat.console.conversation.acceptedAt')}</dt>
                <dd>
                  <time dateTime={chat.acceptedAt}>{formatTime(chat.acceptedAt, language)}</time>
                </dd>
              </div>
            )}
          </dl>
          {isAway(chat, now) && (
            <p className="tag tag-warning" role="status">
              {t('chat.console.visitorAway')}
            </p>
          )}
        </div>
        {isHeld && (
          <div className="chat-end">
            <ConfirmButton label={t('chat.console.end.button')} isDangerous testId="end-chat" onConfirm={end} />
            {pendingHere > 0 && <p className="chat-warning">{t('chat.console.end.pendingWarning')}</p>}
          </div>
        )}
      </header>

      <ErrorAlert error={error} />
      {contactMissing && (
        <div className="alert alert-warning" role="alert">
          <p>
            {t('chat.console.conversation.contactNotFound')} <Link to="/helpline/contacts">{t('chat.console.conversation.openContacts')}</Link>
          </p>
        </div>
      )}

      <MessageLog chat={chat} view={view} name={name} />
      <p className="chat-typing" data-testid="chat-typing">
        {isHeld && view?.isVisitorTyping ? t('chat.console.conversation.typing', { name }) : ''}
      </p>

      {isHeld ? (
        <>
          <Composer
            name={name}
            visitorLanguage={visitorLanguage}
            draft={draft}
            onDraft={onDraft}
            isConnected={isConnected}
            textareaRef={composer}
            onTyping={() => connection.typing(chat.id)}
            onSend={(body) => connection.send(chat.id, body)}
          />
          <div className="chat-tools">
            <SnippetMenu language={chat.language} onInsert={insert} />
            <AdviceLinks language={chat.language} onInsert={insert} />
            <TransferForm chat={chat} onTransferred={onTransferred} />
          </div>
        </>
      ) : (
        <div className={hasEnded ? 'alert alert-info chat-closed' : 'alert alert-warning chat-closed'} data-testid="chat-closed">
          <p>
            {hasEnded
              ? t('chat.console.conversation.endedByVisitor')
              : view?.status === 'active'
                ? t('chat.console.conversation.transferredAway')
                : t('chat.console.conversation.gone')}
          </p>
          <div className="button-row">
            {hasEnded && chat.isMine && (
              <button type="button" className="button-primary" data-testid="complete-contact" onClick={() => void completeContact()}>
                {t('chat.console.conversation.completeContact')}
              </button>
            )}
            <button type="button" aria-label={t('chat.console.conversation.closeLabel', { number: chat.number })} onClick={onClose}>
              {t('chat.console.conversation.close')}
            </button>
          </div>
        </div>
      )}
      {view && view.outgoing.some((m) => m.delivery === 'failed') && (
        <FailedActions outgoing={view.outgoing} connection={connection} />
      )}
    </section>
  );
}

function MessageLog({ chat, view, name }: { chat: StaffChat; view: ChatView | undefined; name: string }) {
  const { t } = useTranslation();
  const log = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const count = (view?.messages.length ?? 0) + (view?.outgoing.length ?? 0);

  // Follow new messages while the counsellor is at the end; leave them alone when reading back.
  useLayoutEffect(() => {
    const box = log.current;
    if (box && stick.current) box.scrollTop = box.scrollHeight;
  }, [count, view?.isVisitorTyping]);
  const onScroll = () => {
    const box = log.current;
    if (box) stick.current = box.scrollHeight - box.scrollTop - box.clientHeight < 48;
  };

  return (
    // A scrolling region reachable by keyboard; new visitor messages are announced by the workspace.
    <div ref={log} className="chat-log" tabIndex={0} role="region" aria-label={t('chat.console.conversation.messages', { name })} onScroll={onScroll} data-testid="chat-log">
      {!view?.isLoaded && count === 0 ? (
        <p className="muted">{t('chat.console.conversation.loading')}</p>
      ) : count === 0 ? (
        <p className="muted">{t('chat.console.conversation.noMessages')}</p>
      ) : null}
      <ol className="chat-messages">
        {view?.messages.map((m) => <Message key={`s${m.seq}`} message={m} name={name} chat={chat} />)}
        {view?.outgoing.map((m) => <Outgoing key={m.clientId} message={m} />)}
      </ol>
    </div>
  );
}

function senderLabel(t: ReturnType<typeof useTranslation>['t'], sender: ChatMessage['sender'], name: string): string {
  if (sender === 'visitor') return name;
  if (sender === 'system') return t('chat.console.conversation.system');
  return t('chat.console.conversation.counsellor');
}

function Message({ message, name }: { message: ChatMessage; name: string; chat: StaffChat }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li className={`chat-message chat-message-${message.sender}`} data-testid="chat-message" data-seq={message.seq} data-sender={message.sender} data-delivery="sent">
      <p className="chat-message-meta">
        <span className="chat-sender">{senderLabel(t, message.sender, name)}</span>
        <time dateTime={message.sentAt}>{formatTime(message.sentAt, language)}</time>
        {message.sender === 'counsellor' && <span className="chat-delivery chat-delivery-sent">{t('chat.console.conversation.delivery.sent')}</span>}
      </p>
      <p className="chat-body">{message.body}</p>
    </li>
  );
}

function Outgoing({ message }: { message: OutgoingMessage }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const failure = message.failure ? t(`chat.console.conversation.failure.${message.failure}`) : null;
  return (
    <li className={`chat-message chat-message-counsellor chat-message-${message.delivery}`} data-testid="chat-message" data-client-id={message.clientId} data-sender="counsellor" data-delivery={message.delivery}>
      <p className="chat-message-meta">
        <span className="chat-sender">{t('chat.console.conversation.you')}</span>
        <time dateTime={message.createdAt}>{formatTime(message.createdAt, language)}</time>
        <span className={`chat-delivery chat-delivery-${message.delivery}`}>
          {t(`chat.console.conversation.delivery.${message.delivery}`)}
          {failure && `: ${failure}`}
        </span>
      </p>
      <p className="chat-body">{message.body}</p>
    </li>
  );
}

/** Refused messages: send again (a passing problem) or remove; announced as an alert once. */
function FailedActions({ outgoing, connection }: { outgoing: readonly OutgoingMessage[]; connection: ChatConnection }) {
  const { t } = useTranslation();
  const failed = outgoing.filter((m) => m.delivery === 'failed');
  return (
    <div className="alert alert-error chat-failed" role="alert">
      <ul className="plain-list">
        {failed.map((m) => (
          <li key={m.clientId} className="chat-failed-item">
            <span className="chat-failed-body">
              {t('chat.console.conversation.delivery.failed')}
              {m.failure && `: ${t(`chat.console.conversation.failure.${m.failure}`)}`} — „{m.body.length > 60 ? `${m.body.slice(0, 60)}…` : m.body}”
            </span>
            <span className="button-row">
              {m.failure === 'generic' && (
                <button type="button" className="button-small" onClick={() => connection.retry(m.clientId)}>
                  {t('chat.console.conversation.retry')}
                </button>
              )}
              <button type="button" className="button-small" onClick={() => connection.discard(m.clientId)}>
                {t('chat.console.conversation.discard')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface ComposerProps {
  name: string;
  visitorLanguage: string;
  draft: string;
  onDraft: (text: string) => void;
  isConnected: boolean;
  textareaRef: React.RefObject<HTMLTextAreaElement | null>;
  onTyping: () => void;
  onSend: (body: string) => void;
}

function Composer({ name, visitorLanguage, draft, onDraft, isConnected, textareaRef, onTyping, onSend }: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const send = (event?: FormEvent) => {
    event?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    onSend(body);
    onDraft('');
    textareaRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const isLong = draft.length > CHAT_MESSAGE_MAX - 200;
  return (
    <form className="chat-composer" onSubmit={send} noValidate>
      <label htmlFor={`${id}-box`}>{t('chat.console.composer.label', { name })}</label>
      <p id={`${id}-hint`} className="hint">
        <strong className="chat-write-in">{t('chat.console.conversation.writeIn', { language: visitorLanguage })}</strong> {t('chat.console.composer.hint')}
      </p>
      <textarea
        id={`${id}-box`}
        ref={textareaRef}
        name="message"
        rows={3}
        maxLength={CHAT_MESSAGE_MAX}
        value={draft}
        aria-describedby={`${id}-hint${isLong ? ` ${id}-length` : ''}`}
        data-testid="chat-message-box"
        onChange={(event) => {
          onDraft(event.target.value);
          if (event.target.value.trim()) onTyping();
        }}
        onKeyDown={onKeyDown}
      />
      <div className="chat-composer-bar">
        <button type="submit" className="button-primary" data-testid="chat-send" disabled={!draft.trim()}>
          {t('chat.console.composer.send')}
        </button>
        {isLong && (
          <span id={`${id}-length`} className="hint">
            {t('chat.console.composer.length', { count: draft.length, max: CHAT_MESSAGE_MAX })}
          </span>
        )}
        {!isConnected && <span className="chat-composer-offline">{t('chat.console.composer.notConnected')}</span>}
      </div>
    </form>
  );
}
