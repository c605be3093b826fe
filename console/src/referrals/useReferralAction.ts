// Runs one step on a referral (every POST answers with the whole referral).
import { useCallback } from 'react';
import type { ReferralDetail } from '../endpoints';
import { useRecordAction } from '../useRecordAction';

export type OnReferralChanged = (referral: ReferralDetail) => void;

export function useReferralAction(onChanged: OnReferralChanged) {
  const action = useRecordAction(onChanged);
  const { run: runRecord } = action;
  const run = useCallback(
    (call: () => Promise<{ referral: ReferralDetail }>, done: string) => runRecord(async () => (await call()).referral, done),
    [runRecord],
  );
  return { ...action, run };
}
