// The conversation's tools, each folded away until needed: prepared replies in the visitor's
// language, a link to an advice article (both written into the message box for the counsellor
// to read over and send), and the transfer to another counsellor.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/roles';
import { toLatin } from '../../../common/i18n/translit';
import type { ApiError } from '../api';
import { SelectField } from '../components/Field';
import { ErrorAlert } from '../components/Messages';
import { asApiError, useUser } from '../session';
import { chatApi, type AdviceLink, type Counsellor, type Snippet, type StaffChat } from './api';

/** Snippets by language, loaded once per page. */
const snippetCache = new Map<Language, Snippet[]>();

function closeDetails(details: HTMLDetailsElement | null) {
  if (details) details.open = false;
}

export function SnippetMenu({ language, onInsert }: { language: Language; onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const [snippets, setSnippets] = useState<Snippet[] | null>(snippetCache.get(language) ?? null);
  const [hasFailed, setHasFailed] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    if (snippetCache.has(language)) return;
    let isCurrent = true;
    chatApi.snippets(language).then(
      (answer) => {
        snippetCache.set(language, answer.snippets);
        if (isCurrent) setSnippets(answer.snippets);
      },
      () => isCurrent && setHasFailed(true),
    );
    return () => {
      isCurrent = false;
    };
  }, [language]);

  return (
    <details ref={details} className="chat-tool" data-testid="snippets">
      <summary>{t('chat.console.snippets.heading')}</summary>
      <div className="chat-tool-body">
        <p className="hint">{t('chat.console.snippets.hint')}</p>
        {hasFailed ? (
          <p className="field-error">{t('chat.console.snippets.failed')}</p>
        ) : !snippets ? (
          <p className="muted">{t('chat.console.snippets.loading')}</p>
        ) : (
          <ul className="chat-snippets">
            {snippets.map((snippet) => (
              <li key={snippet.id} className="chat-snippet">
                <button
                  type="button"
                  className="button-small"
                  aria-label={t('chat.console.snippets.insertLabel', { title: snippet.title })}
                  data-testid="snippet"
                  data-snippet-id={snippet.id}
                  onClick={() => {
                    onInsert(snippet.body);
                    closeDetails(details.current);
                  }}
                >
                  {snippet.title}
                </button>
                <p className="chat-snippet-body">{snippet.body}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}

function titleIn(article: AdviceLink, language: Language): string {
  if (language === 'en') return article.titleEn || article.titleSr;
  return language === 'sr-Latn' ? toLatin(article.titleSr) : article.titleSr;
}

export function AdviceLinks({ language, onInsert }: { language: Language; onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [articles, setArticles] = useState<AdviceLink[] | null>(null);
  const [isUnavailable, setIsUnavailable] = useState(false);
  const [isLoading, setIsLoading] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  const latest = useRef(0);

  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    const request = ++latest.current;
    setIsLoading(true);
    try {
      const found = await chatApi.advice(q);
      if (request !== latest.current) return;
      setArticles(found);
      setIsUnavailable(false);
    } catch {
      if (request === latest.current) setIsUnavailable(true); // fail soft: the rest of the chat works
    } finally {
      if (request === latest.current) setIsLoading(false);
    }
  };

  const status = isUnavailable
    ? t('chat.console.advice.unavailable')
    : isLoading
      ? t('chat.console.snippets.loading')
      : articles === null
        ? ''
        : articles.length === 0
          ? t('chat.console.advice.none')
          : t('chat.console.advice.found', { count: articles.length });

  return (
    <details
      ref={details}
      className="chat-tool"
      data-testid="advice-links"
      onToggle={(event) => {
        if ((event.target as HTMLDetailsElement).open && articles === null && !isLoading) void search();
      }}
    >
      <summary>{t('chat.console.advice.heading')}</summary>
      <div className="chat-tool-body">
        <form role="search" className="chat-advice-search" onSubmit={(event) => void search(event)} aria-label={t('chat.console.advice.heading')}>
          <label htmlFor={`${id}-q`}>{t('chat.console.advice.search')}</label>
          <p id={`${id}-hint`} className="hint">
            {t('chat.console.advice.searchHint')}
          </p>
          <div className="chat-advice-row">
            <input id={`${id}-q`} type="search" name="adviceQuery" maxLength={200} value={q} aria-describedby={`${id}-hint`} onChange={(event) => setQ(event.target.value)} />
            <button type="submit">{t('chat.console.advice.searchButton')}</button>
          </div>
        </form>
        <p role="status" className="hint chat-advice-status">
          {status}
        </p>
        {articles && articles.length > 0 && (
          <ul className="chat-advice-list">
            {articles.slice(0, 20).map((article) => {
              const title = titleIn(article, language);
              return (
                <li key={article.id}>
                  <span>{title}</span>
                  <button
                    type="button"
                    className="button-small"
                    aria-label={t('chat.console.advice.insertLabel', { title })}
                    data-testid="advice-insert"
                    onClick={() => {
                      onInsert(`${location.origin}${article.publicPath}`);
                      closeDetails(details.current);
                    }}
                  >
                    {t('chat.console.advice.insert')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </details>
  );
}

export function TransferForm({ chat, onTransferred }: { chat: StaffChat; onTransferred: (name: string) => void }) {
  const { t } = useTranslation();
  const me = useUser();
  const [counsellors, setCounsellors] = useState<Counsellor[] | null>(null);
  const [hasFailed, setHasFailed] = useState(false);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const load = () => {
    setHasFailed(false);
    chatApi.counsellors().then(
      (answer) => setCounsellors(answer.counsellors.filter((c) => c.id !== me.id && c.id !== chat.counsellorId)),
      () => setHasFailed(true),
    );
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const to = counsellors?.find((c) => c.id === choice);
    if (!to) return;
    setIsBusy(true);
    setError(null);
    try {
      await chatApi.transfer(chat.id, to.id);
      onTransferred(to.name);
    } catch (reason) {
      setError(asApiError(reason));
      setIsBusy(false);
    }
  };

  return (
    <details
      className="chat-tool"
      data-testid="transfer"
      onToggle={(event) => {
        if ((event.target as HTMLDetailsElement).open) load();
      }}
    >
      <summary>{t('chat.console.transfer.heading')}</summary>
      <div className="chat-tool-body">
        <ErrorAlert error={error} knownFields={['counsellorId']} />
        {hasFailed ? (
          <p className="field-error">{t('chat.console.transfer.failed')}</p>
        ) : !counsellors ? (
          <p className="muted">{t('chat.console.snippets.loading')}</p>
        ) : counsellors.length === 0 ? (
          <p className="muted">{t('chat.console.transfer.noOne')}</p>
        ) : (
          <form className="chat-transfer" onSubmit={(event) => void submit(event)} noValidate>
            <SelectField
              label={t('chat.console.transfer.counsellor')}
              name="counsellorId"
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
              error={error?.fieldError('counsellorId')}
            >
              <option value="">{t('chat.console.transfer.choose')}</option>
              {counsellors.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('chat.console.transfer.option', { name: c.name, count: c.activeChats })}
                </option>
              ))}
            </SelectField>
            <button type="submit" disabled={!choice || isBusy} data-testid="transfer-submit">
              {t('chat.console.transfer.submit')}
            </button>
          </form>
        )}
      </div>
    </details>
  );
}
