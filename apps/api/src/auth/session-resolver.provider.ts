import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@skinledger/domain';
import type { ActiveSession, SessionResolver } from '../common/access/session-resolver';
import { AuthSessionService } from './auth-session.service';
import { MfaEnforcement } from './mfa/mfa-enforcement';

/** The sign-in feature's answer to the access kernel: sessions from AuthSessionService, MFA from the clinic's rule. */
@Injectable()
export class AuthSessionResolver implements SessionResolver {
  constructor(
    private readonly sessions: AuthSessionService,
    private readonly mfaEnforcement: MfaEnforcement,
  ) {}

  resolveForRequest(token: string): Promise<ActiveSession | undefined> {
    return this.sessions.resolveForRequest(token);
  }

  mfaEnrolmentMissing(staffMember: { id: string; organizationId: string; role: StaffRole }): Promise<boolean> {
    return this.mfaEnforcement.enrolmentMissing(staffMember);
  }
}
