import { AuditService } from '../audit/audit.service';
import { newStaffMember, signedInOrganization, TEST_PASSWORD } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { loadDemoClinic } from '../demo/demo-clinic';
import { breachedPasswordCount } from '../common/security/password-policy';

const WEAK = [
  ['password1234', 'password-breached'],
  ['aaaaaaaaaaaa', 'password-repetitive'],
  ['123456789012', 'password-breached'],
] as const;

function expectRefused(response: { status: number; headers: Headers; body: Record<string, unknown> }, field: string, code: string) {
  expect(response.status).toBe(422);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body.type).toBe(`urn:skinledger:problem:${code}`);
  expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
}

describe('weak passwords are refused wherever a password is set', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('ships a breached list of at least 10,000 passwords', () => {
    expect(breachedPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });

  it('at setup: breached, repetitive, the owner\'s own e-mail or name; nothing is created', async () => {
    const setup = {
      organizationName: 'Harbour Skin Clinic',
      locationName: 'Harbour Street',
      timezone: 'America/New_York',
      adminName: 'Dr. Maya Okafor',
      adminEmail: 'maya.okafor@harbour.example',
    };
    // A fresh database would be needed to pass setup; this one already has staff, but the password is checked first.
    for (const [password, code] of WEAK) expectRefused(await app.client().post('/api/setup', { ...setup, adminPassword: password }), 'adminPassword', code);
    expectRefused(await app.client().post('/api/setup', { ...setup, adminPassword: 'maya.okafor@harbour.example' }), 'adminPassword', 'password-contains-personal-info');
    expectRefused(await app.client().post('/api/setup', { ...setup, adminPassword: 'Okafor loves needles' }), 'adminPassword', 'password-contains-personal-info');
  });

  it('when an owner adds staff or resets a password', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const input = { email: 'dana.whitfield@clinic.test', name: 'Dana Whitfield', role: 'front_desk' };
    for (const [password, code] of WEAK) expectRefused(await client.post('/api/staff', { ...input, password }), 'password', code);
    expectRefused(await client.post('/api/staff', { ...input, password: 'dana.whitfield@clinic.test' }), 'password', 'password-contains-personal-info');
    expectRefused(await client.post('/api/staff', { ...input, password: 'WHITFIELD front desk' }), 'password', 'password-contains-personal-info');
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM staff_members WHERE email = $1`, [input.email]);
    expect(n).toBe(0);

    const nurse = await newStaffMember(app.dataSource, organization.id, { name: 'Ravi Menon', email: 'ravi.menon@clinic.test' });
    for (const [password, code] of WEAK) expectRefused(await client.patch(`/api/staff/${nurse.id}`, { password }), 'password', code);
    expectRefused(await client.patch(`/api/staff/${nurse.id}`, { password: 'ravi.menon@clinic.test' }), 'password', 'password-contains-personal-info');
    expectRefused(await client.patch(`/api/staff/${nurse.id}`, { password: 'quillon garden path', name: 'Quillon Menon' }), 'password', 'password-contains-personal-info');
    expect((await client.patch(`/api/staff/${nurse.id}`, { password: 'a sound new passphrase' })).status).toBe(200);
  });

  it('when staff change their own password; the old one keeps working', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'nurse');
    for (const [password, code] of WEAK) {
      expectRefused(await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: password }), 'newPassword', code);
    }
    expectRefused(await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: staffMember.email }), 'newPassword', 'password-contains-personal-info');
    expect((await app.client().post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('for the demo clinic\'s shared password', async () => {
    await expect(loadDemoClinic(app.dataSource, 'password1234', app.app.get(AuditService))).rejects.toMatchObject({ status: 422, code: 'password-breached' });
    // Contains the front desk's e-mail local part.
    await expect(loadDemoClinic(app.dataSource, 'frontdesk rules all', app.app.get(AuditService))).rejects.toMatchObject({ code: 'password-contains-personal-info' });
  });
});
