import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffRole } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganizationSettingsService } from '../../settings/organization-settings.service';
import { hasActiveAuthenticator } from './mfa.queries';

/** The clinic's rule (settings key "security"): staff of some roles must turn on two-step sign-in first. */
@Injectable()
export class MfaEnforcement {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: OrganizationSettingsService,
  ) {}

  async requiredFor(manager: EntityManager, organizationId: string, role: StaffRole): Promise<boolean> {
    return (await this.settings.read(manager, organizationId, 'security'))?.mfaRequiredRoles.includes(role) ?? false;
  }

  /**
   * Whether a signed-in staff member must enrol before doing anything else: asked by the access guard on every
   * request, in the request's transaction (auth_resolve_session scoped it to the organization). The authenticator is
   * read only when the role needs one.
   */
  async enrolmentMissing(staffMember: { id: string; organizationId: string; role: StaffRole }): Promise<boolean> {
    const manager = this.dataSource.manager;
    if (!(await this.requiredFor(manager, staffMember.organizationId, staffMember.role))) return false;
    return !(await hasActiveAuthenticator(manager, staffMember.organizationId, staffMember.id));
  }

  /** Whether the account has MFA on and, when not, whether it must enrol (the role requires it). */
  async enrolment(manager: EntityManager, organizationId: string, staffMemberId: string, role: StaffRole): Promise<{ enrolled: boolean; mustEnrol: boolean }> {
    const enrolled = await hasActiveAuthenticator(manager, organizationId, staffMemberId);
    return { enrolled, mustEnrol: !enrolled && (await this.requiredFor(manager, organizationId, role)) };
  }
}
