// The centre's helpline mailbox: counsellors and supervisors read the threads and reply.
import type { Policy } from '../auth/policy';

export const inboxPolicy: Policy<'read' | 'reply'> = {
  read: { counsellor: true, supervisor: true },
  reply: { counsellor: true, supervisor: true },
};
