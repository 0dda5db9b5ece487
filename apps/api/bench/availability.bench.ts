import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { addDays, isoWeekday, localTimeToInstant } from '@skinledger/domain';
import { hashPassword } from '../src/common/security/passwords';
import { machineLine, percentile, runBenchmark, sql, withBenchDatabase, withSignedInApi, write } from './bench-support';

/**
 * Availability through HTTP for one week at a busy location: `npm run bench:availability`.
 *
 * A location in America/New_York with 10 practitioners (7 with a medical-depth licence, 3 aestheticians), 6 rooms,
 * hours Monday–Saturday 08:00–18:00 plus some time off, 3 services, and most practitioner time booked (BENCH_GAP_SLOTS sets the gaps) over
 * the next three weeks (no overlaps: appointments are laid practitioner by practitioner into free rooms). Then
 * BENCH_REQUESTS (default 300) sequential GET /api/availability for a 7-day window, rotating the service, the week and
 * (every third request) one practitioner; prints p50/p95/p99. Target: p95 < 50 ms on a 2-core machine.
 */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARM_UP = 40;
/** Gaps between a practitioner's appointments: 0 to (BENCH_GAP_SLOTS − 1) quarter hours; more = emptier week. */
const GAP_SLOTS = Number(process.env.BENCH_GAP_SLOTS ?? 6);
const PASSWORD = 'benchmark password 1';
const ZONE = 'America/New_York';

/** Deterministic pseudo-random numbers (mulberry32), so every run books the same week. */
function random(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seed(url: string) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const rnd = random(42);
    const email = `bench-${randomBytes(4).toString('hex')}@bench.test`;
    const q = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
    const [org] = await q<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Benchmark Clinic') RETURNING id`);
    const [location] = await q<{ id: string }>(`INSERT INTO locations (organization_id, name, timezone) VALUES ($1, 'Main', $2) RETURNING id`, [org.id, ZONE]);
    await q(`INSERT INTO staff_members (organization_id, email, name, role, password_hash, default_location_id) VALUES ($1, $2, 'Bench Owner', 'owner', $3, $4)`, [
      org.id,
      email,
      await hashPassword(PASSWORD),
      location.id,
    ]);
    const practitioners: string[] = [];
    for (let i = 0; i < 10; i++) {
      const [p] = await q<{ id: string }>(
        `INSERT INTO staff_members (organization_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, 'x') RETURNING id`,
        [org.id, `p${i}-${email}`, `Practitioner ${i + 1}`, i < 7 ? 'nurse' : 'aesthetician'],
      );
      practitioners.push(p.id);
      await q(`INSERT INTO practitioner_credentials (organization_id, staff_member_id, licence_type, licence_number, jurisdiction, expires_on) VALUES ($1, $2, $3, 'L', 'NY', '2099-12-31')`, [
        org.id,
        p.id,
        i < 7 ? 'registered_nurse' : 'licensed_aesthetician',
      ]);
      await q(
        `INSERT INTO working_hours (organization_id, staff_member_id, location_id, weekday, start_minute, end_minute) SELECT $1, $2, $3, d, 480, 1080 FROM generate_series(1, 6) d`,
        [org.id, p.id, location.id],
      );
    }
    const rooms: string[] = [];
    for (let i = 0; i < 6; i++) rooms.push((await q<{ id: string }>(`INSERT INTO rooms (organization_id, location_id, name) VALUES ($1, $2, $3) RETURNING id`, [org.id, location.id, `Room ${i + 1}`]))[0].id);
    const services = await q<{ id: string; duration_min: number; buffer_min: number }>(
      `INSERT INTO services (organization_id, name, duration_min, buffer_min, procedure_kind, min_days_since_previous_medical)
       VALUES ($1, 'Medical needling', 60, 15, 'medical_needling', 0), ($1, 'Cosmetic needling', 45, 15, 'cosmetic_needling', 0), ($1, 'Consultation', 30, 0, 'consultation', 0)
       RETURNING id, duration_min, buffer_min`,
      [org.id],
    );
    const patients = await q<{ id: string }>(
      `INSERT INTO patients (organization_id, mrn, first_name, last_name, date_of_birth, sex) SELECT $1, 'SL-' || lpad(g::text, 6, '0'), 'Pat', 'Bench ' || g, '1980-01-01', 'unknown' FROM generate_series(1, 500) g RETURNING id`,
      [org.id],
    );
    // Some time off: practitioner 1 off a whole day, practitioner 2 every afternoon of one week.
    const today = new Date().toISOString().slice(0, 10);
    await q(`INSERT INTO working_hours_exceptions (organization_id, staff_member_id, kind, starts_at, ends_at) VALUES ($1, $2, 'time_off', $3, $4)`, [
      org.id,
      practitioners[0],
      localTimeToInstant(addDays(today, 3), 0, ZONE),
      localTimeToInstant(addDays(today, 4), 0, ZONE),
    ]);
    const roomBusy = new Map<string, [number, number][]>(rooms.map((r) => [r, []]));
    const rows: unknown[][] = [];
    for (let d = 1; d <= 21; d++) {
      const date = addDays(today, d);
      if (isoWeekday(date) === 7) continue;
      for (const [pi, p] of practitioners.entries()) {
        let cursor = localTimeToInstant(date, 480, ZONE).getTime();
        const close = localTimeToInstant(date, 1080, ZONE).getTime();
        for (;;) {
          cursor += Math.floor(rnd() * GAP_SLOTS) * 15 * 60_000;
          const service = services[pi < 7 ? Math.floor(rnd() * 3) : 1 + Math.floor(rnd() * 2)];
          const end = cursor + service.duration_min * 60_000;
          const occupied = end + service.buffer_min * 60_000;
          if (end > close) break;
          const room = rooms.find((r) => roomBusy.get(r)?.every(([s, e]) => occupied <= s || cursor >= e));
          if (room) {
            roomBusy.get(room)?.push([cursor, occupied]);
            rows.push([org.id, location.id, patients[Math.floor(rnd() * patients.length)].id, service.id, p, room, new Date(cursor), new Date(end), new Date(occupied)]);
          }
          cursor = occupied;
        }
      }
    }
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await q(
        `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[])`,
        [0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => chunk.map((r) => r[k])),
      );
    }
    await q(`VACUUM ANALYZE appointments`);
    write(`Seeded 10 practitioners, 6 rooms, ${rows.length} appointments over 3 weeks`);
    return { email, locationId: location.id, services: services.map((s) => s.id), practitioners };
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  await withBenchDatabase(async (url) => {
    const s = await seed(url);
    await withSignedInApi(url, s.email, PASSWORD, async (get) => {
      const today = new Date().toISOString().slice(0, 10);
      const slotCounts: number[] = [];
      const run = async (n: number) => {
        const from = localTimeToInstant(addDays(today, 1 + (n % 14)), 0, ZONE).toISOString();
        const to = localTimeToInstant(addDays(today, 8 + (n % 14)), 0, ZONE).toISOString();
        const practitioner = n % 3 === 0 ? `&practitionerId=${s.practitioners[n % 10]}` : '';
        const started = process.hrtime.bigint();
        const response = await get(`/api/availability?serviceId=${s.services[n % 3]}&locationId=${s.locationId}&from=${from}&to=${to}${practitioner}`);
        const body = (await response.json()) as { slots: unknown[] };
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (response.status !== 200) throw new Error(`Availability answered ${response.status}: ${JSON.stringify(body)}`);
        slotCounts.push(body.slots.length);
        return ms;
      };
      for (let i = 0; i < WARM_UP; i++) await run(i);
      slotCounts.length = 0;
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) times.push(await run(i));
      const sorted = [...times].sort((a, b) => a - b);
      const [{ server_version: version }] = await sql<{ server_version: string }>(url, `SHOW server_version`);
      write(machineLine(version));
      write(`${REQUESTS} sequential GET /api/availability (7-day window) after ${WARM_UP} warm-up; median ${slotCounts.sort((a, b) => a - b)[Math.floor(slotCounts.length / 2)]} free slots per answer`);
      write(`p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms   p99 ${percentile(sorted, 99).toFixed(1)} ms   max ${sorted.at(-1)?.toFixed(1)} ms`);
      write(percentile(sorted, 95) < 50 ? 'Target met: p95 < 50 ms' : 'Target MISSED: p95 >= 50 ms');
      if (percentile(sorted, 95) >= 50) process.exitCode = 1;
    });
  });
}

runBenchmark(main);
