import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres';
import { DEFAULT_APP_ROLE } from '../src/database/ensure-app-role';
import { runMigrations } from '../src/database/run-migrations';
import { createTestDatabase, databaseUrl, freePort, type RunState } from './test-database';

declare global {
  // Shared with global-teardown, which Jest runs in the same process.
  var __skinledgerEmbeddedPg: EmbeddedDatabase | undefined;
}

export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let serverUrl = process.env.DATABASE_URL;
  let embeddedDir: string | undefined;
  if (!serverUrl) {
    embeddedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-test-pg-'));
    globalThis.__skinledgerEmbeddedPg = await startEmbeddedPostgres({ dataDir: embeddedDir, port: await freePort(), persistent: false, nonDurable: true });
    serverUrl = globalThis.__skinledgerEmbeddedPg.url;
  }
  const templateDatabase = `skinledger_tpl_${runId}`;
  await createTestDatabase(serverUrl, templateDatabase);
  // Grants are copied with the template; the role is cluster-wide (concurrent runs share it; its creation tolerates races).
  const appRole = { name: DEFAULT_APP_ROLE, create: true, password: randomBytes(12).toString('hex') };
  await runMigrations(databaseUrl(serverUrl, templateDatabase), appRole);
  const state: RunState = { serverUrl, templateDatabase, runId, embeddedDir, appRole };
  process.env.SKINLEDGER_TEST_RUN = JSON.stringify(state);
}
