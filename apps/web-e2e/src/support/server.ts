import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export const WORKSPACE = path.resolve(__dirname, '../../../..');
const MAIN = path.join(WORKSPACE, 'dist/apps/api/apps/api/src/main.js');

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

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  database?: { serverUrl: string; name: string };
  dataDir: string;
  log: string;
  /** The embedded PostgreSQL's port, when the server runs its own (no DATABASE_URL). */
  embeddedPort?: number;
}

/**
 * The superuser URL of the database the server runs on (DATABASE_URL's server and the test's database, or the
 * embedded server's `skinledger` with the password the server keeps in its DATA_DIR), for tests that read rows the
 * UI never shows (the outbox's e-mailed codes).
 */
export function serverDatabaseUrl(server: RunningServer): string {
  if (server.database) {
    const url = new URL(server.database.serverUrl);
    url.pathname = `/${server.database.name}`;
    return url.toString();
  }
  const password = fs.readFileSync(path.join(server.dataDir, 'postgres-password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${server.embeddedPort}/skinledger`;
}

/** One query on the server's database, on its own connection. */
export async function queryServerDatabase<T>(server: RunningServer, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: serverDatabaseUrl(server) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Starts the built SkinLedger exactly as `npm start` runs it: on a fresh database of the server DATABASE_URL
 * names, or, without one, on its own embedded PostgreSQL in a throwaway DATA_DIR.
 */
export async function startServer(options: { host?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!fs.existsSync(MAIN)) throw new Error(`Build the app first (missing ${MAIN})`);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-e2e-'));
  const log = path.join(dataDir, 'server.log');
  const embeddedPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: host,
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(embeddedPort),
    WEB_DIST_DIR: path.join(WORKSPACE, 'dist/apps/web'),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...options.env,
  };
  let database: RunningServer['database'];
  if (process.env.DATABASE_URL) {
    const name = `skinledger_e2e_${Date.now().toString(36)}`;
    await adminQuery(process.env.DATABASE_URL, `CREATE DATABASE ${name}`);
    // Test data only: commits need not wait for the WAL flush (the shared server's fsync is its own business).
    await adminQuery(process.env.DATABASE_URL, `ALTER DATABASE ${name} SET synchronous_commit = off`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    database = { serverUrl: process.env.DATABASE_URL, name };
  }
  const out = fs.openSync(log, 'a');
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', out, out], cwd: WORKSPACE });
  fs.closeSync(out);
  const baseUrl = `http://${host}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`SkinLedger exited during start-up:\n${fs.readFileSync(log, 'utf8')}`);
    try {
      const response = await fetch(`${baseUrl}/api/health/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`SkinLedger did not become ready:\n${fs.readFileSync(log, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, process: child, database, dataDir, log, embeddedPort: database ? undefined : embeddedPort };
}

export async function stopServer(server: RunningServer): Promise<void> {
  if (server.process.exitCode === null) {
    const exited = new Promise((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    // Give the server time to stop its embedded PostgreSQL cleanly.
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
  if (server.database) await adminQuery(server.database.serverUrl, `DROP DATABASE IF EXISTS ${server.database.name} WITH (FORCE)`);
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}

export interface ClinicOwner {
  name: string;
  email: string;
  password: string;
}

/** First-run setup through the API, for flows that start from sign-in rather than from the setup page. */
export async function setUpClinic(baseUrl: string, owner: ClinicOwner = DEFAULT_OWNER): Promise<ClinicOwner> {
  const response = await fetch(`${baseUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organizationName: 'Harbour Skin Clinic',
      locationName: 'Harbour Street',
      timezone: 'America/New_York',
      adminName: owner.name,
      adminEmail: owner.email,
      adminPassword: owner.password,
    }),
  });
  if (response.status !== 201) throw new Error(`Setup failed: ${response.status} ${await response.text()}`);
  return owner;
}

export const DEFAULT_OWNER: ClinicOwner = { name: 'Dr. Maya Okafor', email: 'maya@harbour.example', password: 'harbour owner password' };
