import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PERMISSION_MATRIX } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { independentTransaction } from '../database/request-transaction';
import { InvalidFieldError, UnauthorizedError } from '../common/problems/domain-error';
import { Organization } from '../organizations/organization.entity';
import { StaffMember } from '../staff/staff-member.entity';
import type { Actor, RequestOrigin } from './actor';
import { AuthSessionService, type IssuedSession } from './auth-session.service';
import type { CurrentUserDto } from './auth.dto';
import { LoginThrottleService } from './login-throttle.service';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords';

const INVALID_CREDENTIALS = 'The email or password is not correct';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: AuthSessionService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Signs in with email and password. Unknown email and wrong password get the same answer. Attempts on one email
   * take turns (advisory lock), so parallel guesses cannot slip past the throttle between its check and its count.
   */
  async login(emailTyped: string, password: string, origin: RequestOrigin, previousToken?: string): Promise<IssuedSession & { user: CurrentUserDto }> {
    const email = emailTyped.trim().toLowerCase();
    const outcome = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`skinledger.login:${email}`]);
      await this.throttle.assertAllowed(manager, email, origin.ip);
      // Before anyone is signed in the organization is unknown: this SECURITY DEFINER function finds the account's
      // and scopes the rest of the transaction to it, so the account itself is then read under row-level security.
      await manager.query(`SELECT * FROM auth_login_candidate($1)`, [email]);

      const staffMember = await manager
        .getRepository(StaffMember)
        .createQueryBuilder('s')
        .addSelect('s.passwordHash')
        .where('s.email = :email', { email })
        .getOne();
      const passwordMatches = await verifyPassword(staffMember?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!staffMember || !passwordMatches || !staffMember.isActive) {
        // Recorded and committed: the failure must count even though the request fails.
        await this.throttle.recordFailure(manager, email, origin.ip);
        if (staffMember) {
          await this.audit.record(manager, { ...origin, organizationId: staffMember.organizationId, staffMemberId: staffMember.id }, {
            action: 'auth.login_failed',
            entityType: 'staff_member',
            entityId: staffMember.id,
            changes: staffMember.isActive ? null : { reason: { to: 'account deactivated' } },
          });
        }
        return { signedIn: false } as const;
      }

      await this.throttle.clearAccount(manager, email);
      // The browser's earlier session (whoever it belonged to) ends: one browser, one session.
      if (previousToken) await this.sessions.revokeToken(manager, previousToken, 'replaced by a new sign-in');
      const issued = await this.sessions.issue(manager, staffMember, origin);
      await this.audit.record(manager, { ...origin, organizationId: staffMember.organizationId, staffMemberId: staffMember.id }, {
        action: 'auth.login',
        entityType: 'staff_member',
        entityId: staffMember.id,
      });
      return { signedIn: true, issued, user: await this.currentUser(staffMember.id, manager) } as const;
    });
    if (!outcome.signedIn) throw new UnauthorizedError(INVALID_CREDENTIALS, 'invalid-credentials');
    return { ...outcome.issued, user: outcome.user };
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
    // Guessing the current password from a borrowed session counts against the same limit as sign-in.
    await this.throttle.assertAllowed(this.dataSource.manager, actor.email, actor.ip);
    const staffMember = await this.dataSource
      .getRepository(StaffMember)
      .createQueryBuilder('s')
      .addSelect('s.passwordHash')
      .where('s.id = :id', { id: actor.staffMemberId })
      .getOneOrFail();
    if (!(await verifyPassword(staffMember.passwordHash, currentPassword))) {
      // Its own transaction: the request's rolls back with the error, the count must stay.
      await independentTransaction(this.dataSource, actor.organizationId, (manager) => this.throttle.recordFailure(manager, actor.email, actor.ip));
      throw new InvalidFieldError('currentPassword', 'is not your current password');
    }
    if (currentPassword === newPassword) throw new InvalidFieldError('newPassword', 'must differ from the current password');
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(StaffMember, { id: staffMember.id }, { passwordHash });
      await this.sessions.revokeAllFor(manager, staffMember.id, 'password changed', actor.sessionId);
      await this.audit.record(manager, actor, {
        action: 'auth.password_changed',
        entityType: 'staff_member',
        entityId: staffMember.id,
      });
    });
  }

  async currentUser(staffMemberId: string, manager: EntityManager = this.dataSource.manager): Promise<CurrentUserDto> {
    const staffMember = await manager.getRepository(StaffMember).findOneByOrFail({ id: staffMemberId });
    const organization = await manager.getRepository(Organization).findOneByOrFail({ id: staffMember.organizationId });
    return {
      id: staffMember.id,
      email: staffMember.email,
      name: staffMember.name,
      role: staffMember.role,
      organizationId: staffMember.organizationId,
      organizationName: organization.name,
      permissions: [...PERMISSION_MATRIX[staffMember.role]],
      defaultLocationId: staffMember.defaultLocationId,
    };
  }
}
