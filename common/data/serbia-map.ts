// The district map of Serbia: the 25 district shapes (24 districts and the City of Belgrade)
// from serbia-districts.topo.json keyed by their HASC ids, turned into the district ids of
// serbia-admin.json (common/geography), and one outline of Kosovo and Metohija, for which the
// source has no district shapes. Sources and licences: README.md in this folder.
//
// The topology's own names are not used: they lack diacritics and RS.RN is labelled
// "Pomoravski" although it is the Rasinski district (its seat, Kruševac, lies inside it; the
// test in server/prevention/coverage checks every seat against its shape).
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topology from './serbia-districts.topo.json';
import kosovo from './kosovo-metohija.geo.json';

/** HASC id of a shape → district id in serbia-admin.json. */
export const HASC_TO_DISTRICT: Readonly<Record<string, string>> = {
  'RS.BG': 'beograd',
  'RS.BO': 'borski',
  'RS.BR': 'branicevski',
  'RS.JA': 'jablanicki',
  'RS.JC': 'juznobacki',
  'RS.JN': 'juznobanatski',
  'RS.KB': 'kolubarski',
  'RS.MA': 'macvanski',
  'RS.MR': 'moravicki',
  'RS.NS': 'nisavski',
  'RS.PC': 'pcinjski',
  'RS.PD': 'podunavski',
  'RS.PI': 'pirotski',
  'RS.PM': 'pomoravski',
  'RS.RN': 'rasinski', // labelled "Pomoravski" in the source
  'RS.RS': 'raski',
  'RS.SC': 'severnobacki',
  'RS.SD': 'srednjobanatski',
  'RS.SM': 'sremski',
  'RS.SN': 'severnobanatski',
  'RS.SU': 'sumadijski',
  'RS.TO': 'toplicki',
  'RS.ZC': 'zapadnobacki',
  'RS.ZJ': 'zajecarski',
  'RS.ZL': 'zlatiborski',
};

export type DistrictShape = Feature<Polygon | MultiPolygon, { hasc: string }> & { id: string };

const districtTopology = topology as unknown as Topology<{ srb: GeometryCollection<{ name: string }> }>;

/** The 25 district shapes, each with `id` = its district id and the HASC id in properties. */
export function districtShapes(): DistrictShape[] {
  const collection = feature(districtTopology, districtTopology.objects.srb) as FeatureCollection<Polygon | MultiPolygon>;
  return collection.features.map((shape) => {
    const hasc = String(shape.id);
    const id = HASC_TO_DISTRICT[hasc];
    if (!id) throw new Error(`No district for the map shape ${hasc}`);
    return { type: 'Feature', id, geometry: shape.geometry, properties: { hasc } };
  });
}

/** Kosovo and Metohija as one outline (no district shapes, no figures). */
export const KOSOVO_METOHIJA_OUTLINE = kosovo as unknown as Feature<Polygon>;
