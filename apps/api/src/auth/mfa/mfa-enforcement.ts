import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffRole } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import { mfaEnrolmentStatus, scopeToOrganization } from './mfa.queries';

/** Whether a signed-in staff member must enrol before doing anything else (the clinic's mfaRequiredRoles). */
@Injectable()
export class MfaEnforcement {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async enrolmentMissing(staffMember: { id: string; organizationId: string; role: StaffRole }): Promise<boolean> {
    // Its own short transaction, scoped to the organization so it reads the same under row-level security.
    const status = await this.dataSource.transaction(async (manager) => {
      await scopeToOrganization(manager, staffMember.organizationId);
      return mfaEnrolmentStatus(manager, staffMember.organizationId, staffMember.id, staffMember.role);
    });
    return status.required && !status.enrolled;
  }
}
