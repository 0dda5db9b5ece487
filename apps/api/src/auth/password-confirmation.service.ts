import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidFieldError } from '../common/problems/domain-error';
import { independentTransaction } from '../database/request-transaction';
import { StaffService } from '../staff/staff.service';
import type { Actor } from '../common/access/actor';
import { LoginThrottleService } from './login-throttle.service';
import { verifyPassword } from '../common/security/passwords';

/**
 * Re-confirms the signed-in staff member's password before an act that carries their signature or needs them back at
 * the tablet (signing a treatment record, witnessing a consent, leaving the signing kiosk, changing the password,
 * MFA enrolment). Wrong guesses count against a re-confirmation counter of their own, with the same backoff as
 * sign-in, so a borrowed session or a patient holding the tablet cannot try many, yet never block signing in.
 */
@Injectable()
export class PasswordConfirmationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly staff: StaffService,
  ) {}

  async confirm(actor: Actor, password: string, field = 'password', message = `is not the password of ${actor.name}`): Promise<void> {
    await this.throttle.assertAllowed(this.dataSource.manager, actor.email, actor.ip, 'password_confirmation');
    const passwordHash = await this.staff.passwordHash(this.dataSource.manager, actor.organizationId, actor.staffMemberId);
    if (!(await verifyPassword(passwordHash, password))) {
      // Its own transaction: the request's rolls back with the error, the count must stay.
      await this.recordFailure(actor);
      throw new InvalidFieldError(field, message);
    }
  }

  /** A wrong second factor after a right password (turning MFA off) counts the same way. */
  async recordFailure(actor: Actor): Promise<void> {
    await independentTransaction(this.dataSource, actor.organizationId, (manager) =>
      this.throttle.recordFailure(manager, actor.email, actor.ip, 'password_confirmation'),
    );
  }
}
