import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestOrigin } from '../common/access/actor';
import { assertAcceptablePassword } from '../common/security/password-policy';
import { hashPassword } from '../common/security/passwords';
import { ConsentTemplateDefaults } from '../consents/consent-template-defaults';
import { ConflictError } from '../common/problems/domain-error';
import { setTenant } from '../database/request-transaction';
import { Location } from '../organizations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { StaffMember } from '../staff/staff-member.entity';
import type { SetupDto, SetupResultDto } from './setup.dto';

/** First run: creates the practice, its first location and the owner account, exactly once. */
@Injectable()
export class SetupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly consentDefaults: ConsentTemplateDefaults,
  ) {}

  /** Asked before anyone is signed in, so through a SECURITY DEFINER yes/no rather than a read across organizations. */
  async needsSetup(manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [row]: { done: boolean }[] = await manager.query(`SELECT setup_is_complete() AS done`);
    return !row.done;
  }

  async setUp(input: SetupDto, origin: RequestOrigin): Promise<SetupResultDto> {
    assertAcceptablePassword('adminPassword', input.adminPassword, { email: input.adminEmail, name: input.adminName });
    const passwordHash = await hashPassword(input.adminPassword);
    return this.dataSource.transaction(async (manager) => {
      // Serializes concurrent first-run requests, so only one organization can ever be created this way.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('skinledger.setup'))`);
      if (!(await this.needsSetup(manager))) {
        throw new ConflictError('already-set-up', 'SkinLedger is already set up; sign in instead');
      }
      // The new organization is the transaction's tenant from its first row on (row-level security checks every insert).
      const organizationId = randomUUID();
      await setTenant(manager, organizationId);
      const organization = await manager.save(manager.create(Organization, { id: organizationId, name: input.organizationName, settings: {} }));
      const location = await manager.save(
        manager.create(Location, {
          organizationId: organization.id,
          name: input.locationName,
          timezone: input.timezone,
          address: '',
          phone: '',
          isActive: true,
        }),
      );
      const owner = await manager.save(
        manager.create(StaffMember, {
          organizationId: organization.id,
          email: input.adminEmail,
          name: input.adminName,
          role: 'owner',
          passwordHash,
          isActive: true,
          defaultLocationId: location.id,
        }),
      );
      const source = { ...origin, organizationId: organization.id, staffMemberId: owner.id };
      await this.audit.record(manager, source, {
        action: 'organization.created',
        entityType: 'organization',
        entityId: organization.id,
        changes: { name: { to: organization.name } },
      });
      await this.audit.record(manager, source, {
        action: 'location.created',
        entityType: 'location',
        entityId: location.id,
        changes: { name: { to: location.name }, timezone: { to: location.timezone } },
      });
      await this.audit.record(manager, source, {
        action: 'staff.created',
        entityType: 'staff_member',
        entityId: owner.id,
        changes: { email: { to: owner.email }, name: { to: owner.name }, role: { to: owner.role } },
      });
      // The default consent templates (domain.md section 6), flagged for review with the medical director.
      await this.consentDefaults.ensure(manager, organization.id);
      return { organizationId: organization.id, locationId: location.id, ownerId: owner.id };
    });
  }
}
