import { CONSENT_RULE_CODES } from './consents';
import { PATIENT_RULE_CODES } from './patients';
import { BOOKING_RULE_CODES, CHECK_IN_CODES, COURSE_RULE_CODES, ONLINE_BOOKING_RULE_CODES, WAITLIST_RULE_CODES } from './scheduling';
import { PASSWORD_PROBLEM_CODES, PRACTITIONER_CHECK_CODES, STAFF_RULE_CODES } from './staff';
import { PREFLIGHT_CODES, SESSION_RULE_CODES } from './treatment';

/** Every code a 422's `violations` (or a checklist's blockers and warnings) can carry, each once, kebab-case. */
export type RuleCode =
  | (typeof BOOKING_RULE_CODES)[number]
  | (typeof COURSE_RULE_CODES)[number]
  | (typeof WAITLIST_RULE_CODES)[number]
  | (typeof ONLINE_BOOKING_RULE_CODES)[number]
  | (typeof CHECK_IN_CODES)[number]
  | (typeof PATIENT_RULE_CODES)[number]
  | (typeof CONSENT_RULE_CODES)[number]
  | (typeof PREFLIGHT_CODES)[number]
  | (typeof SESSION_RULE_CODES)[number]
  | (typeof STAFF_RULE_CODES)[number]
  | (typeof PRACTITIONER_CHECK_CODES)[number]
  | (typeof PASSWORD_PROBLEM_CODES)[number];

/** Several areas answer the same rule under the same code (`consent-missing`, `patient-archived`): listed once here. */
export const RULE_CODES: readonly RuleCode[] = [
  ...new Set<RuleCode>([
    ...PATIENT_RULE_CODES,
    ...BOOKING_RULE_CODES,
    ...COURSE_RULE_CODES,
    ...WAITLIST_RULE_CODES,
    ...ONLINE_BOOKING_RULE_CODES,
    ...CHECK_IN_CODES,
    ...CONSENT_RULE_CODES,
    ...PREFLIGHT_CODES,
    ...SESSION_RULE_CODES,
    ...STAFF_RULE_CODES,
    ...PRACTITIONER_CHECK_CODES,
    ...PASSWORD_PROBLEM_CODES,
  ]),
];
