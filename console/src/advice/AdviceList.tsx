// The advice library: quick search as you type (any script), a topic and status filter, and
// for each article its public link to copy. The search lives in the address, so going back
// from an article returns to the same results.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { HELPLINE_CATEGORIES } from '../../../common/helpline';
import { ADVICE_STATUSES } from '../../../common/schemas/advice';
import type { ApiError } from '../api';
import { SelectField, TextField } from '../components/Field';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TableWrap } from '../components/TableWrap';
import { formatDateTimeShort, useLanguage } from '../i18n';
import { asApiError, useUser } from '../session';
import { adviceApi, type AdviceSummary } from './api';
import { CopyLink } from './CopyLink';
import { summaryIn, titleIn } from './text';

const TYPING_PAUSE_MS = 200;

export function AdviceList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const canEdit = useUser().abilities['advice.edit'];
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const category = params.get('category') ?? '';
  const status = params.get('status') ?? '';
  const [articles, setArticles] = useState<AdviceSummary[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  /** Only the answer to the latest request is shown (typing is faster than answers). */
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const timer = setTimeout(() => {
      setIsLoading(true);
      adviceApi.list({ q: q.trim() || undefined, category: category || undefined, status: status || undefined }).then(
        (page) => {
          if (request !== latest.current) return;
          setArticles(page.articles);
          setError(null);
          setIsLoading(false);
        },
        (reason: unknown) => {
          if (request !== latest.current) return;
          setError(asApiError(reason));
          setIsLoading(false);
        },
      );
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [q, category, status]);

  const setFilter = (name: 'q' | 'category' | 'status', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Screen title={t('advice.console.listTitle')}>
      {canEdit && (
        <p>
          <Link to="/advice/new" className="button button-primary" data-testid="advice-new">
            {t('advice.console.newArticle')}
          </Link>
        </p>
      )}
      <form role="search" className="form filters" aria-label={t('advice.console.search')} onSubmit={(event) => event.preventDefault()} noValidate>
        <TextField
          label={t('advice.console.search')}
          hint={t('advice.console.searchHint')}
          name="q"
          type="search"
          maxLength={200}
          autoComplete="off"
          value={q}
          onChange={(event) => {
            setQ(event.target.value);
            setFilter('q', event.target.value.trim());
          }}
          error={error?.fieldError('q')}
        />
        <div className="filter-grid">
          <SelectField label={t('advice.console.category')} name="category" value={category} onChange={(event) => setFilter('category', event.target.value)}>
            <option value="">{t('advice.console.allCategories')}</option>
            {HELPLINE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`advice.categories.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('advice.console.status')} name="status" value={status} onChange={(event) => setFilter('status', event.target.value)}>
            <option value="">{t('advice.console.allStatuses')}</option>
            {ADVICE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`advice.statuses.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </form>
      <ErrorAlert error={error} knownFields={['q']} />
      <p role="status">{isLoading ? t('console.loading') : t('advice.console.shown', { count: articles.length })}</p>
      {!isLoading && !error && articles.length === 0 && <p>{t('advice.console.empty')}</p>}
      {articles.length > 0 && (
        <TableWrap label={t('advice.console.listTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('advice.console.columns.title')}</th>
                <th scope="col">{t('advice.console.columns.categories')}</th>
                <th scope="col">{t('advice.console.columns.status')}</th>
                <th scope="col">{t('advice.console.columns.updated')}</th>
                <th scope="col">{t('advice.console.columns.link')}</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((article) => (
                <tr key={article.id} data-testid="advice-row">
                  <th scope="row">
                    <Link to={`/advice/${article.id}`}>{titleIn(article, language)}</Link>
                    <p className="hint">{summaryIn(article, language)}</p>
                  </th>
                  <td>{article.categories.map((c) => t(`advice.categories.${c}`)).join(', ')}</td>
                  <td>
                    <ul className="tag-list">
                      <li className={article.status === 'published' ? 'tag tag-ok' : 'tag tag-muted'}>{t(`advice.statuses.${article.status}`)}</li>
                      {article.needsReview && <li className="tag tag-warn">{t('advice.console.needsReview')}</li>}
                    </ul>
                  </td>
                  <td className="nowrap">
                    <time dateTime={article.updatedAt}>{formatDateTimeShort(article.updatedAt, language)}</time>
                  </td>
                  <td>
                    <CopyLink article={article} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Screen>
  );
}
