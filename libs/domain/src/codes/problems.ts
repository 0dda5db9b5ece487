/**
 * Problem codes: the last segment of a problem document's `type` (`urn:skinledger:problem:<code>`), one per way a
 * request can fail. Grouped by the HTTP status they answer with. Kebab-case, like every code in this catalog.
 */
import { PASSWORD_PROBLEM_CODES } from './staff';

/** 400, 413, 414, 415: the request itself is unreadable, too large or of the wrong kind. */
export const REQUEST_PROBLEM_CODES = [
  'validation',
  'bad-request',
  'malformed-json',
  'malformed-value',
  'out-of-range',
  'json-too-deep',
  'bad-content-length',
  'bad-url',
  'uri-too-long',
  'body-too-large',
  'payload-too-large',
  'unsupported-media-type',
] as const;
export type RequestProblemCode = (typeof REQUEST_PROBLEM_CODES)[number];

/** 401: who is asking is not established. */
export const UNAUTHENTICATED_CODES = ['unauthenticated', 'invalid-credentials', 'mfa-login-expired', 'invalid-mfa-code'] as const;
export type UnauthenticatedCode = (typeof UNAUTHENTICATED_CODES)[number];

/** 403: known, but not allowed. */
export const FORBIDDEN_CODES = [
  'forbidden',
  'no-policy',
  'csrf',
  'permission',
  'mfa-enrollment-required',
  'role-assignment',
  'password-reset',
  'not-treating-practitioner',
] as const;
export type ForbiddenCode = (typeof FORBIDDEN_CODES)[number];

/** 404: nothing there (in the actor's organization). */
export const NOT_FOUND_CODES = ['not-found', 'unknown-gtin', 'unknown-hibc-product'] as const;
export type NotFoundCode = (typeof NOT_FOUND_CODES)[number];

/** 409: the request is fine but the records' current state refuses it. */
export const CONFLICT_CODES = [
  // Raised by the database (constraints, triggers, serialization) through the one filter.
  'duplicate',
  'overlap',
  'immutable',
  'concurrent-change',
  // Requests and set-up.
  'idempotency-key-in-use',
  'idempotency-key-taken-over',
  'already-set-up',
  'location-name-taken',
  // Sign-in and staff.
  'mfa-already-enabled',
  'mfa-not-enrolling',
  'mfa-not-enabled',
  'email-taken',
  // Patients and consents.
  'duplicate-patient',
  'patient-archived',
  'stale-version',
  'already-approved',
  'not-signed',
  'already-signed',
  'already-witnessed',
  'already-revoked',
  'consent-revoked',
  'consent-superseded',
  // Issue 16: only a self-registered record has an identity to verify; a possible duplicate already dismissed or
  // merged; a merge that would have to change a signed or append-only record; a merged record cannot come back.
  'identity-not-self-registered',
  'duplicate-resolved',
  'merge-blocked',
  'patient-merged',
  // A pending consent prepared before the treating practitioner was recorded: prepared again, not signed.
  'practitioner-not-recorded',
  // Consents are prepared for an appointment still to come or in progress, not a cancelled or finished one.
  'appointment-closed',
  // Scheduling.
  'double-booking',
  'name-taken',
  'not-reschedulable',
  'illegal-transition',
  'plan-already-booked',
  // The waitlist: the entry is booked, removed or past its range; the offered start is no longer free; the offer was
  // already booked (or its entry closed); someone else booked the offered slot first.
  'waitlist-entry-closed',
  'slot-not-free',
  'offer-closed',
  'offer-slot-taken',
  // Online booking: the time asked for is held or booked already; a change through the manage link asked for inside
  // the clinic's online cancellation window (the patient is told to call).
  'slot-taken',
  'inside-cancellation-window',
  // Treatment.
  'appointment-not-checked-in',
  'appointment-has-session',
  'session-signed',
  // Inventory.
  'gtin-taken',
  'hibc-device-id-taken',
  'serial-number-taken',
  'device-retired',
  'insufficient-stock',
  'lot-expiry-mismatch',
  'lot-on-hold',
  'lot-not-quarantined',
  'lot-already-recalled',
] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

/** 410: it was there, and is no more (an online hold past its ten minutes, or ended by wrong codes or a refusal). */
export const GONE_CODES = ['hold-expired', 'hold-ended'] as const;
export type GoneCode = (typeof GONE_CODES)[number];

/** 422: well-formed, but a rule refuses it (the rules broken are listed in `violations`). */
export const UNPROCESSABLE_CODES = ['rule-violation', 'reference', 'check', 'idempotency-key-reused', ...PASSWORD_PROBLEM_CODES] as const;
export type UnprocessableCode = (typeof UNPROCESSABLE_CODES)[number];

/** 429. */
export const TOO_MANY_REQUESTS_CODES = ['too-many-requests'] as const;

/** 5xx: the server's side; nothing the client sent is wrong. */
export const SERVER_PROBLEM_CODES = ['internal', 'not-committed', 'photo-integrity', 'database-unavailable', 'not-ready'] as const;

/** Any other HTTP error a framework raised without a code of its own (the status says which). */
export const HTTP_FALLBACK_CODES = ['http-error'] as const;

export const PROBLEM_CODES = [
  ...REQUEST_PROBLEM_CODES,
  ...UNAUTHENTICATED_CODES,
  ...FORBIDDEN_CODES,
  ...NOT_FOUND_CODES,
  ...CONFLICT_CODES,
  ...GONE_CODES,
  ...UNPROCESSABLE_CODES,
  ...TOO_MANY_REQUESTS_CODES,
  ...SERVER_PROBLEM_CODES,
  ...HTTP_FALLBACK_CODES,
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const PROBLEM_TYPE_PREFIX = 'urn:skinledger:problem:';
/** A problem document's `type`: the code as a URN. */
export type ProblemType = `${typeof PROBLEM_TYPE_PREFIX}${ProblemCode}`;

export function problemTypeOf(code: ProblemCode): ProblemType {
  return `${PROBLEM_TYPE_PREFIX}${code}`;
}

export const PROBLEM_TYPES: readonly ProblemType[] = PROBLEM_CODES.map(problemTypeOf);
