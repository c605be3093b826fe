// Routing rules as a table: a case's facts in, the institutions (and the rule) out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { suggestInstitutions, type RoutingInput } from './routing';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p?.close());

const base: RoutingInput = { classification: null, hasCriminalElement: false, isUrgent: false, municipality: null, isSchoolInvolved: false, isChildAtRiskAtHome: false, isSelfHarm: false };

const cases: [string, Partial<RoutingInput>, [string, string][]][] = [
  ['abuse material', { classification: 'csam-national', hasCriminalElement: true }, [['vtk-prosecutor', 'csam-grooming'], ['vtk-police', 'csam-grooming']]],
  ['grooming', { classification: 'grooming' }, [['vtk-prosecutor', 'csam-grooming'], ['vtk-police', 'csam-grooming']]],
  ['sextortion', { classification: 'sextortion' }, [['vtk-prosecutor', 'sextortion'], ['vtk-police', 'sextortion']]],
  ['hate speech with a criminal offence', { classification: 'hate-speech', hasCriminalElement: true }, [['vtk-prosecutor', 'criminal-element']]],
  ['school cyberbullying in Kragujevac', { classification: 'cyberbullying', isSchoolInvolved: true, municipality: 'kragujevac' }, [['su-kragujevac', 'school-cyberbullying']]],
  ['school hate speech in Sjenica', { classification: 'hate-speech', isSchoolInvolved: true, municipality: 'sjenica' }, [['su-novi-pazar', 'school-cyberbullying']]],
  ['school cyberbullying in Zemun (Belgrade)', { classification: 'cyberbullying', isSchoolInvolved: true, municipality: 'zemun' }, [['su-beograd', 'school-cyberbullying']]],
  ['school cyberbullying, municipality unknown', { classification: 'cyberbullying', isSchoolInvolved: true }, [['ministry-education', 'school-cyberbullying']]],
  ['cyberbullying outside school', { classification: 'cyberbullying' }, []],
  ['child at risk at home in Kragujevac', { classification: 'cyberbullying', isChildAtRiskAtHome: true, municipality: 'kragujevac' }, [['csw-kragujevac', 'child-at-risk']]],
  ['child at risk in a Belgrade city municipality', { isChildAtRiskAtHome: true, municipality: 'vozdovac' }, [['csw-beograd', 'child-at-risk']]],
  ['self-harm in Niš', { isSelfHarm: true, municipality: 'nis' }, [['dz-nis', 'self-harm']]],
  ['not harmful', { classification: 'not-harmful' }, []],
  ['grooming of a child at risk in Novi Sad', { classification: 'grooming', isChildAtRiskAtHome: true, municipality: 'novi-sad' }, [['vtk-prosecutor', 'csam-grooming'], ['vtk-police', 'csam-grooming'], ['csw-novi-sad', 'child-at-risk']]],
];

describe('routing rules', () => {
  for (const [name, facts, expected] of cases) {
    it(`suggests for ${name}`, async () => {
      const suggestions = await suggestInstitutions(p.ctx.db, { ...base, ...facts });
      const codes = await Promise.all(
        suggestions.map(async (s) => [
          s.institutionId ? (await p.ctx.db.selectFrom('institutions').select('code').where('id', '=', s.institutionId).executeTakeFirstOrThrow()).code : null,
          s.ruleId,
        ]),
      );
      expect(codes).toEqual(expected);
    });
  }

  it('says so when a local institution is needed but the municipality is unknown', async () => {
    const [suggestion] = await suggestInstitutions(p.ctx.db, { ...base, isSelfHarm: true });
    expect(suggestion).toMatchObject({ institutionId: null, type: 'health', problem: 'municipality-unknown' });
  });
});
