// The institutions the centre forwards cases to. The registry is data (administrators edit it);
// this is the starting set for Serbia, inserted once and never overwritten afterwards.
// Names from the centre's glossary; the referrals feature extends the registry (Centres for
// Social Work and Health Centres per municipality, school administrations).
import type { DbOrTrx } from '../db/index';
import type { InstitutionType } from '../../common/institutions';

export interface InstitutionSeed {
  code: string;
  type: InstitutionType;
  nameSr: string;
  nameEn: string;
  areaKind: 'national' | 'district' | 'municipality';
  areaCodes: string[];
}

export const SERBIAN_INSTITUTIONS: InstitutionSeed[] = [
  {
    code: 'vtk-prosecutor',
    type: 'prosecutor',
    nameSr: 'Посебно одељење за борбу против високотехнолошког криминала Вишег јавног тужилаштва у Београду',
    nameEn: "Special Department for High-Tech Crime, Higher Public Prosecutor's Office in Belgrade",
    areaKind: 'national',
    areaCodes: [],
  },
  {
    code: 'vtk-police',
    type: 'police',
    nameSr: 'Одељење за борбу против високотехнолошког криминала, МУП',
    nameEn: 'High-Tech Crime Department, Ministry of the Interior',
    areaKind: 'national',
    areaCodes: [],
  },
  {
    code: 'ministry-education',
    type: 'education',
    nameSr: 'Министарство просвете',
    nameEn: 'Ministry of Education',
    areaKind: 'national',
    areaCodes: [],
  },
  {
    code: 'csw-beograd',
    type: 'social-work',
    nameSr: 'Градски центар за социјални рад Београд',
    nameEn: 'City Centre for Social Work Belgrade',
    areaKind: 'municipality',
    areaCodes: ['beograd'],
  },
  {
    code: 'csw-novi-sad',
    type: 'social-work',
    nameSr: 'Центар за социјални рад Града Новог Сада',
    nameEn: 'Centre for Social Work of the City of Novi Sad',
    areaKind: 'municipality',
    areaCodes: ['novi-sad'],
  },
];

export async function seedInstitutions(db: DbOrTrx, seeds: InstitutionSeed[] = SERBIAN_INSTITUTIONS): Promise<void> {
  await db
    .insertInto('institutions')
    .values(seeds)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}
