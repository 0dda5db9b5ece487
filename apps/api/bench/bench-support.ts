import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/run-migrations';
import { appRoleUrl } from '../src/database/app-database';
import { DEFAULT_APP_ROLE, type AppRoleSpec } from '../src/database/ensure-app-role';
import { databaseUrl, freePort } from '../test/test-database';

export const write = (line = '') => process.stdout.write(`${line}\n`);

export async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * The API under benchmark logs in as the restricted app role, as in production; data is loaded as the owner. A bench
 * that runs the API in a child process hands the password down in BENCH_APP_ROLE_PASSWORD.
 */
export const benchAppRole: AppRoleSpec = {
  name: DEFAULT_APP_ROLE,
  create: true,
  password: process.env.BENCH_APP_ROLE_PASSWORD ?? randomBytes(12).toString('hex'),
};

/**
 * A throw-away migrated database on DATABASE_URL's server (or an embedded PostgreSQL when unset), dropped at the end
 * whatever happens (unless BENCH_KEEP_DATABASE=1 on a server).
 */
export async function withBenchDatabase(run: (url: string) => Promise<void>): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  let embeddedDir: string | undefined;
  if (!serverUrl) {
    embeddedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-bench-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir: embeddedDir, port: await freePort(), persistent: false });
    serverUrl = embedded.url;
  }
  const database = `skinledger_bench_${randomBytes(4).toString('hex')}`;
  const adminUrl = databaseUrl(serverUrl, 'postgres');
  await sql(adminUrl, `CREATE DATABASE ${database}`);
  try {
    const url = databaseUrl(serverUrl, database);
    await runMigrations(url, benchAppRole);
    await run(url);
  } finally {
    // BENCH_KEEP_DATABASE=1 leaves a seeded database behind for EXPLAIN ANALYZE (server databases only).
    if (process.env.BENCH_KEEP_DATABASE === '1' && !embedded) write(`Kept database ${database}`);
    else await sql(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    if (embedded) await embedded.stop();
    if (embeddedDir) fs.rmSync(embeddedDir, { recursive: true, force: true });
  }
}

/** The API in front of the database, signed in as `email`: a fetch that carries the session cookie. */
export async function withSignedInApi(
  url: string,
  email: string,
  password: string,
  run: (get: (pathAndQuery: string) => Promise<Response>) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const app = await createApp(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', WEB_DIST_DIR: '', MESSAGE_WORKER: 'false', ...env }), appRoleUrl(url, benchAppRole));
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as net.AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (login.status !== 200) throw new Error(`Sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    await run((pathAndQuery) => fetch(`${base}${pathAndQuery}`, { headers: { cookie } }));
  } finally {
    await app.close();
  }
}

export function machineLine(version: string): string {
  const cpus = os.cpus();
  return `Machine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; PostgreSQL ${version}; Node ${process.version}`;
}

export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
