import type { EntityManager } from 'typeorm';

/**
 * Before anyone is signed in the organization is unknown: this SECURITY DEFINER function finds the account's and
 * scopes the rest of the transaction to it, so the account itself is then read under row-level security.
 */
export async function scopeToSignInCandidate(manager: EntityManager, email: string): Promise<void> {
  await manager.query(`SELECT * FROM auth_login_candidate($1)`, [email]);
}

/** Serializes the sign-ins of one e-mail until the transaction ends (throttle count and check stay consistent). */
export async function lockSignInsOf(manager: EntityManager, email: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`skinledger.login:${email}`]);
}

/** Ends the session behind a token hash, whichever organization it belongs to (SECURITY DEFINER). */
export async function revokeSessionTokenHash(manager: EntityManager, tokenHash: Buffer, reason: string): Promise<void> {
  await manager.query(`SELECT auth_revoke_session_token($1, $2)`, [tokenHash, reason]);
}
