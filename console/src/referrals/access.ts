// Which referral screens the console offers. There is no referral ability in the session yet,
// so this is read from the roles — for showing navigation only: the server decides what each
// person may see and do (and filters an institution's referrals to its own contact persons).
import type { SessionUser } from '../endpoints';

export interface ReferralAccess {
  /** The centre's case workers (analysts, supervisors): cases, forwarding, every referral. */
  isCaseWorker: boolean;
  /** An institution's contact person: that institution's referrals, acknowledgement, outcome. */
  isInstitutionContact: boolean;
  /** Supervisors approve referrals where settings require it. */
  isSupervisor: boolean;
}

export function referralAccess(user: Pick<SessionUser, 'roles'>): ReferralAccess {
  return {
    isCaseWorker: user.roles.includes('analyst') || user.roles.includes('supervisor'),
    isInstitutionContact: user.roles.includes('institution-contact'),
    isSupervisor: user.roles.includes('supervisor'),
  };
}

export function canSeeReferrals(user: Pick<SessionUser, 'roles'>): boolean {
  const access = referralAccess(user);
  return access.isCaseWorker || access.isInstitutionContact;
}
