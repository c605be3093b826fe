// The institutions the centre forwards cases to. The registry is data (administrators edit it);
// this is the starting set for Serbia, inserted once and never overwritten afterwards.
// Names from the centre's glossary.
import type { DbOrTrx } from '../db/index';
import type { InstitutionType } from '../../common/institutions';
import { UNITS } from '../../common/geography';

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
];

/**
 * A Centre for Social Work and a Health Centre for each local self-government unit
 * (common/data/serbia-admin.json). The City of Belgrade's centre covers its 17 city
 * municipalities; each of them has its own Health Centre. Names follow the usual pattern
 * ("Центар за социјални рад Крагујевац"); the centre should confirm the official names.
 */
export function localInstitutions(): InstitutionSeed[] {
  const seeds: InstitutionSeed[] = [];
  const belgradeMunicipalities = UNITS.filter((u) => u.kind === 'belgrade-city-municipality').map((u) => u.id);
  for (const unit of UNITS) {
    if (unit.kind !== 'belgrade-city-municipality') {
      seeds.push({
        code: `csw-${unit.id}`,
        type: 'social-work',
        nameSr: unit.id === 'beograd' ? 'Градски центар за социјални рад Београд' : `Центар за социјални рад ${unit.name_cyrl}`,
        nameEn: unit.id === 'beograd' ? 'City Centre for Social Work Belgrade' : `Centre for Social Work ${unit.name_latn}`,
        areaKind: 'municipality',
        areaCodes: unit.id === 'beograd' ? ['beograd', ...belgradeMunicipalities] : [unit.id],
      });
    }
    if (unit.kind !== 'belgrade') {
      seeds.push({
        code: `dz-${unit.id}`,
        type: 'health',
        nameSr: `Дом здравља ${unit.name_cyrl}`,
        nameEn: `Health Centre ${unit.name_latn}`,
        areaKind: 'municipality',
        areaCodes: [unit.id],
      });
    }
  }
  return seeds;
}

/**
 * The Ministry of Education's regional school administrations (школске управе) and the
 * municipalities each covers, by administrative district; the Raški district is shared
 * between Kraljevo and Novi Pazar, which also covers Sjenica. Compiled from public lists:
 * the centre should confirm the areas with the Ministry (the registry is editable).
 */
const SCHOOL_ADMINISTRATIONS: { seat: string; seatLatn: string; districts: string[]; only?: string[]; except?: string[] }[] = [
  { seat: 'Београд', seatLatn: 'Beograd', districts: ['beograd'] },
  { seat: 'Нови Сад', seatLatn: 'Novi Sad', districts: ['juznobacki', 'sremski'] },
  { seat: 'Сомбор', seatLatn: 'Sombor', districts: ['zapadnobacki', 'severnobacki'] },
  { seat: 'Зрењанин', seatLatn: 'Zrenjanin', districts: ['srednjobanatski', 'severnobanatski', 'juznobanatski'] },
  { seat: 'Шабац', seatLatn: 'Šabac', districts: ['macvanski'] },
  { seat: 'Ваљево', seatLatn: 'Valjevo', districts: ['kolubarski'] },
  { seat: 'Пожаревац', seatLatn: 'Požarevac', districts: ['branicevski', 'podunavski'] },
  { seat: 'Крагујевац', seatLatn: 'Kragujevac', districts: ['sumadijski'] },
  { seat: 'Јагодина', seatLatn: 'Jagodina', districts: ['pomoravski'] },
  { seat: 'Зајечар', seatLatn: 'Zaječar', districts: ['zajecarski', 'borski'] },
  { seat: 'Ужице', seatLatn: 'Užice', districts: ['zlatiborski'], except: ['sjenica'] },
  { seat: 'Чачак', seatLatn: 'Čačak', districts: ['moravicki'] },
  { seat: 'Краљево', seatLatn: 'Kraljevo', districts: ['raski'], except: ['novi-pazar', 'tutin'] },
  { seat: 'Нови Пазар', seatLatn: 'Novi Pazar', districts: [], only: ['novi-pazar', 'tutin', 'sjenica'] },
  { seat: 'Крушевац', seatLatn: 'Kruševac', districts: ['rasinski'] },
  { seat: 'Ниш', seatLatn: 'Niš', districts: ['nisavski', 'toplicki', 'pirotski'] },
  { seat: 'Лесковац', seatLatn: 'Leskovac', districts: ['jablanicki', 'pcinjski'] },
];

export function schoolAdministrations(): InstitutionSeed[] {
  return SCHOOL_ADMINISTRATIONS.map((a) => ({
    code: `su-${a.seatLatn.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, '-')}`,
    type: 'education' as const,
    nameSr: `Школска управа ${a.seat}`,
    nameEn: `School Administration ${a.seatLatn}`,
    areaKind: 'municipality' as const,
    areaCodes: [...(a.only ?? []), ...UNITS.filter((u) => a.districts.includes(u.district) && !a.except?.includes(u.id)).map((u) => u.id)],
  }));
}

export async function seedInstitutions(db: DbOrTrx, seeds: InstitutionSeed[] = [...SERBIAN_INSTITUTIONS, ...schoolAdministrations(), ...localInstitutions()]): Promise<void> {
  await db
    .insertInto('institutions')
    .values(seeds)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}
