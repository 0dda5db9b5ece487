import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffAccountSecurity } from '../staff/staff-account-security';
import { AuthSessionService } from './auth-session.service';
import { deleteMfa, hasActiveAuthenticator, staffWithMfa } from './mfa/mfa.queries';

/** The sign-in feature's answer to the staff screens (STAFF_ACCOUNT_SECURITY): sessions and two-step sign-in. */
@Injectable()
export class AuthStaffAccountSecurity implements StaffAccountSecurity {
  constructor(private readonly sessions: AuthSessionService) {}

  endSessions(manager: EntityManager, staffMemberId: string, reason: string, exceptSessionId?: string): Promise<number> {
    return this.sessions.revokeAllFor(manager, staffMemberId, reason, exceptSessionId);
  }

  staffWithMfa(manager: EntityManager, organizationId: string): Promise<Set<string>> {
    return staffWithMfa(manager, organizationId);
  }

  hasMfa(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<boolean> {
    return hasActiveAuthenticator(manager, organizationId, staffMemberId);
  }

  /** An owner removes a staff member's authenticator (lost phone); they enrol again at the next sign-in. */
  resetMfa(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<boolean> {
    return deleteMfa(manager, organizationId, staffMemberId);
  }
}
