// The mailbox shows recipients' addresses: administrators and supervisors only.
import type { Policy } from '../auth/policy';

export const mailboxPolicy: Policy<'read'> = { read: { administrator: true, supervisor: true } };
