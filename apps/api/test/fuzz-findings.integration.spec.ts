import { signedInOrganization } from './factories';
import { createTestApp, type TestApp } from './test-app';

/** Plain regression tests for what the fuzz suite found (each answered 500 before its fix). */
describe('inputs the fuzz suite found', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'owner');
  });
  afterAll(async () => app.close());

  const loneSurrogate = 'a\uD800@x.com';

  it.each([
    ['POST /api/auth/login', () => app.client().post('/api/auth/login', { email: loneSurrogate, password: 'whatever it is' })],
    ['POST /api/setup', () => app.client().post('/api/setup', { organizationName: 'X', locationName: 'Main', timezone: 'UTC', adminName: 'Y', adminEmail: loneSurrogate, adminPassword: 'a long enough passphrase' })],
    ['POST /api/staff', () => org.client.post('/api/staff', { email: loneSurrogate, name: 'Nurse', role: 'nurse', password: 'a long enough passphrase' })],
    ['POST /api/patients', () => org.client.post('/api/patients', { firstName: 'A', lastName: 'B', dateOfBirth: '1980-01-01', email: loneSurrogate })],
  ])('%s refuses an e-mail with a lone surrogate with 400 or 409, not 500', async (_name, send) => {
    const response = await send();
    expect([400, 409]).toContain(response.status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('names the e-mail field when it carries a lone surrogate', async () => {
    const response = await org.client.post('/api/patients', { firstName: 'A', lastName: 'B', dateOfBirth: '1980-01-01', email: loneSurrogate });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'email' })]));
  });

  it('refuses "gtin": null on a new product with 400 naming gtin', async () => {
    const response = await org.client.post('/api/products', { manufacturer: 'Crown', name: 'Cartridge', kind: 'serum', gtin: null });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'gtin' })]));
  });

  it.each(['null', '"text"', '[1,2]', '42'])('refuses a JSON body of %s where an object is described', async (raw) => {
    const response = await org.client.request<{ errors: unknown }>('PATCH', `/api/staff/${org.staffMember.id}`, undefined, { rawBody: raw });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([{ field: 'body', message: 'the body must be a JSON object' }]);
  });

  it.each(['toString', 'constructor', 'prototype', 'valueOf'])('refuses an unknown field named %s (the whitelist took it for a known one)', async (key) => {
    const response = await org.client.request<{ errors: unknown }>('PATCH', `/api/locations/${org.location.id}`, undefined, { rawBody: `{"name":"Annex","${key}":1}` });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: key, message: 'unknown field' }]);
    const nested = await org.client.request('POST', '/api/rooms', undefined, { rawBody: `{"locationId":"${org.location.id}","name":"R","x":{"${key}":1}}` });
    expect(nested.status).toBe(400);
  });

  it('refuses null where the document does not say nullable (an optional field is left out, not null)', async () => {
    const settings = await org.client.put('/api/settings/treatment', { minDaysBetweenMedicalSessions: null });
    expect(settings.status).toBe(400);
    expect(settings.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'minDaysBetweenMedicalSessions' })]));
    const lots = await org.client.get('/api/lots');
    const lotId = lots.body.items[0]?.id;
    const release = await org.client.post(`/api/lots/${lotId ?? '00000000-0000-4000-8000-000000000000'}/release`, { reason: null });
    expect(release.status).toBe(400);
    expect(release.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
  });

  it('refuses a score printed in exponent form (4e-323) with 400, not 500', async () => {
    const patient = await org.client.post('/api/patients', { firstName: 'Ada', lastName: 'Exponent', dateOfBirth: '1980-01-01' });
    const response = await org.client.post(`/api/patients/${patient.body.id}/assessments`, { scale: 'glogau', score: 4e-323, assessedOn: '2026-01-01' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'score' })]));
  });

  it('refuses "photoIds": null on an assessment (null is not a list)', async () => {
    const patient = await org.client.post('/api/patients', { firstName: 'Ada', lastName: 'Photo', dateOfBirth: '1980-01-01' });
    const response = await org.client.post(`/api/patients/${patient.body.id}/assessments`, { scale: 'glogau', score: 2, assessedOn: '2026-01-01', photoIds: null });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'photoIds' })]));
  });

  it('refuses a JSON body on the CSV patient import with 415', async () => {
    const response = await org.client.post('/api/patients/import?dryRun=true', 'firstName,lastName,dateOfBirth');
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
