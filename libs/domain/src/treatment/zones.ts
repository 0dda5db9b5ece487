/**
 * Treatment zones and their depth defaults (domain.md section 2, "Depth by zone"). The typical range is what
 * sources report; the default max is the deepest depth allowed without a recorded override reason.
 * An organization may lower a zone max (see zone-maximums.ts) but never raise it.
 */
export const ZONE_CODES = [
  'forehead',
  'glabella',
  'periorbital',
  'nose',
  'cheeks',
  'perioral',
  'chin_jawline',
  'neck_decollete',
  'acne_scars',
  'stretch_marks',
  'scalp',
] as const;
export type ZoneCode = (typeof ZONE_CODES)[number];

export interface FacialZone {
  code: ZoneCode;
  label: string;
  /** 'indication' rows (acne scars) describe what is treated rather than where. */
  kind: 'area' | 'indication';
  /** Typical depth range reported by sources; null where it is not well published. */
  typicalMinMm: number | null;
  typicalMaxMm: number | null;
  defaultMaxMm: number;
  /** Caveats from the sources, for display. */
  note?: string;
}

export const FACIAL_ZONES: readonly FacialZone[] = [
  { code: 'forehead', label: 'Forehead', kind: 'area', typicalMinMm: 0.25, typicalMaxMm: 0.5, defaultMaxMm: 0.75, note: 'Thick skin to 0.75 mm' },
  { code: 'glabella', label: 'Glabella', kind: 'area', typicalMinMm: 0.25, typicalMaxMm: 0.5, defaultMaxMm: 0.5 },
  { code: 'periorbital', label: 'Periorbital (under/around eyes)', kind: 'area', typicalMinMm: 0.2, typicalMaxMm: 0.3, defaultMaxMm: 0.5, note: 'To 0.5 mm' },
  { code: 'nose', label: 'Nose', kind: 'area', typicalMinMm: 0.25, typicalMaxMm: 0.5, defaultMaxMm: 0.75, note: 'To 0.75 mm' },
  { code: 'cheeks', label: 'Cheeks', kind: 'area', typicalMinMm: 0.5, typicalMaxMm: 1.0, defaultMaxMm: 2.0, note: 'Thick skin 1.0–2.0 mm' },
  { code: 'perioral', label: 'Perioral / upper lip', kind: 'area', typicalMinMm: 0.25, typicalMaxMm: 0.5, defaultMaxMm: 0.75, note: 'To 0.75 mm' },
  { code: 'chin_jawline', label: 'Chin, jawline', kind: 'area', typicalMinMm: 0.5, typicalMaxMm: 1.0, defaultMaxMm: 1.5 },
  { code: 'neck_decollete', label: 'Neck, décolleté', kind: 'area', typicalMinMm: null, typicalMaxMm: null, defaultMaxMm: 0.5, note: 'Not well published; keep conservative' },
  { code: 'acne_scars', label: 'Acne / facial scars', kind: 'indication', typicalMinMm: 1.0, typicalMaxMm: 2.0, defaultMaxMm: 2.0, note: 'Median in studies 1.5 mm' },
  { code: 'stretch_marks', label: 'Stretch marks (body)', kind: 'area', typicalMinMm: 1.5, typicalMaxMm: 2.0, defaultMaxMm: 2.5, note: 'Up to 2.5 mm' },
  { code: 'scalp', label: 'Scalp', kind: 'area', typicalMinMm: 0.5, typicalMaxMm: 1.5, defaultMaxMm: 1.5, note: 'Weak sources' },
];

export function isZoneCode(value: string): value is ZoneCode {
  return (ZONE_CODES as readonly string[]).includes(value);
}

export function findZone(code: string): FacialZone | undefined {
  return FACIAL_ZONES.find((z) => z.code === code);
}

/** Default maximum depth (mm) per zone, from FACIAL_ZONES. */
export const DEFAULT_ZONE_MAX_MM: Readonly<Record<ZoneCode, number>> = Object.freeze(
  Object.fromEntries(FACIAL_ZONES.map((z) => [z.code, z.defaultMaxMm])) as Record<ZoneCode, number>,
);
