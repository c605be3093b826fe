// The district map of Serbia as SVG: districts shaded by a figure on a sequential scale with a
// legend, Kosovo and Metohija drawn hatched without figures, and numbered markers (a
// campaign's tour). Nothing is told by colour alone: every district has a title with its name
// and figure, the figure is written on the district, and the screens that use the map give
// the same figures as a table. With onDistrictSelect the districts are buttons (Tab, then Enter
// or Space); without it the map is one image whose markers are also listed as text.
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS, localName } from '../../../../common/geography';
import { useLanguage } from '../../i18n';
import type { MapGeometry } from './mapGeometry';
import './coverage.css';

export interface SerbiaMapMarker {
  id: string;
  /** District id from common/geography (serbia-admin.json). */
  districtId: string;
  label: string;
  order?: number;
  done?: boolean;
}

export interface SerbiaMapProps {
  /** The map's accessible name. */
  title: string;
  /** A figure per district id; districts are shaded by it. */
  values?: Record<string, number>;
  markers?: SerbiaMapMarker[];
  selectedDistrictId?: string | null;
  onDistrictSelect?: (districtId: string) => void;
  /** What the figure is, for the legend's heading (e.g. "events held"). */
  valueLabel?: string;
  /** How a figure is written (default: the number in the interface's language). */
  formatValue?: (value: number) => string;
}

/** Light to dark blue (ColorBrewer "Blues"); no figure is a pale grey. */
const PALETTE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
const EMPTY = '#f1f2f4';
const NEUTRAL = '#e6ebf2';

interface ColourClass {
  from: number;
  to: number;
  colour: string;
}

/** Up to five classes of equal, round width (1, 2, 5, 10, 20, …) that cover 1…max. */
export function colourClasses(max: number): ColourClass[] {
  if (max <= 0) return [];
  const raw = max / PALETTE.length;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const count = Math.ceil(max / step);
  const colours = PALETTE.slice(PALETTE.length - count);
  return colours.map((colour, i) => ({ from: i * step + 1, to: (i + 1) * step, colour }));
}

function colourOf(value: number | undefined, classes: ColourClass[]): string {
  if (value === undefined || value <= 0) return EMPTY;
  return (classes.find((c) => value <= c.to) ?? classes[classes.length - 1]!).colour;
}

/** Where the markers of one district go: on its centroid, or around it when there are several. */
function markerPositions(markers: SerbiaMapMarker[], geometry: MapGeometry): Map<string, [number, number]> {
  const positions = new Map<string, [number, number]>();
  const byDistrict = new Map<string, SerbiaMapMarker[]>();
  for (const marker of markers) byDistrict.set(marker.districtId, [...(byDistrict.get(marker.districtId) ?? []), marker]);
  for (const [districtId, group] of byDistrict) {
    const centre = geometry.districts.find((d) => d.id === districtId)?.centroid;
    if (!centre) continue;
    group.forEach((marker, k) => {
      if (group.length === 1) return positions.set(marker.id, centre);
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / group.length;
      const radius = 11 + 2 * group.length;
      positions.set(marker.id, [centre[0] + radius * Math.cos(angle), centre[1] + radius * Math.sin(angle)]);
    });
  }
  return positions;
}

/** A legend's sample of a fill (SVG, as the CSP allows no inline styles). */
function Swatch({ fill }: { fill: string }) {
  return (
    <svg className="map-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="15" height="15" fill={fill} stroke="#5b6272" />
    </svg>
  );
}

function MarkerSample({ isDone }: { isDone: boolean }) {
  return (
    <svg className="map-swatch" viewBox="-10 -10 20 20" aria-hidden="true" focusable="false">
      <g className={isDone ? 'map-marker map-marker-done' : 'map-marker'}>
        <circle r="8.5" />
      </g>
    </svg>
  );
}

export function SerbiaMap({ title, values, markers = [], selectedDistrictId = null, onDistrictSelect, valueLabel, formatValue }: SerbiaMapProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [geometry, setGeometry] = useState<MapGeometry | null>(null);
  const [failed, setFailed] = useState(false);
  const [focusedId, setFocusedId] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    import('./mapGeometry').then(
      (module) => isCurrent && setGeometry(module.mapGeometry()),
      () => isCurrent && setFailed(true),
    );
    return () => {
      isCurrent = false;
    };
  }, []);

  const numbers = useMemo(() => new Intl.NumberFormat(language === 'en' ? 'en-GB' : `${language}-RS`), [language]);
  const write = formatValue ?? ((value: number) => numbers.format(value));
  const names = useMemo(() => new Map(DISTRICTS.map((d) => [d.id, localName(d, language)])), [language]);
  const classes = useMemo(() => colourClasses(Math.max(0, ...Object.values(values ?? {}))), [values]);
  const isInteractive = onDistrictSelect !== undefined;
  const orderedMarkers = useMemo(() => [...markers].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)), [markers]);

  if (failed) return <p className="alert alert-error">{t('prevention.coverage.map.unavailable')}</p>;
  if (!geometry) return <p role="status">{t('prevention.coverage.loading')}</p>;

  const districtTitle = (districtId: string) => {
    const name = names.get(districtId) ?? districtId;
    if (!values) return name;
    const value = values[districtId];
    return t('prevention.coverage.map.districtTitle', { district: name, value: value === undefined ? t('prevention.coverage.map.noValue') : write(value) });
  };
  const markerTitle = (marker: SerbiaMapMarker, number: number) =>
    t(marker.done ? 'prevention.coverage.map.markerDone' : 'prevention.coverage.map.marker', { order: number, label: marker.label });
  // Tab order follows the names, as in the table.
  const drawn = [...geometry.districts].sort((a, b) => (names.get(a.id) ?? a.id).localeCompare(names.get(b.id) ?? b.id, language));
  const positions = markerPositions(orderedMarkers, geometry);
  const outline = (districtId: string | null) => geometry.districts.find((d) => d.id === districtId)?.d;
  const onKeyDown = (districtId: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onDistrictSelect?.(districtId);
    }
  };
  const titleId = `${id}-title`;
  const markerListId = `${id}-markers`;
  const hatchId = `${id}-hatch`;

  return (
    <div className="serbia-map">
      <svg
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        role={isInteractive ? 'group' : 'img'}
        aria-labelledby={titleId}
        {...(!isInteractive && orderedMarkers.length > 0 ? { 'aria-describedby': markerListId } : {})}
        data-testid="serbia-map"
      >
        <title id={titleId}>{title}</title>
        <defs>
          <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f4f4f4" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#8a8f99" strokeWidth="1.5" />
          </pattern>
        </defs>
        <path
          className="map-kosovo"
          d={geometry.kosovo.d}
          fill={`url(#${hatchId})`}
          data-testid="map-kosovo"
          {...(isInteractive ? { role: 'img', 'aria-label': t('prevention.coverage.map.kosovo') } : {})}
        >
          <title>{t('prevention.coverage.map.kosovo')}</title>
        </path>
        {drawn.map((district) => {
          const label = districtTitle(district.id);
          return (
            <path
              key={district.id}
              className="map-district"
              d={district.d}
              fill={values ? colourOf(values[district.id], classes) : NEUTRAL}
              data-district={district.id}
              {...(isInteractive
                ? {
                    role: 'button',
                    tabIndex: 0,
                    'aria-label': label,
                    'aria-pressed': district.id === selectedDistrictId,
                    onClick: () => onDistrictSelect(district.id),
                    onKeyDown: onKeyDown(district.id),
                    onFocus: () => setFocusedId(district.id),
                    onBlur: () => setFocusedId((current) => (current === district.id ? null : current)),
                  }
                : {})}
            >
              <title>{label}</title>
            </path>
          );
        })}
        {outline(selectedDistrictId) && <path className="map-selected" d={outline(selectedDistrictId)} aria-hidden="true" />}
        {outline(focusedId) && <path className="map-focused" d={outline(focusedId)} aria-hidden="true" />}
        {values && orderedMarkers.length === 0 && (
          <g className="map-values" aria-hidden="true">
            {geometry.districts.map((district) =>
              values[district.id] ? (
                <text key={district.id} x={district.centroid[0]} y={district.centroid[1]}>
                  {write(values[district.id]!)}
                </text>
              ) : null,
            )}
          </g>
        )}
        <g className="map-markers">
          {orderedMarkers.map((marker, index) => {
            const position = positions.get(marker.id);
            if (!position) return null;
            const number = marker.order ?? index + 1;
            return (
              <g key={marker.id} className={marker.done ? 'map-marker map-marker-done' : 'map-marker'} transform={`translate(${position[0]} ${position[1]})`} data-testid="map-marker">
                <title>{markerTitle(marker, number)}</title>
                <circle r="8.5" />
                <text dy="0.35em">{number}</text>
              </g>
            );
          })}
        </g>
      </svg>
      <div className="map-legend">
        {values && (
          <>
            {valueLabel && <p className="map-legend-title">{t('prevention.coverage.map.legend', { figure: valueLabel })}</p>}
            <ul>
              <li>
                <Swatch fill={EMPTY} /> 0 ({t('prevention.coverage.map.none')})
              </li>
              {classes.map((c) => (
                <li key={c.from}>
                  <Swatch fill={c.colour} /> {c.from === c.to ? write(c.from) : `${write(c.from)}–${write(c.to)}`}
                </li>
              ))}
            </ul>
          </>
        )}
        <ul>
          <li>
            <Swatch fill={`url(#${hatchId})`} /> {t('prevention.coverage.map.kosovo')}
          </li>
        </ul>
        {orderedMarkers.length > 0 && (
          <>
            <p className="map-legend-title">{t('prevention.coverage.map.tour')}</p>
            <ul>
              <li>
                <MarkerSample isDone /> {t('prevention.coverage.map.markerDoneLegend')}
              </li>
              <li>
                <MarkerSample isDone={false} /> {t('prevention.coverage.map.markerPlannedLegend')}
              </li>
            </ul>
            {/* The markers in words, as the image's description (the screen lists the stops itself). */}
            <ol id={markerListId} hidden>
              {orderedMarkers.map((marker, index) => (
                <li key={marker.id}>{markerTitle(marker, marker.order ?? index + 1)}</li>
              ))}
            </ol>
          </>
        )}
      </div>
    </div>
  );
}
