// The drawn map of Serbia: the district shapes and the outline of Kosovo and Metohija projected
// once (Mercator fitted to the whole extent) into SVG path data, with each district's centroid
// for labels and markers. Loaded on demand, so the console's main bundle carries no geometry.
import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { districtShapes, KOSOVO_METOHIJA_OUTLINE } from '../../../../common/data/serbia-map';

export interface DrawnDistrict {
  id: string;
  d: string;
  centroid: [number, number];
}

export interface MapGeometry {
  width: number;
  height: number;
  districts: DrawnDistrict[];
  kosovo: { d: string; centroid: [number, number] };
}

export const MAP_WIDTH = 480;

function build(): MapGeometry {
  const shapes = districtShapes();
  const all: FeatureCollection<Geometry> = { type: 'FeatureCollection', features: [...shapes, KOSOVO_METOHIJA_OUTLINE] };
  const projection = geoMercator().fitWidth(MAP_WIDTH - 8, all);
  const path = geoPath(projection).digits(1);
  const [[, top], [, bottom]] = path.bounds(all);
  projection.translate([projection.translate()[0] + 4, projection.translate()[1] - top + 4]);
  const round = ([x, y]: [number, number]): [number, number] => [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  return {
    width: MAP_WIDTH,
    height: Math.ceil(bottom - top + 8),
    districts: shapes.map((shape) => ({ id: shape.id, d: path(shape) ?? '', centroid: round(path.centroid(shape)) })),
    kosovo: { d: path(KOSOVO_METOHIJA_OUTLINE) ?? '', centroid: round(path.centroid(KOSOVO_METOHIJA_OUTLINE)) },
  };
}

let geometry: MapGeometry | null = null;
export function mapGeometry(): MapGeometry {
  geometry ??= build();
  return geometry;
}
