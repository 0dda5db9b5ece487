import type { DataSource } from 'typeorm';
import { pingDatabase } from './readiness.queries';

/** Readiness must answer within this, database or not, so an orchestrator sees an outage in seconds. */
export const READINESS_TIMEOUT_MS = 2_000;

export interface Readiness {
  database: boolean;
  migrationsApplied: boolean;
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`readiness check exceeded ${ms} ms`)), ms).unref());
}

/**
 * One bounded round trip: a statement timeout on the server and a timer here (a connection that hangs, or a pool
 * whose clients are all busy, cannot hold the answer either; the pool's own connect timeout frees the slot).
 */
export async function checkReadiness(dataSource: DataSource, ms = READINESS_TIMEOUT_MS): Promise<Readiness> {
  const check = async (): Promise<Readiness> => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await pingDatabase(runner, ms);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    return { database: true, migrationsApplied: !(await dataSource.showMigrations()) };
  };
  const attempt = check();
  attempt.catch(() => undefined); // a late failure after the timer won is not an unhandled rejection
  try {
    return await Promise.race([attempt, timeout(ms)]);
  } catch {
    return { database: false, migrationsApplied: false };
  }
}
