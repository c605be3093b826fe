// The end of a form: send (saying it is saving while it does) and, when editing, cancel.
import { useTranslation } from 'react-i18next';

export function FormButtons({ label, isBusy, testId, onCancel }: { label: string; isBusy: boolean; testId?: string; onCancel?: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="submit" className="button-primary" disabled={isBusy} data-testid={testId}>
        {isBusy ? t('prevention.peers.common.saving') : label}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('prevention.peers.common.cancel')}
        </button>
      )}
    </div>
  );
}
