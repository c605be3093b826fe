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
