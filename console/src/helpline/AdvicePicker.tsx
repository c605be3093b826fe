// "Advice articles used": search the advice library as you type and add articles to the
// contact. If the library cannot be reached the rest of the form works as before (fail soft).
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n';
import { adviceLookupApi, type AdviceArticleRef } from './api';
import { articleTitle } from './format';

const MAX_ARTICLES = 20;

type Search = { state: 'idle' } | { state: 'loading' } | { state: 'found'; articles: AdviceArticleRef[] } | { state: 'unavailable' };

export function AdvicePicker({ chosen, onChange, error }: { chosen: AdviceArticleRef[]; onChange: (articles: AdviceArticleRef[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const latest = useRef(0);
  const searchRef = useRef<HTMLInputElement>(null);
  useArticleTitles(chosen, onChange);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setSearch({ state: 'idle' });
      return;
    }
    const request = ++latest.current;
    setSearch({ state: 'loading' });
    const timer = window.setTimeout(() => {
      adviceLookupApi.search(q).then(
        (result) => {
          if (request === latest.current) setSearch({ state: 'found', articles: Array.isArray(result?.articles) ? result.articles.slice(0, 8) : [] });
        },
        () => {
          if (request === latest.current) setSearch({ state: 'unavailable' });
        },
      );
    }, 250);
    return () => window.clearTimeout(timer);
  }, [query]);

  const chosenIds = new Set(chosen.map((a) => a.id));
  const title = (article: AdviceArticleRef) => articleTitle(article, language) || article.id.slice(0, 8);
  const status =
    search.state === 'unavailable'
      ? t('helpline.form.adviceUnavailable')
      : search.state === 'found' && search.articles.length === 0
        ? t('helpline.form.adviceNone')
        : '';

  return (
    <div className={error ? 'advice-picker field-invalid' : 'advice-picker'} data-field="adviceArticleIds">
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('helpline.form.adviceSearch')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('helpline.form.adviceSearchHint')}
        </p>
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
        <input
          id={`${id}-q`}
          ref={searchRef}
          type="search"
          name="adviceSearch"
          autoComplete="off"
          maxLength={200}
          value={query}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <p role="status" className="hint">
        {status}
      </p>
      {search.state === 'found' && search.articles.length > 0 && (
        <ul className="plain-list advice-results" aria-label={t('helpline.form.adviceResults')}>
          {search.articles.map((article) => (
            <li key={article.id}>
              <button
                type="button"
                className="button-small"
                disabled={chosenIds.has(article.id) || chosen.length >= MAX_ARTICLES}
                onClick={() => {
                  onChange([...chosen, { id: article.id, titleSr: article.titleSr, titleEn: article.titleEn }]);
                  // The button becomes disabled; keep the keyboard where the next search starts.
                  searchRef.current?.focus();
                }}
              >
                {t('helpline.form.adviceAdd', { title: title(article) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="advice-chosen-label" id={`${id}-chosen`}>
        {t('helpline.form.adviceChosen')}
      </p>
      {chosen.length === 0 ? (
        <p className="hint">{t('helpline.form.adviceNoneChosen')}</p>
      ) : (
        <ul className="tag-list" aria-labelledby={`${id}-chosen`} data-testid="advice-chosen">
          {chosen.map((article) => (
            <li key={article.id} className="tag advice-tag">
              <span>{title(article)}</span>
              <button type="button" className="link-button" aria-label={t('helpline.form.adviceRemove', { title: title(article) })} onClick={() => onChange(chosen.filter((a) => a.id !== article.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Articles known only by id (a saved contact) get their titles, when the library answers. */
function useArticleTitles(chosen: AdviceArticleRef[], onChange: (articles: AdviceArticleRef[]) => void) {
  const missing = chosen.filter((a) => !a.titleSr && !a.titleEn).map((a) => a.id);
  const key = missing.join(',');
  const latest = useRef({ chosen, onChange });
  latest.current = { chosen, onChange };
  useEffect(() => {
    if (!key) return;
    let isCurrent = true;
    void Promise.all(key.split(',').map((id) => adviceLookupApi.read(id).then((r) => r.article, () => null))).then((found) => {
      if (!isCurrent) return;
      const byId = new Map(found.filter((a): a is AdviceArticleRef => a !== null).map((a) => [a.id, a]));
      if (byId.size === 0) return;
      latest.current.onChange(latest.current.chosen.map((a) => (byId.has(a.id) ? { id: a.id, titleSr: byId.get(a.id)!.titleSr, titleEn: byId.get(a.id)!.titleEn } : a)));
    });
    return () => {
      isCurrent = false;
    };
  }, [key]);
}
