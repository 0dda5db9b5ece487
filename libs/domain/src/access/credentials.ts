/**
 * Practitioner licences and the deepest needle each may use (domain.md section 1: who may do what is set by
 * local law; the app checks a session's maximum depth against a per-licence limit table held in configuration).
 * These are the defaults; an organization may lower them, never raise them past the device maximum.
 */
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
