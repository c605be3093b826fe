// A button for a consequential action that asks "Are you sure?" in place before it acts.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  onConfirm: () => Promise<void>;
  isDangerous?: boolean;
  testId?: string;
}

export function ConfirmButton({ label, onConfirm, isDangerous = false, testId }: Props) {
  const { t } = useTranslation();
  const [isAsking, setIsAsking] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (isAsking) confirmRef.current?.focus();
    else if (wasAsking.current) startRef.current?.focus();
    wasAsking.current = isAsking;
  }, [isAsking]);

  const className = isDangerous ? 'button-danger' : undefined;
  if (!isAsking) {
    return (
      <button type="button" ref={startRef} className={className} data-testid={testId} onClick={() => setIsAsking(true)}>
        {label}
      </button>
    );
  }
  const confirm = async () => {
    setIsBusy(true);
    try {
      await onConfirm();
    } finally {
      setIsBusy(false);
      setIsAsking(false);
    }
  };
  return (
    <div className="confirm" role="group" aria-label={label}>
      <span>
        {label}: {t('console.common.confirmQuestion')}
      </span>
      <button type="button" ref={confirmRef} className={className} disabled={isBusy} onClick={() => void confirm()}>
        {t('console.common.confirm')}
      </button>
      <button type="button" disabled={isBusy} onClick={() => setIsAsking(false)}>
        {t('console.common.cancel')}
      </button>
    </div>
  );
}
