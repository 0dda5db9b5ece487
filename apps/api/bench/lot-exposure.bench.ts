import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '../src/common/security/passwords';
import { machineLine, percentile, runBenchmark, sql, withBenchDatabase, withSignedInApi, write } from './bench-support';

/**
 * Lot exposure (GET /api/lots/:id/exposure) through HTTP with 1,000,000 treatment sessions in the database:
 * `npm run bench:exposure`. Target: p95 < 100 ms.
 *
 * Seeds 100,000 patients, 20 pens, 5,000 cartridge lots and BENCH_SESSIONS sessions (default 1,000,000), each with
 * its `used` ledger movement (so every lot was used by ~200 sessions), and 1 adverse event per 100 sessions. Bulk
 * loading runs with session_replication_role = replica (no triggers: the stock balances, which the report does not
 * read, are not maintained during the load). Then it asks for BENCH_REQUESTS reports of random lots, one after
 * another, and checks each is complete against a direct count.
 */

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 1_000_000);
const LOTS = Number(process.env.BENCH_LOTS ?? 5_000);
const PATIENTS = 100_000;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const PASSWORD = 'benchmark password 1';

async function seed(url: string): Promise<{ email: string }> {
  const email = `bench-${randomBytes(4).toString('hex')}@bench.test`;
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  const step = async (label: string, text: string, params: unknown[] = []) => {
    const t = Date.now();
    await client.query(text, params);
    write(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };
  try {
    const org = (await client.query(`INSERT INTO organizations (name) VALUES ('Benchmark Clinic') RETURNING id`)).rows[0].id as string;
    const location = (await client.query(`INSERT INTO locations (organization_id, name, timezone) VALUES ($1, 'Main', 'America/New_York') RETURNING id`, [org])).rows[0]
      .id as string;
    const owner = (
      await client.query(
        `INSERT INTO staff_members (organization_id, email, name, role, password_hash, default_location_id)
         VALUES ($1, $2, 'Bench Owner', 'owner', $3, $4) RETURNING id`,
        [org, email, await hashPassword(PASSWORD), location],
      )
    ).rows[0].id as string;
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SELECT setseed(0.42)`);
    await step(
      `${PATIENTS.toLocaleString('en-US')} patients`,
      `INSERT INTO patients (organization_id, mrn, first_name, last_name, date_of_birth, phone, email)
       SELECT $1, 'SL-' || lpad(g::text, 6, '0'), 'First' || g, 'Last' || g, DATE '1950-01-01' + (g % 20000),
              '+1212' || lpad(g::text, 7, '0'), 'patient' || g || '@example.com'
       FROM generate_series(1, $2::int) g`,
      [org, PATIENTS],
    );
    await step(
      '20 pens, 1 product',
      `WITH p AS (INSERT INTO products (organization_id, manufacturer, name, gtin, kind, needle_count, single_use)
                  VALUES ($1, 'Crown Aesthetics', 'SkinPen cartridge 14-pin', '00812345678901', 'needle_cartridge', 14, true) RETURNING id)
       INSERT INTO devices (organization_id, location_id, model, serial_number)
       SELECT $1, $2, 'SkinPen Precision', 'SP-' || g FROM generate_series(1, 20) g`,
      [org, location],
    );
    await step(
      `${LOTS.toLocaleString('en-US')} lots`,
      `INSERT INTO lots (organization_id, product_id, lot_number, expires_on)
       SELECT $1, (SELECT id FROM products WHERE organization_id = $1), 'LOT' || lpad(g::text, 6, '0'), DATE '2027-12-31'
       FROM generate_series(1, $2::int) g`,
      [org, LOTS],
    );
    await step(
      `${SESSIONS.toLocaleString('en-US')} sessions`,
      `INSERT INTO treatment_sessions (id, organization_id, patient_id, location_id, practitioner_id, walk_in_reason, device_id,
                                       procedure_kind, max_depth_mm, performed_on, started_at, status, signed_at, signed_by, created_by)
       SELECT md5('session' || g)::uuid, $1, pt.ids[1 + (g % $4::int)], $2, $3, 'bench', d.ids[1 + (g % 20)],
              'medical', 1.0, DATE '2021-01-01' + (g % 1800), TIMESTAMPTZ '2021-01-01 14:00Z' + make_interval(days => g % 1800),
              'signed', TIMESTAMPTZ '2021-01-01 15:00Z' + make_interval(days => g % 1800), $3, $3
       FROM generate_series(1, $5::int) g,
            (SELECT array_agg(id ORDER BY mrn) AS ids FROM patients WHERE organization_id = $1) pt,
            (SELECT array_agg(id ORDER BY serial_number) AS ids FROM devices WHERE organization_id = $1) d`,
      [org, location, owner, PATIENTS, SESSIONS],
    );
    await step(
      'one used movement per session',
      `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, treatment_session_id, occurred_on, recorded_by)
       SELECT $1, l.ids[1 + (g % $4::int)], $2, 'used', 1, md5('session' || g)::uuid, DATE '2021-01-01' + (g % 1800), $3
       FROM generate_series(1, $5::int) g, (SELECT array_agg(id ORDER BY lot_number) AS ids FROM lots WHERE organization_id = $1) l`,
      [org, location, owner, LOTS, SESSIONS],
    );
    await step(
      'adverse events (1 per 100 sessions)',
      `INSERT INTO adverse_events (organization_id, session_id, patient_id, type, onset_on, grade, description, outcome, recorded_by)
       SELECT $1, s.id, s.patient_id, 'erythema', s.performed_on + 1, 2, 'Prolonged redness', 'resolved', $2
       FROM treatment_sessions s WHERE s.organization_id = $1 AND (hashtext(s.id::text) % 100) = 0`,
      [org, owner],
    );
    await client.query(`SET session_replication_role = DEFAULT`);
    await step('VACUUM ANALYZE', `VACUUM ANALYZE`);
  } finally {
    await client.end();
  }
  write(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { email };
}

async function main(): Promise<void> {
  await withBenchDatabase(async (url) => {
    write(`Seeding ${SESSIONS.toLocaleString('en-US')} sessions over ${LOTS.toLocaleString('en-US')} lots ...`);
    const { email } = await seed(url);
    const [{ server_version: version }] = await sql<{ server_version: string }>(url, `SHOW server_version`);
    const [{ count: sessions }] = await sql<{ count: string }>(url, `SELECT count(*) FROM treatment_sessions`);
    const lots = await sql<{ id: string; uses: number }>(
      url,
      `SELECT l.id, (SELECT count(DISTINCT treatment_session_id)::int FROM stock_movements m WHERE m.lot_id = l.id AND m.type = 'used') AS uses
       FROM lots l ORDER BY md5(l.id::text) LIMIT $1`,
      [REQUESTS + WARM_UP],
    );
    await withSignedInApi(url, email, PASSWORD, async (get) => {
      const timings: number[] = [];
      let rows = 0;
      for (const [i, lot] of lots.entries()) {
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
      const sorted = timings.sort((a, b) => a - b);
      write(machineLine(version));
      write(`${Number(sessions).toLocaleString('en-US')} sessions in the database; ${sorted.length} lot exposure reports through HTTP, sequential, after ${WARM_UP} warm-up`);
      write(`sessions per report: ${(rows / sorted.length).toFixed(0)} on average; every report complete (checked against a direct count)`);
      write(
        `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
      );
      const p95 = percentile(sorted, 95);
      write(p95 < 100 ? `p95 ${p95.toFixed(1)} ms: within the 100 ms target.` : `p95 ${p95.toFixed(1)} ms: OVER the 100 ms target.`);
      if (p95 >= 100) process.exitCode = 1;
    });
  });
}

runBenchmark(main);
