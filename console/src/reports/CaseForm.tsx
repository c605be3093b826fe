// Opening a case from a report, or attaching the report to an existing case.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { reportsApi, type OpenCaseRequest, type ReportDetail } from '../endpoints';
import { useReportAction, type OnReportChanged } from './useReportAction';

type Choice = 'new' | 'existing';

export function CaseForm({ report, onChanged }: { report: ReportDetail; onChanged: OnReportChanged }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Choice>('new');
  const [title, setTitle] = useState('');
  const [caseId, setCaseId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { run, error, message, isBusy, reset } = useReportAction(onChanged);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    if (choice === 'existing' && !caseId.trim()) {
      setProblem(t('console.hotline.decisions.caseIdRequired'));
      return;
    }
    setProblem(null);
    const body: OpenCaseRequest = choice === 'existing' ? { caseId: caseId.trim() } : title.trim() ? { title: title.trim() } : {};
    await run(
      () => reportsApi.openCase(report.id, body),
      (changed) => t('console.hotline.decisions.caseDone', { id: changed.caseId ?? '' }),
    );
  };

  return (
    <form className="form decision" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="decision-case">
      <h3 id="decision-case">{t('console.hotline.decisions.case')}</h3>
      {report.caseId && (
        <p data-testid="report-case">{t('console.hotline.decisions.caseCurrent', { id: report.caseId })}</p>
      )}
      <StatusMessage message={message} />
      <ErrorAlert error={problem ? null : error} message={problem ? t('console.errors.validation') : null} knownFields={['caseId', 'title']} />
      <fieldset>
        <legend>{t('console.hotline.decisions.caseChoice')}</legend>
        {(['new', 'existing'] as const).map((option) => (
          <label key={option} className="checkbox">
            <input type="radio" name="caseChoice" value={option} checked={choice === option} onChange={() => setChoice(option)} />{' '}
            {option === 'new' ? t('console.hotline.decisions.caseNew') : t('console.hotline.decisions.caseExisting')}
          </label>
        ))}
      </fieldset>
      {choice === 'new' ? (
        <TextField
          label={t('console.hotline.decisions.caseTitle')}
          hint={t('console.hotline.decisions.caseTitleHint')}
          name="title"
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={error?.fieldError('title')}
        />
      ) : (
        <TextField
          label={t('console.hotline.decisions.caseId')}
          hint={t('console.hotline.decisions.caseIdHint')}
          name="caseId"
          autoComplete="off"
          spellCheck={false}
          required
          value={caseId}
          onChange={(event) => setCaseId(event.target.value)}
          error={problem ?? error?.fieldError('caseId')}
        />
      )}
      <button type="submit" disabled={isBusy} data-testid="open-case">
        {t('console.hotline.decisions.caseSubmit')}
      </button>
    </form>
  );
}
