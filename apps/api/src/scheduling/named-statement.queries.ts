import type { DataSource, EntityManager } from 'typeorm';

/**
 * A named prepared statement on the request's connection (node-postgres `{ name, text, values }`): PostgreSQL parses
 * and analyses the text once per connection and may keep a generic plan, so a hot read skips that work on every
 * request. Minimal and local to scheduling until a shared helper lands in apps/api/src/database (issue 15).
 * The statement runs on the caller's transaction (an EntityManager's runner, or the request's runner a DataSource
 * hands out), so the tenant setting and row-level security apply as for any other query.
 */
export interface NamedStatement {
  /** Unique per text in the process: node-postgres refuses one name for two texts on a connection. */
  name: string;
  text: string;
  values: unknown[];
}

interface PgClient {
  query(config: NamedStatement): Promise<{ rows: unknown[] }>;
}

export async function runNamedStatement<T>(db: DataSource | EntityManager, statement: NamedStatement): Promise<T[]> {
  const manager = 'manager' in db ? db.manager : db;
  const transactionRunner = manager.queryRunner;
  // Outside a transaction this is the request's runner (request-transaction.ts), whose release is a no-op, or a
  // runner of its own from the pool, released below.
  const runner = transactionRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    return (await client.query(statement)).rows as T[];
  } finally {
    if (!transactionRunner) await runner.release();
  }
}
