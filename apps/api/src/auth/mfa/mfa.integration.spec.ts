import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { ApiClient } from '../../../test/api-client';
import { newStaffMember, signedInOrganization, signIn, TEST_PASSWORD } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

/** The code an authenticator app would show `offsetSteps` 30-second steps from now. */
function totpCode(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

async function enrol(client: ApiClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const enrolled = await client.post('/api/auth/mfa/totp/enroll', { password: TEST_PASSWORD });
  expect(enrolled.status).toBe(200);
  const activated = await client.post('/api/auth/mfa/totp/activate', { code: totpCode(enrolled.body.secret) });
  expect(activated.status === 200 ? '' : activated.text).toBe('');
  return { secret: enrolled.body.secret, recoveryCodes: activated.body.recoveryCodes };
}

describe('TOTP two-step sign-in', () => {
  let app: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    // No MFA_ENCRYPTION_KEY: the key is generated into DATA_DIR.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-mfa-'));
    app = await createTestApp({ TRUST_PROXY: 'true', DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('enrols with password, activates with a code, then sign-in answers 202 without a session until the code', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'nurse');
    const enrolled = await client.post('/api/auth/mfa/totp/enroll', { password: TEST_PASSWORD });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/SkinLedger:.+secret=[A-Z2-7]+.*period=30/);
    const wrong = await client.post('/api/auth/mfa/totp/activate', { code: '000000' === totpCode(enrolled.body.secret) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    const activated = await client.post('/api/auth/mfa/totp/activate', { code: totpCode(enrolled.body.secret) });
    expect(activated.status).toBe(200);
    expect(activated.body.recoveryCodes).toHaveLength(10);
    expect(new Set(activated.body.recoveryCodes).size).toBe(10);

    // At rest: ciphertext only, recovery codes as SHA-256; the key file is 0600.
    const [row] = await app.dataSource.query(`SELECT secret_ciphertext FROM staff_totp_authenticators WHERE staff_member_id = $1`, [staffMember.id]);
    expect(row.secret_ciphertext).toMatch(/^v1:/);
    expect(row.secret_ciphertext).not.toContain(enrolled.body.secret);
    const codes = await app.dataSource.query(`SELECT code_hash FROM staff_mfa_recovery_codes WHERE staff_member_id = $1`, [staffMember.id]);
    expect(codes).toHaveLength(10);
    expect(codes.every((c: { code_hash: Buffer }) => c.code_hash.length === 32)).toBe(true);
    expect(fs.statSync(path.join(dataDir, 'mfa-encryption.key')).mode & 0o777).toBe(0o600);

    const browser = app.client();
    const first = await browser.post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ mfaRequired: true });
    expect(browser.cookies.has('sl_session')).toBe(false);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('sl_mfa_pending='))).toMatch(/HttpOnly/i);
    expect((await browser.get('/api/auth/me')).status).toBe(401);

    // The activation used this step's code; the next step's code (within the drift allowed) completes sign-in.
    const done = await browser.post('/api/auth/login/mfa', { code: totpCode(enrolled.body.secret, 1) });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: staffMember.id, email: staffMember.email, mfaEnabled: true, mfaEnrollmentRequired: false });
    expect(browser.cookies.has('sl_session')).toBe(true);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
    const actions = await app.dataSource.query(`SELECT action, changes FROM audit_events WHERE entity_id = $1 ORDER BY id`, [staffMember.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['auth.mfa_enrolment_started', 'auth.mfa_enabled', 'auth.login_mfa_challenged']),
    );
    expect(actions.at(-1)).toEqual({ action: 'auth.login', changes: { secondFactor: { to: 'totp' } } });
  });

  it('refuses a replayed code, accepts each recovery code once, and needs the pending cookie', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'physician');
    const { secret, recoveryCodes } = await enrol(client);
    const activationCode = totpCode(secret);

    const replay = app.client();
    expect((await replay.post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD })).status).toBe(202);
    const replayed = await replay.post('/api/auth/login/mfa', { code: activationCode });
    expect(replayed.status).toBe(401);
    expect(replayed.body.type).toBe('urn:skinledger:problem:invalid-mfa-code');

    const withoutCookie = await app.client().post('/api/auth/login/mfa', { code: totpCode(secret, 1) });
    expect(withoutCookie.status).toBe(401);
    expect(withoutCookie.body.type).toBe('urn:skinledger:problem:mfa-login-expired');

    const recovery = await replay.post('/api/auth/login/mfa', { recoveryCode: recoveryCodes[0].toUpperCase() });
    expect(recovery.status).toBe(200);
    const again = app.client();
    expect((await again.post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD })).status).toBe(202);
    expect((await again.post('/api/auth/login/mfa', { recoveryCode: recoveryCodes[0] })).status).toBe(401);
    expect((await again.post('/api/auth/login/mfa', { recoveryCode: recoveryCodes[1] })).status).toBe(200);
    expect((await again.get('/api/auth/mfa')).body).toMatchObject({ totpEnabled: true, recoveryCodesRemaining: 8 });
    const invalid = await again.post('/api/auth/login/mfa', {});
    expect(invalid.status).toBe(400);
  });

  it('counts wrong codes toward the account\'s sign-in throttle', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'nurse');
    const { secret } = await enrol(client);
    const browser = app.client();
    expect((await browser.post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD })).status).toBe(202);
    const right = totpCode(secret, 1);
    const wrongCode = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect((await browser.post('/api/auth/login/mfa', { code: wrongCode })).status).toBe(401);
    const blocked = await browser.post('/api/auth/login/mfa', { code: right });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await app.client().post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD })).status).toBe(429);
  });

  it('an owner requires MFA for roles: unenrolled staff can only enrol, see themselves and sign out', async () => {
    const { client: owner, organization } = await signedInOrganization(app, 'owner');
    const admin = await signIn(app, (await newStaffMember(app.dataSource, organization.id, { role: 'admin' })).email);
    expect((await admin.put('/api/settings/security', { mfaRequiredRoles: ['nurse'] })).status).toBe(403);
    const invalid = await owner.put('/api/settings/security', { mfaRequiredRoles: ['nurse', 'wizard'] });
    expect(invalid.status).toBe(400);
    const saved = await owner.put('/api/settings/security', { mfaRequiredRoles: ['nurse', 'physician'] });
    expect(saved.status).toBe(200);
    expect((await owner.get('/api/settings/security')).body).toEqual({ mfaRequiredRoles: ['physician', 'nurse'] });

    const nurseMember = await newStaffMember(app.dataSource, organization.id, { role: 'nurse' });
    const nurse = await signIn(app, nurseMember.email);
    const refused = await nurse.get('/api/patients');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.type).toBe('urn:skinledger:problem:mfa-enrollment-required');
    expect((await nurse.get('/api/auth/me')).body).toMatchObject({ mfaEnabled: false, mfaEnrollmentRequired: true });
    expect((await nurse.get('/api/auth/mfa')).body).toMatchObject({ totpEnabled: false, enrollmentRequired: true });
    await enrol(nurse);
    expect((await nurse.get('/api/patients')).status).toBe(200);
    // Roles not listed are untouched.
    expect((await admin.get('/api/patients')).status).toBe(200);

    const audit = await app.dataSource.query(`SELECT changes FROM audit_events WHERE organization_id = $1 AND action = 'settings.security_updated'`, [organization.id]);
    expect(audit).toEqual([{ changes: { mfaRequiredRoles: { from: [], to: ['physician', 'nurse'] } } }]);

    // Lost phone: the owner resets it (audited); the nurse's sessions end and they must enrol again.
    expect((await admin.post(`/api/staff/${nurseMember.id}/mfa/reset`)).status).toBe(403);
    const reset = await owner.post(`/api/staff/${nurseMember.id}/mfa/reset`);
    expect(reset.status).toBe(200);
    expect(reset.body.mfaEnabled).toBe(false);
    expect((await nurse.get('/api/auth/me')).status).toBe(401);
    const [event] = await app.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'staff.mfa_reset'`, [nurseMember.id]);
    expect(event).toEqual({ action: 'staff.mfa_reset' });
    const back = await signIn(app, nurseMember.email);
    expect((await back.get('/api/patients')).body.type).toBe('urn:skinledger:problem:mfa-enrollment-required');
  });

  it('turning your own MFA off needs the password and a code', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'aesthetician');
    const { secret } = await enrol(client);
    expect((await client.post('/api/auth/mfa/totp/enroll', { password: TEST_PASSWORD })).status).toBe(409);
    expect((await client.post('/api/auth/mfa/totp/disable', { password: TEST_PASSWORD })).status).toBe(400);
    expect((await client.post('/api/auth/mfa/totp/disable', { password: 'not my password', code: totpCode(secret, 1) })).status).toBe(400);
    expect((await client.post('/api/auth/mfa/totp/disable', { password: TEST_PASSWORD, code: totpCode(secret, 1) })).status).toBe(204);
    expect((await app.client().post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD })).status).toBe(200);
    const [event] = await app.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'auth.mfa_disabled'`, [staffMember.id]);
    expect(event).toBeDefined();
  });
});
