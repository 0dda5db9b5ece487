import type { ClinicLocale, StaffRole } from '@skinledger/domain';

/** What a signed-in request needs of its session and staff member. */
export interface ActiveSession {
  sessionId: string;
  csrfToken: string;
  staffMemberId: string;
  organizationId: string;
  role: StaffRole;
  name: string;
  email: string;
  /** The organization's English variant, for the request's messages. */
  locale: ClinicLocale;
  /** Their role must use two-step sign-in (the clinic's rule) and they have not enrolled yet. */
  mfaEnrolmentMissing: boolean;
  /** The clinic calendar's time zone for them, resolved with the session (see clinicTimeZone). */
  clinicTimeZone: string;
}

/**
 * What the access kernel asks of the sign-in feature: the live session behind a cookie token (opening the
 * request's transaction), with whether the person must enrol in two-step sign-in first. The auth module provides
 * it, so the guard every module relies on does not depend on the login feature's classes.
 */
export interface SessionResolver {
  resolveForRequest(token: string): Promise<ActiveSession | undefined>;
}

export const SESSION_RESOLVER = Symbol('SessionResolver');
