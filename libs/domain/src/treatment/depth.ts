import { DEVICE_MAX_DEPTH_MM, MEDICAL_DEPTH_THRESHOLD_MM } from '../access/credentials';

/** Hard rule (domain.md section 2): SkinPen-class pens set depth in 0.25 mm steps from 0 to 2.5 mm. Not configurable. */
export const DEPTH_STEP_MM = 0.25;

/** Tolerance for floating-point depths such as 0.1 + 0.15. */
const DEPTH_EPSILON_MM = 1e-9;

/** The 11 depth settings of the device: 0, 0.25, ..., 2.5 mm. */
export const DEVICE_DEPTH_SETTINGS_MM: readonly number[] = Array.from(
  { length: Math.round(DEVICE_MAX_DEPTH_MM / DEPTH_STEP_MM) + 1 },
  (_, i) => i * DEPTH_STEP_MM,
);

/**
 * Default depth (mm) above which the maker has not evaluated safety, so the app warns (domain.md section 2).
 * Configurable per device; the device maximum itself is not.
 */
export const DEFAULT_EVALUATED_MAX_DEPTH_MM = 1.5;

export type ProcedureKind = 'cosmetic' | 'medical';

/** True for a depth the device can be set to: 0 to 2.5 mm in 0.25 mm steps (float-safe). */
export function isValidDeviceDepth(depthMm: number): boolean {
  if (!Number.isFinite(depthMm)) return false;
  if (depthMm < -DEPTH_EPSILON_MM || depthMm > DEVICE_MAX_DEPTH_MM + DEPTH_EPSILON_MM) return false;
  const steps = depthMm / DEPTH_STEP_MM;
  return Math.abs(steps - Math.round(steps)) < DEPTH_EPSILON_MM / DEPTH_STEP_MM;
}

/** True when a > b beyond floating-point noise. */
export function isDeeperThan(depthMm: number, limitMm: number): boolean {
  return depthMm - limitMm > DEPTH_EPSILON_MM;
}

/** True when the depth is medical needling depth: >= 0.5 mm (domain.md section 1; hard rule), float-safe. */
export function isMedicalDepth(depthMm: number): boolean {
  return depthMm >= MEDICAL_DEPTH_THRESHOLD_MM - DEPTH_EPSILON_MM;
}

/**
 * A session whose deepest zone is >= 0.5 mm is medical, otherwise cosmetic (domain.md section 1).
 * A session with no zones is cosmetic.
 */
export function classifyProcedure(zones: readonly { depthMm: number }[]): ProcedureKind {
  return zones.some((z) => isMedicalDepth(z.depthMm)) ? 'medical' : 'cosmetic';
}
