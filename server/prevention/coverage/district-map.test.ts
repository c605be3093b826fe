// The district map's shapes belong to the districts they are drawn for: every one of the 25
// HASC shapes maps to a distinct district outside Kosovo and Metohija, every such district has
// a shape, and each district's seat lies inside its own shape (which is how RS.RN, labelled
// "Pomoravski" in the source, is known to be Rasinski). Kosovo and Metohija has an outline.
import { describe, expect, it } from 'vitest';
import { geoArea, geoContains } from 'd3-geo';
import { DISTRICTS } from '../../../common/geography';
import { districtShapes, HASC_TO_DISTRICT, KOSOVO_METOHIJA_OUTLINE } from '../../../common/data/serbia-map';

/** Seats of the districts (serbia-admin.json seat_latn), longitude and latitude. */
const SEATS: Record<string, [number, number]> = {
  severnobacki: [19.667, 46.1], // Subotica
  srednjobanatski: [20.389, 45.381], // Zrenjanin
  severnobanatski: [20.465, 45.829], // Kikinda
  juznobanatski: [20.64, 44.871], // Pančevo
  zapadnobacki: [19.112, 45.774], // Sombor
  juznobacki: [19.845, 45.251], // Novi Sad
  sremski: [19.612, 44.977], // Sremska Mitrovica
  macvanski: [19.69, 44.749], // Šabac
  kolubarski: [19.89, 44.272], // Valjevo
  podunavski: [20.93, 44.664], // Smederevo
  branicevski: [21.187, 44.62], // Požarevac
  sumadijski: [20.911, 44.012], // Kragujevac
  pomoravski: [21.261, 43.977], // Jagodina
  borski: [22.096, 44.075], // Bor
  zajecarski: [22.274, 43.904], // Zaječar
  zlatiborski: [19.842, 43.856], // Užice
  moravicki: [20.349, 43.891], // Čačak
  raski: [20.689, 43.724], // Kraljevo
  rasinski: [21.334, 43.58], // Kruševac
  nisavski: [21.896, 43.321], // Niš
  toplicki: [21.588, 43.234], // Prokuplje
  pirotski: [22.586, 43.153], // Pirot
  jablanicki: [21.946, 42.998], // Leskovac
  pcinjski: [21.9, 42.551], // Vranje
  beograd: [20.457, 44.817], // Belgrade
};
const KOSOVO_SEATS: [number, number][] = [
  [21.166, 42.663], // Priština
  [20.288, 42.659], // Peć
  [20.741, 42.214], // Prizren
  [20.866, 42.891], // Kosovska Mitrovica
  [21.469, 42.464], // Gnjilane
];

describe('district map', () => {
  const shapes = districtShapes();

  it('maps all 25 shapes to distinct districts outside Kosovo and Metohija, and every such district has a shape', () => {
    expect(shapes).toHaveLength(25);
    expect(Object.keys(HASC_TO_DISTRICT)).toHaveLength(25);
    const ids = shapes.map((shape) => shape.id);
    expect(new Set(ids).size).toBe(25);
    const known = new Map(DISTRICTS.map((d) => [d.id, d]));
    for (const id of ids) {
      expect(known.get(id), id).toBeDefined();
      expect(known.get(id)!.kosovo, id).toBe(false);
    }
    const outside = DISTRICTS.filter((d) => !d.kosovo).map((d) => d.id);
    expect([...ids].sort()).toEqual([...outside].sort());
  });

  it('draws each district around its own seat (RS.RN is Rasinski, RS.PM Pomoravski)', () => {
    expect(Object.keys(SEATS).sort()).toEqual(shapes.map((s) => s.id).sort());
    for (const shape of shapes) {
      const inside = Object.entries(SEATS).filter(([, seat]) => geoContains(shape, seat)).map(([id]) => id);
      expect(inside, `${shape.properties.hasc} → ${shape.id}`).toEqual([shape.id]);
    }
    expect(shapes.find((s) => s.properties.hasc === 'RS.RN')!.id).toBe('rasinski');
  });

  it('has one outline of Kosovo and Metohija around its five district seats, outside every district shape', () => {
    expect(KOSOVO_METOHIJA_OUTLINE.geometry.type).toBe('Polygon');
    // A polygon wound the wrong way would cover the rest of the globe instead.
    expect(geoArea(KOSOVO_METOHIJA_OUTLINE)).toBeLessThan(0.01);
    for (const seat of KOSOVO_SEATS) {
      expect(geoContains(KOSOVO_METOHIJA_OUTLINE, seat)).toBe(true);
      for (const shape of shapes) expect(geoContains(shape, seat), shape.id).toBe(false);
    }
    for (const seat of Object.values(SEATS)) expect(geoContains(KOSOVO_METOHIJA_OUTLINE, seat)).toBe(false);
  });
});
