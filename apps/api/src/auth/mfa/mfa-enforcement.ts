import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { OrganizationSettingsService } from '../../settings/organization-settings.service';
import { hasActiveAuthenticator } from './mfa.queries';

/**
 * The clinic's rule (settings key "security"): staff of some roles must turn on two-step sign-in first. The access
 * guard's check of every request reads the same rule inside auth_resolve_session (migration 1796569500000), so the
 * sign-in check stays one statement; this class answers it for sign-in and the account's own MFA pages.
 */
@Injectable()
export class MfaEnforcement {
  constructor(private readonly settings: OrganizationSettingsService) {}

  async requiredFor(manager: EntityManager, organizationId: string, role: StaffRole): Promise<boolean> {
    return (await this.settings.read(manager, organizationId, 'security'))?.mfaRequiredRoles.includes(role) ?? false;
  }

  /** Whether the account has MFA on and, when not, whether it must enrol (the role requires it). */
  async enrolment(
    manager: EntityManager,
    organizationId: string,
    staffMemberId: string,
    role: StaffRole,
    /** The sign-in check's answer for the signed-in person (the same rule), which spares reading the setting again. */
    enrolmentMissing?: boolean,
  ): Promise<{ enrolled: boolean; mustEnrol: boolean }> {
    const enrolled = await hasActiveAuthenticator(manager, organizationId, staffMemberId);
    if (enrolmentMissing !== undefined) return { enrolled, mustEnrol: enrolmentMissing };
    return { enrolled, mustEnrol: !enrolled && (await this.requiredFor(manager, organizationId, role)) };
  }
}
