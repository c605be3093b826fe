// Who may see and manage staff accounts. Administrators manage every account; supervisors
// see the active staff (they assign work) but change nothing. Managing accounts gives no
// access to case data: that needs a case role of one's own.
import type { Policy, Scope } from '../auth/policy';

export type UserAction = 'list' | 'read' | 'create' | 'update' | 'resetCredentials';
interface UserRecord {
  isActive: boolean;
}

const activeAccountsOnly: Scope<UserRecord, 'users'> = {
  description: 'active accounts only',
  test: (_actor, user) => user.isActive,
  sql: (eb) => eb('users.isActive', '=', true),
};

export const userPolicy: Policy<UserAction, UserRecord, 'users'> = {
  list: { administrator: true, supervisor: activeAccountsOnly },
  read: { administrator: true, supervisor: activeAccountsOnly },
  create: { administrator: true },
  update: { administrator: true },
  resetCredentials: { administrator: true },
};
