// Routing rules: which institutions to inform about a case. The rules are data (the
// version is stored on every referral made from a suggestion); the analyst sees each
// suggestion with the rule that produced it and confirms or changes it.
import type { Classification } from '../../common/hotline';
import type { InstitutionType } from '../../common/institutions';
import type { DbOrTrx } from '../db/index';

export const ROUTING_RULES_VERSION = 'rs-2026-1';

export interface RoutingInput {
  classification: Classification | null;
  hasCriminalElement: boolean;
  isUrgent: boolean;
  municipality: string | null;
  isSchoolInvolved: boolean;
  isChildAtRiskAtHome: boolean;
  isSelfHarm: boolean;
}

export interface RoutingRule {
  id: string;
  description: string;
  descriptionEn: string;
  applies: (input: RoutingInput) => boolean;
  /**
   * national: the institution of that type for the whole country; local: the one covering
   * the child's municipality, or — with orNational — the national one when none does.
   */
  institutions: { type: InstitutionType; area: 'national' | 'local'; orNational?: boolean }[];
}

const isOneOf = (c: Classification | null, list: Classification[]) => c !== null && list.includes(c);

export const ROUTING_RULES: RoutingRule[] = [
  {
    id: 'csam-grooming',
    description: 'Материјал сексуалног злостављања деце или врбовање: тужилаштво за ВТК и полиција',
    descriptionEn: 'Child sexual abuse material or grooming: high-tech crime prosecutor and police',
    applies: (i) => isOneOf(i.classification, ['csam-baseline', 'csam-national', 'grooming']),
    institutions: [
      { type: 'prosecutor', area: 'national' },
      { type: 'police', area: 'national' },
    ],
  },
  {
    id: 'sextortion',
    description: 'Сексуална уцена: тужилаштво за ВТК и полиција',
    descriptionEn: 'Sextortion: high-tech crime prosecutor and police',
    applies: (i) => isOneOf(i.classification, ['sextortion']),
    institutions: [
      { type: 'prosecutor', area: 'national' },
      { type: 'police', area: 'national' },
    ],
  },
  {
    id: 'criminal-element',
    description: 'Процена наводи кривично дело: тужилаштво за ВТК',
    descriptionEn: 'The assessment cites a criminal offence: high-tech crime prosecutor',
    applies: (i) => i.hasCriminalElement,
    institutions: [{ type: 'prosecutor', area: 'national' }],
  },
  {
    id: 'school-cyberbullying',
    description: 'Дигитално насиље или говор мржње у вези са школом: школска управа Министарства просвете за општину детета',
    descriptionEn: "School-related cyberbullying or hate speech: the Ministry of Education's school administration for the child's municipality",
    applies: (i) => i.isSchoolInvolved && isOneOf(i.classification, ['cyberbullying', 'hate-speech']),
    institutions: [{ type: 'education', area: 'local', orNational: true }],
  },
  {
    id: 'child-at-risk',
    description: 'Дете је у ризику у породици: центар за социјални рад општине детета',
    descriptionEn: "Child at risk at home: the Centre for Social Work of the child's municipality",
    applies: (i) => i.isChildAtRiskAtHome,
    institutions: [{ type: 'social-work', area: 'local' }],
  },
  {
    id: 'self-harm',
    description: 'Самоповређивање: дом здравља општине детета',
    descriptionEn: "Self-harm: the Health Centre of the child's municipality",
    applies: (i) => i.isSelfHarm,
    institutions: [{ type: 'health', area: 'local' }],
  },
];

export interface RoutingSuggestion {
  institutionId: string | null;
  institutionName: string | null;
  type: InstitutionType;
  ruleId: string;
  rule: string;
  ruleEn: string;
  /** Why there is no institution (e.g. none registered for the municipality). */
  problem: string | null;
}

/** Applies the rules and finds the institutions; one suggestion per institution (the first rule that named it). */
export async function suggestInstitutions(db: DbOrTrx, input: RoutingInput): Promise<RoutingSuggestion[]> {
  const suggestions: RoutingSuggestion[] = [];
  const seen = new Set<string>();
  for (const rule of ROUTING_RULES.filter((r) => r.applies(input))) {
    for (const target of rule.institutions) {
      let query = db.selectFrom('institutions').select(['id', 'nameSr']).where('type', '=', target.type).where('isActive', '=', true);
      if (target.area === 'national') query = query.where('areaKind', '=', 'national');
      else if (input.municipality) query = query.where('areaKind', '=', 'municipality').where((eb) => eb(eb.val(input.municipality!), '=', eb.fn.any('areaCodes')));
      let found = target.area === 'local' && !input.municipality ? undefined : await query.orderBy('nameSr').executeTakeFirst();
      if (!found && target.orNational) {
        found = await db.selectFrom('institutions').select(['id', 'nameSr']).where('type', '=', target.type).where('isActive', '=', true).where('areaKind', '=', 'national').executeTakeFirst();
      }
      const key = found?.id ?? `${target.type}:${target.area}`;
      if (seen.has(key)) continue;
      seen.add(key);
      suggestions.push({
        institutionId: found?.id ?? null,
        institutionName: found?.nameSr ?? null,
        type: target.type,
        ruleId: rule.id,
        rule: rule.description,
        ruleEn: rule.descriptionEn,
        problem: found ? null : target.area === 'local' && !input.municipality ? 'municipality-unknown' : 'no-institution',
      });
    }
  }
  return suggestions;
}
