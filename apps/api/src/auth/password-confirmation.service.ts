import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidFieldError } from '../common/problems/domain-error';
import { independentTransaction } from '../database/request-transaction';
import { StaffMember } from '../staff/staff-member.entity';
import type { Actor } from './actor';
import { LoginThrottleService } from './login-throttle.service';
import { verifyPassword } from './passwords';

/**
 * Re-confirms the signed-in staff member's password before an act that carries their signature or needs them back at
 * the tablet (signing a treatment record, witnessing a consent, leaving the signing kiosk). Wrong guesses count
 * against the sign-in throttle, so a borrowed session or a patient holding the tablet cannot try many.
 */
@Injectable()
export class PasswordConfirmationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottleService,
  ) {}

  async confirm(actor: Actor, password: string, field = 'password'): Promise<void> {
    await this.throttle.assertAllowed(this.dataSource.manager, actor.email, actor.ip);
    const staffMember = await this.dataSource
      .getRepository(StaffMember)
      .createQueryBuilder('s')
      .addSelect('s.passwordHash')
      .where('s.id = :id AND s.organization_id = :org', { id: actor.staffMemberId, org: actor.organizationId })
      .getOneOrFail();
    if (!(await verifyPassword(staffMember.passwordHash, password))) {
      // Its own transaction: the request's rolls back with the error, the count must stay.
      await independentTransaction(this.dataSource, actor.organizationId, (manager) => this.throttle.recordFailure(manager, actor.email, actor.ip));
      throw new InvalidFieldError(field, `is not the password of ${actor.name}`);
    }
  }
}
