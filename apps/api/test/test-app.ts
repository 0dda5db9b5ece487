import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp, type CreateAppOptions } from '../src/app.factory';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { appRoleUrl } from '../src/database/app-database';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ApiClient } from './api-client';
import { adminQuery, createTestDatabase, databaseUrl, readRunState } from './test-database';

/** The audit chain key every test app uses (tests recompute MACs with it). */
export const TEST_AUDIT_HMAC_KEY = '7e57'.repeat(16);

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  /** The owner's connection (bypasses row-level security): for factories and raw SQL checks. */
  dataSource: DataSource;
  /** The API's own pool, logged in as the restricted app role. */
  appDataSource: DataSource;
  /** The owner's URL of this file's database. */
  databaseUrl: string;
  /** The app role's URL of this file's database (what the API connects with). */
  appDatabaseUrl: string;
  client(): ApiClient;
  close(): Promise<void>;
}

/** A fresh database copied from the migrated template, and the API listening on a free port in front of it. */
export async function createTestApp(env: Record<string, string> = {}, options: CreateAppOptions = {}): Promise<TestApp> {
  const state = readRunState();
  const database = `skinledger_test_${state.runId}_${randomBytes(4).toString('hex')}`;
  await createTestDatabase(state.serverUrl, database, state.templateDatabase);
  const url = databaseUrl(state.serverUrl, database);
  const appUrl = appRoleUrl(url, state.appRole);
  const config: AppConfig = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '', AUDIT_HMAC_KEY: TEST_AUDIT_HMAC_KEY, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', ...env });
  const app = await createApp(config, appUrl, options);
  const ownerDataSource = await new DataSource({ ...dataSourceOptions(url), extra: { max: 4 } }).initialize();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    baseUrl,
    dataSource: ownerDataSource,
    appDataSource: app.get(DataSource),
    databaseUrl: url,
    appDatabaseUrl: appUrl,
    client: () => new ApiClient(baseUrl),
    close: async () => {
      await app.close();
      await ownerDataSource.destroy();
      await adminQuery(state.serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}
