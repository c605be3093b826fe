// The institution registry. Administrators maintain it; case roles will read it to forward
// cases (the referrals feature adds its rows here).
import type { Policy } from '../auth/policy';

export const institutionPolicy: Policy<'list' | 'manage' | 'manageApiTokens'> = {
  list: { administrator: true, supervisor: true, analyst: true, counsellor: true },
  manage: { administrator: true },
  manageApiTokens: { administrator: true },
};
