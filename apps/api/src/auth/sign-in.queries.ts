import type { ClinicLocale, StaffRole } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

export interface ResolvedSessionRow {
  session_id: string;
  organization_id: string;
  staff_member_id: string;
  csrf_token: string;
  role: StaffRole;
  name: string;
  email: string;
  locale: ClinicLocale;
  /** Their role must use two-step sign-in (the clinic's security setting) and they have no activated authenticator. */
  mfa_enrolment_missing: boolean;
  /** The clinic calendar's time zone for the staff member (clinicTimeZone's rule). */
  time_zone: string;
}

/**
 * The live session behind a token hash with its staff member's columns and whether they must enrol in two-step
 * sign-in first, in one statement (SECURITY DEFINER: the organization is not known yet). It ends an idle or expired
 * session, touches last_seen_at and scopes the transaction to the organization. Sent on every signed-in request
 * together with START TRANSACTION in one simple-protocol string (beginRequestTransaction), so without parameters:
 * the only values inlined are the SHA-256 digest (rendered as hex by us) and the configured idle minutes (an integer).
 */
export function resolveSessionStatement(tokenHash: Buffer, idleMinutes: number): string {
  if (tokenHash.length !== 32) throw new Error('A session token hash is a SHA-256 digest');
  if (!Number.isSafeInteger(idleMinutes) || idleMinutes <= 0) throw new Error(`Idle minutes must be a positive integer, not ${idleMinutes}`);
  return `SELECT * FROM auth_resolve_session(decode('${tokenHash.toString('hex')}', 'hex'), ${idleMinutes})`;
}

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
