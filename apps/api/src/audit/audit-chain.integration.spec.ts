import { Client } from 'pg';
import type { ApiClient } from '../../test/api-client';
import { newPatient, signedInOrganization } from '../../test/factories';
import { StatementCounter } from '../../test/statement-counter';
import { readRunState } from '../../test/test-database';
import { createTestApp, type TestApp } from '../../test/test-app';
import { setTenant } from '../database/request-transaction';
import { AUDIT_LANES, eventMac } from './audit-chain';
import { AuditKeyProvider } from './audit-key.provider';
import { AuditService } from './audit.service';
import { AuditVerifyService } from './audit-verify.service';

interface ChainedEvent {
  id: string;
  lane: number;
  seq: number;
}

/** Whether each lane's sequence numbers run 1, 2, 3... (events in id order, as the queries below give them). */
function contiguousPerLane(events: readonly ChainedEvent[]): boolean {
  const next = new Map<number, number>();
  for (const e of [...events].sort((a, b) => a.lane - b.lane || a.seq - b.seq)) {
    const expected = next.get(e.lane) ?? 1;
    if (e.seq !== expected) return false;
    next.set(e.lane, expected + 1);
  }
  return true;
}

/** What verify counts when the walk of `broken`'s lane stops there (it counts the row it stops at): every other lane whole. */
function checkedUpTo(events: readonly ChainedEvent[], broken: { lane: number; seq: number }): number {
  return events.filter((e) => e.lane !== broken.lane || e.seq <= broken.seq).length;
}

/** Tampering as the database owner would: the immutability triggers switched off for one transaction. */
async function tamper(app: TestApp, statements: string[]): Promise<void> {
  const owner = new Client({ connectionString: app.databaseUrl });
  await owner.connect();
  try {
    await owner.query('BEGIN');
    await owner.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await owner.query('ALTER TABLE audit_chain_heads DISABLE TRIGGER USER');
    for (const sql of statements) await owner.query(sql);
    await owner.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    await owner.query('ALTER TABLE audit_chain_heads ENABLE TRIGGER USER');
    await owner.query('COMMIT');
  } finally {
    await owner.end();
  }
}

describe('tamper-evident audit chain', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  /** The organization's events in id order, with their lane and place in it. */
  async function eventsOf(organizationId: string): Promise<(ChainedEvent & { action: string })[]> {
    const rows: { id: string; lane: number; seq: string; action: string }[] = await app.dataSource.query(
      `SELECT id::text, chain_lane AS lane, chain_seq::text AS seq, action FROM audit_events WHERE organization_id = $1 ORDER BY id`,
      [organizationId],
    );
    return rows.map((r) => ({ id: r.id, lane: r.lane, seq: Number(r.seq), action: r.action }));
  }

  /** An organization with a few chained events (locations created one after another) and its events in id order. */
  async function chainedOrganization(locations = 5) {
    const signedIn = await signedInOrganization(app, 'owner');
    for (let i = 0; i < locations; i++) {
      expect((await signedIn.client.post('/api/locations', { name: `Site ${i}`, timezone: 'UTC' })).status).toBe(201);
    }
    return { ...signedIn, events: await eventsOf(signedIn.organization.id) };
  }

  /** An organization whose events lie in several lanes (40 concurrent audited reads), and its events in id order. */
  async function laneOrganization() {
    const signedIn = await signedInOrganization(app, 'owner');
    const patient = await newPatient(app.dataSource, signedIn.organization.id);
    const responses = await Promise.all(Array.from({ length: 40 }, () => signedIn.client.get(`/api/patients/${patient.id}`)));
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(200));
    const events = await eventsOf(signedIn.organization.id);
    const lanes = new Map<number, ChainedEvent[]>();
    for (const e of events) lanes.set(e.lane, [...(lanes.get(e.lane) ?? []), e]);
    for (const inLane of lanes.values()) inLane.sort((a, b) => a.seq - b.seq);
    return { ...signedIn, patient, events, lanes };
  }

  async function verify(client: ApiClient) {
    const response = await client.get('/api/audit-events/verify');
    expect(response.status).toBe(200);
    return response.body as { intact: boolean; checked: number; firstBrokenEventId: string | null };
  }

  it('chains every event with a contiguous sequence and an HMAC, and verifies intact', async () => {
    const { client, organization, events } = await chainedOrganization(3);
    expect(contiguousPerLane(events)).toBe(true);
    const body = await verify(client);
    expect(body).toEqual({ intact: true, checked: events.length, firstBrokenEventId: null });
    const [{ macs }] = await app.dataSource.query(`SELECT count(*) FILTER (WHERE octet_length(mac) = 32)::int AS macs FROM audit_events WHERE organization_id = $1`, [
      organization.id,
    ]);
    // The verification itself is recorded (and chained) after it ran.
    expect(macs).toBe(events.length + 1);
    expect((await verify(client)).checked).toBe(events.length + 1);
  });

  it('verifies events whose content needs JSON escaping (PostgreSQL renders the same bytes the writer hashed)', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const names = ['Quote " and back\\slash', 'Tab\tand\nnewline', 'Zürich – 東京 😀', 'Line\u2028separator \u007f', '<b>&amp;</b> / \\u0041'];
    for (const name of names) {
      const response = await client.post('/api/locations', { name, timezone: 'UTC' });
      expect([201, 400]).toContain(response.status);
    }
    const [{ escaped }] = await app.dataSource.query(
      `SELECT count(*)::int AS escaped FROM audit_events WHERE organization_id = $1 AND changes::text ~ '[\\\\"]|[^\\x01-\\x7e]'`,
      [organization.id],
    );
    expect(escaped).toBeGreaterThan(0);
    const rows: unknown[] = await app.dataSource.query(`SELECT 1 FROM audit_events WHERE organization_id = $1`, [organization.id]);
    expect(await verify(client)).toEqual({ intact: true, checked: rows.length, firstBrokenEventId: null });
  });

  it('answers concurrent verifications alike (one walk reads on two connections, the others on their own)', async () => {
    const { client, events } = await chainedOrganization(3);
    const bodies = await Promise.all(Array.from({ length: 4 }, () => verify(client)));
    for (const body of bodies) {
      expect(body.intact).toBe(true);
      // Each verification is chained after its walk, so a later one may also count the earlier ones' events.
      expect(body.checked).toBeGreaterThanOrEqual(events.length);
      expect(body.firstBrokenEventId).toBeNull();
    }
  });

  it('spreads concurrent patient-list reads over lanes too (audited through the data source\'s manager, in the request\'s transaction)', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    await newPatient(app.dataSource, organization.id);
    const before = (await eventsOf(organization.id)).length;
    const responses = await Promise.all(Array.from({ length: 30 }, () => client.get('/api/patients?pageSize=20')));
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(200));
    const rows = await eventsOf(organization.id);
    expect(rows.length - before).toBe(30);
    // The list's events used to fall into lane 0 all together, each list waiting for the previous one's commit.
    expect(new Set(rows.slice(before).map((e) => e.lane)).size).toBeGreaterThan(1);
    expect(contiguousPerLane(rows)).toBe(true);
    expect(await verify(client)).toEqual({ intact: true, checked: rows.length, firstBrokenEventId: null });
  });

  it('does not fork under 20 concurrent audited writes in one organization', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => client.post('/api/locations', { name: `Parallel ${i}`, timezone: 'UTC' })));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const rows = await eventsOf(organization.id);
    expect(contiguousPerLane(rows)).toBe(true);
    expect(await verify(client)).toEqual({ intact: true, checked: rows.length, firstBrokenEventId: null });
  });

  /** The organization's chained events, and whether each lane's sequence numbers run 1, 2, 3... */
  async function chainOf(organizationId: string) {
    const rows = await eventsOf(organizationId);
    return { rows, contiguous: contiguousPerLane(rows) };
  }

  it('spreads 40 concurrent audited reads of one clinic over several lanes, each an intact chain', async () => {
    const { client, events, lanes } = await laneOrganization();
    expect(lanes.size).toBeGreaterThan(1);
    expect([...lanes.keys()].every((lane) => lane >= 0 && lane < AUDIT_LANES)).toBe(true);
    expect(contiguousPerLane(events)).toBe(true);
    expect(await verify(client)).toEqual({ intact: true, checked: events.length, firstBrokenEventId: null });
  });

  it("publishes each event's predecessor in its own lane (audit_entity_chain), so a single event verifies in any lane", async () => {
    const { organization, patient, events, lanes } = await laneOrganization();
    const verifier = app.app.get(AuditVerifyService);
    const evidence = async () => {
      const rows: { id: string; chain_lane: number; chain_seq: string | null; mac: string | null; chain_tail: string; previous_mac: string | null }[] = await app.dataSource.query(
        `SELECT id::text, chain_lane, chain_seq, mac, chain_tail, previous_mac FROM audit_entity_chain WHERE organization_id = $1 AND entity_type = 'patient' AND entity_id = $2`,
        [organization.id, patient.id],
      );
      return new Map(rows.map((r) => [r.id, verifier.chainEvidenceIntact(organization.id, { chainLane: r.chain_lane, chainSeq: r.chain_seq, mac: r.mac, chainTail: r.chain_tail, previousMac: r.previous_mac })]));
    };
    const before = await evidence();
    expect(before.size).toBe(events.filter((e) => e.action === 'patient.viewed').length);
    expect([...before.values()].every((intact) => intact === true)).toBe(true);
    const altered = laneAboveZero(lanes, 2)[1];
    await tamper(app, [`UPDATE audit_events SET ip = '10.0.0.1' WHERE id = ${altered.id}`]);
    expect((await evidence()).get(altered.id)).toBe(false);
  });

  /** Chains `sizes[i]` events into lane `lanes[i]` of the organization as the writer would (the key is the app's). */
  async function seedLanes(organizationId: string, lanes: readonly number[], sizes: readonly number[]): Promise<void> {
    const key = app.app.get(AuditKeyProvider).key;
    for (const [i, lane] of lanes.entries()) {
      const cols = { occurredAt: [] as string[], changes: [] as string[], seq: [] as number[], mac: [] as string[] };
      let previousMac: string | null = null;
      for (let seq = 1; seq <= sizes[i]; seq++) {
        const occurredAt = new Date(Date.UTC(2026, 0, 1) + seq * 10 + lane).toISOString().replace('Z', '000Z');
        const changes = `{"n": {"to": ${seq}}}`;
        previousMac = eventMac(key, previousMac, { organizationId, lane, seq: String(seq), occurredAt, actorId: null, action: 'patient.viewed', entityType: 'patient', entityId: 'p', ip: null, requestId: null, changes });
        cols.occurredAt.push(occurredAt);
        cols.changes.push(changes);
        cols.seq.push(seq);
        cols.mac.push(previousMac);
      }
      await app.dataSource.query(
        `INSERT INTO audit_events (organization_id, action, entity_type, entity_id, occurred_at, changes, chain_lane, chain_seq, mac)
         SELECT $1, 'patient.viewed', 'patient', 'p', t.occurred_at, t.changes::jsonb, $2, t.seq, decode(t.mac, 'hex')
           FROM unnest($3::timestamptz[], $4::text[], $5::bigint[], $6::text[]) AS t(occurred_at, changes, seq, mac)`,
        [organizationId, lane, cols.occurredAt, cols.changes, cols.seq, cols.mac],
      );
      await app.dataSource.query(`INSERT INTO audit_chain_heads (organization_id, lane, last_seq, last_mac) VALUES ($1, $2, $3, decode($4, 'hex'))`, [
        organizationId,
        lane,
        sizes[i],
        previousMac,
      ]);
    }
  }

  it('walks lanes of very different lengths window by window (beyond one read), and finds a break deep in one', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const before = await eventsOf(organization.id);
    const used = new Set(before.map((e) => e.lane));
    const lanes = [...Array(AUDIT_LANES).keys()].filter((l) => !used.has(l)).slice(0, 3);
    // More than one read (25,000 events each): an equal share per lane first, then windows of sequence numbers.
    const sizes = [40_000, 15_000, 5];
    await seedLanes(organization.id, lanes, sizes);
    expect(await verify(client)).toEqual({ intact: true, checked: before.length + 55_005, firstBrokenEventId: null });

    const [{ id }] = await app.dataSource.query(`SELECT id::text FROM audit_events WHERE organization_id = $1 AND chain_lane = $2 AND chain_seq = 12000`, [
      organization.id,
      lanes[1],
    ]);
    await tamper(app, [`UPDATE audit_events SET changes = '{"n": {"to": 1}}' WHERE id = ${id}`]);
    // Every other lane is walked to its end, now with the first verification's own event; the broken one up to the break.
    const body = await verify(client);
    expect(body).toMatchObject({ intact: false, firstBrokenEventId: id });
    expect(body.checked).toBe(before.length + 1 + 40_000 + 12_000 + 5);
  }, 60_000);

  /** A lane > 0 with at least `size` events (40 concurrent reads give several). */
  function laneAboveZero(lanes: Map<number, ChainedEvent[]>, size: number): ChainedEvent[] {
    const found = [...lanes.entries()].filter(([lane, inLane]) => lane > 0 && inLane.length >= size).sort((a, b) => b[1].length - a[1].length)[0];
    if (!found) throw new Error(`no lane > 0 with ${size} events: ${JSON.stringify([...lanes].map(([lane, e]) => [lane, e.length]))}`);
    return found[1];
  }

  it('detects and names an altered event in a lane > 0', async () => {
    const { client, events, lanes } = await laneOrganization();
    const lane = laneAboveZero(lanes, 3);
    const altered = lane[1];
    await tamper(app, [`UPDATE audit_events SET changes = '{"x": {"to": "forged"}}' WHERE id = ${altered.id}`]);
    expect(await verify(client)).toEqual({ intact: false, checked: checkedUpTo(events, altered), firstBrokenEventId: altered.id });
  });

  it("detects a lane's deleted last event (the lane no longer reaches its head)", async () => {
    const { client, events, lanes } = await laneOrganization();
    const lane = laneAboveZero(lanes, 2);
    const tail = lane[lane.length - 1];
    await tamper(app, [`DELETE FROM audit_events WHERE id = ${tail.id}`]);
    expect(await verify(client)).toEqual({ intact: false, checked: events.length - 1, firstBrokenEventId: null });
  });

  it('detects an event moved to another lane with its sequence number kept', async () => {
    const { client, organization, lanes } = await laneOrganization();
    const lane = laneAboveZero(lanes, 3);
    const moved = lane[1];
    const target = [...Array(AUDIT_LANES).keys()].find((l) => l !== moved.lane && !(lanes.get(l) ?? []).some((e) => e.seq === moved.seq));
    expect(target).toBeDefined();
    await tamper(app, [`UPDATE audit_events SET chain_lane = ${target} WHERE id = ${moved.id}`]);
    // Its own lane has a gap there: the next event no longer follows.
    expect(await verify(client)).toMatchObject({ intact: false, firstBrokenEventId: lane[2].id });
    expect(await app.app.get(AuditVerifyService).entryIntact(app.dataSource.manager, organization.id, moved.id)).toBe(false);
  });

  it('detects a whole lane moved to another lane (the lane is in the MAC, not only in the order)', async () => {
    const { client, organization, events, lanes } = await laneOrganization();
    const lane = laneAboveZero(lanes, 1);
    const from = lane[0].lane;
    const to = [...Array(AUDIT_LANES).keys()].find((l) => l > 0 && !lanes.has(l));
    expect(to).toBeDefined();
    await tamper(app, [
      `UPDATE audit_events SET chain_lane = ${to} WHERE organization_id = '${organization.id}' AND chain_lane = ${from}`,
      `UPDATE audit_chain_heads SET lane = ${to} WHERE organization_id = '${organization.id}' AND lane = ${from}`,
    ]);
    expect(await verify(client)).toEqual({ intact: false, checked: events.length - lane.length + 1, firstBrokenEventId: lane[0].id });
  });

  it('detects events swapped between two lanes at the same place, naming the earlier', async () => {
    const { client, organization, lanes } = await laneOrganization();
    const [a, b] = [...lanes.values()].filter((inLane) => inLane.length >= 2);
    expect(b).toBeDefined();
    const [x, y] = [a[1], b[1]];
    await tamper(app, [
      `UPDATE audit_events SET chain_seq = 1000000 WHERE id = ${x.id}`,
      `UPDATE audit_events SET chain_lane = ${x.lane}, chain_seq = ${x.seq} WHERE id = ${y.id}`,
      `UPDATE audit_events SET chain_lane = ${y.lane}, chain_seq = ${y.seq} WHERE id = ${x.id}`,
    ]);
    const first = BigInt(x.id) < BigInt(y.id) ? x.id : y.id;
    expect(await verify(client)).toMatchObject({ intact: false, firstBrokenEventId: first });
    expect(organization.id).toBeDefined();
  });

  it("writes a read's event in one statement, without a savepoint, and stays verifiable when another writer moved the head", async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const patient = await newPatient(app.dataSource, organization.id);
    const counter = new StatementCounter(readRunState().appRole.name).start();
    try {
      expect((await client.get(`/api/patients/${patient.id}`)).status).toBe(200);
      const read = await counter.during(() => client.get(`/api/patients/${patient.id}`));
      expect(read.result.status).toBe(200);
      expect(read.statements.filter((s) => /audit_/.test(s))).toHaveLength(1);
      expect(read.statements.filter((s) => /SAVEPOINT/i.test(s))).toEqual([]);

      // Another API process (its own memory of the heads) appends in between, in the lane this one's reads use: this
      // one's check fails, it takes the slow path.
      const [{ lane }] = await app.dataSource.query(`SELECT chain_lane AS lane FROM audit_events WHERE organization_id = $1 ORDER BY id DESC LIMIT 1`, [organization.id]);
      const elsewhere = new AuditService(app.app.get(AuditKeyProvider));
      // Its first connection takes this lane (it would take 0; which one another process takes is up to it).
      (elsewhere as unknown as { nextLane: number }).nextLane = lane;
      await app.appDataSource.transaction(async (manager) => {
        await setTenant(manager, organization.id);
        await elsewhere.record(manager, { organizationId: organization.id, staffMemberId: null, ip: '127.0.0.1', requestId: 'elsewhere', userAgent: 'test' }, { action: 'patient.viewed', entityType: 'patient', entityId: patient.id });
      });
      const afterOther = await counter.during(() => client.get(`/api/patients/${patient.id}`));
      expect(afterOther.result.status).toBe(200);
      expect(afterOther.statements.filter((s) => /audit_/.test(s)).length).toBeGreaterThan(1);

      // A transaction that appended and rolled back leaves this process's memory ahead of the database.
      await app.appDataSource
        .transaction(async (manager) => {
          await setTenant(manager, organization.id);
          await app.app.get(AuditService).record(manager, { organizationId: organization.id, staffMemberId: null, ip: '127.0.0.1', requestId: 'elsewhere', userAgent: 'test' }, { action: 'patient.viewed', entityType: 'patient', entityId: patient.id });
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      expect((await client.get(`/api/patients/${patient.id}`)).status).toBe(200);
      expect((await counter.during(() => client.get(`/api/patients/${patient.id}`))).statements.filter((s) => /audit_/.test(s))).toHaveLength(1);
    } finally {
      counter.stop();
    }
    const { rows, contiguous } = await chainOf(organization.id);
    expect(contiguous).toBe(true);
    expect(rows.filter((r) => r.action === 'patient.viewed')).toHaveLength(6);
    expect(await verify(client)).toEqual({ intact: true, checked: rows.length, firstBrokenEventId: null });
  });

  it('does not fork under 30 concurrent audited reads and writes in one organization', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const patient = await newPatient(app.dataSource, organization.id);
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? client.post('/api/locations', { name: `Mixed ${i}`, timezone: 'UTC' }) : client.get(`/api/patients/${patient.id}`))),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(20).fill(200), ...Array(10).fill(201)]);
    const { rows, contiguous } = await chainOf(organization.id);
    expect(contiguous).toBe(true);
    expect(rows.filter((r) => r.action === 'patient.viewed')).toHaveLength(20);
    expect(await verify(client)).toEqual({ intact: true, checked: rows.length, firstBrokenEventId: null });
  });

  it('detects an altered row', async () => {
    const { client, events } = await chainedOrganization();
    await tamper(app, [`UPDATE audit_events SET changes = '{"name": {"to": "Elsewhere"}}' WHERE id = ${events[3].id}`]);
    expect(await verify(client)).toEqual({ intact: false, checked: checkedUpTo(events, events[3]), firstBrokenEventId: events[3].id });
  });

  it('detects a row altered by microseconds in its time', async () => {
    const { client, events } = await chainedOrganization();
    await tamper(app, [`UPDATE audit_events SET occurred_at = occurred_at + interval '1 microsecond' WHERE id = ${events[2].id}`]);
    expect((await verify(client)).firstBrokenEventId).toBe(events[2].id);
  });

  it('detects a deleted row', async () => {
    const { client, events } = await chainedOrganization();
    const deleted = events[2];
    const next = events.find((e) => e.lane === deleted.lane && e.seq === deleted.seq + 1);
    expect(next).toBeDefined();
    await tamper(app, [`DELETE FROM audit_events WHERE id = ${deleted.id}`]);
    // The walk of its lane stops at the next row (counted), one place further than it would have.
    expect(await verify(client)).toEqual({ intact: false, checked: checkedUpTo(events, deleted), firstBrokenEventId: next?.id });
  });

  it('detects deleted last rows (the chain no longer reaches its head)', async () => {
    const { client, events } = await chainedOrganization();
    const last = events[events.length - 1];
    await tamper(app, [`DELETE FROM audit_events WHERE id = ${last.id}`]);
    expect(await verify(client)).toEqual({ intact: false, checked: events.length - 1, firstBrokenEventId: null });
  });

  it('detects an inserted row, chained with a forged MAC or not chained at all', async () => {
    const { client, organization, events } = await chainedOrganization();
    const [{ id: unchained }] = await app.dataSource.query(
      `INSERT INTO audit_events (organization_id, action, entity_type) VALUES ($1, 'patient.viewed', 'patient') RETURNING id::text`,
      [organization.id],
    );
    expect(await verify(client)).toMatchObject({ intact: false, firstBrokenEventId: unchained });

    const other = await chainedOrganization();
    const lane = other.events[other.events.length - 1].lane;
    const [{ id: forged }] = await app.dataSource.query(
      `INSERT INTO audit_events (organization_id, action, entity_type, chain_lane, chain_seq, mac)
       VALUES ($1, 'patient.viewed', 'patient', $2, $3, decode(repeat('ab', 32), 'hex')) RETURNING id::text`,
      [other.organization.id, lane, other.events.filter((e) => e.lane === lane).length + 1],
    );
    await tamper(app, [`UPDATE audit_chain_heads SET last_seq = last_seq + 1 WHERE organization_id = '${other.organization.id}' AND lane = ${lane}`]);
    expect(await verify(other.client)).toEqual({ intact: false, checked: other.events.length + 1, firstBrokenEventId: forged });
    expect(events.length).toBeGreaterThan(0);
  });

  it('detects reordered rows', async () => {
    const { client, organization, events } = await chainedOrganization();
    const org = organization.id;
    const lane = events[3].lane;
    const [third, fourth] = [3, 4].map((seq) => events.find((e) => e.lane === lane && e.seq === seq));
    expect(third && fourth).toBeDefined();
    const inLane = `organization_id = '${org}' AND chain_lane = ${lane}`;
    await tamper(app, [
      `UPDATE audit_events SET chain_seq = 1000000 WHERE ${inLane} AND chain_seq = 3`,
      `UPDATE audit_events SET chain_seq = 3 WHERE ${inLane} AND chain_seq = 4`,
      `UPDATE audit_events SET chain_seq = 4 WHERE ${inLane} AND chain_seq = 1000000`,
    ]);
    // The walk of the lane stops at its third place, where the fourth event now is.
    expect(await verify(client)).toEqual({ intact: false, checked: checkedUpTo(events, { lane, seq: 3 }), firstBrokenEventId: fourth?.id });
  });

  it('skips events from before the chain, and only those', async () => {
    const { client, organization, events } = await chainedOrganization(2);
    // A migrated database: unchained rows up to legacy_max_event_id are "before the chain".
    const [{ id: legacy }] = await app.dataSource.query(
      `INSERT INTO audit_events (organization_id, action, entity_type) VALUES ($1, 'location.created', 'location') RETURNING id::text`,
      [organization.id],
    );
    // legacy_max_event_id lives on lane 0's head (made here should this organization's events lie in other lanes).
    await tamper(app, [
      `INSERT INTO audit_chain_heads (organization_id, lane, legacy_max_event_id) VALUES ('${organization.id}', 0, ${legacy})
       ON CONFLICT (organization_id, lane) DO UPDATE SET legacy_max_event_id = EXCLUDED.legacy_max_event_id`,
    ]);
    expect(await verify(client)).toEqual({ intact: true, checked: events.length, firstBrokenEventId: null });
  });

  it('refuses to move the chain head backwards or delete it (as the app would try)', async () => {
    const { organization } = await chainedOrganization(1);
    await expect(app.dataSource.query(`UPDATE audit_chain_heads SET last_seq = 0, last_mac = NULL WHERE organization_id = $1`, [organization.id])).rejects.toThrow(
      /only moves forward/,
    );
    await expect(app.dataSource.query(`DELETE FROM audit_chain_heads WHERE organization_id = $1`, [organization.id])).rejects.toThrow(/DELETE refused/);
    // A head stays its lane's; a lane other than 0 cannot claim rows from before the chain.
    await expect(app.dataSource.query(`UPDATE audit_chain_heads SET lane = lane + 100 WHERE organization_id = $1`, [organization.id])).rejects.toThrow(/only moves forward/);
    await expect(
      app.dataSource.query(`INSERT INTO audit_chain_heads (organization_id, lane, legacy_max_event_id) VALUES ($1, 200, 1)`, [organization.id]),
    ).rejects.toThrow(/audit_chain_heads_legacy_in_lane_0/);
  });

  it('is for owners and admins only', async () => {
    const { client } = await signedInOrganization(app, 'physician');
    expect((await client.get('/api/audit-events/verify')).status).toBe(403);
  });
});
