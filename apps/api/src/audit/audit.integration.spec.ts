import { signedInOrganization } from '../../test/factories';
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
    expect(page.body.total).toBe(1);
    expect(page.body.items[0]).toMatchObject({
      action: 'location.created',
      actorId: staffMember.id,
      actorName: staffMember.name,
      requestId: 'req-audit-1',
      ip: expect.any(String),
      changes: { name: { to: 'Riverside' }, timezone: { to: 'Europe/London' } },
    });
  });

  it('filters by actor, action and time, and paginates newest first', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'owner');
    for (const name of ['A', 'B', 'C']) await client.post('/api/locations', { name: `Site ${name}`, timezone: 'UTC' });
    const first = await client.get(`/api/audit-events?actorId=${staffMember.id}&action=location.created&pageSize=2`);
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((e: { changes: { name: { to: string } } }) => e.changes.name.to)).toEqual(['Site C', 'Site B']);
    const second = await client.get(`/api/audit-events?actorId=${staffMember.id}&action=location.created&pageSize=2&page=2`);
    expect(second.body.items).toHaveLength(1);
    const future = await client.get(`/api/audit-events?from=2999-01-01T00:00:00Z`);
    expect(future.body.total).toBe(0);
    const bad = await client.get(`/api/audit-events?from=yesterday&pageSize=5000`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'pageSize']);
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
