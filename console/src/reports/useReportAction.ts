// Runs one decision on a report (every POST answers with the whole report), shows the outcome
// and hands the new report to the screen.
import { useCallback, useState } from 'react';
import type { ApiError } from '../api';
import type { ReportDetail } from '../endpoints';
import { asApiError } from '../session';

export type OnReportChanged = (report: ReportDetail) => void;

export function useReportAction(onChanged: OnReportChanged) {
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const run = useCallback(
    async (action: () => Promise<{ report: ReportDetail }>, done: (report: ReportDetail) => string): Promise<boolean> => {
      setError(null);
      setMessage(null);
      setIsBusy(true);
      try {
        const { report } = await action();
        onChanged(report);
        setMessage(done(report));
        return true;
      } catch (reason) {
        setError(asApiError(reason));
        return false;
      } finally {
        setIsBusy(false);
      }
    },
    [onChanged],
  );

  const reset = useCallback(() => {
    setError(null);
    setMessage(null);
  }, []);

  return { run, error, message, isBusy, reset };
}
