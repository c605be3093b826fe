// A temporary password from the server, shown once, with how to hand it over.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../components/Messages';

export function TemporaryPassword({ password }: { password: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <section className="alert alert-warning" aria-labelledby="temporary-password-heading">
      <h2 id="temporary-password-heading">{t('console.users.temporaryPassword.title')}</h2>
      <p>
        <code className="secret" data-testid="temporary-password">
          {password}
        </code>{' '}
        <button
          type="button"
          onClick={() => navigator.clipboard?.writeText(password).then(() => setCopied(true), () => setCopied(false))}
        >
          {t('console.common.copy')}
        </button>
      </p>
      <p>{t('console.users.temporaryPassword.intro')}</p>
      <StatusMessage message={copied ? t('console.common.copied') : null} />
    </section>
  );
}
