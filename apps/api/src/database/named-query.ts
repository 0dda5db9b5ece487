import type { PoolClient } from 'pg';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';

/**
 * Runs a statement as a named (prepared) statement on the manager's connection (in a request: the request's own):
 * PostgreSQL parses and plans it once per connection and then only binds and executes it, which for a statement sent
 * on every request (the sign-in check, the audit write, a module's hot read) saves the parse and plan each time. Use
 * it for constant SQL text with parameters ($1...), one name per text (node-postgres refuses a name reused for other
 * text). Errors come back as TypeORM's QueryFailedError, as from manager.query. Not behind a transaction-pooling
 * proxy (PgBouncer in transaction mode), which does not keep prepared statements per client.
 */
export async function namedQuery<T>(manager: EntityManager, name: string, text: string, values: readonly unknown[]): Promise<T[]> {
  const own = manager.queryRunner;
  // Outside a request and without a runner of its own, TypeORM hands out a pool runner that must go back afterwards
  // (inside a request, createQueryRunner answers the request's runner, whose release does nothing).
  const runner = own ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    const result = await client.query({ name, text, values: values as unknown[] });
    return result.rows as T[];
  } catch (error) {
    if (error instanceof Error && 'code' in error && !(error instanceof QueryFailedError)) throw new QueryFailedError(text, values as unknown[], error);
    throw error;
  } finally {
    if (!own) await runner.release();
  }
}

/** A named statement as one value: `name` unique per text in the process. */
export interface NamedStatement {
  name: string;
  text: string;
  values: unknown[];
}

/** `namedQuery` for a statement object, on a DataSource (the request's runner inside a request) or a manager. */
export function runNamedStatement<T>(db: DataSource | EntityManager, statement: NamedStatement): Promise<T[]> {
  const manager = db instanceof DataSource ? db.manager : db;
  return namedQuery<T>(manager, statement.name, statement.text, statement.values);
}
