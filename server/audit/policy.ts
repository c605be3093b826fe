// Only the data protection officer and administrators read the audit log. Nobody may change it.
import type { Policy } from '../auth/policy';

export const auditPolicy: Policy<'read' | 'verify'> = {
  read: { dpo: true, administrator: true },
  verify: { dpo: true, administrator: true },
};
