// Who may do what with hotline reports. Analysts and supervisors work the queue. A counsellor
// sees only a report an analyst escalated to them, and never one about abuse material.
// Institution contact persons, administrators and the DPO see no reports here.
import type { Policy, Scope } from '../auth/policy';

export type ReportAction = 'list' | 'read' | 'work' | 'message' | 'viewAttachment' | 'viewContact';
interface ReportRecord {
  escalatedTo: string | null;
  category: string;
}

const escalatedToMe: Scope<ReportRecord, 'reports'> = {
  description: 'reports escalated to them, except abuse material',
  test: (actor, report) => report.escalatedTo === actor.id && report.category !== 'csam',
  sql: (eb, actor) => eb.and([eb('reports.escalatedTo', '=', actor.id), eb('reports.category', '<>', 'csam')]),
};

export const reportPolicy: Policy<ReportAction, ReportRecord, 'reports'> = {
  list: { analyst: true, supervisor: true, counsellor: escalatedToMe },
  read: { analyst: true, supervisor: true, counsellor: escalatedToMe },
  message: { analyst: true, supervisor: true },
  work: { analyst: true, supervisor: true },
  viewAttachment: { analyst: true, supervisor: true },
  viewContact: { analyst: true, supervisor: true, counsellor: escalatedToMe },
};
