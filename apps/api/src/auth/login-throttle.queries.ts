import type { EntityManager } from 'typeorm';

/** Sign-in attempts (password or MFA code at login) and password re-confirmations of a signed-in user. */
export type FailureKind = 'sign_in' | 'password_confirmation';

/** Failures of one account since its last success (rows older than a day are pruned), and seconds since the last. */
export async function accountFailures(manager: EntityManager, kind: FailureKind, email: string): Promise<{ failures: number; sinceLastSeconds: number }> {
  const [row] = await manager.query(
    `SELECT count(*)::int AS failures, COALESCE(EXTRACT(EPOCH FROM now() - max(failed_at)), 0)::float8 AS since_last
       FROM login_failures WHERE kind = $1 AND email = $2 AND failed_at > now() - interval '1 day'`,
    [kind, email],
  );
  return { failures: row.failures, sinceLastSeconds: row.since_last };
}

/**
 * When the IP has at least `ceiling` sign-in failures in the window: seconds until the oldest of the last `ceiling`
 * leaves it (so the count drops under the ceiling); else null.
 */
export async function ipFailureBeyondCeiling(manager: EntityManager, ip: string, ceiling: number, windowMinutes: number): Promise<number | null> {
  const rows: { wait: number }[] = await manager.query(
    `SELECT CEIL(EXTRACT(EPOCH FROM failed_at + make_interval(mins => $3) - now()))::int AS wait
       FROM login_failures
      WHERE kind = 'sign_in' AND ip = $1 AND failed_at > now() - make_interval(mins => $3)
      ORDER BY failed_at DESC OFFSET $2 - 1 LIMIT 1`,
    [ip, ceiling, windowMinutes],
  );
  return rows[0] ? Math.max(1, rows[0].wait) : null;
}

export async function recordFailure(manager: EntityManager, kind: FailureKind, email: string, ip: string): Promise<void> {
  await manager.query(`INSERT INTO login_failures (kind, email, ip) VALUES ($1, $2, $3)`, [kind, email, ip]);
}

/** Failures older than a day matter to no limit; keep the table small as it goes. */
export async function pruneOldFailures(manager: EntityManager): Promise<void> {
  await manager.query(`DELETE FROM login_failures WHERE failed_at < now() - interval '1 day'`);
}

export async function clearAccountFailures(manager: EntityManager, kind: FailureKind, email: string): Promise<void> {
  await manager.query(`DELETE FROM login_failures WHERE kind = $1 AND email = $2`, [kind, email]);
}
