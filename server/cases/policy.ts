// Who may do what with cases. Analysts and supervisors work every case. A counsellor opens
// cases from their contacts and works the cases assigned to them or opened by them (a
// supervisor assigns the others). Institutions never see a case, only their referral.
import type { Policy, Scope } from '../auth/policy';

export type CaseAction = 'list' | 'open' | 'read' | 'update';
interface CaseRecord {
  assigneeId: string | null;
  createdBy: string;
}

const assignedOrOpenedByMe: Scope<CaseRecord, 'cases'> = {
  description: 'cases assigned to them or opened by them',
  test: (actor, c) => c.assigneeId === actor.id || c.createdBy === actor.id,
  sql: (eb, actor) => eb.or([eb('cases.assigneeId', '=', actor.id), eb('cases.createdBy', '=', actor.id)]),
};

export const casePolicy: Policy<CaseAction, CaseRecord, 'cases'> = {
  list: { analyst: true, supervisor: true, counsellor: assignedOrOpenedByMe },
  open: { analyst: true, supervisor: true, counsellor: true },
  read: { analyst: true, supervisor: true, counsellor: assignedOrOpenedByMe },
  update: { analyst: true, supervisor: true, counsellor: assignedOrOpenedByMe },
};
