import { signedInOrganization } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/** Cross-cutting HTTP behaviour every route shares: problem+json errors, request ids, health, docs, headers. */
describe('HTTP contract', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('answers an unknown API route with a 404 problem document', async () => {
    const response = await app.client().get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ type: 'urn:skinledger:problem:not-found', title: 'Not Found', status: 404, instance: '/api/no-such-thing' });
  });

  it('answers malformed JSON with a 400 problem document and no stack trace', async () => {
    const { client } = await signedInOrganization(app);
    const response = await client.post('/api/locations', undefined, { rawBody: '{"name": "Annex",' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: 'urn:skinledger:problem:malformed-json', status: 400, detail: 'The request body is not valid JSON' });
    expect(response.text).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses unknown fields instead of dropping them', async () => {
    const { client } = await signedInOrganization(app);
    const response = await client.post('/api/locations', { name: 'Annex', timezone: 'UTC', colour: 'teal' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'colour', message: 'property colour should not exist' }]);
  });

  it('echoes a request id, or assigns one', async () => {
    const given = await app.client().get('/api/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const assigned = await app.client().get('/api/health');
    expect(assigned.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports liveness and readiness (database reachable, migrations applied)', async () => {
    expect((await app.client().get('/api/health')).body).toEqual({ status: 'ok' });
    expect((await app.client().get('/api/health/ready')).body).toEqual({ status: 'ok', database: true, migrationsApplied: true });
  });

  it('reports not ready while a migration is pending', async () => {
    const [last] = await app.dataSource.query(`SELECT * FROM schema_migrations ORDER BY id DESC LIMIT 1`);
    await app.dataSource.query(`DELETE FROM schema_migrations WHERE id = $1`, [last.id]);
    try {
      const response = await app.client().get('/api/health/ready');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ database: true, migrationsApplied: false });
    } finally {
      await app.dataSource.query(`INSERT INTO schema_migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [last.id, last.timestamp, last.name]);
    }
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const json = await app.client().get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/staff/{id}', '/api/audit-events']));
    const ui = await app.client().get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('sends security headers and keeps CORS closed unless configured', async () => {
    const response = await app.client().get('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an unexpected failure with a 500 problem naming the request id, never the error', async () => {
    const { client } = await signedInOrganization(app);
    // Break the table behind the route to force an unexpected database error.
    await app.dataSource.query(`ALTER TABLE locations RENAME COLUMN phone TO phone_broken`);
    try {
      const response = await client.get('/api/locations', { headers: { 'x-request-id': 'req-500' } });
      expect(response.status).toBe(500);
      expect(response.body).toMatchObject({ type: 'urn:skinledger:problem:internal', requestId: 'req-500' });
      expect(response.body.detail).toContain('req-500');
      expect(response.text).not.toContain('phone');
    } finally {
      await app.dataSource.query(`ALTER TABLE locations RENAME COLUMN phone_broken TO phone`);
    }
  });

  it('answers odd input with a 4xx, never a 500: nulls in required fields, NUL characters, huge page numbers', async () => {
    const { client, location } = await signedInOrganization(app);
    const nulled = await client.patch(`/api/locations/${location.id}`, { name: null });
    expect(nulled.status).toBe(400);
    expect(nulled.body.errors[0].field).toBe('name');
    const nul = await client.post('/api/locations', { name: 'Annex\u0000', timezone: 'UTC' });
    expect(nul.status).toBe(400);
    const huge = await client.get('/api/outbound-messages?pageSize=200000000000000000');
    expect(huge.status).toBe(400);
    expect(huge.body.errors[0].field).toBe('pageSize');
  });
});
