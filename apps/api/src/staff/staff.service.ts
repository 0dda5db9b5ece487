import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../common/problems/domain-error';
import { accountById, passwordHashOf, signInAccountByEmail, type StaffAccount, type StaffSignInAccount } from './staff-accounts.queries';
import { StaffMember } from './staff-member.entity';

export type { StaffAccount, StaffSignInAccount } from './staff-accounts.queries';

export interface NewStaffAccount {
  organizationId: string;
  email: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
  defaultLocationId: string | null;
}

/**
 * Staff accounts for the other modules, always in the caller's transaction: signing in (by e-mail, with the password
 * hash), the signed-in person's account, password checks and changes, and the first owner at setup. Nothing else
 * reads the staff tables; names and roles for lists come from the published `staff_directory` view.
 */
@Injectable()
export class StaffService {
  /** The account behind an e-mail, with its password hash; the transaction must be scoped to its organization. */
  signInAccount(manager: EntityManager, email: string): Promise<StaffSignInAccount | null> {
    return signInAccountByEmail(manager, email);
  }

  async account(manager: EntityManager, organizationId: string, id: string): Promise<StaffAccount> {
    const account = await accountById(manager, organizationId, id);
    if (!account) throw new NotFoundError('Staff member', id);
    return account;
  }

  async passwordHash(manager: EntityManager, organizationId: string, id: string): Promise<string> {
    const hash = await passwordHashOf(manager, organizationId, id);
    if (hash === null) throw new NotFoundError('Staff member', id);
    return hash;
  }

  async replacePasswordHash(manager: EntityManager, organizationId: string, id: string, passwordHash: string): Promise<void> {
    await manager.update(StaffMember, { id, organizationId }, { passwordHash });
  }

  /** Inserts an active account (the caller checks the e-mail is free, audits and adds credentials). */
  async createAccount(manager: EntityManager, input: NewStaffAccount): Promise<StaffMember> {
    return manager.save(manager.create(StaffMember, { ...input, isActive: true }));
  }
}
