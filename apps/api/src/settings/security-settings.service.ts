import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { STAFF_ROLES, type StaffRole } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { OrganizationSettingsService } from './organization-settings.service';
import type { SecuritySettingsDto } from './security-settings.dto';

/** Sign-in security of the clinic (settings key "security"; the sign-in feature reads it for the access guard). */
@Injectable()
export class SecuritySettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: OrganizationSettingsService,
  ) {}

  async get(actor: Actor): Promise<SecuritySettingsDto> {
    const stored = await this.settings.read(this.dataSource.manager, actor.organizationId, 'security');
    return { mfaRequiredRoles: stored?.mfaRequiredRoles ?? [] };
  }

  async replace(actor: Actor, input: SecuritySettingsDto): Promise<SecuritySettingsDto> {
    // Stored in the matrix's order, so an unchanged list is recognised and the audit diff reads the same way.
    const mfaRequiredRoles: StaffRole[] = STAFF_ROLES.filter((role) => input.mfaRequiredRoles.includes(role));
    await this.settings.replace(actor, 'security', { mfaRequiredRoles });
    return { mfaRequiredRoles };
  }
}
