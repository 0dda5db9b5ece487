import { signedInOrganization } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('organization and locations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('reads and renames the organization', async () => {
    const { client, organization } = await signedInOrganization(app, 'admin');
    expect((await client.get('/api/organization')).body).toMatchObject({ id: organization.id, name: organization.name });
    const renamed = await client.patch('/api/organization', { name: 'Harbour Skin & Laser' });
    expect(renamed.body.name).toBe('Harbour Skin & Laser');
  });

  it('adds and edits locations with IANA time zones only', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    const created = await client.post('/api/locations', { name: 'Uptown', timezone: 'America/Chicago', phone: '+1 312 555 0100' });
    expect(created.status).toBe(201);
    const edited = await client.patch(`/api/locations/${created.body.id}`, { timezone: 'America/Denver', isActive: false });
    expect(edited.body).toMatchObject({ timezone: 'America/Denver', isActive: false });
    const lowerCase = await client.patch(`/api/locations/${created.body.id}`, { timezone: 'america/chicago' });
    expect(lowerCase.body.timezone).toBe('America/Chicago');
    const bad = await client.patch(`/api/locations/${created.body.id}`, { timezone: 'Central Time' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'timezone' });
  });

  it('keeps organization settings to owners and admins', async () => {
    const { client } = await signedInOrganization(app, 'front_desk');
    expect((await client.get('/api/locations')).status).toBe(200);
    expect((await client.post('/api/locations', { name: 'X', timezone: 'UTC' })).status).toBe(403);
    expect((await client.patch('/api/organization', { name: 'X' })).status).toBe(403);
  });

  it('refuses an unknown time zone in the database too', async () => {
    const { organization } = await signedInOrganization(app);
    await expect(
      app.dataSource.query(`INSERT INTO locations (organization_id, name, timezone) VALUES ($1, 'Bad', 'Mars/Olympus')`, [organization.id]),
    ).rejects.toThrow(/time zone/);
  });
});
