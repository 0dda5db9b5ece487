import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { verifyPassword } from '../auth/passwords';
import { InvalidFieldError } from '../common/problems/domain-error';
import { StaffMember } from '../staff/staff-member.entity';

/**
 * The signed-in staff member proves they are back at the tablet (witnessing, leaving the kiosk) by re-entering their
 * password. Wrong guesses count against the sign-in throttle, so a patient holding the tablet cannot try many.
 */
@Injectable()
export class StaffPasswordCheck {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottleService,
  ) {}

  async assert(actor: Actor, password: string): Promise<void> {
    await this.throttle.assertAllowed(this.dataSource.manager, actor.email, actor.ip);
    const staffMember = await this.dataSource
      .getRepository(StaffMember)
      .createQueryBuilder('s')
      .addSelect('s.passwordHash')
      .where('s.id = :id AND s.organization_id = :org', { id: actor.staffMemberId, org: actor.organizationId })
      .getOneOrFail();
    if (!(await verifyPassword(staffMember.passwordHash, password))) {
      await this.throttle.recordFailure(this.dataSource.manager, actor.email, actor.ip);
      throw new InvalidFieldError('password', `is not the password of ${actor.name}`);
    }
  }
}
