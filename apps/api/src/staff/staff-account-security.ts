import type { EntityManager } from 'typeorm';

/**
 * What managing staff asks of the sign-in feature, in the caller's transaction: ending a person's sessions (a
 * deactivation, password reset or role change), their two-step sign-in status, and the owner's reset of it. Staff
 * defines it, auth provides it (`STAFF_ACCOUNT_SECURITY`), so staff never depends on auth's classes and auth may
 * read staff through StaffService.
 */
export interface StaffAccountSecurity {
  /** Ends every open session of the account except `exceptSessionId`; returns how many ended. */
  endSessions(manager: EntityManager, staffMemberId: string, reason: string, exceptSessionId?: string): Promise<number>;
  /** Staff of the organization with an activated authenticator. */
  staffWithMfa(manager: EntityManager, organizationId: string): Promise<Set<string>>;
  hasMfa(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<boolean>;
  /** Removes the authenticator and recovery codes; true when there was an authenticator. */
  resetMfa(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<boolean>;
}

export const STAFF_ACCOUNT_SECURITY = Symbol('StaffAccountSecurity');
