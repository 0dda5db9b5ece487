import { createTestApp, type TestApp } from '../../test/test-app';

const validSetup = {
  organizationName: 'Harbour Skin Clinic',
  locationName: 'Harbour Street',
  timezone: 'America/New_York',
  adminName: 'Dr. Maya Okafor',
  adminEmail: 'Owner@Harbour.example',
  adminPassword: 'a long enough password',
};

describe('first-run setup', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp();
  });
  afterEach(async () => app.close());

  it('creates the organization, its first location and the owner once, then answers 409', async () => {
    const client = app.client();
    expect((await client.get('/api/setup')).body).toEqual({ needsSetup: true });

    const created = await client.post('/api/setup', validSetup);
    expect(created.status).toBe(201);
    expect((await client.get('/api/setup')).body).toEqual({ needsSetup: false });

    const login = await client.post('/api/auth/login', { email: 'owner@harbour.example', password: validSetup.adminPassword });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ role: 'owner', name: 'Dr. Maya Okafor', organizationId: created.body.organizationId });
    const locations = await client.get('/api/locations');
    expect(locations.body).toEqual([expect.objectContaining({ name: 'Harbour Street', timezone: 'America/New_York' })]);

    const again = await app.client().post('/api/setup', { ...validSetup, adminEmail: 'other@harbour.example' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    const [{ count }] = await app.dataSource.query('SELECT count(*)::int AS count FROM organizations');
    expect(count).toBe(1);
  });

  it('refuses bad input naming each field, and writes nothing', async () => {
    const response = await app.client().post('/api/setup', {
      ...validSetup,
      timezone: 'Mars/Olympus',
      adminEmail: 'not-an-email',
      adminPassword: 'short',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'timezone', message: expect.stringContaining('IANA time zone') },
        { field: 'adminEmail', message: 'adminEmail must be an email address' },
        { field: 'adminPassword', message: 'adminPassword must be at least 12 characters' },
      ]),
    );
    const [{ count }] = await app.dataSource.query('SELECT count(*)::int AS count FROM organizations');
    expect(count).toBe(0);
  });

  it('lets exactly one of several simultaneous setups win', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) => app.client().post('/api/setup', { ...validSetup, adminEmail: `owner${i}@harbour.example` })),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(4);
    const [{ count }] = await app.dataSource.query('SELECT count(*)::int AS count FROM staff_members');
    expect(count).toBe(1);
  });
});
