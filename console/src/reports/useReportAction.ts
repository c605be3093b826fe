// Runs one decision on a report (every POST answers with the whole report).
import { useCallback } from 'react';
import type { ReportDetail } from '../endpoints';
import { useRecordAction } from '../useRecordAction';

export type OnReportChanged = (report: ReportDetail) => void;

export function useReportAction(onChanged: OnReportChanged) {
  const action = useRecordAction(onChanged);
  const { run: runRecord } = action;
  const run = useCallback(
    (call: () => Promise<{ report: ReportDetail }>, done: (report: ReportDetail) => string) => runRecord(async () => (await call()).report, done),
    [runRecord],
  );
  return { ...action, run };
}
