// The reported links as plain text (never clickable), with a copy button and a deliberate
// "open in a new tab" that asks first; and for each one what the hotline already knows about
// that content, so that nobody views the same material twice.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StatusMessage } from '../components/Messages';
import type { ContentItem, ReportDetail } from '../endpoints';
import { formatDateTimeShort, useLanguage } from '../i18n';
import { openableUrl } from './format';

export function ReportLinks({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const items = new Map(report.contentItems.map((item) => [item.contentId, item]));

  const copy = (url: string, n: number) => {
    setMessage(null);
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) {
      setMessage(t('console.hotline.links.copyFailed'));
      return;
    }
    clipboard.writeText(url).then(
      () => setMessage(t('console.hotline.links.copied', { n })),
      () => setMessage(t('console.hotline.links.copyFailed')),
    );
  };

  const open = (url: string) => {
    if (window.confirm(t('console.hotline.links.openConfirm', { url }))) {
      window.open(url, '_blank', 'noopener,noreferrer');
    }
  };

  return (
    <section aria-labelledby="report-links">
      <h2 id="report-links">{t('console.hotline.links.title')}</h2>
      {report.urls.length === 0 ? (
        <p>{t('console.hotline.links.none')}</p>
      ) : (
        <>
          <p className="hint">{t('console.hotline.links.hint')}</p>
          <StatusMessage message={message} />
          <ol className="link-list">
            {report.urls.map((link, index) => {
              const n = index + 1;
              const target = openableUrl(link.url, link.canonicalUrl);
              const item = items.get(link.contentId);
              return (
                <li key={`${link.contentId}-${index}`} className="link-item" data-testid="report-link">
                  <h3>{t('console.hotline.links.item', { n })}</h3>
                  <p>
                    <code className="url" data-testid="report-link-text">
                      {link.url}
                    </code>
                  </p>
                  {link.canonicalUrl !== link.url && (
                    <p className="hint">
                      {t('console.hotline.links.canonical')}: <code className="url">{link.canonicalUrl}</code>
                    </p>
                  )}
                  <div className="button-row">
                    <button type="button" onClick={() => copy(link.url, n)}>
                      {t('console.hotline.links.copy')}
                    </button>
                    {target ? (
                      <button type="button" className="button-danger" data-testid="open-link" onClick={() => open(target)}>
                        {t('console.hotline.links.open')}
                      </button>
                    ) : (
                      <span className="hint">{t('console.hotline.links.notOpenable')}</span>
                    )}
                  </div>
                  {item && <ContentHistory item={item} />}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

function ContentHistory({ item }: { item: ContentItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="content-history">
      {item.latestClassification ? (
        <div className="alert alert-warning" data-testid="already-assessed">
          <p>
            <strong>
              {t('console.hotline.links.alreadyAssessed', {
                classification: t(`console.hotline.classifications.${item.latestClassification}`),
                date: item.latestAssessedAt ? formatDateTimeShort(item.latestAssessedAt, language) : '',
              })}
            </strong>
          </p>
          <p>{t('console.hotline.links.alreadyAssessedAdvice')}</p>
        </div>
      ) : (
        <p>{t('console.hotline.links.notAssessed')}</p>
      )}
      <p>{t('console.hotline.links.reportCount', { count: item.reportCount })}</p>
      {item.otherReports.length > 0 && (
        <>
          <p>{t('console.hotline.links.otherReports')}</p>
          <ul className="inline-list">
            {item.otherReports.map((other) => (
              <li key={other.id}>
                <Link to={`/reports/${other.id}`}>{t('console.hotline.report.title', { number: other.number })}</Link> ({t(`console.hotline.statuses.${other.status}`)})
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** How many of the report's content items were already assessed (for the note at the top). */
export function assessedContentCount(report: ReportDetail): number {
  return report.contentItems.filter((item) => item.latestClassification !== null).length;
}
