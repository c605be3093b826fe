// Importing schools from a CSV file. Choosing a file checks it at once (a dry run on the
// server): either every problem is listed by line and column — nothing is imported, the
// coordinator fixes the file and chooses it again — or the rows that would be added and changed
// are shown with the button that imports them all in one go.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { unitName } from '../../../../common/geography';
import { IMPORT_COLUMNS, MAX_IMPORT_CHARS, SAMPLE_IMPORT_CSV } from '../../../../common/schemas/prevention/schools';
import type { ApiError } from '../../api';
import { ErrorAlert } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { asApiError } from '../../session';
import { schoolsApi, type ImportRowProblem, type ImportSchoolsResult } from './api';
import { inScript } from './format';

/** More than this many problems are summed up rather than all listed (the file is likely the wrong one). */
const SHOWN_PROBLEMS = 500;

type State =
  | { step: 'idle' }
  | { step: 'working' }
  | { step: 'unreadable'; message: string }
  | { step: 'rejected'; problems: ImportRowProblem[] }
  | { step: 'checked'; result: ImportSchoolsResult }
  | { step: 'imported'; result: ImportSchoolsResult };

/** The file's text, if it is UTF-8 (with or without a byte-order mark, which the server removes). */
async function readUtf8(file: File): Promise<string | null> {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await file.arrayBuffer());
  } catch {
    return null;
  }
}

function downloadSample(): void {
  // A byte-order mark so that Excel opens the Cyrillic as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', SAMPLE_IMPORT_CSV, '\r\n'], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'skole-primer.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function SchoolImport() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (text: string, dryRun: boolean) => {
    setState({ step: 'working' });
    setError(null);
    try {
      const outcome = await schoolsApi.importFile(text, dryRun);
      if (!outcome.ok) setState({ step: 'rejected', problems: outcome.problems });
      else setState({ step: dryRun ? 'checked' : 'imported', result: outcome.result });
    } catch (reason) {
      setError(asApiError(reason));
      setState({ step: 'idle' });
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so that choosing the same file again after fixing it is a change too.
    event.target.value = '';
    if (!file) return;
    setFileName(file.name);
    const text = await readUtf8(file);
    if (text === null) return setState({ step: 'unreadable', message: t('prevention.schools.import.notUtf8') });
    if (text.length > MAX_IMPORT_CHARS) return setState({ step: 'unreadable', message: t('prevention.schools.import.tooLarge') });
    setCsv(text);
    await run(text, true);
  };

  return (
    <Screen title={t('prevention.schools.import.title')} headingTestId="import-heading">
      <p>
        <Link to="/prevention/schools">{t('prevention.schools.detail.back')}</Link>
      </p>
      <p>{t('prevention.schools.import.intro')}</p>
      <h2>{t('prevention.schools.import.columnsTitle')}</h2>
      <p>{t('prevention.schools.import.columnsHelp')}</p>
      <p>
        <code className="import-header">{IMPORT_COLUMNS.join(',')}</code>
      </p>
      <p>
        <button type="button" onClick={downloadSample} data-testid="download-sample">
          {t('prevention.schools.import.sample')}
        </button>
      </p>
      <div className="form">
        <div className="field">
          <label htmlFor="school-import-file">{t('prevention.schools.import.file')}</label>
          <p id="school-import-file-hint" className="hint">
            {t('prevention.schools.import.fileHint')}
          </p>
          <input
            id="school-import-file"
            type="file"
            name="file"
            accept=".csv,text/csv"
            aria-describedby="school-import-file-hint"
            disabled={state.step === 'working'}
            onChange={(event) => void choose(event)}
            data-testid="import-file"
          />
          {fileName && <p className="hint">{t('prevention.schools.import.chosen', { name: fileName })}</p>}
        </div>
      </div>
      <ErrorAlert error={error} />
      <div role="status" data-testid="import-status">
        {state.step === 'working' && <p>{t('prevention.schools.import.working')}</p>}
        {state.step === 'checked' && <p className="alert alert-info">{t('prevention.schools.import.checked', counts(state.result))}</p>}
        {state.step === 'imported' && <p className="alert alert-success">{t('prevention.schools.import.imported', counts(state.result))}</p>}
      </div>
      {state.step === 'unreadable' && (
        <div role="alert" className="alert alert-error">
          <p>{state.message}</p>
        </div>
      )}
      {state.step === 'rejected' && <Problems problems={state.problems} />}
      {state.step === 'checked' && csv !== null && (
        <p className="button-row">
          <button type="button" className="button-primary" onClick={() => void run(csv, false)} data-testid="run-import">
            {t('prevention.schools.import.run')}
          </button>
        </p>
      )}
      {(state.step === 'checked' || state.step === 'imported') && <Rows result={state.result} />}
    </Screen>
  );
}

const counts = (r: ImportSchoolsResult) => ({ created: r.created, updated: r.updated, unchanged: r.unchanged });

function Problems({ problems }: { problems: ImportRowProblem[] }) {
  const { t } = useTranslation();
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const columnLabel = (p: ImportRowProblem) => {
    if (!p.column) return t('prevention.schools.import.wholeRow');
    return (IMPORT_COLUMNS as readonly string[]).includes(p.column) ? t(`prevention.schools.import.fileColumns.${p.column}`) : p.column;
  };
  return (
    <>
      <div role="alert" className="alert alert-error" data-testid="import-rejected">
        <p>{t('prevention.schools.import.rejected', { count: problems.length })}</p>
      </div>
      {problems.length > shown.length && <p>{t('prevention.schools.import.moreProblems', { shown: shown.length, total: problems.length })}</p>}
      <TableWrap label={t('prevention.schools.import.problemsCaption')}>
        <table className="import-problems">
          <caption>{t('prevention.schools.import.problemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('prevention.schools.import.columns.line')}</th>
              <th scope="col">{t('prevention.schools.import.columns.column')}</th>
              <th scope="col">{t('prevention.schools.import.columns.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={i} data-testid="import-problem">
                <th scope="row">{p.line}</th>
                <td>{columnLabel(p)}</td>
                <td>{t(`prevention.schools.import.problems.${p.problem}`, { context: p.column ?? undefined, otherLine: p.otherLine })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

function Rows({ result }: { result: ImportSchoolsResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <TableWrap label={t('prevention.schools.import.rowsCaption')}>
      <table className="import-rows">
        <caption>{t('prevention.schools.import.rowsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('prevention.schools.import.columns.line')}</th>
            <th scope="col">{t('prevention.schools.import.columns.school')}</th>
            <th scope="col">{t('prevention.schools.import.columns.place')}</th>
            <th scope="col">{t('prevention.schools.import.columns.action')}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr key={row.line} data-testid="import-row">
              <th scope="row">{row.line}</th>
              <td>{row.schoolId && !result.dryRun ? <Link to={`/prevention/schools/${row.schoolId}`}>{inScript(row.name, language)}</Link> : inScript(row.name, language)}</td>
              <td>{unitName(row.municipalityId, language)}</td>
              <td>
                <span className={row.action === 'unchanged' ? 'tag tag-muted' : row.action === 'create' ? 'tag tag-ok' : 'tag'}>{t(`prevention.schools.import.actions.${row.action}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
