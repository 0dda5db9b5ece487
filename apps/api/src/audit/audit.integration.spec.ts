import { signedInOrganization } from '../../test/factories';
import { listStatements } from '../../test/list-statements';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('audit trail', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('records each change with actor, time, IP, request id and changed fields', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'owner');
    const created = await client.post(
      '/api/locations',
      { name: 'Riverside', timezone: 'Europe/London', address: '2 River Rd' },
      { headers: { 'x-request-id': 'req-audit-1' } },
    );
    expect(created.status).toBe(201);
    const page = await client.get(`/api/audit-events?entityType=location&entityId=${created.body.id}`);
    expect(page.status).toBe(200);
    expect(page.body.total).toEqual({ count: 1, capped: false });
    expect(page.body.items[0]).toMatchObject({
      action: 'location.created',
      actorId: staffMember.id,
      actorName: staffMember.name,
      requestId: 'req-audit-1',
      ip: expect.any(String),
      changes: { name: { to: 'Riverside' }, timezone: { to: 'Europe/London' } },
    });
  });

  it('filters by actor, action and time, and pages newest first by cursor', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'owner');
    for (const name of ['A', 'B', 'C']) await client.post('/api/locations', { name: `Site ${name}`, timezone: 'UTC' });
    const filter = `actorId=${staffMember.id}&action=location.created`;
    const first = await client.get(`/api/audit-events?${filter}&pageSize=2`);
    expect(first.body).toMatchObject({ pageSize: 2, hasMore: true, total: { count: 3, capped: false } });
    const names = (body: { items: { changes: { name: { to: string } } }[] }) => body.items.map((e) => e.changes.name.to);
    expect(names(first.body)).toEqual(['Site C', 'Site B']);
    const second = await client.get(`/api/audit-events?${filter}&pageSize=2&after=${first.body.nextCursor}`);
    expect(names(second.body)).toEqual(['Site A']);
    expect(second.body).toMatchObject({ hasMore: false, nextCursor: null });
    expect(second.body.total).toBeUndefined();
    const future = await client.get(`/api/audit-events?from=2999-01-01T00:00:00Z`);
    expect(future.body).toMatchObject({ items: [], hasMore: false, total: { count: 0, capped: false } });
    const bad = await client.get(`/api/audit-events?from=yesterday&pageSize=5000`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'pageSize']);
  });

  it('refuses a cursor of another list as a problem on the after field', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    // Another list's key, then keys of the right JSON types that PostgreSQL could not cast (a day that does not exist, a fractional id).
    for (const key of [['not a time', 'x'], ['2026-02-30T10:00:00.000000Z', 5], ['2026-02-03T10:00:00.000000Z', 1.5], ['March 7, 2026', 5]]) {
      const response = await client.get(`/api/audit-events?after=${cursor(key)}`);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('after');
    }
  });

  it('keeps events of the same instant in order across pages (the cursor holds microseconds and the id)', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    // Five events within one millisecond: a cursor rounded to milliseconds would skip or repeat some.
    await app.dataSource.query(
      `INSERT INTO audit_events (organization_id, action, entity_type, entity_id, occurred_at)
       SELECT $1, 'bench.same_instant', 'location', n::text, '2026-03-01T10:00:00.000100Z'::timestamptz + n * interval '100 microseconds'
         FROM generate_series(1, 5) n`,
      [organization.id],
    );
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 5; page++) {
      const response = await client.get(`/api/audit-events?action=bench.same_instant&pageSize=2${after}`);
      seen.push(...response.body.items.map((e: { entityId: string }) => e.entityId));
      if (!response.body.nextCursor) break;
      after = `&after=${response.body.nextCursor}`;
    }
    expect(seen).toEqual(['5', '4', '3', '2', '1']);
  });

  it('reads a page in one statement, whatever its size and filters (issue 15)', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'owner');
    for (const name of ['D', 'E', 'F']) await client.post('/api/locations', { name: `Site ${name}`, timezone: 'UTC' });
    for (const query of ['', `actorId=${staffMember.id}`, 'action=location.created', 'entityType=location&from=2020-01-01T00:00:00Z']) {
      const one = await listStatements(client, `/api/audit-events?${query}&pageSize=1`);
      const many = await listStatements(client, `/api/audit-events?${query}&pageSize=200`);
      const next = await listStatements(client, `/api/audit-events?${query}&pageSize=1&after=${(one.body as { nextCursor: string }).nextCursor}`);
      expect([one.status, many.status, next.status]).toEqual([200, 200, 200]);
      // START, the sign-in check (which sets the tenant), the page with its capped count, COMMIT: not audited.
      expect(one.reads).toHaveLength(1);
      expect(one.budgeted).toBeLessThanOrEqual(5);
      expect(many.sent).toBe(one.sent);
      expect(next.sent).toBe(one.sent);
    }
  });

  it('is for owners and admins only', async () => {
    const { client } = await signedInOrganization(app, 'physician');
    expect((await client.get('/api/audit-events')).status).toBe(403);
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await signedInOrganization(app, 'owner');
    await expect(app.dataSource.query(`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(app.dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(app.dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM audit_events WHERE action = 'tampered'`);
    expect(count).toBe(0);
  });

  it('writes nothing when the change it describes fails', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    await client.post('/api/locations', { name: 'Twin', timezone: 'UTC' });
    const duplicate = await client.post('/api/locations', { name: 'Twin', timezone: 'UTC' });
    expect(duplicate.status).toBe(409);
    const [{ count }] = await app.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE organization_id = $1 AND action = 'location.created'`,
      [organization.id],
    );
    expect(count).toBe(1);
  });
});
