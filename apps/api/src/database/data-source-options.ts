import { Logger } from '@nestjs/common';
import type { DataSourceOptions } from 'typeorm';
import { IdempotencyCommitSubscriber } from '../common/idempotency/idempotency-commit.subscriber';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

const logger = new Logger('Database');

/** How long a request waits for a connection (a new one, or a free one from a busy pool) before it gets a 503. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** The one set of connection options used by the app, the migration command and the tests. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Commits an Idempotency-Key in the same transaction as the record its request created.
    subscribers: [IdempotencyCommitSubscriber],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries surface as exceptions; the problem filter logs the unexpected ones with the request id.
    logging: false,
    connectTimeoutMS: CONNECT_TIMEOUT_MS,
    // node-postgres emits 'error' on idle clients when the server restarts or drops them; the pool has already
    // discarded them, so a warning is all it takes (an unhandled 'error' event would end the process).
    poolErrorHandler: (error: unknown) => logger.warn({ err: error }, 'A pooled database connection was lost'),
    extra: { max: poolSize, application_name: 'skinledger', keepAlive: true },
  };
}
