/** Staff, credentials and passwords. */

/** Why a password is refused (NIST SP 800-63B); the first one is also the 422 problem's code. */
export const PASSWORD_PROBLEM_CODES = [
  'password-too-short',
  'password-breached',
  'password-repetitive',
  'password-contains-personal-info',
] as const;
export type PasswordProblemCode = (typeof PASSWORD_PROBLEM_CODES)[number];

/** Rules on the staff list itself. */
export const STAFF_RULE_CODES = ['self-deactivation', 'last-owner'] as const;
export type StaffRuleCode = (typeof STAFF_RULE_CODES)[number];

/**
 * The licence rule (domain.md section 1), one function (access/credentials.ts credentialViolation) for booking and the
 * treatment preflight: no licence on file, every licence expired on the day, or none allowing the depth.
 */
export const CREDENTIAL_CHECK_CODES = ['credential-missing', 'credential-expired', 'credential-insufficient'] as const;
export type CredentialCheckCode = (typeof CREDENTIAL_CHECK_CODES)[number];

export const CREDENTIAL_RULE_CODES = [...CREDENTIAL_CHECK_CODES] as const;
export type CredentialRuleCode = (typeof CREDENTIAL_RULE_CODES)[number];

/**
 * Who may be named as a patient's treating practitioner (access/practitioners.ts treatingPractitionerViolation): a
 * physician, nurse or aesthetician, active, with a licence current on the day (and allowing the depth planned).
 */
export const PRACTITIONER_CHECK_CODES = ['not-a-practitioner', 'practitioner-inactive', ...CREDENTIAL_CHECK_CODES] as const;
export type PractitionerCheckCode = (typeof PRACTITIONER_CHECK_CODES)[number];
