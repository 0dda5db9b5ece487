import type { ClinicLocale, StaffRole } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

/** A staff account as signing in and the session need it, with its organization's name. */
export interface StaffAccount {
  id: string;
  organizationId: string;
  organizationName: string;
  /** The clinic's English variant. */
  organizationLocale: ClinicLocale;
  email: string;
  name: string;
  role: StaffRole;
  isActive: boolean;
  defaultLocationId: string | null;
}

export interface StaffSignInAccount extends StaffAccount {
  passwordHash: string;
}

interface AccountRow {
  id: string;
  organization_id: string;
  organization_name: string;
  organization_locale: ClinicLocale;
  email: string;
  name: string;
  role: StaffRole;
  is_active: boolean;
  default_location_id: string | null;
  password_hash?: string;
}

const ACCOUNT_COLUMNS = `s.id, s.organization_id, o.name AS organization_name, o.locale AS organization_locale, s.email, s.name, s.role, s.is_active, s.default_location_id`;

function toAccount(row: AccountRow): StaffAccount {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    organizationLocale: row.organization_locale,
    email: row.email,
    name: row.name,
    role: row.role,
    isActive: row.is_active,
    defaultLocationId: row.default_location_id,
  };
}

/** The account behind an e-mail, with its password hash (row-level security limits it to the transaction's tenant). */
export async function signInAccountByEmail(manager: EntityManager, email: string): Promise<StaffSignInAccount | null> {
  const [row]: AccountRow[] = await manager.query(
    `SELECT ${ACCOUNT_COLUMNS}, s.password_hash
     FROM staff_members s JOIN organization_directory o ON o.id = s.organization_id
     WHERE s.email = $1`,
    [email],
  );
  return row ? { ...toAccount(row), passwordHash: row.password_hash as string } : null;
}

export async function accountById(manager: EntityManager, organizationId: string, id: string): Promise<StaffAccount | null> {
  const [row]: AccountRow[] = await manager.query(
    `SELECT ${ACCOUNT_COLUMNS}
     FROM staff_members s JOIN organization_directory o ON o.id = s.organization_id
     WHERE s.organization_id = $1 AND s.id = $2`,
    [organizationId, id],
  );
  return row ? toAccount(row) : null;
}

export async function passwordHashOf(manager: EntityManager, organizationId: string, id: string): Promise<string | null> {
  const [row]: { password_hash: string }[] = await manager.query(`SELECT password_hash FROM staff_members WHERE organization_id = $1 AND id = $2`, [
    organizationId,
    id,
  ]);
  return row?.password_hash ?? null;
}
