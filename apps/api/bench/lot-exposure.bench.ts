import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '../src/common/security/passwords';
import { StatementCounter } from '../test/statement-counter';
import { benchAppRole, machineLine, percentile, runBenchmark, sql, withBenchDatabase, withSignedInApi, write } from './bench-support';

/**
 * Lot exposure (GET /api/lots/:id/exposure) through HTTP at two database sizes: `npm run bench:exposure`.
 * Target: p95 < 50 ms at 1,000,000 treatment sessions, and a cost that follows a lot's own use, not the size of the
 * database (the growth ratio p95 @1M / p95 @100k near 1).
 *
 * Seeds 100,000 patients and 20 pens, then sessions in two stages, BENCH_SMALL_SESSIONS (default 100,000) and
 * BENCH_SESSIONS (default 1,000,000), with a new cartridge lot per BENCH_SESSIONS_PER_LOT sessions (default 200, as a
 * clinic's lots are used up), each session with its `used` ledger movement, its lot chosen round-robin so that one
 * lot's rows are scattered over the whole table, and 1 adverse event per 100 sessions. Bulk loading runs with
 * session_replication_role = replica (no triggers: the stock balances, which the report does not read, are not
 * maintained during the load). At each size it asks for BENCH_REQUESTS reports of random lots, one after another,
 * checks each is complete against a direct count, and prints p50/p95/p99 and the statements one report sends.
 */

const SMALL_SESSIONS = Number(process.env.BENCH_SMALL_SESSIONS ?? 100_000);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 1_000_000);
const SESSIONS_PER_LOT = Number(process.env.BENCH_SESSIONS_PER_LOT ?? 200);
const PATIENTS = 100_000;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const PASSWORD = 'benchmark password 1';
const TARGET_P95_MS = 50;

interface World {
  email: string;
  organizationId: string;
  locationId: string;
  ownerId: string;
}

async function timed(client: Client, label: string, text: string, params: unknown[] = []): Promise<void> {
  const t = Date.now();
  await client.query(text, params);
  write(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

/** The clinic, its owner, patients, pens and the cartridge product. */
async function seedClinic(url: string): Promise<World> {
  const email = `bench-${randomBytes(4).toString('hex')}@bench.test`;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const organizationId = (await client.query(`INSERT INTO organizations (name) VALUES ('Benchmark Clinic') RETURNING id`)).rows[0].id as string;
    const locationId = (
      await client.query(`INSERT INTO locations (organization_id, name, timezone) VALUES ($1, 'Main', 'America/New_York') RETURNING id`, [organizationId])
    ).rows[0].id as string;
    const ownerId = (
      await client.query(
        `INSERT INTO staff_members (organization_id, email, name, role, password_hash, default_location_id)
         VALUES ($1, $2, 'Bench Owner', 'owner', $3, $4) RETURNING id`,
        [organizationId, email, await hashPassword(PASSWORD), locationId],
      )
    ).rows[0].id as string;
    await client.query(`SET session_replication_role = replica`);
    await timed(
      client,
      `${PATIENTS.toLocaleString('en-US')} patients`,
      `INSERT INTO patients (organization_id, mrn, first_name, last_name, date_of_birth, phone, email)
       SELECT $1, 'SL-' || lpad(g::text, 6, '0'), 'First' || g, 'Last' || g, DATE '1950-01-01' + (g % 20000),
              '+1212' || lpad(g::text, 7, '0'), 'patient' || g || '@example.com'
       FROM generate_series(1, $2::int) g`,
      [organizationId, PATIENTS],
    );
    await timed(
      client,
      '20 pens, 1 product',
      `WITH p AS (INSERT INTO products (organization_id, manufacturer, name, gtin, kind, needle_count, single_use)
                  VALUES ($1, 'Crown Aesthetics', 'SkinPen cartridge 14-pin', '00812345678901', 'needle_cartridge', 14, true) RETURNING id)
       INSERT INTO devices (organization_id, location_id, model, serial_number)
       SELECT $1, $2, 'SkinPen Precision', 'SP-' || g FROM generate_series(1, 20) g`,
      [organizationId, locationId],
    );
    return { email, organizationId, locationId, ownerId };
  } finally {
    await client.end();
  }
}

/**
 * Sessions number `from`..`to` (1-based), on new lots numbered after the ones on record: session g uses lot
 * first + (g % lots), so each new lot gets SESSIONS_PER_LOT sessions spread over the whole stage.
 */
async function addSessions(url: string, world: World, from: number, to: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  const { organizationId: org, locationId: location, ownerId: owner } = world;
  const lots = Math.max(1, Math.round((to - from + 1) / SESSIONS_PER_LOT));
  try {
    await client.query(`SET session_replication_role = replica`);
    const first = Number((await client.query(`SELECT count(*) FROM lots WHERE organization_id = $1`, [org])).rows[0].count);
    await timed(
      client,
      `${lots.toLocaleString('en-US')} lots`,
      `INSERT INTO lots (organization_id, product_id, lot_number, expires_on)
       SELECT $1, (SELECT id FROM products WHERE organization_id = $1), 'LOT' || lpad(g::text, 6, '0'), DATE '2027-12-31'
       FROM generate_series($2::int + 1, $2::int + $3::int) g`,
      [org, first, lots],
    );
    await timed(
      client,
      `sessions ${from.toLocaleString('en-US')}–${to.toLocaleString('en-US')}`,
      `INSERT INTO treatment_sessions (id, organization_id, patient_id, location_id, practitioner_id, walk_in_reason, device_id,
                                       procedure_kind, max_depth_mm, performed_on, started_at, status, signed_at, signed_by, created_by)
       SELECT md5('session' || g)::uuid, $1, pt.ids[1 + (g % $4::int)], $2, $3, 'bench', d.ids[1 + (g % 20)],
              'medical', 1.0, DATE '2021-01-01' + (g % 1800), TIMESTAMPTZ '2021-01-01 14:00Z' + make_interval(days => g % 1800),
              'signed', TIMESTAMPTZ '2021-01-01 15:00Z' + make_interval(days => g % 1800), $3, $3
       FROM generate_series($5::int, $6::int) g,
            (SELECT array_agg(id ORDER BY mrn) AS ids FROM patients WHERE organization_id = $1) pt,
            (SELECT array_agg(id ORDER BY serial_number) AS ids FROM devices WHERE organization_id = $1) d`,
      [org, location, owner, PATIENTS, from, to],
    );
    await timed(
      client,
      'one used movement per session',
      `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, treatment_session_id, occurred_on, recorded_by)
       SELECT $1, l.ids[1 + (g % $4::int)], $2, 'used', 1, md5('session' || g)::uuid, DATE '2021-01-01' + (g % 1800), $3
       FROM generate_series($5::int, $6::int) g,
            (SELECT array_agg(id ORDER BY lot_number) AS ids FROM (SELECT id, lot_number FROM lots WHERE organization_id = $1 ORDER BY lot_number OFFSET $7::int) n) l`,
      [org, location, owner, lots, from, to, first],
    );
    await timed(
      client,
      'adverse events (1 per 100 sessions)',
      `INSERT INTO adverse_events (organization_id, session_id, patient_id, type, onset_on, grade, description, outcome, recorded_by)
       SELECT $1, s.id, s.patient_id, 'erythema', s.performed_on + 1, 2, 'Prolonged redness', 'resolved', $2
       FROM generate_series($3::int, $4::int) g JOIN treatment_sessions s ON s.id = md5('session' || g)::uuid
       WHERE (hashtext(s.id::text) % 100) = 0`,
      [org, owner, from, to],
    );
    await client.query(`SET session_replication_role = DEFAULT`);
    await timed(client, 'VACUUM ANALYZE', `VACUUM ANALYZE`);
  } finally {
    await client.end();
  }
  write(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

interface Measure {
  sessions: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perReport: number;
  statements: number;
}

/** REQUESTS reports of random lots through HTTP, each checked complete against a direct count. */
async function measure(url: string, world: World): Promise<Measure> {
  const [{ count: sessions }] = await sql<{ count: string }>(url, `SELECT count(*) FROM treatment_sessions`);
  const lots = await sql<{ id: string; uses: number }>(
    url,
    `SELECT l.id, (SELECT count(DISTINCT treatment_session_id)::int FROM stock_movements m WHERE m.lot_id = l.id AND m.type = 'used') AS uses
     FROM lots l ORDER BY md5(l.id::text) LIMIT $1`,
    [REQUESTS + WARM_UP],
  );
  let result: Measure | undefined;
  await withSignedInApi(url, world.email, PASSWORD, async (get) => {
    const timings: number[] = [];
    let rows = 0;
    for (let i = 0; i < REQUESTS + WARM_UP; i += 1) {
      // A small run may have fewer lots than requests: they are asked for again, in the same order.
      const lot = lots[i % lots.length];
      const started = process.hrtime.bigint();
      const response = await get(`/api/lots/${lot.id}/exposure`);
      const body = (await response.json()) as { sessionCount: number };
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (response.status !== 200) throw new Error(`Exposure answered ${response.status}: ${JSON.stringify(body)}`);
      if (body.sessionCount !== lot.uses) throw new Error(`Incomplete: lot ${lot.id} has ${lot.uses} sessions, the report ${body.sessionCount}`);
      if (i >= WARM_UP) {
        timings.push(ms);
        rows += body.sessionCount;
      }
    }
    const counter = new StatementCounter(benchAppRole.name).start();
    let statements: number;
    try {
      statements = (await counter.during(() => get(`/api/lots/${lots[0].id}/exposure`).then((r) => r.text()))).count;
    } finally {
      counter.stop();
    }
    const sorted = timings.sort((a, b) => a - b);
    result = {
      sessions: Number(sessions),
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1],
      perReport: rows / sorted.length,
      statements,
    };
    write(
      `${result.sessions.toLocaleString('en-US')} sessions: ${sorted.length} lot exposure reports through HTTP, sequential, after ${WARM_UP} warm-up; ` +
        `${result.perReport.toFixed(0)} sessions per report on average, every report complete (checked against a direct count)`,
    );
    write(
      `  p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms; ${statements} SQL statements per report`,
    );
  });
  if (!result) throw new Error('No measurement');
  return result;
}

async function main(): Promise<void> {
  await withBenchDatabase(async (url) => {
    const [{ server_version: version }] = await sql<{ server_version: string }>(url, `SHOW server_version`);
    write(machineLine(version));
    write(`Seeding a clinic with ${PATIENTS.toLocaleString('en-US')} patients, then ${SMALL_SESSIONS.toLocaleString('en-US')} sessions (${SESSIONS_PER_LOT} per lot) ...`);
    const world = await seedClinic(url);
    await addSessions(url, world, 1, SMALL_SESSIONS);
    const small = await measure(url, world);
    write(`Growing to ${SESSIONS.toLocaleString('en-US')} sessions ...`);
    await addSessions(url, world, SMALL_SESSIONS + 1, SESSIONS);
    const large = await measure(url, world);
    const growth = large.p95 / small.p95;
    write(
      `Growth: p95 ${small.p95.toFixed(1)} ms @${small.sessions.toLocaleString('en-US')} -> ${large.p95.toFixed(1)} ms @${large.sessions.toLocaleString('en-US')} sessions, ratio ${growth.toFixed(2)} (p50 ratio ${(large.p50 / small.p50).toFixed(2)})`,
    );
    write(
      large.p95 < TARGET_P95_MS
        ? `p95 ${large.p95.toFixed(1)} ms: within the ${TARGET_P95_MS} ms target.`
        : `p95 ${large.p95.toFixed(1)} ms: OVER the ${TARGET_P95_MS} ms target.`,
    );
    if (large.p95 >= TARGET_P95_MS) process.exitCode = 1;
  });
}

runBenchmark(main);
