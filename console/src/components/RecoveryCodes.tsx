// The recovery codes, shown once, with ways to keep them and a clear warning.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from './Messages';

interface Props {
  codes: string[];
  headingLevel: 2 | 3;
  onDone: () => void;
}

export function RecoveryCodes({ codes, headingLevel, onDone }: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const Heading = `h${headingLevel}` as const;
  const text = codes.join('\n') + '\n';

  useEffect(() => heading.current?.focus(), []);

  const copy = () => {
    navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('console.totp.codesFileName');
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <section className="recovery" aria-labelledby="recovery-heading">
      <Heading id="recovery-heading" ref={heading} tabIndex={-1}>
        {t('console.totp.recoveryTitle')}
      </Heading>
      <p className="alert alert-warning">{t('console.totp.recoveryWarning')}</p>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" onClick={copy}>
          {t('console.totp.copyCodes')}
        </button>
        <button type="button" onClick={download}>
          {t('console.totp.downloadCodes')}
        </button>
      </div>
      <StatusMessage message={copied ? t('console.common.copied') : null} />
      <button type="button" className="button-primary" data-testid="recovery-codes-saved" onClick={onDone}>
        {t('console.totp.saved')}
      </button>
    </section>
  );
}
