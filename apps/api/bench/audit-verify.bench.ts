import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Client } from 'pg';
import { eventMac } from '../src/audit/audit-chain';
import { RANGE_SQL, START_SQL } from '../src/audit/audit-verify.queries';
import { hashPassword } from '../src/common/security/passwords';
import { machineLine, percentile, runBenchmark, withBenchDatabase, withSignedInApi, write } from './bench-support';

/**
 * Verifying the audit chain (GET /api/audit-events/verify) through HTTP with 1,000,000 chained events in one
 * organization: `npm run bench:audit-verify`. Target: < 10 s. The events are dealt round-robin to BENCH_AUDIT_LANES
 * lanes of the chain (default 16, as the API writes them; 1 = the single chain of before lanes).
 *
 * The events are chained in Node with the same eventMac the API uses (a random key handed to the API as
 * AUDIT_HMAC_KEY) and loaded with multi-row INSERTs as the database owner; then the API verifies the whole chain
 * BENCH_RUNS times (default 3) and each run must answer intact. BENCH_PLAN=1 also prints the plans of the walk's first
 * statement and of a range read (they must be index scans).
 */

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LANES = Number(process.env.BENCH_AUDIT_LANES ?? 16);
const BATCH = 50_000;
const PASSWORD = 'benchmark password 1';
const ACTIONS = ['patient.viewed', 'treatment_session.viewed', 'consents.listed', 'patient.updated', 'photos.listed'];

async function seed(client: Client, key: Buffer): Promise<{ email: string; organizationId: string }> {
  const email = `bench-${randomBytes(4).toString('hex')}@bench.test`;
  const org = (await client.query(`INSERT INTO organizations (name) VALUES ('Benchmark Clinic') RETURNING id`)).rows[0].id as string;
  const location = (await client.query(`INSERT INTO locations (organization_id, name, timezone) VALUES ($1, 'Main', 'UTC') RETURNING id`, [org])).rows[0].id as string;
  const owner = (
    await client.query(
      `INSERT INTO staff_members (organization_id, email, name, role, password_hash, default_location_id)
       VALUES ($1, $2, 'Bench Owner', 'owner', $3, $4) RETURNING id`,
      [org, email, await hashPassword(PASSWORD), location],
    )
  ).rows[0].id as string;

  const started = Date.now();
  const base = Date.UTC(2026, 0, 1);
  // Event n (1-based) goes to lane (n - 1) % LANES, as the n-th of that lane's events.
  const previousMacs: (string | null)[] = Array(LANES).fill(null);
  let macMs = 0;
  for (let from = 1; from <= EVENTS; from += BATCH) {
    const to = Math.min(EVENTS, from + BATCH - 1);
    const t = Date.now();
    const cols = { occurredAt: [] as string[], action: [] as string[], entityId: [] as string[], changes: [] as string[], seq: [] as number[], mac: [] as string[], lane: [] as number[] };
    for (let n = from; n <= to; n++) {
      const lane = (n - 1) % LANES;
      const seq = Math.floor((n - 1) / LANES) + 1;
      // Rendered exactly as PostgreSQL renders them back (timestamp to the microsecond, jsonb text).
      const occurredAt = new Date(base + n * 10).toISOString().replace('Z', '000Z');
      const changes = `{"n": {"to": ${n}}}`;
      const action = ACTIONS[n % ACTIONS.length];
      const entityId = owner;
      const mac = eventMac(key, previousMacs[lane], {
        organizationId: org,
        lane,
        seq: String(seq),
        occurredAt,
        actorId: owner,
        action,
        entityType: 'patient',
        entityId,
        ip: '127.0.0.1',
        requestId: 'bench',
        changes,
      });
      cols.occurredAt.push(occurredAt);
      cols.action.push(action);
      cols.entityId.push(entityId);
      cols.changes.push(changes);
      cols.seq.push(seq);
      cols.mac.push(mac);
      cols.lane.push(lane);
      previousMacs[lane] = mac;
    }
    macMs += Date.now() - t;
    await client.query(
      `INSERT INTO audit_events (organization_id, actor_id, action, entity_type, entity_id, occurred_at, ip, request_id, changes, chain_seq, mac, chain_lane)
       SELECT $1, $2, t.action, 'patient', t.entity_id, t.occurred_at, '127.0.0.1', 'bench', t.changes::jsonb, t.seq, decode(t.mac, 'hex'), t.lane
       FROM unnest($3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::smallint[]) AS t(occurred_at, action, entity_id, changes, seq, mac, lane)`,
      [org, owner, cols.occurredAt, cols.action, cols.entityId, cols.changes, cols.seq, cols.mac, cols.lane],
    );
  }
  for (let lane = 0; lane < Math.min(LANES, EVENTS); lane++) {
    const lastSeq = Math.floor((EVENTS - 1 - lane) / LANES) + 1;
    await client.query(`INSERT INTO audit_chain_heads (organization_id, lane, last_seq, last_mac) VALUES ($1, $2, $3, decode($4, 'hex'))`, [org, lane, lastSeq, previousMacs[lane]]);
  }
  await client.query(`ANALYZE audit_events`);
  write(`  ${EVENTS.toLocaleString('en-US')} chained events in ${LANES} lanes in ${((Date.now() - started) / 1000).toFixed(1)} s (MACs in Node: ${(macMs / 1000).toFixed(1)} s)`);
  return { email, organizationId: org };
}

async function main(): Promise<void> {
  await withBenchDatabase(async (url) => {
    const key = randomBytes(32);
    const client = new Client({ connectionString: url });
    await client.connect();
    let email: string;
    try {
      write(machineLine((await client.query(`SHOW server_version`)).rows[0].server_version as string));
      write('Seeding:');
      let organizationId: string;
      ({ email, organizationId } = await seed(client, key));
      if (process.env.BENCH_PLAN) {
        for (const [text, values] of [
          [START_SQL, [organizationId, 25_000]],
          [RANGE_SQL, [organizationId, [...Array(LANES).keys()], Array(LANES).fill(EVENTS), Math.floor(25_000 / LANES), Math.floor(50_000 / LANES)]],
        ] as const) {
          const plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, [...values])).rows as { 'QUERY PLAN': string }[];
          write(plan.map((r) => r['QUERY PLAN']).join('\n'));
        }
      }
    } finally {
      await client.end();
    }
    await withSignedInApi(
      url,
      email,
      PASSWORD,
      async (get) => {
        const times: number[] = [];
        for (let run = 1; run <= RUNS; run++) {
          const t = performance.now();
          const response = await get('/api/audit-events/verify');
          const ms = performance.now() - t;
          const body = (await response.json()) as { intact: boolean; checked: number; firstBrokenEventId: string | null };
          if (response.status !== 200 || !body.intact || body.checked < EVENTS) throw new Error(`Verification run ${run} failed: ${response.status} ${JSON.stringify(body)}`);
          times.push(ms);
          write(`  run ${run}: ${(ms / 1000).toFixed(2)} s, ${body.checked.toLocaleString('en-US')} events checked, intact`);
        }
        const worst = Math.max(...times);
        const p50 = percentile([...times].sort((a, b) => a - b), 50);
        write(
          `GET /api/audit-events/verify over ${EVENTS.toLocaleString('en-US')} events: best ${(Math.min(...times) / 1000).toFixed(2)} s, p50 ${(p50 / 1000).toFixed(2)} s, worst ${(worst / 1000).toFixed(2)} s (target < 10 s): ${worst < 10_000 ? 'PASS' : 'FAIL'}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`,
        );
        if (worst >= 10_000) process.exitCode = 1;
      },
      { AUDIT_HMAC_KEY: key.toString('hex') },
    );
  });
}

runBenchmark(main);
