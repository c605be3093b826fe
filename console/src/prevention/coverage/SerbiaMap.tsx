// (Being written: the district map of Serbia as SVG.)
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
}

export function SerbiaMap(_props: SerbiaMapProps) {
  return null;
}
