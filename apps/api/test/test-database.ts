import fs from 'node:fs';
import net from 'node:net';
import { Client } from 'pg';
import type { AppRoleSpec } from '../src/database/ensure-app-role';

/**
 * Test runs use a real PostgreSQL: the server DATABASE_URL names (CI: 127.0.0.1:5432), else an embedded one
 * started once per run. Migrations run once into a template database; each test file then gets its own
 * database copied from the template, so files run in parallel and never see each other's rows.
 */

export interface RunState {
  serverUrl: string;
  templateDatabase: string;
  runId: string;
  embeddedDir?: string;
  /** The restricted role every test app logs in as (created by global setup like `npm start` does). */
  appRole: AppRoleSpec;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, sql: string, params: unknown[] = []): Promise<{ rows: Record<string, unknown>[] }> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/**
 * Creates a test database (optionally copied from the template) whose sessions commit without waiting for the WAL
 * flush. On a shared server (DATABASE_URL) this per-database setting is all a test may change: fsync and
 * full_page_writes are the server's own (never ALTER SYSTEM a shared cluster). The embedded cluster has all three off.
 * The setting is per database and CREATE DATABASE … TEMPLATE does not copy it, hence once per copy.
 */
export async function createTestDatabase(serverUrl: string, database: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(template ? `CREATE DATABASE ${database} TEMPLATE ${template}` : `CREATE DATABASE ${database}`);
    await client.query(`ALTER DATABASE ${database} SET synchronous_commit = off`);
  } finally {
    await client.end();
  }
}

export function readRunState(): RunState {
  const raw = process.env.SKINLEDGER_TEST_RUN;
  if (!raw) {
    throw new Error(
      'No test database: the API test global setup did not run (SKINLEDGER_TEST_RUN is unset). ' +
        'A spec that needs PostgreSQL must be named *.integration.spec.ts (apps/api/jest.config.js runs those).',
    );
  }
  return JSON.parse(raw) as RunState;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A TCP port free on loopback right now (for an embedded PostgreSQL). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
