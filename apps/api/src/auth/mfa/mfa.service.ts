import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { ConflictError, InvalidFieldError } from '../../common/problems/domain-error';
import type { Actor } from '../../common/access/actor';
import { PasswordConfirmationService } from '../password-confirmation.service';
import { MfaEnforcement } from './mfa-enforcement';
import { MfaSecretCipher } from './mfa-secret-cipher';
import {
  claimTotpStep,
  deleteMfa,
  findTotpAuthenticator,
  hasActiveAuthenticator,
  remainingRecoveryCodes,
  replaceRecoveryCodes,
  saveUnactivatedAuthenticator,
  useRecoveryCode,
} from './mfa.queries';
import { hashRecoveryCode, matchingTotpStep, newRecoveryCodes, newTotpSecret, totpUri } from './totp';

export interface SecondFactor {
  code?: string;
  recoveryCode?: string;
}

export interface MfaStatus {
  totpEnabled: boolean;
  activatedAt: string | null;
  recoveryCodesRemaining: number;
  enrollmentRequired: boolean;
}

/** TOTP enrolment, its second step at sign-in, disabling it (own) and resetting it (an owner, for a lost phone). */
@Injectable()
export class MfaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: MfaSecretCipher,
    private readonly confirmation: PasswordConfirmationService,
    private readonly audit: AuditService,
    private readonly enforcement: MfaEnforcement,
  ) {}

  async status(actor: Actor): Promise<MfaStatus> {
    const manager = this.dataSource.manager;
    const authenticator = await findTotpAuthenticator(manager, actor.organizationId, actor.staffMemberId);
    const enabled = Boolean(authenticator?.activatedAt);
    return {
      totpEnabled: enabled,
      activatedAt: authenticator?.activatedAt?.toISOString() ?? null,
      recoveryCodesRemaining: enabled ? await remainingRecoveryCodes(manager, actor.organizationId, actor.staffMemberId) : 0,
      enrollmentRequired: !enabled && (await this.enforcement.requiredFor(manager, actor.organizationId, actor.role)),
    };
  }

  /** Step 1: proves the password again (a borrowed session must not enrol its own phone) and hands out a new secret. */
  async enroll(actor: Actor, password: string): Promise<{ secret: string; otpauthUri: string }> {
    await this.confirmation.confirm(actor, password);
    const secret = newTotpSecret();
    return this.dataSource.transaction(async (manager) => {
      const existing = await findTotpAuthenticator(manager, actor.organizationId, actor.staffMemberId, true);
      if (existing?.activatedAt) throw new ConflictError('mfa-already-enabled', 'Two-step sign-in is already on; turn it off first to enrol another device');
      await saveUnactivatedAuthenticator(manager, actor.organizationId, actor.staffMemberId, this.cipher.encrypt(actor.staffMemberId, secret));
      await this.audit.record(manager, actor, { action: 'auth.mfa_enrolment_started', entityType: 'staff_member', entityId: actor.staffMemberId });
      return { secret, otpauthUri: totpUri(secret, actor.email) };
    });
  }

  /** Step 2: the first code from the app turns MFA on and yields ten single-use recovery codes, shown once. */
  async activate(actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const authenticator = await findTotpAuthenticator(manager, actor.organizationId, actor.staffMemberId, true);
      if (!authenticator) throw new ConflictError('mfa-not-enrolling', 'Start the enrolment first (POST /api/auth/mfa/totp/enroll)');
      if (authenticator.activatedAt) throw new ConflictError('mfa-already-enabled', 'Two-step sign-in is already on');
      const step = matchingTotpStep(this.cipher.decrypt(actor.staffMemberId, authenticator.secretCiphertext), code);
      if (step === null || !(await claimTotpStep(manager, actor.organizationId, actor.staffMemberId, step, true))) {
        throw new InvalidFieldError('code', 'is not the current code of your authenticator app');
      }
      const recoveryCodes = newRecoveryCodes();
      await replaceRecoveryCodes(manager, actor.organizationId, actor.staffMemberId, recoveryCodes.map(hashRecoveryCode));
      await this.audit.record(manager, actor, { action: 'auth.mfa_enabled', entityType: 'staff_member', entityId: actor.staffMemberId, changes: { method: { to: 'totp' } } });
      return { recoveryCodes };
    });
  }

  /** Turning it off needs both factors: the password and a current code (or a recovery code). */
  async disable(actor: Actor, password: string, factor: SecondFactor): Promise<void> {
    await this.confirmation.confirm(actor, password);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const accepted = await this.verify(manager, actor.organizationId, actor.staffMemberId, factor);
      if (accepted === 'none') throw new ConflictError('mfa-not-enabled', 'Two-step sign-in is not on');
      if (accepted === 'rejected') return 'rejected' as const;
      await deleteMfa(manager, actor.organizationId, actor.staffMemberId);
      await this.audit.record(manager, actor, { action: 'auth.mfa_disabled', entityType: 'staff_member', entityId: actor.staffMemberId });
      return 'disabled' as const;
    });
    if (outcome === 'rejected') {
      await this.confirmation.recordFailure(actor);
      throw new InvalidFieldError(factor.recoveryCode ? 'recoveryCode' : 'code', 'is not a valid code');
    }
  }

  async isEnabled(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<boolean> {
    return hasActiveAuthenticator(manager, organizationId, staffMemberId);
  }

  /**
   * Checks a second factor in the caller's transaction: a TOTP code of a step not used before (a replayed code is
   * refused), or an unused recovery code (then spent). 'none' when the account has no activated authenticator.
   */
  async verify(manager: EntityManager, organizationId: string, staffMemberId: string, factor: SecondFactor): Promise<'totp' | 'recovery-code' | 'rejected' | 'none'> {
    const authenticator = await findTotpAuthenticator(manager, organizationId, staffMemberId, true);
    if (!authenticator?.activatedAt) return 'none';
    if (factor.recoveryCode) {
      return (await useRecoveryCode(manager, organizationId, staffMemberId, hashRecoveryCode(factor.recoveryCode))) ? 'recovery-code' : 'rejected';
    }
    const step = factor.code ? matchingTotpStep(this.cipher.decrypt(staffMemberId, authenticator.secretCiphertext), factor.code) : null;
    if (step === null) return 'rejected';
    return (await claimTotpStep(manager, organizationId, staffMemberId, step)) ? 'totp' : 'rejected';
  }
}
