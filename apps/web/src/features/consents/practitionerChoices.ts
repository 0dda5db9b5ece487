import {
  consentPractitionerDepthMm,
  MEDICAL_DEPTH_THRESHOLD_MM,
  STAFF_ROLE_LABELS,
  treatingPractitionerViolation,
  type PractitionerCheckCode,
  type PractitionerCredential,
  type StaffRole,
} from '@skinledger/domain';

/** A staff member as the staff list gives them. */
export interface StaffForChoice {
  id: string;
  name: string;
  role: StaffRole;
  isActive: boolean;
  credentials: readonly PractitionerCredential[];
}

/** One option of the practitioner field: choosable, or shown with why not. */
export interface PractitionerChoice {
  value: string;
  label: string;
  disabled: boolean;
  /** Why they cannot be named on this consent today ("licence expired"), or null. */
  reason: string | null;
}

function reasonFor(code: PractitionerCheckCode, kind: string | null, depthMm: number): string {
  switch (code) {
    case 'credential-missing':
      return 'no licence on file';
    case 'credential-expired':
      return 'licence expired';
    case 'credential-insufficient':
      return kind === 'medical_needling' && depthMm === MEDICAL_DEPTH_THRESHOLD_MM ? 'licence does not cover medical needling' : `licence does not cover ${depthMm} mm`;
    case 'practitioner-inactive':
      return 'deactivated';
    case 'not-a-practitioner':
      return 'not a practitioner';
  }
}

/**
 * Who a consent of this kind may name as the treating practitioner today: every active physician, nurse and
 * aesthetician, by name; those the licence rule of libs/domain refuses (expired, or not deep enough for the consent)
 * are listed but not choosable, with the reason, so the dialog explains before the API refuses.
 */
export function practitionerChoices(staff: readonly StaffForChoice[], kind: string | null, depthMaxMm: number | null, today: string): PractitionerChoice[] {
  const depthMm = kind ? consentPractitionerDepthMm(kind, depthMaxMm) : 0;
  return [...staff]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => {
      const violation = treatingPractitionerViolation({ role: s.role, active: s.isActive, credentials: s.credentials }, today, depthMm);
      const reason = violation ? reasonFor(violation.code, kind, depthMm) : null;
      const label = `${s.name} · ${STAFF_ROLE_LABELS[s.role]}${reason ? ` (${reason})` : ''}`;
      return { value: s.id, label, disabled: reason !== null, reason };
    });
}

/** The practitioner the field starts with: the signed-in user when they may be named, otherwise nobody (required). */
export function defaultPractitionerId(choices: readonly PractitionerChoice[], userId: string): string | null {
  return choices.some((c) => c.value === userId && !c.disabled) ? userId : null;
}
