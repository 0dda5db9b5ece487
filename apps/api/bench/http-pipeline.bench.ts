import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type net from 'node:net';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { Client, Pool } from 'pg';
import { createApp } from '../src/app.factory';
import { hashPassword } from '../src/common/security/passwords';
import { loadConfig } from '../src/config/app-config';
import { appRoleUrl } from '../src/database/app-database';
import { benchAppRole, machineLine, runBenchmark, sql, withBenchDatabase, write } from './bench-support';
import { minimalNest } from './minimal-nest';
import { FIRST_NAMES, LAST_NAMES } from './names';

/**
 * The HTTP pipeline against its floors: `npm run bench:http`.
 *
 * Servers, each in a process of its own (autocannon runs in this one): a bare Fastify hello-world (the same Fastify
 * version as the app); a minimal NestJS app with only a health controller (minimal-nest.ts: NestJS's own cost, the
 * ceiling for any Nest application's health); the built app (signed in as an owner, LOG_LEVEL=info by default as in
 * production, its log going to /dev/null); a second instance of it that only ever answers health (no signed-in request
 * has switched on AsyncLocalStorage's promise hooks there); and a bare `pg` handler that runs the very SQL the app ran
 * for the same reads (captured from the app's own connection, session check, audit writes and transaction control
 * left out; as the superuser, so without row-level security's tenant setting). They are driven one after another,
 * alternately, with 50 connections, BENCH_ROUNDS rounds of BENCH_SECONDS each; the ratios printed are the medians
 * over the rounds.
 * Goals (issue 15): health ≥ 0.85 of bare Fastify; the reads ≥ 0.5 of the app's own health.
 */

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 20_000);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const PASSWORD = 'benchmark password 1';
const ZONE = 'America/New_York';

interface Statement {
  /** Set for a named (prepared) statement. */
  name?: string;
  text: string;
  values: unknown[];
}

type ChildMessage = { port: number } | { statements: Statement[] };

// ---------------------------------------------------------------------------------------------------------------
// The child processes.

async function bareFastify(): Promise<number> {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as net.AddressInfo).port;
}

/** The app; on a `capture` message it records the statements one request sends to PostgreSQL. */
async function builtApp(url: string): Promise<number> {
  const app = await createApp(
    loadConfig({ NODE_ENV: 'production', LOG_LEVEL, WEB_DIST_DIR: '', MESSAGE_WORKER: 'false' }),
    appRoleUrl(url, benchAppRole),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.getHttpServer().address() as net.AddressInfo).port;
  const original = Client.prototype.query;
  process.on('message', (message: { capture: string; cookie: string }) => {
    void (async () => {
      const statements: Statement[] = [];
      Client.prototype.query = function (this: Client, text: unknown, values?: unknown) {
        if (typeof text === 'string') statements.push({ text, values: Array.isArray(values) ? values : [] });
        // A named (prepared) statement comes as a config object: replayed as one too, so both sides skip planning.
        else if (text && typeof text === 'object' && 'text' in text) {
          const config = text as { name?: string; text: string; values?: unknown[] };
          statements.push({ name: config.name, text: config.text, values: config.values ?? [] });
        }
        // eslint-disable-next-line prefer-rest-params
        return (original as (...args: unknown[]) => unknown).apply(this, [...arguments]);
      } as typeof Client.prototype.query;
      try {
        const response = await fetch(`http://127.0.0.1:${port}${message.capture}`, { headers: { cookie: message.cookie } });
        if (response.status !== 200) throw new Error(`${message.capture} answered ${response.status}`);
        await response.arrayBuffer();
      } finally {
        Client.prototype.query = original;
      }
      process.send?.({ statements } satisfies ChildMessage);
    })();
  });
  return port;
}

/** Answers GET /<name> by running the statements the parent handed it for that name, and sends the rows as JSON. */
async function barePg(url: string, reads: Record<string, Statement[]>): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined); // an idle connection cut at the end of the run
  const app = Fastify();
  for (const [name, statements] of Object.entries(reads)) {
    app.get(`/${name}`, async () => {
      const client = await pool.connect();
      try {
        const results = [];
        for (const s of statements) results.push((await client.query({ name: s.name, text: s.text, values: s.values })).rows);
        return results;
      } finally {
        client.release();
      }
    });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as net.AddressInfo).port;
}

async function child(role: string): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? '';
  const port =
    role === 'bare-fastify' ? await bareFastify() : role === 'minimal-nest' ? await minimalNest() : role === 'app' ? await builtApp(url) : await barePg(url, JSON.parse(process.env.BENCH_READS ?? '{}'));
  process.send?.({ port } satisfies ChildMessage);
}

// ---------------------------------------------------------------------------------------------------------------
// The parent: seed, start, capture, drive.

interface Seeded {
  email: string;
  organizationId: string;
  locationId: string;
  patientId: string;
  day: { from: string; to: string };
}

/** One clinic: an owner, PATIENTS patients, 6 practitioners and rooms with a day of 54 appointments, for 3 weeks. */
async function seed(url: string): Promise<Seeded> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const q = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
    const email = `bench-${randomBytes(4).toString('hex')}@bench.test`;
    const [org] = await q<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Benchmark Clinic') RETURNING id`);
    const [location] = await q<{ id: string }>(`INSERT INTO locations (organization_id, name, timezone) VALUES ($1, 'Main', $2) RETURNING id`, [org.id, ZONE]);
    await q(`INSERT INTO staff_members (organization_id, email, name, role, password_hash, default_location_id) VALUES ($1, $2, 'Bench Owner', 'owner', $3, $4)`, [
      org.id,
      email,
      await hashPassword(PASSWORD),
      location.id,
    ]);
    await q(`SELECT setseed(0.42)`);
    await q(
      `INSERT INTO patients (organization_id, mrn, first_name, last_name, date_of_birth, sex, phone, email)
       SELECT $1, 'SL-' || lpad(g::text, 6, '0'), f, l, DATE '1940-01-01' + (random() * 30000)::int,
              (ARRAY['female', 'female', 'male', 'other', 'unknown'])[1 + floor(random() * 5)::int],
              '+1' || (201 + floor(random() * 798))::int::text || lpad(floor(random() * 10000000)::int::text, 7, '0'),
              'patient' || g || '@example.com'
         FROM (SELECT g, ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] AS f,
                         ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] AS l
                 FROM generate_series(1, $2::int) g) s`,
      [org.id, PATIENTS, FIRST_NAMES, LAST_NAMES],
    );
    await q(`INSERT INTO patient_mrn_counters (organization_id, last_number) VALUES ($1, $2)`, [org.id, PATIENTS]);
    const practitioners: string[] = [];
    const rooms: string[] = [];
    for (let i = 0; i < 6; i++) {
      const [p] = await q<{ id: string }>(`INSERT INTO staff_members (organization_id, email, name, role, password_hash) VALUES ($1, $2, $3, 'nurse', 'x') RETURNING id`, [
        org.id,
        `p${i}-${email}`,
        `Practitioner ${i + 1}`,
      ]);
      practitioners.push(p.id);
      await q(
        `INSERT INTO practitioner_credentials (organization_id, staff_member_id, licence_type, licence_number, jurisdiction, expires_on) VALUES ($1, $2, 'registered_nurse', 'L', 'NY', '2099-12-31')`,
        [org.id, p.id],
      );
      rooms.push((await q<{ id: string }>(`INSERT INTO rooms (organization_id, location_id, name) VALUES ($1, $2, $3) RETURNING id`, [org.id, location.id, `Room ${i + 1}`]))[0].id);
    }
    const [service] = await q<{ id: string }>(
      `INSERT INTO services (organization_id, name, duration_min, buffer_min, procedure_kind, min_days_since_previous_medical)
       VALUES ($1, 'Consultation', 45, 0, 'consultation', 0) RETURNING id`,
      [org.id],
    );
    // Days from tomorrow (UTC), 12:00–20:00 UTC hourly, one per practitioner and room: 54 a day.
    const first = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1));
    await q(
      `WITH p AS (SELECT array_agg(id ORDER BY mrn) AS ids FROM patients WHERE organization_id = $1)
       INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until)
       SELECT $1, $2, p.ids[1 + (d * 97 + h * 13 + k * 7) % cardinality(p.ids)], $3, ($4::uuid[])[k], ($5::uuid[])[k],
              t.starts_at, t.starts_at + interval '45 minutes', t.starts_at + interval '45 minutes'
         FROM p, generate_series(0, 20) d, generate_series(0, 8) h, generate_series(1, 6) k,
              LATERAL (SELECT $6::timestamptz + make_interval(days => d, hours => 12 + h) AS starts_at) t`,
      [org.id, location.id, service.id, practitioners, rooms, first.toISOString()],
    );
    await q(`VACUUM ANALYZE patients`);
    await q(`VACUUM ANALYZE appointments`);
    const [patient] = await q<{ id: string }>(`SELECT id FROM patients WHERE organization_id = $1 ORDER BY mrn OFFSET 100 LIMIT 1`, [org.id]);
    const to = new Date(first.getTime() + 86_400_000);
    return { email, organizationId: org.id, locationId: location.id, patientId: patient.id, day: { from: first.toISOString(), to: to.toISOString() } };
  } finally {
    await db.end();
  }
}

interface Started {
  process: ChildProcess;
  port: number;
  next(): Promise<ChildMessage>;
}

async function start(role: string, env: Record<string, string>): Promise<Started> {
  const child = fork(__filename, [role], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const queue: ChildMessage[] = [];
  const waiting: ((m: ChildMessage) => void)[] = [];
  child.on('message', (m: ChildMessage) => (waiting.length ? waiting.shift()?.(m) : queue.push(m)));
  const next = () =>
    new Promise<ChildMessage>((resolve, reject) => {
      const queued = queue.shift();
      if (queued) return resolve(queued);
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
    });
  const first = await next();
  if (!('port' in first)) throw new Error(`${role} did not start`);
  return { process: child, port: first.port, next };
}

/** The statements the app sent for a read, less the session check, its transaction and its audit writes. */
function readsOnly(statements: Statement[]): Statement[] {
  return statements.filter(
    (s) =>
      /^\s*(SELECT|WITH)\b/i.test(s.text) &&
      !/\bINSERT\b|\bUPDATE\b|auth_resolve_session|set_config|settings->/i.test(s.text),
  );
}

async function drive(url: string, cookie?: string): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: cookie ? { cookie } : {} });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  await withBenchDatabase(async (url) => {
    const seeded = await seed(url);
    const [{ server_version: version }] = await sql<{ server_version: string }>(url, `SHOW server_version`);
    const env = { BENCH_DATABASE_URL: url, BENCH_APP_ROLE_PASSWORD: benchAppRole.password ?? '' };
    const children: ChildProcess[] = [];
    try {
      const bare = await start('bare-fastify', env);
      children.push(bare.process);
      const nest = await start('minimal-nest', env);
      children.push(nest.process);
      const app = await start('app', env);
      children.push(app.process);
      // A second instance that only ever answers health: no signed-in request has opened a request context in it, so
      // Node 20's AsyncLocalStorage has not switched on its promise hooks (request-transaction.ts) there.
      const fresh = await start('app', env);
      children.push(fresh.process);
      const base = `http://127.0.0.1:${app.port}`;
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: seeded.email, password: PASSWORD }),
      });
      if (login.status !== 200) throw new Error(`Sign-in failed: ${login.status} ${await login.text()}`);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');

      const routes = {
        'patients list': '/api/patients?pageSize=20',
        'patient by id': `/api/patients/${seeded.patientId}`,
        "day's appointments": `/api/appointments?locationId=${seeded.locationId}&from=${seeded.day.from}&to=${seeded.day.to}`,
      };
      const reads: Record<string, Statement[]> = {};
      for (const [name, path] of Object.entries(routes)) {
        app.process.send({ capture: path, cookie });
        const answer = await app.next();
        if (!('statements' in answer)) throw new Error('No statements captured');
        reads[name.replace(/\W+/g, '-')] = readsOnly(answer.statements);
      }
      const pg = await start('bare-pg', { ...env, BENCH_DATABASE_URL: url, BENCH_READS: JSON.stringify(reads) });
      children.push(pg.process);

      const targets: { name: string; url: string; cookie?: string }[] = [
        { name: 'bare Fastify', url: `http://127.0.0.1:${bare.port}/` },
        { name: 'minimal Nest', url: `http://127.0.0.1:${nest.port}/api/health` },
        { name: 'app health', url: `${base}/api/health` },
        { name: 'app health, no context', url: `http://127.0.0.1:${fresh.port}/api/health` },
        ...Object.entries(routes).map(([name, path]) => ({ name: `app ${name}`, url: `${base}${path}`, cookie })),
        ...Object.keys(routes).map((name) => ({ name: `pg ${name}`, url: `http://127.0.0.1:${pg.port}/${name.replace(/\W+/g, '-')}` })),
      ];
      write(machineLine(version));
      write(`${PATIENTS.toLocaleString('en-US')} patients; ${CONNECTIONS} connections; ${ROUNDS} rounds of ${SECONDS} s per target, alternating; app LOG_LEVEL=${LOG_LEVEL}`);
      for (const t of targets) await drive(t.url, t.cookie).catch(() => undefined); // warm-up (JIT, pools, caches)
      const rates = new Map<string, number[]>(targets.map((t) => [t.name, []]));
      const ratios = new Map<string, number[]>();
      const ratio = (label: string, value: number) => ratios.set(label, [...(ratios.get(label) ?? []), value]);
      for (let round = 1; round <= ROUNDS; round++) {
        const now = new Map<string, number>();
        for (const t of targets) {
          const rate = await drive(t.url, t.cookie);
          now.set(t.name, rate);
          rates.get(t.name)?.push(rate);
        }
        const get = (name: string) => now.get(name) ?? NaN;
        ratio('health / bare Fastify (goal ≥ 0.85)', get('app health') / get('bare Fastify'));
        ratio('minimal Nest / bare Fastify (framework floor)', get('minimal Nest') / get('bare Fastify'));
        ratio('health / minimal Nest (our pipeline)', get('app health') / get('minimal Nest'));
        ratio('health, no request context yet / minimal Nest', get('app health, no context') / get('minimal Nest'));
        for (const name of Object.keys(routes)) ratio(`${name} / app health (goal ≥ 0.5)`, get(`app ${name}`) / get('app health'));
        for (const name of Object.keys(routes)) ratio(`${name} / bare pg`, get(`app ${name}`) / get(`pg ${name}`));
        write(`round ${round}: ${targets.map((t) => `${t.name} ${Math.round(get(t.name))}/s`).join(', ')}`);
      }
      write();
      write('Requests per second (median of the rounds):');
      for (const [name, values] of rates) write(`  ${name.padEnd(28)}${Math.round(median(values)).toString().padStart(8)}`);
      write();
      write('Ratios (median of the rounds):');
      for (const [label, values] of ratios) write(`  ${label.padEnd(44)}${median(values).toFixed(2).padStart(6)}   (${values.map((v) => v.toFixed(2)).join(', ')})`);
      write();
      write(`Statements per read (bare pg replays these): ${Object.entries(reads).map(([n, s]) => `${n} ${s.length}`).join(', ')}`);
    } finally {
      // Stopped before the database is dropped (which would cut their connections mid-flight).
      await Promise.all(children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : (c.once('exit', resolve), c.kill())))));
    }
  });
}

const role = process.argv[2];
if (role) {
  child(role).catch((error: unknown) => {
    process.stderr.write(`${role} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
} else {
  runBenchmark(main);
}
