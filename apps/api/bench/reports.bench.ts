import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '../src/common/security/passwords';
import { runMigrations } from '../src/database/run-migrations';
import { benchAppRole, machineLine, percentile, runBenchmark, sql, withBenchDatabase, withSignedInApi, write } from './bench-support';

/**
 * The clinic reports through HTTP at full size: `npm run bench:reports` (issue 17). Target: every report p95 < 300 ms
 * with 1,000,000 treatment sessions, 1,000,000 appointments and 2,000,000 stock-ledger rows.
 *
 * One clinic over five years (1,800 days): 100,000 patients, 40 practitioners each with a room and weekday hours,
 * 20 pens; BENCH_SESSIONS signed sessions (default 1,000,000) at depths cycling through the device's settings, each
 * with its cartridge's `used` movement, a cartridge lot per 200 sessions received in one movement, 1 waste per 50
 * sessions and stock moved between the two locations (two rows per transfer) to reach BENCH_LEDGER_ROWS (default
 * 2,000,000); 1 adverse event per 100 sessions; two Goodman & Baron scores per patient; BENCH_APPOINTMENTS
 * appointments (default 1,000,000) without overlaps. Bulk loading runs with session_replication_role = replica (no
 * triggers); the balances and the report summaries the triggers keep are then counted from the facts by the owners'
 * recount functions. Each report is asked for BENCH_REQUESTS times (default 30) over the last 12 months, one after another.
 */

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 1_000_000);
const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 1_000_000);
const LEDGER_ROWS = Number(process.env.BENCH_LEDGER_ROWS ?? 2_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const PATIENTS = 100_000;
const PRACTITIONERS = 40;
const DAYS = 1_800;
const WARM_UP = 3;
const PASSWORD = 'benchmark password 1';
const TARGET_P95_MS = 300;
const FIRST_DAY = '2022-01-01';

interface World {
  email: string;
  organizationId: string;
}

async function timed(client: Client, label: string, text: string, params: unknown[] = []): Promise<void> {
  const t = Date.now();
  await client.query(text, params);
  write(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

async function seed(url: string): Promise<World> {
  const email = `bench-${randomBytes(4).toString('hex')}@bench.test`;
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  try {
    const org = (await client.query(`INSERT INTO organizations (name) VALUES ('Benchmark Clinic') RETURNING id`)).rows[0].id as string;
    const [main, annex] = (
      await client.query(
        `INSERT INTO locations (organization_id, name, timezone) VALUES ($1, 'Main', 'America/New_York'), ($1, 'Annex', 'America/New_York') RETURNING id`,
        [org],
      )
    ).rows.map((r) => r.id as string);
    const owner = (
      await client.query(
        `INSERT INTO staff_members (organization_id, email, name, role, password_hash, default_location_id) VALUES ($1, $2, 'Bench Owner', 'owner', $3, $4) RETURNING id`,
        [org, email, await hashPassword(PASSWORD), main],
      )
    ).rows[0].id as string;
    await client.query(`SET session_replication_role = replica`);
    const p = [org, main];
    await timed(
      client,
      `${PATIENTS.toLocaleString('en-US')} patients`,
      `INSERT INTO patients (organization_id, mrn, first_name, last_name, date_of_birth)
       SELECT $1, 'SL-' || lpad(g::text, 6, '0'), 'First' || g, 'Last' || g, DATE '1950-01-01' + (g % 20000) FROM generate_series(1, $2::int) g`,
      [org, PATIENTS],
    );
    await timed(
      client,
      `${PRACTITIONERS} practitioners with rooms and weekday hours, 20 pens, services, a cartridge product`,
      `WITH staff AS (
         INSERT INTO staff_members (organization_id, email, name, role, password_hash, default_location_id)
         SELECT $1, 'nurse' || g || '@bench.test', 'Nurse ' || lpad(g::text, 2, '0'), 'nurse', 'x', $2 FROM generate_series(1, $3::int) g RETURNING id),
       rooms AS (INSERT INTO rooms (organization_id, location_id, name) SELECT $1, $2, 'Room ' || lpad(g::text, 2, '0') FROM generate_series(1, $3::int) g),
       hours AS (INSERT INTO working_hours (organization_id, staff_member_id, location_id, weekday, start_minute, end_minute)
                 SELECT $1, s.id, $2, d, 540, 1020 FROM staff s, generate_series(1, 5) d),
       pens AS (INSERT INTO devices (organization_id, location_id, model, serial_number) SELECT $1, $2, 'SkinPen Precision', 'SP-' || g FROM generate_series(1, 20) g),
       services AS (INSERT INTO services (organization_id, name, duration_min, buffer_min, procedure_kind, consent_kinds)
                    SELECT $1, n, 30, 0, k, '{}' FROM (VALUES ('Medical needling', 'medical_needling'), ('Cosmetic needling', 'cosmetic_needling'), ('Consultation', 'consultation')) v(n, k))
       INSERT INTO products (organization_id, manufacturer, name, gtin, kind, needle_count, single_use)
       VALUES ($1, 'Crown Aesthetics', 'SkinPen cartridge 14-pin', '00812345678901', 'needle_cartridge', 14, true)`,
      [...p, PRACTITIONERS],
    );
    const lots = Math.ceil(SESSIONS / 200);
    await timed(
      client,
      `${lots.toLocaleString('en-US')} lots, each received in one movement`,
      `WITH l AS (INSERT INTO lots (organization_id, product_id, lot_number, expires_on)
                  SELECT $1, (SELECT id FROM products WHERE organization_id = $1), 'LOT' || lpad(g::text, 6, '0'), DATE '${FIRST_DAY}' + (g * $4::int / $3::int) + 720
                  FROM generate_series(1, $3::int) g RETURNING id, lot_number)
       INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, occurred_on)
       SELECT $1, l.id, $2, 'received', 210, DATE '${FIRST_DAY}' + (substr(l.lot_number, 4)::int * $4::int / $3::int) FROM l`,
      [...p, lots, DAYS],
    );
    await timed(
      client,
      `${SESSIONS.toLocaleString('en-US')} signed sessions`,
      `INSERT INTO treatment_sessions (id, organization_id, patient_id, location_id, practitioner_id, walk_in_reason, device_id, procedure_kind,
                                       max_depth_mm, performed_on, started_at, status, signed_at, signed_by, created_by, indication)
       SELECT md5('s' || g)::uuid, $1, pt.ids[1 + (g % ${PATIENTS})], $2, st.ids[1 + (g % ${PRACTITIONERS})], 'bench', d.ids[1 + (g % 20)],
              CASE WHEN (g % 11) >= 2 THEN 'medical' ELSE 'cosmetic' END, (g % 11) * 0.25, DATE '${FIRST_DAY}' + (g::bigint * ${DAYS} / $3::int)::int,
              TIMESTAMPTZ '${FIRST_DAY} 14:00Z' + make_interval(days => (g::bigint * ${DAYS} / $3::int)::int), 'signed',
              TIMESTAMPTZ '${FIRST_DAY} 15:00Z' + make_interval(days => (g::bigint * ${DAYS} / $3::int)::int), st.ids[1 + (g % ${PRACTITIONERS})], st.ids[1 + (g % ${PRACTITIONERS})],
              CASE WHEN g % 3 = 0 THEN 'fine_lines' ELSE 'acne_scars' END
       FROM generate_series(1, $3::int) g,
            (SELECT array_agg(id ORDER BY mrn) AS ids FROM patients WHERE organization_id = $1) pt,
            (SELECT array_agg(id ORDER BY name) AS ids FROM staff_members WHERE organization_id = $1 AND role = 'nurse') st,
            (SELECT array_agg(id ORDER BY serial_number) AS ids FROM devices WHERE organization_id = $1) d`,
      [...p, SESSIONS],
    );
    await timed(
      client,
      'one used movement per session (its lot: the one received for that stretch of days)',
      `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, treatment_session_id, occurred_on, recorded_by)
       SELECT $1, l.ids[1 + ((g - 1) / 200)], $2, 'used', 1, md5('s' || g)::uuid, DATE '${FIRST_DAY}' + (g::bigint * ${DAYS} / $3::int)::int, $4
       FROM generate_series(1, $3::int) g, (SELECT array_agg(id ORDER BY lot_number) AS ids FROM lots WHERE organization_id = $1) l`,
      [...p, SESSIONS, owner],
    );
    await timed(
      client,
      'waste: 1 per 50 sessions',
      `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, reason, occurred_on, recorded_by)
       SELECT $1, l.ids[1 + ((g - 1) / 200)], $2, 'wasted', 1, (ARRAY['dropped','packaging_damaged','contaminated','expired','other'])[1 + (g / 50) % 5],
              DATE '${FIRST_DAY}' + (g::bigint * ${DAYS} / $3::int)::int, $4
       FROM generate_series(50, $3::int, 50) g, (SELECT array_agg(id ORDER BY lot_number) AS ids FROM lots WHERE organization_id = $1) l`,
      [...p, SESSIONS, owner],
    );
    const [{ count: ledgerSoFar }] = (await client.query(`SELECT count(*)::int AS count FROM stock_movements`)).rows;
    const transfers = Math.max(0, Math.floor((LEDGER_ROWS - ledgerSoFar) / 2));
    await timed(
      client,
      `${transfers.toLocaleString('en-US')} transfers between the locations (two rows each; each to the annex and back the same or the next day)`,
      `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, direction, transfer_id, counterpart_location_id, occurred_on, recorded_by)
       SELECT $1, l.ids[1 + ((g / 2) % cardinality(l.ids))], CASE WHEN (leg = 'out') = (g % 2 = 0) THEN $2::uuid ELSE $5::uuid END, 'transferred', 1, leg, md5('t' || g)::uuid,
              CASE WHEN (leg = 'out') = (g % 2 = 0) THEN $5::uuid ELSE $2::uuid END, DATE '${FIRST_DAY}' + (g::bigint * ${DAYS} / $3::int)::int, $4
       FROM generate_series(0, $3::int - 1) g, (VALUES ('out'), ('in')) legs(leg), (SELECT array_agg(id ORDER BY lot_number) AS ids FROM lots WHERE organization_id = $1) l`,
      [...p, transfers, owner, annex],
    );
    await timed(
      client,
      'adverse events: 1 per 100 sessions',
      `INSERT INTO adverse_events (organization_id, session_id, patient_id, type, onset_on, grade, description, outcome, recorded_by)
       SELECT $1, s.id, s.patient_id, (ARRAY['erythema','oedema','pain','infection'])[1 + (g / 100) % 4], s.performed_on + 1, 2, 'Seeded', 'resolved', $2
       FROM generate_series(100, $3::int, 100) g JOIN treatment_sessions s ON s.id = md5('s' || g)::uuid`,
      [org, owner, SESSIONS],
    );
    await timed(
      client,
      'two Goodman & Baron scores per patient (baseline, then the latest)',
      `INSERT INTO outcome_assessments (organization_id, patient_id, scale, scale_version, score, assessed_on, assessor_id)
       SELECT $1, pt.id, 'goodman_baron_quantitative', 'Goodman & Baron 2006', CASE WHEN n = 1 THEN 30 ELSE 10 + (pt.g % 20) END,
              DATE '${FIRST_DAY}' + CASE WHEN n = 1 THEN pt.g % 900 ELSE 900 + pt.g % 900 END, $2
       FROM (SELECT id, (row_number() OVER (ORDER BY mrn))::int AS g FROM patients WHERE organization_id = $1) pt, generate_series(1, 2) n`,
      [org, owner],
    );
    // 40 practitioners × 14 half-hours a day from 09:00 New York time: no two overlap for a practitioner or a room.
    await timed(
      client,
      `${APPOINTMENTS.toLocaleString('en-US')} appointments`,
      `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until,
                                 status, cancel_reason, cancelled_by, late_cancellation, source)
       SELECT $1, $2, pt.ids[1 + (g % ${PATIENTS})], sv.ids[1 + (g % 3)], st.ids[1 + (g % ${PRACTITIONERS})], rm.ids[1 + (g % ${PRACTITIONERS})], t.starts_at,
              t.starts_at + interval '30 minutes', t.starts_at + interval '30 minutes',
              CASE WHEN g % 100 < 80 THEN 'completed' WHEN g % 100 < 88 THEN 'cancelled' WHEN g % 100 < 93 THEN 'no_show' ELSE 'booked' END,
              CASE WHEN g % 100 BETWEEN 80 AND 87 THEN 'Seeded' END, CASE WHEN g % 100 BETWEEN 80 AND 87 THEN 'patient' END,
              g % 100 BETWEEN 80 AND 82, CASE WHEN g % 7 = 0 THEN 'online' ELSE 'staff' END
       FROM generate_series(0, $3::int - 1) g
       CROSS JOIN LATERAL (SELECT (TIMESTAMP '${FIRST_DAY} 09:00' + make_interval(days => g / ${PRACTITIONERS * 14}, mins => 30 * ((g % ${PRACTITIONERS * 14}) / ${PRACTITIONERS})))
                                  AT TIME ZONE 'America/New_York' AS starts_at) t,
            (SELECT array_agg(id ORDER BY mrn) AS ids FROM patients WHERE organization_id = $1) pt,
            (SELECT array_agg(id ORDER BY name) AS ids FROM services WHERE organization_id = $1) sv,
            (SELECT array_agg(id ORDER BY name) AS ids FROM staff_members WHERE organization_id = $1 AND role = 'nurse') st,
            (SELECT array_agg(id ORDER BY name) AS ids FROM rooms WHERE organization_id = $1) rm`,
      [...p, APPOINTMENTS],
    );
    await timed(
      client,
      'balances from the ledger (its trigger was off)',
      `INSERT INTO stock_balances (organization_id, lot_id, location_id, on_hand) SELECT organization_id, lot_id, location_id, sum(delta) FROM stock_movements GROUP BY 1, 2, 3`,
    );
    await client.query(`SET session_replication_role = DEFAULT`);
    // The report summaries, as the triggers would have kept them (each owner's recount).
    await timed(client, 'appointment day counts', `SELECT recount_appointment_day_counts()`);
    await timed(client, 'course outcome and depth summaries, signed sessions per lot and day', `SELECT resummarise_treatment_reports()`);
    await timed(client, 'cartridge ledger days', `SELECT recount_cartridge_ledger_days()`);
    await timed(client, 'VACUUM ANALYZE', `VACUUM ANALYZE`);
    write(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { email, organizationId: org };
  } finally {
    await client.end();
  }
}

/** The last 12 months of the seeded five years, as the Reports page asks by default. */
const RANGE = (() => {
  const last = new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + (DAYS - 1) * 86_400_000);
  const first = new Date(last.getTime() - 364 * 86_400_000);
  return `from=${first.toISOString().slice(0, 10)}&to=${last.toISOString().slice(0, 10)}`;
})();

const REPORTS: { name: string; path: string }[] = [
  { name: 'outcomes by depth', path: `/api/reports/outcomes-by-depth?scale=goodman_baron_quantitative&${RANGE}` },
  { name: 'cartridges by product', path: `/api/reports/cartridges?groupBy=product&${RANGE}` },
  { name: 'cartridges by lot', path: `/api/reports/cartridges?groupBy=lot&${RANGE}` },
  { name: 'cartridges by practitioner', path: `/api/reports/cartridges?groupBy=practitioner&${RANGE}` },
  { name: 'appointments by practitioner', path: `/api/reports/appointments?groupBy=practitioner&${RANGE}` },
  { name: 'appointments by weekday', path: `/api/reports/appointments?groupBy=weekday&${RANGE}` },
  { name: 'safety', path: `/api/reports/safety?${RANGE}` },
  { name: 'cartridges by month', path: `/api/reports/cartridges?groupBy=month&${RANGE}` },
  { name: 'appointments by month', path: `/api/reports/appointments?groupBy=month&${RANGE}` },
  { name: 'appointments by weekday × hour', path: `/api/reports/appointments?groupBy=weekdayHour&${RANGE}` },
  { name: 'appointments, one practitioner', path: `/api/reports/appointments?groupBy=service&${RANGE}&practitionerId=PRACTITIONER` },
  { name: 'outcomes, one practitioner', path: `/api/reports/outcomes-by-depth?scale=goodman_baron_quantitative&${RANGE}&practitionerId=PRACTITIONER` },
  { name: 'safety, one location', path: `/api/reports/safety?${RANGE}&locationId=LOCATION` },
  { name: 'consent coverage', path: `/api/reports/consents?${RANGE}` },
];

/** BENCH_REUSE_DATABASE=<url>: a database a run with BENCH_KEEP_DATABASE=1 left behind, migrated to now, not seeded again. */
async function withDatabase(run: (url: string, world: World | null) => Promise<void>): Promise<void> {
  const reuse = process.env.BENCH_REUSE_DATABASE;
  if (!reuse) return withBenchDatabase((url) => run(url, null));
  await runMigrations(reuse, benchAppRole);
  const [world] = await sql<World>(reuse, `SELECT email, organization_id AS "organizationId" FROM staff_members WHERE email LIKE 'bench-%@bench.test'`);
  await run(reuse, world);
}

async function main(): Promise<void> {
  await withDatabase(async (url, seeded) => {
    const [{ server_version: version }] = await sql<{ server_version: string }>(url, `SHOW server_version`);
    write(machineLine(version));
    if (!seeded) write(`Seeding ${SESSIONS.toLocaleString('en-US')} sessions, ${APPOINTMENTS.toLocaleString('en-US')} appointments, ~${LEDGER_ROWS.toLocaleString('en-US')} ledger rows ...`);
    const world = seeded ?? (await seed(url));
    const [counts] = await sql<{ sessions: number; appointments: number; ledger: number }>(
      url,
      `SELECT (SELECT count(*)::int FROM treatment_sessions) AS sessions, (SELECT count(*)::int FROM appointments) AS appointments, (SELECT count(*)::int FROM stock_movements) AS ledger`,
    );
    write(`Loaded: ${counts.sessions.toLocaleString('en-US')} sessions, ${counts.appointments.toLocaleString('en-US')} appointments, ${counts.ledger.toLocaleString('en-US')} ledger rows; range ${RANGE}`);
    let over = 0;
    const [ids] = await sql<{ practitioner: string; location: string }>(
      url,
      `SELECT (SELECT id FROM staff_members WHERE organization_id = $1 AND role = 'nurse' ORDER BY name LIMIT 1) AS practitioner,
              (SELECT id FROM locations WHERE organization_id = $1 AND name = 'Main') AS location`,
      [world.organizationId],
    );
    await withSignedInApi(url, world.email, PASSWORD, async (get) => {
      for (const report of REPORTS.map((r) => ({ ...r, path: r.path.replace('PRACTITIONER', ids.practitioner).replace('LOCATION', ids.location) }))) {
        const timings: number[] = [];
        for (let i = 0; i < REQUESTS + WARM_UP; i += 1) {
          const started = process.hrtime.bigint();
          const response = await get(report.path);
          const body = await response.text();
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          if (response.status !== 200) throw new Error(`${report.name} answered ${response.status}: ${body.slice(0, 300)}`);
          if (i >= WARM_UP) timings.push(ms);
        }
        const sorted = timings.sort((a, b) => a - b);
        const p95 = percentile(sorted, 95);
        if (p95 >= TARGET_P95_MS) over += 1;
        write(
          `  ${report.name.padEnd(32)} p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  p99 ${percentile(sorted, 99).toFixed(1).padStart(7)} ms` +
            (p95 >= TARGET_P95_MS ? '  OVER' : ''),
        );
      }
    });
    write(over === 0 ? `Every report within the ${TARGET_P95_MS} ms p95 target.` : `${over} report(s) OVER the ${TARGET_P95_MS} ms p95 target.`);
    if (over > 0) process.exitCode = 1;
  });
}

runBenchmark(main);
