import type { QueryRunner } from 'typeorm';

/**
 * One round trip to the database inside the runner's open transaction, bounded by a statement timeout local to that
 * transaction (so the pooled connection goes back with its usual, unlimited timeout).
 */
export async function pingDatabase(runner: QueryRunner, timeoutMs: number): Promise<void> {
  await runner.query(`SELECT set_config('statement_timeout', $1, true)`, [String(timeoutMs)]);
  await runner.query('SELECT 1');
}
