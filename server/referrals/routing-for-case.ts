// The facts the routing rules need, read from a case: the latest assessment of each report
// (classification, criminal element, urgency) and the child's municipality; what the reports
// cannot say (school involved, child at risk at home, self-harm) the analyst answers.
import type { DbOrTrx } from '../db/index';
import type { Classification } from '../../common/hotline';
import { notFound } from '../http/errors';
import { suggestInstitutions, type RoutingSuggestion } from './routing';

export async function routingForCase(
  db: DbOrTrx,
  caseId: string,
  answers: { isSchoolInvolved?: string | undefined; isChildAtRiskAtHome?: string | undefined; isSelfHarm?: string | undefined; municipality?: string | undefined },
): Promise<RoutingSuggestion[]> {
  const theCase = await db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!theCase) throw notFound('No such case');
  const reports = await db.selectFrom('reports').select(['id', 'municipality', 'isUrgent']).where('caseId', '=', caseId).execute();
  const latest = reports.length
    ? await db
        .selectFrom('assessments')
        .select(['reportId', 'classification', 'legalBasis', 'isUrgent', 'version'])
        .where('reportId', 'in', reports.map((r) => r.id))
        .orderBy('version', 'desc')
        .execute()
    : [];
  const perReport = reports.map((r) => latest.find((a) => a.reportId === r.id)).filter((a) => a !== undefined);
  const suggestions = new Map<string, RoutingSuggestion>();
  const facts = perReport.length ? perReport : [undefined];
  for (const assessment of facts) {
    for (const s of await suggestInstitutions(db, {
      classification: (assessment?.classification as Classification | undefined) ?? null,
      hasCriminalElement: (assessment?.legalBasis.length ?? 0) > 0,
      isUrgent: reports.some((r) => r.isUrgent),
      municipality: answers.municipality ?? reports.find((r) => r.municipality)?.municipality ?? null,
      isSchoolInvolved: answers.isSchoolInvolved === 'true',
      isChildAtRiskAtHome: answers.isChildAtRiskAtHome === 'true',
      isSelfHarm: answers.isSelfHarm === 'true',
    })) {
      const key = s.institutionId ?? `${s.type}:${s.ruleId}`;
      if (!suggestions.has(key)) suggestions.set(key, s);
    }
  }
  return [...suggestions.values()];
}
