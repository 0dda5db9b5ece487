import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ensureAppRole, type AppRoleSpec } from './ensure-app-role';

/**
 * Applies pending migrations as the owner, then creates or updates the app role and its grants (when given). An
 * advisory lock makes several instances starting at once take turns, so each migration runs exactly once and grants
 * are never changed twice at the same moment. Returns the names of the migrations applied.
 */
export async function runMigrations(databaseUrl: string, appRole?: AppRoleSpec): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), extra: { max: 2 } }); // one holds the lock, one migrates
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('skinledger.migrations'))`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (appRole) await ensureAppRole(runner, appRole);
    return applied.map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('skinledger.migrations'))`).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
