// "Copy public link": the address a counsellor pastes into a chat or an e-mail. Where the
// clipboard is not available (an insecure origin), the address is shown to copy by hand.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publicUrlOf } from './api';

export function CopyLink({ article, testId }: { article: { publicPath: string; publicUrl?: string | null; status: string }; testId?: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  if (article.status !== 'published') return <span className="hint">{t('advice.console.draftNotPublic')}</span>;
  const url = publicUrlOf(article);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('advice.console.linkCopied', { url }));
    } catch {
      setMessage(t('advice.console.copyByHand', { url }));
    }
  };
  return (
    <span className="copy-link">
      <button type="button" data-testid={testId} onClick={() => void copy()}>
        {t('advice.console.copyLink')}
      </button>{' '}
      <span role="status" className="hint">{message}</span>
    </span>
  );
}
