import type PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';

/** The executors pg-boss runs its own SQL (the job tables of migration 1796000000001) through. */
interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** pg-boss over the app's own pg pool (TypeORM's), so the queue needs no second set of connections. */
export function poolExecutor(dataSource: DataSource): PgBoss.Db {
  const pool = (dataSource.driver as unknown as { master: PgQueryable }).master;
  return { executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows }) };
}

/** pg-boss inside a TypeORM transaction: a job written with it commits or rolls back with the transaction. */
export async function transactionExecutor(manager: EntityManager): Promise<PgBoss.Db> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('transactionExecutor needs a transaction manager');
  const client = (await runner.connect()) as PgQueryable;
  return { executeSql: async (text, values) => ({ rows: (await client.query(text, values)).rows }) };
}
