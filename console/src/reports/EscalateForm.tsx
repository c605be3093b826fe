// Passing a report to a counsellor so that they can support the child or parent. Never for
// abuse material. Those who may list staff pick a counsellor; others type the account id.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { reportsApi, usersApi, type ReportDetail, type StaffUser } from '../endpoints';
import { personName, useLanguage } from '../i18n';
import { useUser } from '../session';
import { useLoad } from '../useLoad';
import { useReportAction, type OnReportChanged } from './useReportAction';

const NO_COUNSELLORS: StaffUser[] = [];

export function EscalateForm({ report, onChanged }: { report: ReportDetail; onChanged: OnReportChanged }) {
  const { t } = useTranslation();
  if (report.category === 'csam') {
    return (
      <div className="decision">
        <h3>{t('console.hotline.decisions.escalate')}</h3>
        <p>{t('console.hotline.decisions.notForCsam')}</p>
      </div>
    );
  }
  return <EscalateToCounsellor report={report} onChanged={onChanged} />;
}

function EscalateToCounsellor({ report, onChanged }: { report: ReportDetail; onChanged: OnReportChanged }) {
  const { t } = useTranslation();
  const me = useUser();
  const language = useLanguage();
  const canListStaff = me.abilities['users.list'];
  const staff = useLoad(() => (canListStaff ? usersApi.list('', false) : Promise.resolve(null)), [canListStaff]);
  const counsellors = staff.data?.users.filter((u) => u.isActive && u.roles.includes('counsellor')) ?? NO_COUNSELLORS;
  // Without the staff list (not allowed, or it failed) the id is typed by hand.
  const isPicking = canListStaff && !staff.error;
  const [counsellorId, setCounsellorId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { run, error, message, isBusy, reset } = useReportAction(onChanged);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    if (!counsellorId.trim()) {
      setProblem(t('console.hotline.decisions.counsellorRequired'));
      return;
    }
    setProblem(null);
    await run(() => reportsApi.escalate(report.id, { counsellorId: counsellorId.trim() }), () => t('console.hotline.decisions.escalateDone'));
  };

  const current = report.escalatedTo ? counsellors.find((c) => c.id === report.escalatedTo) : undefined;
  const fieldError = problem ?? error?.fieldError('counsellorId');
  return (
    <form className="form decision" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="decision-escalate">
      <h3 id="decision-escalate">{t('console.hotline.decisions.escalate')}</h3>
      <p className="hint">{t('console.hotline.decisions.escalateHint')}</p>
      {report.escalatedTo && (
        <p>{t('console.hotline.decisions.escalateCurrent', { name: current ? personName(current.displayName, language) : report.escalatedTo })}</p>
      )}
      <StatusMessage message={message} />
      <ErrorAlert error={problem ? null : error} message={problem ? t('console.errors.validation') : null} knownFields={['counsellorId']} />
      {isPicking ? (
        !staff.data ? (
          <p>{t('console.loading')}</p>
        ) : counsellors.length === 0 ? (
          <p>{t('console.hotline.decisions.noCounsellors')}</p>
        ) : (
          <SelectField
            label={t('console.hotline.decisions.counsellor')}
            name="counsellorId"
            required
            value={counsellorId}
            onChange={(event) => setCounsellorId(event.target.value)}
            error={fieldError}
          >
            <option value="">{t('console.hotline.assess.choose')}</option>
            {counsellors.map((c) => (
              <option key={c.id} value={c.id}>
                {personName(c.displayName, language)} ({c.username})
              </option>
            ))}
          </SelectField>
        )
      ) : (
        <TextField
          label={t('console.hotline.decisions.counsellorId')}
          hint={t('console.hotline.decisions.counsellorIdHint')}
          name="counsellorId"
          autoComplete="off"
          spellCheck={false}
          required
          value={counsellorId}
          onChange={(event) => setCounsellorId(event.target.value)}
          error={fieldError}
        />
      )}
      {!(isPicking && counsellors.length === 0) && (
        <button type="submit" disabled={isBusy || (isPicking && !staff.data)} data-testid="escalate-report">
          {t('console.hotline.decisions.escalateSubmit')}
        </button>
      )}
    </form>
  );
}
