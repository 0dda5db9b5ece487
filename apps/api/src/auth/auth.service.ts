import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PERMISSION_MATRIX } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { InvalidFieldError, UnauthorizedError } from '../common/problems/domain-error';
import { StaffService, type StaffAccount } from '../staff/staff.service';
import type { Actor, RequestOrigin } from '../common/access/actor';
import { AuthSessionService, type IssuedSession } from './auth-session.service';
import type { CurrentUserDto } from './auth.dto';
import { LoginThrottleService } from './login-throttle.service';
import { MfaEnforcement } from './mfa/mfa-enforcement';
import { deletePendingLogin, findPendingLogin, insertPendingLogin, scopeToOrganization } from './mfa/mfa.queries';
import { MfaService, type SecondFactor } from './mfa/mfa.service';
import { PasswordConfirmationService } from './password-confirmation.service';
import { assertAcceptablePassword } from '../common/security/password-policy';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../common/security/passwords';
import { lockSignInsOf, scopeToSignInCandidate } from './sign-in.queries';

const INVALID_CREDENTIALS = 'The email or password is not correct';
/** How long the step between a right password and the code stays open. */
export const MFA_PENDING_SECONDS = 5 * 60;

export type SignedIn = IssuedSession & { user: CurrentUserDto };
export type LoginOutcome = { kind: 'session'; issued: SignedIn } | { kind: 'mfa-required'; pendingToken: string };

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function sourceOf(staffMember: StaffAccount, origin: RequestOrigin) {
  return { ...origin, organizationId: staffMember.organizationId, staffMemberId: staffMember.id };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: AuthSessionService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly mfa: MfaService,
    private readonly confirmation: PasswordConfirmationService,
    private readonly staff: StaffService,
    private readonly mfaEnforcement: MfaEnforcement,
  ) {}

  /**
   * Signs in with email and password. Unknown email and wrong password get the same answer. Attempts on one email
   * take turns (advisory lock), so parallel guesses cannot slip past the throttle between its check and its count.
   * With MFA on, a right password opens only a short pending step (its token goes in an httpOnly cookie); the run
   * of failures is not cleared until the code is right too, so codes cannot be guessed between right passwords.
   */
  async login(emailTyped: string, password: string, origin: RequestOrigin, previousToken?: string): Promise<LoginOutcome> {
    const email = emailTyped.trim().toLowerCase();
    const outcome = await this.dataSource.transaction(async (manager) => {
      await lockSignInsOf(manager, email);
      await this.throttle.assertAllowed(manager, email, origin.ip);
      await scopeToSignInCandidate(manager, email);

      const staffMember = await this.staff.signInAccount(manager, email);
      const passwordMatches = await verifyPassword(staffMember?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!staffMember || !passwordMatches || !staffMember.isActive) {
        // Recorded and committed: the failure must count even though the request fails.
        await this.throttle.recordFailure(manager, email, origin.ip);
        if (staffMember) {
          await this.audit.record(manager, sourceOf(staffMember, origin), {
            action: 'auth.login_failed',
            entityType: 'staff_member',
            entityId: staffMember.id,
            changes: staffMember.isActive ? null : { reason: { to: 'account deactivated' } },
          });
        }
        return { signedIn: false } as const;
      }

      await scopeToOrganization(manager, staffMember.organizationId);
      if (await this.mfa.isEnabled(manager, staffMember.organizationId, staffMember.id)) {
        const pendingToken = randomBytes(32).toString('base64url');
        await insertPendingLogin(manager, hashToken(pendingToken), staffMember.id, staffMember.email, origin.ip, MFA_PENDING_SECONDS);
        await this.audit.record(manager, sourceOf(staffMember, origin), {
          action: 'auth.login_mfa_challenged',
          entityType: 'staff_member',
          entityId: staffMember.id,
        });
        return { signedIn: true, outcome: { kind: 'mfa-required', pendingToken } } as const;
      }
      return { signedIn: true, outcome: { kind: 'session', issued: await this.openSession(manager, staffMember, origin, previousToken, 'password') } } as const;
    });
    if (!outcome.signedIn) throw new UnauthorizedError(INVALID_CREDENTIALS, 'invalid-credentials');
    return outcome.outcome;
  }

  /**
   * The second step: the pending token from the cookie and a TOTP code or a recovery code. A wrong code counts
   * against the account's sign-in throttle like a wrong password.
   */
  async completeMfaLogin(pendingToken: string | undefined, factor: SecondFactor, origin: RequestOrigin, previousToken?: string): Promise<SignedIn> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const pending = pendingToken ? await findPendingLogin(manager, hashToken(pendingToken)) : null;
      if (pending) await scopeToSignInCandidate(manager, pending.email);
      const staffMember = pending ? await this.staff.signInAccount(manager, pending.email) : null;
      if (!pending || staffMember?.id !== pending.staffMemberId || !staffMember.isActive) return { kind: 'expired' } as const;
      await lockSignInsOf(manager, staffMember.email);
      await this.throttle.assertAllowed(manager, staffMember.email, origin.ip);
      await scopeToOrganization(manager, staffMember.organizationId);

      const accepted = await this.mfa.verify(manager, staffMember.organizationId, staffMember.id, factor);
      if (accepted === 'rejected' || accepted === 'none') {
        await this.throttle.recordFailure(manager, staffMember.email, origin.ip);
        await this.audit.record(manager, sourceOf(staffMember, origin), {
          action: 'auth.mfa_failed',
          entityType: 'staff_member',
          entityId: staffMember.id,
          changes: { method: { to: factor.recoveryCode ? 'recovery-code' : 'totp' } },
        });
        return { kind: 'rejected' } as const;
      }
      await deletePendingLogin(manager, hashToken(pendingToken as string));
      return { kind: 'signed-in', issued: await this.openSession(manager, staffMember, origin, previousToken, accepted) } as const;
    });
    if (outcome.kind === 'expired') throw new UnauthorizedError('This sign-in has expired. Enter your email and password again.', 'mfa-login-expired');
    if (outcome.kind === 'rejected') throw new UnauthorizedError('The code is not correct', 'invalid-mfa-code');
    return outcome.issued;
  }

  private async openSession(
    manager: EntityManager,
    staffMember: StaffAccount,
    origin: RequestOrigin,
    previousToken: string | undefined,
    method: 'password' | 'totp' | 'recovery-code',
  ): Promise<SignedIn> {
    await this.throttle.clearAccount(manager, staffMember.email);
    // The browser's earlier session (whoever it belonged to) ends: one browser, one session.
    if (previousToken) await this.sessions.revokeToken(manager, previousToken, 'replaced by a new sign-in');
    const issued = await this.sessions.issue(manager, staffMember, origin);
    await this.audit.record(manager, sourceOf(staffMember, origin), {
      action: 'auth.login',
      entityType: 'staff_member',
      entityId: staffMember.id,
      changes: method === 'password' ? null : { secondFactor: { to: method } },
    });
    return { ...issued, user: await this.describe(manager, staffMember) };
  }

  async logout(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, actor.sessionId, 'logout');
      await this.audit.record(manager, actor, { action: 'auth.logout', entityType: 'staff_member', entityId: actor.staffMemberId });
    });
  }

  /**
   * Staff change their own password by proving the current one. Their other sessions end (a stolen session
   * must not outlive the password it was opened with); the one in use stays.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    // Guessing the current password from a borrowed session counts as a re-confirmation (its own throttle).
    await this.confirmation.confirm(actor, currentPassword, 'currentPassword', 'is not your current password');
    if (currentPassword === newPassword) throw new InvalidFieldError('newPassword', 'must differ from the current password');
    assertAcceptablePassword('newPassword', newPassword, { email: actor.email, name: actor.name });
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.staff.replacePasswordHash(manager, actor.organizationId, actor.staffMemberId, passwordHash);
      await this.sessions.revokeAllFor(manager, actor.staffMemberId, 'password changed', actor.sessionId);
      await this.audit.record(manager, actor, {
        action: 'auth.password_changed',
        entityType: 'staff_member',
        entityId: actor.staffMemberId,
      });
    });
  }

  async currentUser(actor: Actor): Promise<CurrentUserDto> {
    const manager = this.dataSource.manager;
    return this.describe(manager, await this.staff.account(manager, actor.organizationId, actor.staffMemberId), actor.mfaEnrolmentMissing);
  }

  private async describe(manager: EntityManager, account: StaffAccount, enrolmentMissing?: boolean): Promise<CurrentUserDto> {
    const mfa = await this.mfaEnforcement.enrolment(manager, account.organizationId, account.id, account.role, enrolmentMissing);
    return {
      id: account.id,
      email: account.email,
      name: account.name,
      role: account.role,
      organizationId: account.organizationId,
      organizationName: account.organizationName,
      organizationLocale: account.organizationLocale,
      permissions: [...PERMISSION_MATRIX[account.role]],
      defaultLocationId: account.defaultLocationId,
      mfaEnabled: mfa.enrolled,
      mfaEnrollmentRequired: mfa.mustEnrol,
    };
  }
}
