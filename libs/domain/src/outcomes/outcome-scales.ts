/**
 * Outcome scales (domain.md section 8). Each assessment stores the scale, its version and a score; change is shown
 * against the course baseline. `lowerIsBetter` says which direction is improvement, so the dashboard can colour a
 * change and the percent keeps its sign honest (a scar score falling from 24 to 12 is -50 %, an improvement).
 */
import type { ScoreProblemCode } from '../codes/treatment';

export interface OutcomeScale {
  code: OutcomeScaleCode;
  label: string;
  version: string;
  min: number;
  max: number;
  /** Whole numbers only (grades, classes, counts). */
  integer: boolean;
  lowerIsBetter: boolean;
  /** Device-measured indices need the measuring method recorded. */
  requiresMethod: boolean;
  note?: string;
}

export const OUTCOME_SCALE_CODES = [
  'goodman_baron_qualitative',
  'goodman_baron_quantitative',
  'glogau',
  'fitzpatrick_wrinkle',
  'lemperle_wrinkle',
  'pores_index',
  'tone_index',
  'pigmentation_index',
  'uv_spots_index',
  'patient_satisfaction',
] as const;
export type OutcomeScaleCode = (typeof OUTCOME_SCALE_CODES)[number];

export const OUTCOME_SCALES: readonly OutcomeScale[] = [
  {
    code: 'goodman_baron_qualitative',
    label: 'Goodman & Baron qualitative acne-scar grade',
    version: 'Goodman & Baron 2006',
    min: 1,
    max: 4,
    integer: true,
    lowerIsBetter: true,
    requiresMethod: false,
    note: '1 macular, 2 mild, 3 moderate, 4 severe',
  },
  {
    code: 'goodman_baron_quantitative',
    label: 'Goodman & Baron quantitative acne-scar score',
    version: 'Goodman & Baron 2006',
    min: 0,
    max: 84,
    integer: true,
    lowerIsBetter: true,
    requiresMethod: false,
    note: 'Points by scar type and count, maximum 84',
  },
  { code: 'glogau', label: 'Glogau photo-ageing type', version: 'Glogau 1996', min: 1, max: 4, integer: true, lowerIsBetter: true, requiresMethod: false, note: 'I–IV' },
  { code: 'fitzpatrick_wrinkle', label: 'Fitzpatrick wrinkle class', version: 'Fitzpatrick 1996', min: 1, max: 3, integer: true, lowerIsBetter: true, requiresMethod: false, note: 'Classes I–III' },
  { code: 'lemperle_wrinkle', label: 'Lemperle wrinkle severity', version: 'Lemperle 2001', min: 0, max: 5, integer: true, lowerIsBetter: true, requiresMethod: false, note: '0 none – 5 very deep' },
  { code: 'pores_index', label: 'Pores index', version: 'device index', min: 0, max: 1000, integer: false, lowerIsBetter: true, requiresMethod: true },
  { code: 'tone_index', label: 'Skin tone evenness index', version: 'device index', min: 0, max: 1000, integer: false, lowerIsBetter: false, requiresMethod: true },
  { code: 'pigmentation_index', label: 'Pigmentation index', version: 'device index', min: 0, max: 1000, integer: false, lowerIsBetter: true, requiresMethod: true },
  { code: 'uv_spots_index', label: 'UV spots index', version: 'device index', min: 0, max: 1000, integer: false, lowerIsBetter: true, requiresMethod: true },
  { code: 'patient_satisfaction', label: 'Patient satisfaction', version: '0–10 numeric rating', min: 0, max: 10, integer: true, lowerIsBetter: false, requiresMethod: false },
];

export function findOutcomeScale(code: string): OutcomeScale | undefined {
  return OUTCOME_SCALES.find((s) => s.code === code);
}

export type ScoreProblem = { code: ScoreProblemCode; message: string };

/** Why a score cannot be recorded on a scale, or null when it can. */
export function scoreProblem(scaleCode: string, score: number, method?: string | null): ScoreProblem | null {
  const scale = findOutcomeScale(scaleCode);
  if (!scale) return { code: 'unknown-scale', message: `Unknown outcome scale "${scaleCode}"` };
  if (!Number.isFinite(score) || score < scale.min || score > scale.max) {
    return { code: 'out-of-range', message: `${scale.label} runs from ${scale.min} to ${scale.max}; got ${score}` };
  }
  if (scale.integer && !Number.isInteger(score)) return { code: 'not-whole', message: `${scale.label} takes whole numbers; got ${score}` };
  if (scale.requiresMethod && !method?.trim()) {
    return { code: 'method-required', message: `${scale.label} is device-measured: record the method or device used` };
  }
  return null;
}

/**
 * Change from the course baseline in percent, rounded to one decimal; null without a baseline or when the baseline
 * is 0 (a percent of nothing means nothing).
 */
export function changeFromBaselinePercent(baseline: number | null | undefined, score: number): number | null {
  if (baseline === null || baseline === undefined || baseline === 0) return null;
  return Math.round(((score - baseline) / Math.abs(baseline)) * 1000) / 10;
}

/** True when the change is an improvement on this scale. */
export function isImprovement(scale: OutcomeScale, baseline: number, score: number): boolean {
  return scale.lowerIsBetter ? score < baseline : score > baseline;
}
