// The decisions on a report, for those who work reports: take it (shown at the top of the
// report), record a notice and takedown, open or join a case, pass it to a counsellor (never abuse material), close it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { reportsApi, type ReportDetail } from '../endpoints';
import { personName, useLanguage } from '../i18n';
import { useUser } from '../session';
import { CaseForm } from './CaseForm';
import { CloseForm } from './CloseForm';
import { EscalateForm } from './EscalateForm';
import { useFocusWhenBecomes } from './useFocusWhenBecomes';
import { useReportAction, type OnReportChanged } from './useReportAction';

interface Props {
  report: ReportDetail;
  onChanged: OnReportChanged;
}

export function Decisions({ report, onChanged }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="report-decisions">
      <h2 id="report-decisions">{t('console.hotline.decisions.title')}</h2>
      <NoticeTakedown report={report} onChanged={onChanged} />
      <CaseForm report={report} onChanged={onChanged} />
      <EscalateForm report={report} onChanged={onChanged} />
      <CloseForm report={report} onChanged={onChanged} />
    </section>
  );
}

/** Taking the report: offered at the top of the report, where work on it starts. */
export function Claim({ report, onChanged }: Props) {
  const { t } = useTranslation();
  const me = useUser();
  const language = useLanguage();
  const { run, error, message, isBusy } = useReportAction(onChanged);
  const isMine = report.assigneeId === me.id;
  const mineRef = useFocusWhenBecomes(isMine);
  return (
    <div className="claim">
      <StatusMessage message={message} />
      <ErrorAlert error={error} />
      <div className="claim-bar">
        {isMine ? (
          <p ref={mineRef} tabIndex={-1}>
            {t('console.hotline.decisions.mine')}
          </p>
        ) : (
          report.status !== 'closed' && (
            <>
              <p>
                {report.assigneeName
                  ? t('console.hotline.decisions.claimFrom', { name: personName(report.assigneeName, language) })
                  : t('console.hotline.decisions.claimHint')}
              </p>
              <button
                type="button"
                className="button-primary"
                disabled={isBusy}
                data-testid="claim-report"
                onClick={() => void run(() => reportsApi.claim(report.id), () => t('console.hotline.decisions.claimed'))}
              >
                {t('console.hotline.decisions.claim')}
              </button>
            </>
          )
        )}
      </div>
    </div>
  );
}

function NoticeTakedown({ report, onChanged }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { run, error, message, isBusy, reset } = useReportAction(onChanged);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    if (!note.trim()) {
      setProblem(t('console.hotline.decisions.noticeNoteRequired'));
      return;
    }
    setProblem(null);
    if (await run(() => reportsApi.noticeTakedown(report.id, { note: note.trim() }), () => t('console.hotline.decisions.noticeDone'))) setNote('');
  };

  return (
    <form className="form decision" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="decision-notice">
      <h3 id="decision-notice">{t('console.hotline.decisions.notice')}</h3>
      <p className="hint">{t('console.hotline.decisions.noticeHint')}</p>
      <StatusMessage message={message} />
      <ErrorAlert error={problem ? null : error} message={problem ? t('console.errors.validation') : null} knownFields={['note']} />
      <TextAreaField
        label={t('console.hotline.decisions.noticeNote')}
        name="noticeNote"
        rows={3}
        maxLength={2000}
        required
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={problem ?? error?.fieldError('note')}
      />
      <button type="submit" disabled={isBusy} data-testid="notice-takedown">
        {t('console.hotline.decisions.noticeSubmit')}
      </button>
    </form>
  );
}
