import { PATIENT_RULE_CODES } from './patients';
import { CREDENTIAL_CHECK_CODES } from './staff';
import { SCREENING_CODES } from './screening';

/** Every booking rule an appointment can break (422 `violations`), all listed at once. */
export const BOOKING_RULE_CODES = [
  ...PATIENT_RULE_CODES,
  'location-inactive',
  'room-not-at-location',
  'room-inactive',
  'practitioner-inactive',
  'practitioner-time-off',
  'outside-working-hours',
  'service-inactive',
  ...CREDENTIAL_CHECK_CODES,
  'medical-interval',
] as const;
export type BookingRuleCode = (typeof BOOKING_RULE_CODES)[number];

/** Booking a whole course: its own rules on top of each session's booking rules. */
export const COURSE_RULE_CODES = ['course-interval-too-short', 'session-without-slot'] as const;
export type CourseRuleCode = (typeof COURSE_RULE_CODES)[number];

/**
 * Putting a patient on the waitlist (422 `violations`, all at once): the range must still have a day to come and span
 * at most a year; an archived patient, an inactive service or practitioner are refused under booking's codes.
 */
export const WAITLIST_RULE_CODES = [
  'waitlist-range-over',
  'waitlist-range-too-long',
  'patient-archived',
  'service-inactive',
  'practitioner-inactive',
] as const;
export type WaitlistRuleCode = (typeof WAITLIST_RULE_CODES)[number];

/**
 * Online booking's own rule on top of the booking rules (issue 16): a service open to existing patients only is
 * booked online by a patient with a completed consultation or a signed medical-needling session in the last 12 months.
 */
export const ONLINE_BOOKING_RULE_CODES = ['existing-patients-only'] as const;
export type OnlineBookingRuleCode = (typeof ONLINE_BOOKING_RULE_CODES)[number];

/**
 * Check-in: a missing consent, an archived patient, or a screening finding. Roles that do not read clinical records
 * get `clinical-review` instead of the finding (least privilege for health information).
 */
export const CHECK_IN_CODES = ['consent-missing', 'clinical-review', ...PATIENT_RULE_CODES] as const;
export type CheckInCode = (typeof CHECK_IN_CODES)[number];

/** What a check-in blocker or warning is about: a check-in code or a screening finding's id. */
export const CHECK_IN_ISSUE_CODES = [...CHECK_IN_CODES, ...SCREENING_CODES] as const;
export type CheckInIssueCode = (typeof CHECK_IN_ISSUE_CODES)[number];
