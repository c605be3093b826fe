// What the centre found, as sent to the institution: per report the category, the analyst's
// classification, the reporter's words and the addresses. Addresses are plain text with a copy
// button, never links: nobody should open reported content by accident.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../components/Messages';
import type { ReferralFinding } from '../endpoints';

export function Findings({ findings }: { findings: readonly ReferralFinding[] }) {
  const { t } = useTranslation();
  const [copyResult, setCopyResult] = useState<string | null>(null);

  const copy = (url: string) => {
    setCopyResult(null);
    const done = () => setCopyResult(t('console.referrals.detail.copied'));
    const failed = () => setCopyResult(t('console.referrals.detail.copyFailed'));
    if (!navigator.clipboard) failed();
    else navigator.clipboard.writeText(url).then(done, failed);
  };

  return (
    <section aria-labelledby="referral-findings">
      <h2 id="referral-findings">{t('console.referrals.detail.findings')}</h2>
      <StatusMessage message={copyResult} />
      {findings.length === 0 ? (
        <p>{t('console.referrals.detail.noFindings')}</p>
      ) : (
        <ul className="link-list">
          {findings.map((finding, index) => (
            <li key={`${finding.reportNumber}-${index}`} className="link-item" data-testid="referral-finding">
              <h3>{t('console.referrals.detail.finding', { number: finding.reportNumber })}</h3>
              <dl className="facts">
                <dt>{t('console.referrals.detail.category')}</dt>
                <dd>{t(`console.hotline.categories.${finding.category}`, { defaultValue: finding.category })}</dd>
                <dt>{t('console.referrals.detail.classification')}</dt>
                <dd>
                  {finding.classification
                    ? t(`console.hotline.classifications.${finding.classification}`, { defaultValue: finding.classification })
                    : t('console.referrals.detail.notAssessed')}
                </dd>
              </dl>
              <h4>{t('console.referrals.detail.description')}</h4>
              <blockquote className="reporter-words pre-wrap">{finding.description}</blockquote>
              <h4>{t('console.referrals.detail.links')}</h4>
              {finding.urls.length === 0 ? (
                <p>{t('console.referrals.detail.noLinks')}</p>
              ) : (
                <>
                  <p className="hint">{t('console.referrals.detail.linksHint')}</p>
                  <ol className="plain-list url-list">
                    {finding.urls.map((url, n) => (
                      <li key={`${url}-${n}`}>
                        <code className="url" data-testid="referral-url">
                          {url}
                        </code>{' '}
                        <button type="button" className="button-small" onClick={() => copy(url)}>
                          {t('console.referrals.detail.copyLink', { n: n + 1 })}
                        </button>
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
