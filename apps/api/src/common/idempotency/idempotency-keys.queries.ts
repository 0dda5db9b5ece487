/** SQL of the idempotency_keys table. Every statement runs in a transaction scoped to the actor's organization. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface KeyScope {
  organizationId: string;
  staffMemberId: string;
  key: string;
}

export type KeyState = 'processing' | 'committed' | 'completed';

export interface StoredKey {
  fingerprint: string;
  state: KeyState;
  responseStatus: number | null;
  responseBody: string | null;
}

/** Keys are kept this long (the draft's suggested 24 h), then swept lazily per organization. */
export const KEY_TTL_HOURS = 24;
/**
 * A claim still 'processing' (no record committed) after this long belongs to a request that died; a retry may
 * take it over. Safe even if that request is only slow: its claim token no longer matches, so it cannot commit.
 */
export const STALE_CLAIM_SECONDS = 60;
const SWEEP_BATCH = 500;

/** Row-level security reads the organization from this per-transaction setting. */
export async function scopeToOrganization(q: Queryable, organizationId: string): Promise<void> {
  await q.query(`SELECT set_config('app.organization_id', $1, true)`, [organizationId]);
}

/** Claims the key for this request: true when it is ours (new, expired or abandoned), false when another holds it. */
export async function claimKey(q: Queryable, scope: KeyScope, fingerprint: string, token: string): Promise<boolean> {
  const rows = (await q.query(
    `INSERT INTO idempotency_keys (organization_id, staff_member_id, idempotency_key, fingerprint, claim_token, state, expires_at)
     VALUES ($1, $2, $3, $4, $5, 'processing', now() + make_interval(hours => $6))
     ON CONFLICT (organization_id, staff_member_id, idempotency_key) DO UPDATE
       SET fingerprint = EXCLUDED.fingerprint, claim_token = EXCLUDED.claim_token, state = 'processing',
           response_status = NULL, response_body = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
       WHERE idempotency_keys.expires_at <= now()
          OR (idempotency_keys.state = 'processing' AND idempotency_keys.created_at < now() - make_interval(secs => $7))
     RETURNING claim_token`,
    [scope.organizationId, scope.staffMemberId, scope.key, fingerprint, token, KEY_TTL_HOURS, STALE_CLAIM_SECONDS],
  )) as unknown[];
  return rows.length === 1;
}

export async function findKey(q: Queryable, scope: KeyScope): Promise<StoredKey | undefined> {
  const rows = (await q.query(
    `SELECT fingerprint, state, response_status AS "responseStatus", response_body AS "responseBody"
       FROM idempotency_keys WHERE organization_id = $1 AND staff_member_id = $2 AND idempotency_key = $3`,
    [scope.organizationId, scope.staffMemberId, scope.key],
  )) as StoredKey[];
  return rows[0];
}

/** Inside the record's own transaction: the key commits with the record, or not at all. */
export async function markCommitted(q: Queryable, scope: KeyScope, token: string): Promise<boolean> {
  // A CTE so the driver answers rows (TypeORM answers [rows, count] for a bare UPDATE).
  const rows = (await q.query(
    `WITH marked AS (
       UPDATE idempotency_keys SET state = 'committed'
        WHERE organization_id = $1 AND staff_member_id = $2 AND idempotency_key = $3 AND claim_token = $4 AND state IN ('processing', 'committed')
        RETURNING 1)
     SELECT count(*)::int AS marked FROM marked`,
    [scope.organizationId, scope.staffMemberId, scope.key, token],
  )) as { marked: number }[];
  return rows[0]?.marked === 1;
}

export async function completeKey(q: Queryable, scope: KeyScope, token: string, status: number, body: string): Promise<void> {
  await q.query(
    `UPDATE idempotency_keys SET state = 'completed', response_status = $5, response_body = $6
      WHERE organization_id = $1 AND staff_member_id = $2 AND idempotency_key = $3 AND claim_token = $4`,
    [scope.organizationId, scope.staffMemberId, scope.key, token, status, body],
  );
}

export async function releaseKey(q: Queryable, scope: KeyScope, token: string): Promise<void> {
  await q.query(
    `DELETE FROM idempotency_keys WHERE organization_id = $1 AND staff_member_id = $2 AND idempotency_key = $3 AND claim_token = $4`,
    [scope.organizationId, scope.staffMemberId, scope.key, token],
  );
}

/** Lazy expiry: each claim sweeps a bounded batch of its organization's expired keys (RLS-friendly, no global job). */
export async function sweepExpired(q: Queryable, organizationId: string): Promise<void> {
  await q.query(
    `DELETE FROM idempotency_keys WHERE ctid IN (
       SELECT ctid FROM idempotency_keys WHERE organization_id = $1 AND expires_at <= now() LIMIT ${SWEEP_BATCH})`,
    [organizationId],
  );
}
