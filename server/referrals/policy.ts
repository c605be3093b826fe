// Who may do what with cases and referrals. The centre's case workers (analysts,
// supervisors) forward and follow every referral; an institution's contact persons see only
// their own institution's referrals, acknowledge them and record outcomes.
import type { Policy, Scope } from '../auth/policy';

export type ReferralAction = 'list' | 'read' | 'create' | 'approve' | 'acknowledge' | 'recordOutcome' | 'message';
interface ReferralRecord {
  institutionId: string;
  status: string;
}

const ownInstitution: Scope<ReferralRecord, 'referrals'> = {
  description: "their own institution's referrals, once sent (not while a supervisor has yet to approve)",
  test: (actor, referral) => actor.institutionId !== null && referral.institutionId === actor.institutionId && referral.status !== 'pending-approval',
  sql: (eb, actor) =>
    actor.institutionId ? eb.and([eb('referrals.institutionId', '=', actor.institutionId), eb('referrals.status', '<>', 'pending-approval')]) : eb.lit(false),
};

export const referralPolicy: Policy<ReferralAction, ReferralRecord, 'referrals'> = {
  list: { analyst: true, supervisor: true, 'institution-contact': ownInstitution },
  read: { analyst: true, supervisor: true, 'institution-contact': ownInstitution },
  create: { analyst: true, supervisor: true },
  approve: { supervisor: true },
  acknowledge: { 'institution-contact': ownInstitution },
  recordOutcome: { 'institution-contact': ownInstitution },
  message: { analyst: true, supervisor: true, 'institution-contact': ownInstitution },
};
