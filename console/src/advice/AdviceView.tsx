// One article as the public reads it (sanitised by the server's renderer), in any of the
// three languages, with its public link; supervisors publish, take back and clear the
// "to be reviewed by the centre" mark here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../common/i18n';
import type { ApiError } from '../api';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { Screen } from '../components/Screen';
import { formatDateTime, personName, useLanguage } from '../i18n';
import { asApiError, useUser } from '../session';
import { useLoad } from '../useLoad';
import { adviceApi, publicUrlOf, type UpdateAdviceRequest } from './api';
import { CopyLink } from './CopyLink';
import { summaryIn, titleIn } from './text';

export function AdviceView() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const interfaceLanguage = useLanguage();
  const canEdit = useUser().abilities['advice.edit'];
  const loaded = useLoad(() => adviceApi.get(id), [id]);
  const [shownIn, setShownIn] = useState<Language | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  if (loaded.isLoading && !loaded.data) return <p role="status">{t('console.loading')}</p>;
  if (!loaded.data) {
    return (
      <Screen title={t('advice.console.listTitle')}>
        <ErrorAlert error={loaded.error} />
        <p>
          <Link to="/advice">{t('advice.console.view.back')}</Link>
        </p>
      </Screen>
    );
  }
  const { article } = loaded.data;
  const language = shownIn ?? interfaceLanguage;

  const change = async (body: UpdateAdviceRequest, message: string) => {
    setIsBusy(true);
    setActionError(null);
    setDone(null);
    try {
      loaded.setData(await adviceApi.update(article.id, body));
      setDone(message);
    } catch (reason) {
      setActionError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Screen title={titleIn(article, interfaceLanguage)}>
      <p>
        <Link to="/advice">{t('advice.console.view.back')}</Link>
      </p>
      <dl className="facts">
        <dt>{t('advice.console.view.status')}</dt>
        <dd>
          <ul className="tag-list">
            <li className={article.status === 'published' ? 'tag tag-ok' : 'tag tag-muted'}>{t(`advice.statuses.${article.status}`)}</li>
            {article.needsReview && <li className="tag tag-warn">{t('advice.console.needsReview')}</li>}
          </ul>
        </dd>
        <dt>{t('advice.console.view.categories')}</dt>
        <dd>{article.categories.map((c) => t(`advice.categories.${c}`)).join(', ')}</dd>
        <dt>{t('advice.console.view.publicLink')}</dt>
        <dd>
          <code className="url" data-testid="advice-public-url">{publicUrlOf(article)}</code> <CopyLink article={article} testId="advice-copy-link" />
        </dd>
        <dt>{t('advice.console.view.updated')}</dt>
        <dd>
          {formatDateTime(article.updatedAt, interfaceLanguage)}
          {article.updatedByName && ` (${personName(article.updatedByName, interfaceLanguage)})`}
        </dd>
      </dl>

      {canEdit && (
        <div className="button-row" role="group" aria-label={t('advice.console.view.edit')}>
          <Link to={`/advice/${article.id}/edit`} className="button" data-testid="advice-edit">
            {t('advice.console.view.edit')}
          </Link>
          {article.status === 'published' ? (
            <button type="button" disabled={isBusy} onClick={() => void change({ status: 'draft' }, t('advice.console.view.didUnpublish'))}>
              {t('advice.console.view.unpublish')}
            </button>
          ) : (
            <button type="button" className="button-primary" disabled={isBusy} data-testid="advice-publish" onClick={() => void change({ status: 'published' }, t('advice.console.view.didPublish'))}>
              {t('advice.console.view.publish')}
            </button>
          )}
          {article.needsReview ? (
            <button type="button" disabled={isBusy} data-testid="advice-reviewed" onClick={() => void change({ needsReview: false }, t('advice.console.view.didReview'))}>
              {t('advice.console.view.markReviewed')}
            </button>
          ) : (
            <button type="button" disabled={isBusy} onClick={() => void change({ needsReview: true }, t('advice.console.view.didNeedReview'))}>
              {t('advice.console.view.markNeedsReview')}
            </button>
          )}
        </div>
      )}
      <ErrorAlert error={actionError} />
      <StatusMessage message={done} />

      <div className="status-filter" role="group" aria-label={t('advice.console.view.showIn')}>
        {LANGUAGES.map((lng) => (
          <button key={lng} type="button" className="status-tab" aria-pressed={language === lng} lang={lng} onClick={() => setShownIn(lng)}>
            {LANGUAGE_NAMES[lng]}
          </button>
        ))}
      </div>
      <article lang={language} aria-labelledby="advice-article-title" className="card">
        <h2 id="advice-article-title">{titleIn(article, language)}</h2>
        {summaryIn(article, language) && <p>{summaryIn(article, language)}</p>}
        {/* Sanitised on the server by the same renderer as the public site (markdown-it, no raw HTML). */}
        <div data-testid="advice-body" dangerouslySetInnerHTML={{ __html: article.html[language] }} />
      </article>
    </Screen>
  );
}
