import { newStaffMember, signedInOrganization } from './factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * Organization isolation: a user of organization A gets 404 for organization B's records on every route
 * that addresses a record by id, and never sees B's rows in a list. Extend the tables below as routes land.
 */
describe('organization isolation', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof signedInOrganization>>;
  let b: Awaited<ReturnType<typeof signedInOrganization>>;
  let bNurseId: string;

  beforeAll(async () => {
    app = await createTestApp();
    a = await signedInOrganization(app, 'owner');
    b = await signedInOrganization(app, 'owner');
    bNurseId = (await newStaffMember(app.dataSource, b.organization.id)).id;
    await b.client.post('/api/locations', { name: 'B annex', timezone: 'UTC' });
  });
  afterAll(async () => app.close());

  const routesById: { method: string; route: string; id: () => string; body?: unknown }[] = [
    { method: 'GET', route: '/api/staff/:id', id: () => bNurseId },
    { method: 'PATCH', route: '/api/staff/:id', id: () => bNurseId, body: { name: 'Hijacked' } },
    { method: 'POST', route: '/api/staff/:id/deactivate', id: () => bNurseId },
    { method: 'POST', route: '/api/staff/:id/reactivate', id: () => bNurseId },
    { method: 'PATCH', route: '/api/locations/:id', id: () => b.location.id, body: { name: 'Hijacked' } },
  ];

  it.each(routesById)('$method $route answers 404 for the other organization', async ({ method, route, id, body }) => {
    const response = await a.client.request<{ type: string }>(method, route.replace(':id', id()), body);
    expect(response.status).toBe(404);
    expect(response.body.type).toBe('urn:skinledger:problem:not-found');
  });

  it('lists only the own organization', async () => {
    const staff = await a.client.get('/api/staff?includeInactive=true');
    expect(staff.body.map((s: { id: string }) => s.id)).not.toContain(bNurseId);
    const locations = await a.client.get('/api/locations');
    expect(locations.body.map((l: { id: string }) => l.id)).toEqual([a.location.id]);
    expect((await a.client.get('/api/organization')).body.id).toBe(a.organization.id);
    const audit = await a.client.get('/api/audit-events?pageSize=200');
    expect(audit.body.items.every((e: { actorId: string | null }) => e.actorId === a.staffMember.id)).toBe(true);
    const bAudit = await a.client.get(`/api/audit-events?actorId=${b.staffMember.id}`);
    expect(bAudit.body.total).toBe(0);
  });

  it('left organization B untouched', async () => {
    const [nurse] = await app.dataSource.query(`SELECT name, is_active FROM staff_members WHERE id = $1`, [bNurseId]);
    expect(nurse.name).not.toBe('Hijacked');
    expect(nurse.is_active).toBe(true);
  });
});
