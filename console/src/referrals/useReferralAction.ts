// Runs one step on a referral (every POST answers with the whole referral), shows the outcome
// and hands the new referral to the screen.
import { useCallback, useState } from 'react';
import type { ApiError } from '../api';
import type { ReferralDetail } from '../endpoints';
import { asApiError } from '../session';

export type OnReferralChanged = (referral: ReferralDetail) => void;

export function useReferralAction(onChanged: OnReferralChanged) {
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const run = useCallback(
    async (action: () => Promise<{ referral: ReferralDetail }>, done: string): Promise<boolean> => {
      setError(null);
      setMessage(null);
      setIsBusy(true);
      try {
        const { referral } = await action();
        onChanged(referral);
        setMessage(done);
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
