// Serbia's districts and local self-government units (common/data/serbia-admin.json, copied
// from the project's shared reference data). Municipality codes are the units' ids.
import data from './data/serbia-admin.json';

export interface District {
  id: string;
  name_latn: string;
  name_cyrl: string;
  kosovo: boolean;
}
export interface Unit {
  id: string;
  name_latn: string;
  name_cyrl: string;
  kind: 'belgrade' | 'belgrade-city-municipality' | 'city' | 'municipality';
  district: string;
}

export const DISTRICTS = data.districts as District[];
export const UNITS = data.units as Unit[];
export const UNIT_IDS = new Set(UNITS.map((u) => u.id));
export const isMunicipality = (id: string) => UNIT_IDS.has(id);

const UNIT_BY_ID = new Map(UNITS.map((u) => [u.id, u]));
/** The district a municipality (or city, or Belgrade city municipality) belongs to. */
export function districtOf(municipalityId: string): string {
  const unit = UNIT_BY_ID.get(municipalityId);
  if (!unit) throw new Error(`Unknown municipality ${municipalityId}`);
  return unit.district;
}
/** A unit's or district's name in the script shown (Cyrillic for sr-Cyrl, Latin otherwise). */
export function localName(place: { name_cyrl: string; name_latn: string }, language: string): string {
  return language === 'sr-Cyrl' ? place.name_cyrl : place.name_latn;
}
/** A municipality code shown as its name in the script shown (the code itself if unknown). */
export function unitName(municipalityId: string, language: string): string {
  const unit = UNIT_BY_ID.get(municipalityId);
  return unit ? localName(unit, language) : municipalityId;
}
