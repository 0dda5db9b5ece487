import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, createdFields } from '../audit/audit.service';
import type { RequestOrigin } from '../common/access/actor';
import { assertAcceptablePassword } from '../common/security/password-policy';
import { hashPassword } from '../common/security/passwords';
import { ConsentTemplateDefaults } from '../consents/consent-template-defaults';
import { ConflictError } from '../common/problems/domain-error';
import { setTenant } from '../database/request-transaction';
import { OrganizationsService } from '../organizations/organizations.service';
import { StaffService } from '../staff/staff.service';
import type { SetupDto, SetupResultDto } from './setup.dto';
import { lockFirstRun, setupIsComplete } from './setup.queries';

/**
 * First run: creates the practice and its first location (through the organizations module) and the owner account
 * (through staff), exactly once, in one transaction with their audit events and the default consent templates.
 */
@Injectable()
export class SetupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly consentDefaults: ConsentTemplateDefaults,
    private readonly organizations: OrganizationsService,
    private readonly staff: StaffService,
  ) {}

  async needsSetup(manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return !(await setupIsComplete(manager));
  }

  async setUp(input: SetupDto, origin: RequestOrigin): Promise<SetupResultDto> {
    assertAcceptablePassword('adminPassword', input.adminPassword, { email: input.adminEmail, name: input.adminName });
    const passwordHash = await hashPassword(input.adminPassword);
    return this.dataSource.transaction(async (manager) => {
      await lockFirstRun(manager);
      if (!(await this.needsSetup(manager))) {
        throw new ConflictError('already-set-up', 'SkinLedger is already set up; sign in instead');
      }
      // The new organization is the transaction's tenant from its first row on (row-level security checks every insert).
      const organizationId = randomUUID();
      await setTenant(manager, organizationId);
      const { organization, location } = await this.organizations.foundOrganization(manager, {
        id: organizationId,
        name: input.organizationName,
        location: { name: input.locationName, timezone: input.timezone, countryCode: input.countryCode },
      });
      const owner = await this.staff.createAccount(manager, {
        organizationId,
        email: input.adminEmail,
        name: input.adminName,
        role: 'owner',
        passwordHash,
        defaultLocationId: location.id,
      });
      const source = { ...origin, organizationId: organization.id, staffMemberId: owner.id };
      await this.audit.record(manager, source, {
        action: 'organization.created',
        entityType: 'organization',
        entityId: organization.id,
        changes: createdFields(organization, ['name']),
      });
      await this.audit.record(manager, source, {
        action: 'location.created',
        entityType: 'location',
        entityId: location.id,
        changes: createdFields(location, ['name', 'timezone', 'countryCode']),
      });
      await this.audit.record(manager, source, {
        action: 'staff.created',
        entityType: 'staff_member',
        entityId: owner.id,
        changes: createdFields(owner, ['email', 'name', 'role']),
      });
      // The default consent templates (domain.md section 6), flagged for review with the medical director.
      await this.consentDefaults.ensure(manager, organization.id);
      return { organizationId: organization.id, locationId: location.id, ownerId: owner.id };
    });
  }
}
