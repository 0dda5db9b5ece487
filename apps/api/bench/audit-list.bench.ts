import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '../src/common/security/passwords';
import { machineLine, percentile, runBenchmark, withBenchDatabase, withSignedInApi, write } from './bench-support';

/**
 * The admins' audit list (GET /api/audit-events) through HTTP at 100,000 and then 1,000,000 events in one
 * organization: `npm run bench:audit`. Target (issue 15): p95 < 30 ms at 1M, and about the same at 100k and 1M.
 *
 * Scenarios, each BENCH_RUNS requests (default 100) of a 50-event page: the unfiltered first page, the list filtered
 * by one patient (entityType + entityId), by one actor and by one action, and a deep page reached by following
 * BENCH_DEEP_PAGES (default 200) cursors, i.e. 10,000 events in. BENCH_AUDIT_PAGING=offset measures an API that
 * still pages by `page=` (main before issue 15): the deep page is then `page=201`.
 */

const SIZES = (process.env.BENCH_AUDIT_SIZES ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const DEEP_PAGES = Number(process.env.BENCH_DEEP_PAGES ?? 200);
const PAGE_SIZE = 50;
const OFFSET_PAGING = process.env.BENCH_AUDIT_PAGING === 'offset';
const PASSWORD = 'benchmark password 1';
const ACTORS = 20;
const PATIENTS = 2000;
const ACTIONS = [
  'patient.viewed',
  'treatment_session.viewed',
  'consents.listed',
  'patient.updated',
  'photos.listed',
  'appointment.booked',
  'appointment.cancelled',
  'patients.searched',
  'lot.received',
  'auth.login',
];

interface Org {
  email: string;
  organizationId: string;
  actorId: string;
  patientId: string;
}

async function seedOrganization(client: Client): Promise<Org> {
  const email = `bench-${randomBytes(4).toString('hex')}@bench.test`;
  const org = (await client.query(`INSERT INTO organizations (name) VALUES ('Benchmark Clinic') RETURNING id`)).rows[0].id as string;
  const location = (await client.query(`INSERT INTO locations (organization_id, name, timezone) VALUES ($1, 'Main', 'UTC') RETURNING id`, [org])).rows[0].id as string;
  const hash = await hashPassword(PASSWORD);
  const staff = await client.query(
    `INSERT INTO staff_members (organization_id, email, name, role, password_hash, default_location_id)
     SELECT $1, CASE WHEN g = 1 THEN $2 ELSE 'staff' || g || '-' || $2 END, 'Staff Member ' || g, CASE WHEN g = 1 THEN 'owner' ELSE 'nurse' END, $3, $4
       FROM generate_series(1, $5::int) g RETURNING id`,
    [org, email, hash, location, ACTORS],
  );
  await client.query(
    `INSERT INTO patients (organization_id, mrn, first_name, last_name, date_of_birth)
     SELECT $1, 'SL-' || lpad(g::text, 6, '0'), 'Pat' || g, 'Bench', DATE '1970-01-01' + g FROM generate_series(1, $2::int) g`,
    [org, PATIENTS],
  );
  const patient = (await client.query(`SELECT id FROM patients WHERE organization_id = $1 ORDER BY mrn LIMIT 1 OFFSET 7`, [org])).rows[0].id as string;
  return { email, organizationId: org, actorId: staff.rows[3].id as string, patientId: patient };
}

/** Events numbered from..to, one second apart, spread over the actors, the patients and the actions. */
async function addEvents(client: Client, org: Org, from: number, to: number): Promise<void> {
  const batch = 200_000;
  for (let start = from; start <= to; start += batch) {
    const end = Math.min(to, start + batch - 1);
    await client.query(
      `WITH staff AS (SELECT array_agg(id ORDER BY email) AS ids FROM staff_members WHERE organization_id = $1),
            people AS (SELECT array_agg(id::text ORDER BY mrn) AS ids FROM patients WHERE organization_id = $1)
       INSERT INTO audit_events (organization_id, actor_id, action, entity_type, entity_id, occurred_at, ip, request_id, changes)
       SELECT $1, staff.ids[1 + g % cardinality(staff.ids)], ($4::text[])[1 + g % cardinality($4::text[])], 'patient',
              people.ids[1 + (g::bigint * 7919) % cardinality(people.ids)],
              TIMESTAMPTZ '2025-01-01T00:00:00Z' + g * interval '1 second', '127.0.0.1', 'bench', jsonb_build_object('n', jsonb_build_object('to', g))
         FROM generate_series($2::int, $3::int) g, staff, people`,
      [org.organizationId, start, end, ACTIONS],
    );
  }
  await client.query(`VACUUM ANALYZE audit_events`);
}

interface Figures {
  p50: number;
  p95: number;
  p99: number;
}

async function measure(get: (path: string) => Promise<Response>, path: string): Promise<Figures> {
  const times: number[] = [];
  for (let run = 0; run < RUNS + 5; run++) {
    const t = performance.now();
    const response = await get(path);
    const body = (await response.json()) as { items?: unknown[] };
    const ms = performance.now() - t;
    if (response.status !== 200 || !Array.isArray(body.items) || body.items.length === 0) throw new Error(`${path}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    if (run >= 5) times.push(ms); // the first five warm the caches and the plan
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

/** The path of the page DEEP_PAGES pages in: by following nextCursor (keyset) or by page number (offset). */
async function deepPagePath(get: (path: string) => Promise<Response>): Promise<string> {
  if (OFFSET_PAGING) return `/api/audit-events?pageSize=${PAGE_SIZE}&page=${DEEP_PAGES + 1}`;
  let path = `/api/audit-events?pageSize=${PAGE_SIZE}`;
  for (let page = 0; page < DEEP_PAGES; page++) {
    const body = (await (await get(path)).json()) as { nextCursor: string | null };
    if (!body.nextCursor) throw new Error(`The list ended after ${page + 1} pages`);
    path = `/api/audit-events?pageSize=${PAGE_SIZE}&after=${body.nextCursor}`;
  }
  return path;
}

const ms = (n: number) => n.toFixed(1).padStart(7);

async function main(): Promise<void> {
  await withBenchDatabase(async (url) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    const results = new Map<string, Map<number, Figures>>();
    try {
      write(machineLine((await client.query(`SHOW server_version`)).rows[0].server_version as string));
      write(`Paging: ${OFFSET_PAGING ? 'offset (page=)' : 'keyset (after=)'}; ${RUNS} requests per scenario, ${PAGE_SIZE} events a page`);
      const org = await seedOrganization(client);
      let seeded = 0;
      for (const size of SIZES) {
        const started = Date.now();
        await addEvents(client, org, seeded + 1, size);
        seeded = size;
        write(`${size.toLocaleString('en-US')} events (seeded in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
        await withSignedInApi(url, org.email, PASSWORD, async (get) => {
          const scenarios: [string, string][] = [
            ['unfiltered, first page', `/api/audit-events?pageSize=${PAGE_SIZE}`],
            ['by patient', `/api/audit-events?pageSize=${PAGE_SIZE}&entityType=patient&entityId=${org.patientId}`],
            ['by actor', `/api/audit-events?pageSize=${PAGE_SIZE}&actorId=${org.actorId}`],
            ['by action', `/api/audit-events?pageSize=${PAGE_SIZE}&action=appointment.cancelled`],
            [`deep page (${(DEEP_PAGES * PAGE_SIZE).toLocaleString('en-US')} in)`, await deepPagePath(get)],
          ];
          for (const [name, path] of scenarios) {
            const figures = await measure(get, path);
            if (!results.has(name)) results.set(name, new Map());
            results.get(name)?.set(size, figures);
            write(`  ${name.padEnd(28)} p50 ${ms(figures.p50)} ms  p95 ${ms(figures.p95)} ms  p99 ${ms(figures.p99)} ms`);
          }
        });
      }
    } finally {
      await client.end();
    }
    const [small, large] = [SIZES[0], SIZES[SIZES.length - 1]];
    write(`Growth ${small.toLocaleString('en-US')} -> ${large.toLocaleString('en-US')} events (p95 ratio), target p95 < 30 ms at the largest size:`);
    let pass = true;
    for (const [name, bySize] of results) {
      const a = bySize.get(small);
      const b = bySize.get(large);
      if (!a || !b) continue;
      const ok = b.p95 < 30;
      pass &&= ok;
      write(`  ${name.padEnd(28)} x${(b.p95 / a.p95).toFixed(2)}  (p95 ${a.p95.toFixed(1)} -> ${b.p95.toFixed(1)} ms) ${ok ? 'PASS' : 'FAIL'}`);
    }
    write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
    if (!pass) process.exitCode = 1;
  });
}

runBenchmark(main);
