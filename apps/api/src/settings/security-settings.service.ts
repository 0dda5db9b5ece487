import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { STAFF_ROLES, type StaffRole } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { readOrganizationSetting, writeOrganizationSetting } from '../organizations/organization-settings';
import type { SecuritySettingsDto } from './security-settings.dto';

/** Sign-in security of the clinic, kept in organizations.settings under "security" (read by the access guard). */
@Injectable()
export class SecuritySettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<SecuritySettingsDto> {
    const stored = await readOrganizationSetting<SecuritySettingsDto>(this.dataSource.manager, actor.organizationId, 'security');
    return { mfaRequiredRoles: stored?.mfaRequiredRoles ?? [] };
  }

  async replace(actor: Actor, input: SecuritySettingsDto): Promise<SecuritySettingsDto> {
    // Stored in the matrix's order, so an unchanged list is recognised and the audit diff reads the same way.
    const mfaRequiredRoles: StaffRole[] = STAFF_ROLES.filter((role) => input.mfaRequiredRoles.includes(role));
    return this.dataSource.transaction(async (manager) => {
      const before = (await readOrganizationSetting<SecuritySettingsDto>(manager, actor.organizationId, 'security', true))?.mfaRequiredRoles ?? [];
      await writeOrganizationSetting(manager, actor.organizationId, 'security', { mfaRequiredRoles });
      if (JSON.stringify(before) !== JSON.stringify(mfaRequiredRoles)) {
        await this.audit.record(manager, actor, {
          action: 'settings.security_updated',
          entityType: 'organization',
          entityId: actor.organizationId,
          changes: { mfaRequiredRoles: { from: before, to: mfaRequiredRoles } },
        });
      }
      return { mfaRequiredRoles };
    });
  }
}
