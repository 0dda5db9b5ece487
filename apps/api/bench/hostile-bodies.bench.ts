import { fork } from 'node:child_process';
import type net from 'node:net';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { hostileBodies, sendRaw, type RawRequest } from '../test/raw-http';
import { machineLine, percentile, runBenchmark, sql, withBenchDatabase, write } from './bench-support';

/**
 * Hostile bodies against the running API: `npm run bench:hostile`.
 *
 * The API runs in this process on a throwaway database; one child process plays the anonymous attacker and another
 * probes GET /api/health one request after another for as long as the attack lasts, so neither shares the server's
 * event loop nor each other's. The attacker sends ROUNDS waves of CONCURRENT 4 MiB bodies to
 * POST /api/auth/login (deep arrays and deep objects streamed without Content-Length, a flat 4 MiB body streamed, and
 * one declaring its 4 MiB up front), wave after wave.
 * Targets (issue 11): every hostile request refused in < 1 s, /api/health p99 < 250 ms while they are in flight.
 */

const CONCURRENT = Number(process.env.BENCH_HOSTILE_CONCURRENT ?? 10);
const ROUNDS = Number(process.env.BENCH_HOSTILE_ROUNDS ?? 5);
const BODY_BYTES = 4 * 1024 * 1024;
const BASELINE_PROBES = 200;
const MAX_PROBES = 20_000;

interface Kind {
  name: string;
  request: () => RawRequest;
}

const json = { 'content-type': 'application/json' };
const login = '/api/auth/login';
// Built once and shared by every request: the attacker's process should spend its time sending, not building.
let bodies: { arrays: Buffer; objects: Buffer; flat: Buffer } | undefined;
const body = () => (bodies ??= { arrays: hostileBodies.nestedArrays(BODY_BYTES), objects: hostileBodies.nestedObjects(BODY_BYTES), flat: hostileBodies.flatString(BODY_BYTES) });
const KINDS: Kind[] = [
  { name: 'nested arrays, streamed', request: () => ({ path: login, headers: json, body: body().arrays, chunked: true }) },
  { name: 'nested objects, streamed', request: () => ({ path: login, headers: json, body: body().objects, chunked: true }) },
  { name: 'flat 4 MiB, streamed', request: () => ({ path: login, headers: json, body: body().flat, chunked: true }) },
  { name: 'nested arrays, Content-Length', request: () => ({ path: login, headers: json, body: body().arrays }) },
];

interface AttackReport {
  refusals: { kind: string; status: number; problem: boolean; elapsedMs: number }[];
  wallMs: number;
}

interface ProbeReport {
  baselineMs: number[];
  underAttackMs: number[];
}

async function probe(baseUrl: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/health`);
  await response.text();
  if (response.status !== 200) throw new Error(`/api/health answered ${response.status}`);
  return performance.now() - started;
}

/** The prober, in a process of its own: idle figures first, then probes one after another until told to stop. */
async function probeHealth(baseUrl: string): Promise<void> {
  const report: ProbeReport = { baselineMs: [], underAttackMs: [] };
  for (let i = 0; i < BASELINE_PROBES; i++) report.baselineMs.push(await probe(baseUrl));
  let stopping = false;
  process.on('message', () => {
    stopping = true;
  });
  process.send?.('ready');
  while (!stopping && report.underAttackMs.length < MAX_PROBES) report.underAttackMs.push(await probe(baseUrl));
  process.send?.(report, () => process.exit(0));
}

/** The attacker, in another process: ROUNDS waves of CONCURRENT hostile requests, one wave after another. */
async function attack(baseUrl: string): Promise<void> {
  const report: AttackReport = { refusals: [], wallMs: 0 };
  body();
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all(
      Array.from({ length: CONCURRENT }, async (_, i) => {
        const kind = KINDS[i % KINDS.length];
        try {
          const response = await sendRaw(baseUrl, kind.request());
          report.refusals.push({ kind: kind.name, status: response.status, problem: String(response.headers['content-type']).includes('problem+json'), elapsedMs: response.elapsedMs });
        } catch (error: unknown) {
          // The connection was cut before the answer was read: refused, but without a readable answer.
          report.refusals.push({ kind: kind.name, status: 0, problem: false, elapsedMs: Number.NaN });
          process.stderr.write(`${kind.name}: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      }),
    );
  }
  report.wallMs = performance.now() - started;
  process.send?.(report, () => process.exit(0));
}

function child<T>(role: '--attack' | '--probe', baseUrl: string) {
  const process_ = fork(__filename, [role, baseUrl], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<never>((_, reject) => process_.once('exit', (code) => reject(new Error(`The ${role.slice(2)} process exited with ${code} before reporting`))));
  // Exiting after the report is the normal end; only an exit before it is an error (seen by a pending next()).
  exited.catch(() => undefined);
  const next = <M>() => Promise.race([new Promise<M>((resolve) => process_.once('message', (message) => resolve(message as M))), exited]);
  return { process: process_, next, report: () => next<T>() };
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v: number) => v.toFixed(1).padStart(7);
  return `n=${String(sorted.length).padStart(5)}  p50 ${f(percentile(sorted, 50))}  p95 ${f(percentile(sorted, 95))}  p99 ${f(percentile(sorted, 99))}  max ${f(sorted[sorted.length - 1])} ms`;
}

async function main(): Promise<void> {
  await withBenchDatabase(async (url) => {
    const [{ server_version: version }] = await sql<{ server_version: string }>(url, 'SHOW server_version');
    const app = await createApp(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', WEB_DIST_DIR: '', MESSAGE_WORKER: 'false' }), url);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as net.AddressInfo).port}`;
      write(machineLine(version));
      write(`${ROUNDS} waves of ${CONCURRENT} concurrent 4 MiB hostile bodies to POST /api/auth/login, anonymous; /api/health probed meanwhile`);
      const prober = child<ProbeReport>('--probe', baseUrl);
      await prober.next<string>();
      const report = await child<AttackReport>('--attack', baseUrl).report();
      prober.process.send('stop');
      const health = await prober.report();
      write(`/api/health, idle:          ${summary(health.baselineMs)}`);
      write(`/api/health, under attack:  ${summary(health.underAttackMs)}`);
      for (const kind of KINDS) {
        const mine = report.refusals.filter((r) => r.kind === kind.name);
        const statuses = [...new Set(mine.map((r) => `${r.status}${r.problem ? ' problem+json' : ''}`))].join(', ');
        write(`refused: ${kind.name.padEnd(30)} ${statuses.padEnd(18)} ${summary(mine.map((r) => r.elapsedMs))}`);
      }
      const slowest = Math.max(...report.refusals.map((r) => r.elapsedMs));
      const healthP99 = percentile([...health.underAttackMs].sort((a, b) => a - b), 99);
      const allRefused = report.refusals.every((r) => (r.status === 400 || r.status === 413) && r.problem);
      write(`${report.refusals.length} hostile requests (${((report.refusals.length * BODY_BYTES) / 2 ** 20).toFixed(0)} MiB offered) in ${(report.wallMs / 1000).toFixed(1)} s`);
      const met = allRefused && slowest < 1000 && healthP99 < 250;
      write(`Targets (each refused as 400/413 problem+json in < 1000 ms, health p99 < 250 ms): ${met ? 'met' : 'NOT met'} (slowest refusal ${slowest.toFixed(1)} ms, health p99 ${healthP99.toFixed(1)} ms)`);
      if (!met) process.exitCode = 1;
    } finally {
      await app.close();
    }
  });
}

const role = process.argv[2];
if (role === '--attack' || role === '--probe') {
  (role === '--attack' ? attack : probeHealth)(process.argv[3]).catch((error: unknown) => {
    process.stderr.write(`${role.slice(2)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
} else {
  runBenchmark(main);
}
