// Closing a report with a reason (the reporter is told by email if they left an address).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSE_REASONS } from '../../../common/hotline';
import { SelectField, TextAreaField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { reportsApi, type ReportDetail } from '../endpoints';
import { useFocusWhenBecomes } from './useFocusWhenBecomes';
import { useReportAction, type OnReportChanged } from './useReportAction';

const isCloseReason = (value: string): value is (typeof CLOSE_REASONS)[number] => (CLOSE_REASONS as readonly string[]).includes(value);

export function CloseForm({ report, onChanged }: { report: ReportDetail; onChanged: OnReportChanged }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { run, error, message, isBusy, reset } = useReportAction(onChanged);
  const closedRef = useFocusWhenBecomes(report.status === 'closed');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    if (!isCloseReason(reason)) {
      setProblem(t('console.hotline.decisions.reasonRequired'));
      return;
    }
    setProblem(null);
    await run(
      () => reportsApi.close(report.id, { reason, ...(note.trim() ? { note: note.trim() } : {}) }),
      () => t('console.hotline.decisions.closedDone'),
    );
  };

  return (
    <div className="decision">
      <h3 id="decision-close">{t('console.hotline.decisions.close')}</h3>
      <StatusMessage message={message} />
      {report.status === 'closed' ? (
        <p ref={closedRef} tabIndex={-1}>
          {t('console.hotline.decisions.isClosed')}
        </p>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="decision-close">
          <p className="hint">{t('console.hotline.decisions.closeHint')}</p>
          <ErrorAlert error={problem ? null : error} message={problem ? t('console.errors.validation') : null} knownFields={['reason', 'note']} />
          <SelectField
            label={t('console.hotline.decisions.reason')}
            name="reason"
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={problem ?? error?.fieldError('reason')}
          >
            <option value="">{t('console.hotline.assess.choose')}</option>
            {CLOSE_REASONS.map((code) => (
              <option key={code} value={code}>
                {t(`console.hotline.closeReasons.${code}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t('console.hotline.decisions.closeNote')}
            name="note"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            error={error?.fieldError('note')}
          />
          <button type="submit" className="button-danger" disabled={isBusy} data-testid="close-report">
            {t('console.hotline.decisions.closeSubmit')}
          </button>
        </form>
      )}
    </div>
  );
}
