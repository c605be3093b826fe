// Runs one step on a record whose every POST answers with the whole record (a report, a
// referral): shows the outcome or the error, and hands the new record to the screen.
import { useCallback, useState } from 'react';
import type { ApiError } from './api';
import { asApiError } from './session';

export function useRecordAction<T>(onChanged: (record: T) => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const run = useCallback(
    async (action: () => Promise<T>, done: string | ((record: T) => string)): Promise<boolean> => {
      setError(null);
      setMessage(null);
      setIsBusy(true);
      try {
        const record = await action();
        onChanged(record);
        setMessage(typeof done === 'function' ? done(record) : done);
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
