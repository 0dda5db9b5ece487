import { Client } from 'pg';
import type { ApiClient } from '../../test/api-client';
import { newPatient, signedInOrganization } from '../../test/factories';
import { StatementCounter } from '../../test/statement-counter';
import { readRunState } from '../../test/test-database';
import { createTestApp, type TestApp } from '../../test/test-app';
import { setTenant } from '../database/request-transaction';
import { AuditKeyProvider } from './audit-key.provider';
import { AuditService } from './audit.service';

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

  /** An organization with a few chained events (locations created) and its events in chain order. */
  async function chainedOrganization(locations = 5) {
    const signedIn = await signedInOrganization(app, 'owner');
    for (let i = 0; i < locations; i++) {
      expect((await signedIn.client.post('/api/locations', { name: `Site ${i}`, timezone: 'UTC' })).status).toBe(201);
    }
    const events: { id: string; seq: string }[] = await app.dataSource.query(
      `SELECT id::text, chain_seq::text AS seq FROM audit_events WHERE organization_id = $1 ORDER BY chain_seq`,
      [signedIn.organization.id],
    );
    return { ...signedIn, events };
  }

  async function verify(client: ApiClient) {
    const response = await client.get('/api/audit-events/verify');
    expect(response.status).toBe(200);
    return response.body as { intact: boolean; checked: number; firstBrokenEventId: string | null };
  }

  it('chains every event with a contiguous sequence and an HMAC, and verifies intact', async () => {
    const { client, organization, events } = await chainedOrganization(3);
    expect(events.map((e) => Number(e.seq))).toEqual(events.map((_, i) => i + 1));
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

  it('does not fork under 20 concurrent audited writes in one organization', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => client.post('/api/locations', { name: `Parallel ${i}`, timezone: 'UTC' })));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const rows: { seq: string }[] = await app.dataSource.query(`SELECT chain_seq::text AS seq FROM audit_events WHERE organization_id = $1 ORDER BY chain_seq`, [
      organization.id,
    ]);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(await verify(client)).toEqual({ intact: true, checked: rows.length, firstBrokenEventId: null });
  });

  /** The organization's chained events in order, and whether their sequence numbers run 1, 2, 3... */
  async function chainOf(organizationId: string) {
    const rows: { seq: string; action: string }[] = await app.dataSource.query(
      `SELECT chain_seq::text AS seq, action FROM audit_events WHERE organization_id = $1 ORDER BY chain_seq`,
      [organizationId],
    );
    return { rows, contiguous: rows.every((r, i) => Number(r.seq) === i + 1) };
  }

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

      // Another API process (its own memory of the head) appends in between: this one's check fails, it takes the slow path.
      const elsewhere = new AuditService(app.app.get(AuditKeyProvider));
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
    expect(await verify(client)).toEqual({ intact: false, checked: 4, firstBrokenEventId: events[3].id });
  });

  it('detects a row altered by microseconds in its time', async () => {
    const { client, events } = await chainedOrganization();
    await tamper(app, [`UPDATE audit_events SET occurred_at = occurred_at + interval '1 microsecond' WHERE id = ${events[2].id}`]);
    expect((await verify(client)).firstBrokenEventId).toBe(events[2].id);
  });

  it('detects a deleted row', async () => {
    const { client, events } = await chainedOrganization();
    await tamper(app, [`DELETE FROM audit_events WHERE id = ${events[2].id}`]);
    expect(await verify(client)).toEqual({ intact: false, checked: 3, firstBrokenEventId: events[3].id });
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
    const [{ id: forged }] = await app.dataSource.query(
      `INSERT INTO audit_events (organization_id, action, entity_type, chain_seq, mac)
       VALUES ($1, 'patient.viewed', 'patient', $2, decode(repeat('ab', 32), 'hex')) RETURNING id::text`,
      [other.organization.id, other.events.length + 1],
    );
    await tamper(app, [`UPDATE audit_chain_heads SET last_seq = last_seq + 1 WHERE organization_id = '${other.organization.id}'`]);
    expect(await verify(other.client)).toEqual({ intact: false, checked: other.events.length + 1, firstBrokenEventId: forged });
    expect(events.length).toBeGreaterThan(0);
  });

  it('detects reordered rows', async () => {
    const { client, organization, events } = await chainedOrganization();
    const org = organization.id;
    await tamper(app, [
      `UPDATE audit_events SET chain_seq = 1000000 WHERE organization_id = '${org}' AND chain_seq = 3`,
      `UPDATE audit_events SET chain_seq = 3 WHERE organization_id = '${org}' AND chain_seq = 4`,
      `UPDATE audit_events SET chain_seq = 4 WHERE organization_id = '${org}' AND chain_seq = 1000000`,
    ]);
    expect(await verify(client)).toEqual({ intact: false, checked: 3, firstBrokenEventId: events[3].id });
  });

  it('skips events from before the chain, and only those', async () => {
    const { client, organization, events } = await chainedOrganization(2);
    // A migrated database: unchained rows up to legacy_max_event_id are "before the chain".
    const [{ id: legacy }] = await app.dataSource.query(
      `INSERT INTO audit_events (organization_id, action, entity_type) VALUES ($1, 'location.created', 'location') RETURNING id::text`,
      [organization.id],
    );
    await tamper(app, [`UPDATE audit_chain_heads SET legacy_max_event_id = ${legacy} WHERE organization_id = '${organization.id}'`]);
    expect(await verify(client)).toEqual({ intact: true, checked: events.length, firstBrokenEventId: null });
  });

  it('refuses to move the chain head backwards or delete it (as the app would try)', async () => {
    const { organization } = await chainedOrganization(1);
    await expect(app.dataSource.query(`UPDATE audit_chain_heads SET last_seq = 0, last_mac = NULL WHERE organization_id = $1`, [organization.id])).rejects.toThrow(
      /only moves forward/,
    );
    await expect(app.dataSource.query(`DELETE FROM audit_chain_heads WHERE organization_id = $1`, [organization.id])).rejects.toThrow(/DELETE refused/);
  });

  it('is for owners and admins only', async () => {
    const { client } = await signedInOrganization(app, 'physician');
    expect((await client.get('/api/audit-events/verify')).status).toBe(403);
  });
});
