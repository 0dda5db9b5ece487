import type { QueryRunner } from 'typeorm';

/**
 * One round trip to the database inside the runner's open transaction, which also bounds the rest of that transaction
 * by a statement timeout local to it (so the pooled connection goes back with its usual, unlimited timeout). Setting
 * the timeout is the round trip: a second `SELECT 1` would prove nothing more (issue 15: statements per request).
 */
export async function pingDatabase(runner: QueryRunner, timeoutMs: number): Promise<void> {
  await runner.query(`SELECT set_config('statement_timeout', $1, true)`, [String(timeoutMs)]);
}
