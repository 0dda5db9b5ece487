import type { PractitionerCheckCode } from '../codes/staff';
import { credentialViolation, DEFAULT_LICENCE_MAX_DEPTH_MM, type LicenceType, type PractitionerCredential } from './credentials';
import { isPractitionerRole, type StaffRole } from './roles';

/** What decides whether a staff member may be named as a patient's treating practitioner. */
export interface StaffPractitionerFacts {
  role: StaffRole;
  active: boolean;
  credentials: readonly PractitionerCredential[];
}

/** A type, not an interface: it is a RuleViolation (an open record) where the API reports it. */
export type PractitionerViolation = {
  code: PractitionerCheckCode;
  message: string;
};

/**
 * Who may be named as the treating practitioner, on a consent the patient signs or anywhere else a record says who
 * treats (domain.md section 1; roles.ts): a physician, nurse or aesthetician (the roles that hold practitioner
 * credentials), whose account is active, with a licence current on the day of the treatment (expired licence = no
 * treating) that allows the depth planned (`depthMm`; medical needling asks for MEDICAL_DEPTH_THRESHOLD_MM). An owner,
 * administrator or front-desk account is never the practitioner, whoever prepared the record. Null when they may be
 * named; `staff` null for someone who is not on the clinic's staff at all.
 */
export function treatingPractitionerViolation(
  staff: StaffPractitionerFacts | null,
  onDate: string,
  depthMm = 0,
  limits: Record<LicenceType, number> = DEFAULT_LICENCE_MAX_DEPTH_MM,
): PractitionerViolation | null {
  if (!staff || !isPractitionerRole(staff.role)) {
    return { code: 'not-a-practitioner', message: 'Only a physician, nurse or aesthetician of the clinic can be named as the treating practitioner' };
  }
  if (!staff.active) return { code: 'practitioner-inactive', message: 'The practitioner is deactivated' };
  return credentialViolation(staff.credentials, onDate, depthMm, limits);
}

/** True when the staff member may be named as the treating practitioner (treatingPractitionerViolation is null). */
export function isTreatingPractitioner(staff: StaffPractitionerFacts | null, onDate: string, depthMm = 0): boolean {
  return treatingPractitionerViolation(staff, onDate, depthMm) === null;
}
