import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canAssignRole, canResetPassword, isCredentialCurrent, isPractitionerRole, type StaffRole } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, createdFields, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { assertAcceptablePassword } from '../common/security/password-policy';
import { hashPassword } from '../common/security/passwords';
import { ConflictError, ForbiddenError, InvalidFieldError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { clinicToday } from '../organizations/clinic-calendar';
import { OrganizationsService } from '../organizations/organizations.service';
import { PractitionerCredential } from './practitioner-credential.entity';
import { STAFF_ACCOUNT_SECURITY, type StaffAccountSecurity } from './staff-account-security';
import { StaffMember } from './staff-member.entity';
import { StaffService } from './staff.service';
import type { CreateStaffMemberDto, PractitionerCredentialInput, StaffMemberDto, UpdateStaffMemberDto } from './staff.dto';

const AUDITED_FIELDS = ['email', 'name', 'role', 'defaultLocationId'] as const;

/** `onDate` is today on the clinic's calendar: a licence counts through its expiry day there, not in UTC. */
export function toStaffMemberDto(staffMember: StaffMember, onDate: string, mfaEnabled: boolean): StaffMemberDto {
  return {
    id: staffMember.id,
    email: staffMember.email,
    name: staffMember.name,
    role: staffMember.role,
    isActive: staffMember.isActive,
    deactivatedAt: staffMember.deactivatedAt?.toISOString() ?? null,
    defaultLocationId: staffMember.defaultLocationId,
    credentials: (staffMember.credentials ?? [])
      .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn))
      .map((c) => ({
        id: c.id,
        licenceType: c.licenceType,
        licenceNumber: c.licenceNumber,
        jurisdiction: c.jurisdiction,
        expiresOn: c.expiresOn,
        current: isCredentialCurrent(c, onDate),
      })),
    createdAt: staffMember.createdAt.toISOString(),
    mfaEnabled,
  };
}

/**
 * The staff screens: accounts of the signed-in user's organization. Only owners hand out or change the owner role.
 * Sessions and two-step sign-in are the sign-in feature's, asked through STAFF_ACCOUNT_SECURITY.
 */
@Injectable()
export class StaffManagementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly accounts: StaffService,
    private readonly organizations: OrganizationsService,
    @Inject(STAFF_ACCOUNT_SECURITY) private readonly security: StaffAccountSecurity,
  ) {}

  async list(actor: Actor, includeInactive = false): Promise<StaffMemberDto[]> {
    const staff = await this.dataSource.getRepository(StaffMember).find({
      where: { organizationId: actor.organizationId, ...(includeInactive ? {} : { isActive: true }) },
      relations: { credentials: true },
      order: { name: 'ASC' },
    });
    const onDate = await clinicToday(this.dataSource.manager, actor);
    const withMfa = await this.security.staffWithMfa(this.dataSource.manager, actor.organizationId);
    return staff.map((member) => toStaffMemberDto(member, onDate, withMfa.has(member.id)));
  }

  async get(actor: Actor, id: string): Promise<StaffMemberDto> {
    const manager = this.dataSource.manager;
    return this.dto(manager, actor, await this.find(manager, actor, id));
  }

  async create(actor: Actor, input: CreateStaffMemberDto): Promise<StaffMemberDto> {
    this.assertMayAssign(actor, input.role);
    this.assertCredentialsFitRole(input.role, input.credentials);
    assertAcceptablePassword('password', input.password, input);
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      await this.assertEmailFree(manager, input.email);
      if (input.defaultLocationId) await this.assertLocation(manager, actor, input.defaultLocationId);
      const staffMember = await this.accounts.createAccount(manager, {
        organizationId: actor.organizationId,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
        defaultLocationId: input.defaultLocationId ?? null,
      });
      staffMember.credentials = await this.replaceCredentials(manager, staffMember, input.credentials ?? []);
      await this.audit.record(manager, actor, {
        action: 'staff.created',
        entityType: 'staff_member',
        entityId: staffMember.id,
        changes: {
          ...createdFields(staffMember, AUDITED_FIELDS),
          credentials: { to: staffMember.credentials.map(describeCredential) },
        },
      });
      return this.dto(manager, actor, staffMember);
    });
  }

  async update(actor: Actor, id: string, input: UpdateStaffMemberDto): Promise<StaffMemberDto> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const staffMember = await this.find(manager, actor, id, true);
      this.assertMayAssign(actor, staffMember.role);
      if (passwordHash) this.assertMayResetPassword(actor, staffMember);
      // Checked against the account's name as it will be after this change, and its (unchangeable) e-mail.
      if (input.password) assertAcceptablePassword('password', input.password, { email: staffMember.email, name: input.name ?? staffMember.name });
      const role = input.role ?? staffMember.role;
      if (input.role) {
        this.assertMayAssign(actor, input.role);
        if (staffMember.role === 'owner' && input.role !== 'owner') await this.assertAnotherOwner(manager, staffMember);
      }
      this.assertCredentialsFitRole(role, input.credentials ?? (input.role ? staffMember.credentials : undefined));
      if (input.defaultLocationId) await this.assertLocation(manager, actor, input.defaultLocationId);

      const changes = diffFields(staffMember, { name: input.name, role: input.role, defaultLocationId: input.defaultLocationId }, AUDITED_FIELDS);
      const patch: Partial<StaffMember> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.role !== undefined) patch.role = input.role;
      if (input.defaultLocationId !== undefined) patch.defaultLocationId = input.defaultLocationId;
      if (passwordHash) {
        patch.passwordHash = passwordHash;
        changes.password = { to: 'reset' };
      }
      if (Object.keys(patch).length > 0) await manager.update(StaffMember, { id: staffMember.id }, patch);
      if (input.credentials) {
        const before = staffMember.credentials.map(describeCredential);
        staffMember.credentials = await this.replaceCredentials(manager, staffMember, input.credentials);
        const after = staffMember.credentials.map(describeCredential);
        if (JSON.stringify(before) !== JSON.stringify(after)) changes.credentials = { from: before, to: after };
      }
      // A password reset or a role change ends the account's other sessions: they were granted under the old terms.
      if (passwordHash || (input.role && input.role !== staffMember.role)) {
        await this.security.endSessions(manager, staffMember.id, passwordHash ? 'password reset' : 'role changed');
      }
      if (Object.keys(changes).length > 0) {
        await this.audit.record(manager, actor, { action: 'staff.updated', entityType: 'staff_member', entityId: id, changes });
      }
      return this.dto(manager, actor, await this.find(manager, actor, id, true));
    });
  }

  /** Ends the account at once: no new sign-in, and every open session is revoked in the same transaction. */
  async deactivate(actor: Actor, id: string): Promise<StaffMemberDto> {
    if (id === actor.staffMemberId) {
      throw new RuleViolationError('You cannot deactivate your own account', [
        { code: 'self-deactivation', message: 'Ask another administrator to deactivate your account' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const staffMember = await this.find(manager, actor, id, true);
      this.assertMayAssign(actor, staffMember.role);
      if (!staffMember.isActive) return this.dto(manager, actor, staffMember);
      if (staffMember.role === 'owner') await this.assertAnotherOwner(manager, staffMember);
      await manager.update(StaffMember, { id }, { isActive: false, deactivatedAt: new Date() });
      const ended = await this.security.endSessions(manager, id, 'account deactivated');
      await this.audit.record(manager, actor, {
        action: 'staff.deactivated',
        entityType: 'staff_member',
        entityId: id,
        changes: { isActive: { from: true, to: false }, sessionsEnded: { to: ended } },
      });
      return this.dto(manager, actor, await this.find(manager, actor, id, true));
    });
  }

  async reactivate(actor: Actor, id: string): Promise<StaffMemberDto> {
    return this.dataSource.transaction(async (manager) => {
      const staffMember = await this.find(manager, actor, id, true);
      this.assertMayAssign(actor, staffMember.role);
      if (staffMember.isActive) return this.dto(manager, actor, staffMember);
      await manager.update(StaffMember, { id }, { isActive: true, deactivatedAt: null });
      await this.audit.record(manager, actor, {
        action: 'staff.reactivated',
        entityType: 'staff_member',
        entityId: id,
        changes: { isActive: { from: false, to: true } },
      });
      return this.dto(manager, actor, await this.find(manager, actor, id, true));
    });
  }

  /**
   * Lost phone: removes the staff member's authenticator and recovery codes and ends their sessions (whoever holds
   * the phone may hold one). With MFA required for their role they enrol again at the next sign-in. Owners only.
   */
  async resetMfa(actor: Actor, id: string): Promise<StaffMemberDto> {
    return this.dataSource.transaction(async (manager) => {
      const staffMember = await this.find(manager, actor, id, true);
      const hadMfa = await this.security.resetMfa(manager, actor.organizationId, staffMember.id);
      if (hadMfa) {
        await this.security.endSessions(manager, staffMember.id, 'MFA reset', actor.sessionId);
        await this.audit.record(manager, actor, {
          action: 'staff.mfa_reset',
          entityType: 'staff_member',
          entityId: staffMember.id,
          changes: { mfaEnabled: { from: true, to: false } },
        });
      }
      return this.dto(manager, actor, staffMember);
    });
  }

  private async dto(manager: EntityManager, actor: Actor, staffMember: StaffMember): Promise<StaffMemberDto> {
    return toStaffMemberDto(staffMember, await clinicToday(manager, actor), await this.security.hasMfa(manager, actor.organizationId, staffMember.id));
  }

  private async find(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<StaffMember> {
    if (lock) {
      await manager
        .createQueryBuilder(StaffMember, 's')
        .setLock('pessimistic_write')
        .where('s.id = :id AND s.organization_id = :org', { id, org: actor.organizationId })
        .getOne();
    }
    // getOne without a limit: one statement (findOne with a relation adds a DISTINCT id query first).
    const staffMember = await manager
      .createQueryBuilder(StaffMember, 's')
      .leftJoinAndSelect('s.credentials', 'credentials')
      .where('s.id = :id AND s.organization_id = :org', { id, org: actor.organizationId })
      .getOne();
    if (!staffMember) throw new NotFoundError('Staff member', id);
    return staffMember;
  }

  private assertMayAssign(actor: Actor, role: StaffRole): void {
    if (!canAssignRole(actor.role, role)) {
      throw new ForbiddenError(`Only an owner can create or change an account with the ${role} role`, 'role-assignment');
    }
  }

  private assertMayResetPassword(actor: Actor, staffMember: StaffMember): void {
    if (staffMember.id === actor.staffMemberId) {
      throw new InvalidFieldError('password', 'change your own password with POST /api/auth/password, which asks for the current one');
    }
    if (!canResetPassword(actor.role, staffMember.role)) {
      throw new ForbiddenError(`Your role (${actor.role}) cannot set the password of a ${staffMember.role}`, 'password-reset');
    }
  }

  private assertCredentialsFitRole(role: StaffRole, credentials?: readonly PractitionerCredentialInput[]): void {
    if (credentials && credentials.length > 0 && !isPractitionerRole(role)) {
      throw new InvalidFieldError('credentials', `practitioner credentials belong to physicians, nurses and aestheticians, not to the ${role} role`);
    }
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await manager.existsBy(StaffMember, { email })) {
      throw new ConflictError('email-taken', `An account with the email ${email} already exists`, {
        errors: [{ field: 'email', message: 'an account with this email already exists' }],
      });
    }
  }

  private async assertLocation(manager: EntityManager, actor: Actor, locationId: string): Promise<void> {
    if (!(await this.organizations.findLocation(manager, actor.organizationId, locationId))) {
      throw new InvalidFieldError('defaultLocationId', 'no such location in your organization');
    }
  }

  /** An organization always keeps at least one active owner. */
  private async assertAnotherOwner(manager: EntityManager, owner: StaffMember): Promise<void> {
    const owners = await manager
      .createQueryBuilder(StaffMember, 's')
      .setLock('pessimistic_write')
      .where('s.organization_id = :org AND s.role = :role AND s.is_active', { org: owner.organizationId, role: 'owner' })
      .getMany();
    if (owners.filter((o) => o.id !== owner.id).length === 0) {
      throw new RuleViolationError('The organization must keep at least one active owner', [
        { code: 'last-owner', message: 'Make another staff member an owner first' },
      ]);
    }
  }

  private async replaceCredentials(
    manager: EntityManager,
    staffMember: StaffMember,
    credentials: readonly PractitionerCredentialInput[],
  ): Promise<PractitionerCredential[]> {
    await manager.delete(PractitionerCredential, { staffMemberId: staffMember.id });
    if (credentials.length === 0) return [];
    const rows = credentials.map((c) =>
      manager.create(PractitionerCredential, {
        organizationId: staffMember.organizationId,
        staffMemberId: staffMember.id,
        licenceType: c.licenceType,
        licenceNumber: c.licenceNumber,
        jurisdiction: c.jurisdiction,
        expiresOn: c.expiresOn,
      }),
    );
    return manager.save(rows);
  }
}

function describeCredential(c: PractitionerCredential): string {
  return `${c.licenceType} ${c.licenceNumber} (${c.jurisdiction}) expires ${c.expiresOn}`;
}
