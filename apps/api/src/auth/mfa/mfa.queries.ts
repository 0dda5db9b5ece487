import type { EntityManager } from 'typeorm';

/** TypeORM's postgres driver answers an UPDATE or DELETE with [rows, affectedCount]. */
function changedRows(result: [unknown[], number]): number {
  return result[1];
}

export interface TotpAuthenticatorRow {
  secretCiphertext: string;
  activatedAt: Date | null;
  lastUsedStep: number | null;
}

/**
 * Scopes the rest of the caller's transaction to one organization (row-level security's `app.organization_id`).
 * Sign-in knows the organization only once the staff member is found, so it sets it itself.
 */
export async function scopeToOrganization(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query(`SELECT set_config('app.organization_id', $1, true)`, [organizationId]);
}

export async function findTotpAuthenticator(manager: EntityManager, organizationId: string, staffMemberId: string, lock = false): Promise<TotpAuthenticatorRow | null> {
  const rows: { secret_ciphertext: string; activated_at: Date | null; last_used_step: string | null }[] = await manager.query(
    `SELECT secret_ciphertext, activated_at, last_used_step FROM staff_totp_authenticators
      WHERE organization_id = $1 AND staff_member_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
    [organizationId, staffMemberId],
  );
  const row = rows[0];
  return row ? { secretCiphertext: row.secret_ciphertext, activatedAt: row.activated_at, lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step) } : null;
}

/** A new, not yet activated authenticator replaces an earlier unfinished enrolment. */
export async function saveUnactivatedAuthenticator(manager: EntityManager, organizationId: string, staffMemberId: string, secretCiphertext: string): Promise<void> {
  await manager.query(
    `INSERT INTO staff_totp_authenticators (organization_id, staff_member_id, secret_ciphertext)
     VALUES ($1, $2, $3)
     ON CONFLICT (staff_member_id) DO UPDATE SET secret_ciphertext = EXCLUDED.secret_ciphertext, activated_at = NULL, last_used_step = NULL, created_at = now()
     WHERE staff_totp_authenticators.activated_at IS NULL`,
    [organizationId, staffMemberId, secretCiphertext],
  );
}

/** Records the step of an accepted code; false when that step (or a later one) was already used: a replay. */
export async function claimTotpStep(manager: EntityManager, organizationId: string, staffMemberId: string, step: number, activate = false): Promise<boolean> {
  const result: [unknown[], number] = await manager.query(
    `UPDATE staff_totp_authenticators SET last_used_step = $3 ${activate ? ', activated_at = now()' : ''}
      WHERE organization_id = $1 AND staff_member_id = $2 AND (last_used_step IS NULL OR last_used_step < $3)
      RETURNING staff_member_id`,
    [organizationId, staffMemberId, step],
  );
  return changedRows(result) === 1;
}

export async function replaceRecoveryCodes(manager: EntityManager, organizationId: string, staffMemberId: string, codeHashes: Buffer[]): Promise<void> {
  await manager.query(`DELETE FROM staff_mfa_recovery_codes WHERE organization_id = $1 AND staff_member_id = $2`, [organizationId, staffMemberId]);
  await manager.query(
    `INSERT INTO staff_mfa_recovery_codes (organization_id, staff_member_id, code_hash) SELECT $1, $2, unnest($3::bytea[])`,
    [organizationId, staffMemberId, codeHashes],
  );
}

/** Marks an unused recovery code used; false when it is unknown or spent. */
export async function useRecoveryCode(manager: EntityManager, organizationId: string, staffMemberId: string, codeHash: Buffer): Promise<boolean> {
  const result: [unknown[], number] = await manager.query(
    `UPDATE staff_mfa_recovery_codes SET used_at = now()
      WHERE organization_id = $1 AND staff_member_id = $2 AND code_hash = $3 AND used_at IS NULL RETURNING id`,
    [organizationId, staffMemberId, codeHash],
  );
  return changedRows(result) === 1;
}

export async function remainingRecoveryCodes(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<number> {
  const [row] = await manager.query(
    `SELECT count(*)::int AS n FROM staff_mfa_recovery_codes WHERE organization_id = $1 AND staff_member_id = $2 AND used_at IS NULL`,
    [organizationId, staffMemberId],
  );
  return row.n;
}

/** Removes the authenticator and recovery codes; true when there was an authenticator. */
export async function deleteMfa(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<boolean> {
  await manager.query(`DELETE FROM staff_mfa_recovery_codes WHERE organization_id = $1 AND staff_member_id = $2`, [organizationId, staffMemberId]);
  const result: [unknown[], number] = await manager.query(
    `DELETE FROM staff_totp_authenticators WHERE organization_id = $1 AND staff_member_id = $2 RETURNING staff_member_id`,
    [organizationId, staffMemberId],
  );
  return changedRows(result) === 1;
}

/** Staff of the organization with an activated authenticator (for the staff list). */
export async function staffWithMfa(manager: EntityManager, organizationId: string): Promise<Set<string>> {
  const rows: { staff_member_id: string }[] = await manager.query(
    `SELECT staff_member_id FROM staff_totp_authenticators WHERE organization_id = $1 AND activated_at IS NOT NULL`,
    [organizationId],
  );
  return new Set(rows.map((r) => r.staff_member_id));
}

/** Whether the staff member has an activated authenticator. */
export async function hasActiveAuthenticator(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<boolean> {
  const [row]: { active: boolean }[] = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM staff_totp_authenticators
                     WHERE organization_id = $1 AND staff_member_id = $2 AND activated_at IS NOT NULL) AS active`,
    [organizationId, staffMemberId],
  );
  return row.active;
}

// --- the step between the password and the code (no organization yet: keyed by the cookie's token hash) ---

export async function insertPendingLogin(manager: EntityManager, tokenHash: Buffer, staffMemberId: string, email: string, ip: string, ttlSeconds: number): Promise<void> {
  await manager.query(`DELETE FROM mfa_pending_logins WHERE expires_at < now()`);
  await manager.query(
    `INSERT INTO mfa_pending_logins (token_hash, staff_member_id, email, ip, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
    [tokenHash, staffMemberId, email, ip, ttlSeconds],
  );
}

export async function findPendingLogin(manager: EntityManager, tokenHash: Buffer): Promise<{ staffMemberId: string; email: string } | null> {
  const rows: { staff_member_id: string; email: string }[] = await manager.query(
    `SELECT staff_member_id, email FROM mfa_pending_logins WHERE token_hash = $1 AND expires_at > now() FOR UPDATE`,
    [tokenHash],
  );
  return rows[0] ? { staffMemberId: rows[0].staff_member_id, email: rows[0].email } : null;
}

export async function deletePendingLogin(manager: EntityManager, tokenHash: Buffer): Promise<void> {
  await manager.query(`DELETE FROM mfa_pending_logins WHERE token_hash = $1`, [tokenHash]);
}
