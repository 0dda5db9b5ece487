/**
 * Practitioner licences and the deepest needle each may use (domain.md section 1: who may do what is set by
 * local law; the app checks a session's maximum depth against a per-licence limit table held in configuration).
 * These are the defaults; an organization may lower them, never raise them past the device maximum.
 */
import type { CredentialCheckCode } from '../codes/staff';
import { readable, type Readable } from '../locale/readable';

export const DEVICE_MAX_DEPTH_MM = 2.5;
/** A session whose deepest zone is at least this deep is medical needling (domain.md section 1). */
export const MEDICAL_DEPTH_THRESHOLD_MM = 0.5;

export const LICENCE_TYPES = [
  'physician',
  'physician_assistant',
  'nurse_practitioner',
  'registered_nurse',
  'licensed_aesthetician',
  'other',
] as const;
export type LicenceType = (typeof LICENCE_TYPES)[number];

export const LICENCE_TYPE_LABELS: Record<LicenceType, string> = {
  physician: 'Physician (MD/DO)',
  physician_assistant: 'Physician assistant',
  nurse_practitioner: 'Nurse practitioner',
  registered_nurse: 'Registered nurse',
  licensed_aesthetician: 'Licensed aesthetician',
  other: 'Other',
};

/** Default deepest depth in mm per licence type. Aestheticians: many US states stop at 0.3 mm (domain.md 1). */
export const DEFAULT_LICENCE_MAX_DEPTH_MM: Record<LicenceType, number> = {
  physician: DEVICE_MAX_DEPTH_MM,
  physician_assistant: DEVICE_MAX_DEPTH_MM,
  nurse_practitioner: DEVICE_MAX_DEPTH_MM,
  registered_nurse: DEVICE_MAX_DEPTH_MM,
  licensed_aesthetician: 0.3,
  other: 0,
};

export interface PractitionerCredential {
  licenceType: LicenceType;
  expiresOn: string; // YYYY-MM-DD
}

/** A credential counts on a date when it has not expired: valid through its expiry date inclusive. */
export function isCredentialCurrent(credential: PractitionerCredential, onDate: string): boolean {
  return credential.expiresOn >= onDate;
}

/** The deepest depth (mm) the practitioner's current credentials allow on a date; 0 when none is current. */
export function maxDepthAllowedMm(
  credentials: readonly PractitionerCredential[],
  onDate: string,
  limits: Record<LicenceType, number> = DEFAULT_LICENCE_MAX_DEPTH_MM,
): number {
  return credentials
    .filter((c) => isCredentialCurrent(c, onDate))
    .reduce((max, c) => Math.max(max, Math.min(limits[c.licenceType] ?? 0, DEVICE_MAX_DEPTH_MM)), 0);
}

export function mayPerformMedicalNeedling(
  credentials: readonly PractitionerCredential[],
  onDate: string,
  limits?: Record<LicenceType, number>,
): boolean {
  return maxDepthAllowedMm(credentials, onDate, limits) >= MEDICAL_DEPTH_THRESHOLD_MM;
}

/** A type, not an interface: it is a RuleViolation (an open record) where the API reports it. */
export type CredentialViolation = {
  code: CredentialCheckCode;
  message: string;
};

/**
 * The licence rule (domain.md section 1), for booking and the preflight alike: no licence on file or none current
 * on the day means no treating at all; otherwise the current licences must allow `depthMm` (medical needling asks
 * for MEDICAL_DEPTH_THRESHOLD_MM). Null when the practitioner may treat. Zone by zone, the same limit is applied by
 * evaluateZoneDepths through maxDepthAllowedMm.
 */
export function credentialViolation(
  credentials: readonly PractitionerCredential[],
  onDate: string,
  depthMm = 0,
  limits: Record<LicenceType, number> = DEFAULT_LICENCE_MAX_DEPTH_MM,
  words: Readable = readable(),
): CredentialViolation | null {
  if (credentials.length === 0) return { code: 'credential-missing', message: 'The practitioner has no licence on file: no treating' };
  if (!credentials.some((c) => isCredentialCurrent(c, onDate))) {
    const lastExpiry = credentials.map((c) => c.expiresOn).sort().at(-1);
    return {
      code: 'credential-expired',
      message: `The practitioner's licence expired on ${lastExpiry ? words.date(lastExpiry) : 'an earlier date'}: no treating on ${words.date(onDate)}`,
    };
  }
  if (maxDepthAllowedMm(credentials, onDate, limits) < depthMm) {
    return {
      code: 'credential-insufficient',
      message:
        depthMm >= MEDICAL_DEPTH_THRESHOLD_MM
          ? `Medical needling (${MEDICAL_DEPTH_THRESHOLD_MM} mm or deeper) needs a practitioner whose current licence allows it`
          : `Needling to ${depthMm} mm needs a practitioner whose current licence allows it`,
    };
  }
  return null;
}

/**
 * The last day on which some licence allowing `depthMm` is current (licences are valid through their expiry date);
 * null when none allows that depth. Availability offers medical slots only up to it.
 */
export function licensedForDepthThrough(
  credentials: readonly PractitionerCredential[],
  depthMm: number,
  limits: Record<LicenceType, number> = DEFAULT_LICENCE_MAX_DEPTH_MM,
): string | null {
  const allowing = credentials.filter((c) => Math.min(limits[c.licenceType] ?? 0, DEVICE_MAX_DEPTH_MM) >= depthMm);
  return allowing.map((c) => c.expiresOn).sort().at(-1) ?? null;
}
