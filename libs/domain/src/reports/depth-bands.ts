/**
 * Depth bands of the outcomes report (issue 17). A course is banded by its deepest treated depth: below 0.5 mm is
 * cosmetic needling, 0.5 mm and deeper medical (domain.md section 1), and the medical range is cut in 0.5 mm steps up
 * to the device maximum of 2.5 mm (domain.md section 2). Bands are half-open [minMm, maxMm) except the last, which
 * holds the device maximum itself.
 */
import { DEVICE_MAX_DEPTH_MM } from '../access/credentials';

export const DEPTH_BAND_CODES = ['<0.5', '0.5–1.0', '1.0–1.5', '1.5–2.0', '2.0–2.5'] as const;
export type DepthBandCode = (typeof DEPTH_BAND_CODES)[number];

export interface DepthBand {
  band: DepthBandCode;
  minMm: number;
  maxMm: number;
  procedureKind: 'cosmetic' | 'medical';
}

export const DEPTH_BANDS: readonly DepthBand[] = [
  { band: '<0.5', minMm: 0, maxMm: 0.5, procedureKind: 'cosmetic' },
  { band: '0.5–1.0', minMm: 0.5, maxMm: 1.0, procedureKind: 'medical' },
  { band: '1.0–1.5', minMm: 1.0, maxMm: 1.5, procedureKind: 'medical' },
  { band: '1.5–2.0', minMm: 1.5, maxMm: 2.0, procedureKind: 'medical' },
  { band: '2.0–2.5', minMm: 2.0, maxMm: DEVICE_MAX_DEPTH_MM, procedureKind: 'medical' },
];

/** Float noise such as 0.25 + 0.25 + 0.5 must not move a depth across a band edge. */
const EDGE_EPSILON_MM = 1e-9;

/** The band a deepest treated depth falls in; null for a depth the device cannot reach (negative, over 2.5 mm, NaN). */
export function depthBandOf(deepestDepthMm: number): DepthBand | null {
  if (!Number.isFinite(deepestDepthMm) || deepestDepthMm < -EDGE_EPSILON_MM || deepestDepthMm > DEVICE_MAX_DEPTH_MM + EDGE_EPSILON_MM) return null;
  for (const band of DEPTH_BANDS) {
    if (deepestDepthMm < band.maxMm - EDGE_EPSILON_MM) return band;
  }
  return DEPTH_BANDS[DEPTH_BANDS.length - 1];
}

/** A band with fewer patients than this is shown but marked "too few to compare". */
export const MIN_PATIENTS_TO_COMPARE = 5;

export function tooFewToCompare(patients: number): boolean {
  return patients < MIN_PATIENTS_TO_COMPARE;
}
