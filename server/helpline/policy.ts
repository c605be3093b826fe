// Who may do what with helpline contacts. Counsellors and supervisors log and read every
// contact (a repeat caller may have spoken to anyone). A counsellor edits their own contacts
// and ones nobody has taken yet (e-mails and chats waiting); a supervisor edits any. Analysts
// read only contacts that belong to a case (the cases they work join contacts and reports).
import type { Policy, Scope } from '../auth/policy';

export type ContactAction = 'list' | 'read' | 'create' | 'update' | 'lookupCaller';
interface ContactRecord {
  counsellorId: string | null;
  caseId: string | null;
}

const inACase: Scope<ContactRecord, 'contacts'> = {
  description: 'contacts that belong to a case',
  test: (_actor, contact) => contact.caseId !== null,
  sql: (eb) => eb('contacts.caseId', 'is not', null),
};

const ownOrUntaken: Scope<ContactRecord, 'contacts'> = {
  description: 'their own contacts and ones no counsellor has taken yet',
  test: (actor, contact) => contact.counsellorId === null || contact.counsellorId === actor.id,
  sql: (eb, actor) => eb.or([eb('contacts.counsellorId', 'is', null), eb('contacts.counsellorId', '=', actor.id)]),
};

export const contactPolicy: Policy<ContactAction, ContactRecord, 'contacts'> = {
  list: { counsellor: true, supervisor: true, analyst: inACase },
  read: { counsellor: true, supervisor: true, analyst: inACase },
  create: { counsellor: true, supervisor: true },
  update: { counsellor: ownOrUntaken, supervisor: true },
  lookupCaller: { counsellor: true, supervisor: true },
};

/** The supervisor's live view: waiting chats, open cases, overdue follow-ups, workload. */
export const helplinePolicy: Policy<'supervise'> = {
  supervise: { supervisor: true },
};
