import { signIn, newStaffMember, signedInOrganization, TEST_PASSWORD } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('signing in and out', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Behind a trusted proxy, so each test can sign in from its own client address.
    app = await createTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(async () => app.close());

  it('sets an httpOnly SameSite=Lax session cookie and a readable csrf_token cookie', async () => {
    const { staffMember } = await signedInOrganization(app, 'nurse');
    const response = await app.client().post('/api/auth/login', { email: staffMember.email.toUpperCase(), password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: staffMember.id, email: staffMember.email, role: 'nurse', organizationId: staffMember.organizationId });
    const cookies = response.headers.getSetCookie();
    // Exactly the two, each once.
    expect(cookies.map((c) => c.split('=')[0]).sort()).toEqual(['csrf_token', 'sl_session']);
    const session = cookies.find((c) => c.startsWith('sl_session='))!;
    const csrf = cookies.find((c) => c.startsWith('csrf_token='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/Path=\/;/);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  it('answers an unknown email and a wrong password identically', async () => {
    const { staffMember } = await signedInOrganization(app);
    const unknown = await app.client().post('/api/auth/login', { email: 'nobody@nowhere.test', password: 'whatever it is' });
    const wrong = await app.client().post('/api/auth/login', { email: staffMember.email, password: 'not the password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(unknown.body.type).toBe(wrong.body.type);
  });

  it('returns the signed-in user from /api/auth/me and 401 without a session', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'front_desk');
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: staffMember.id, email: staffMember.email, name: staffMember.name, role: 'front_desk' });
    expect(me.body.permissions).not.toContain('staff.manage');
    const anonymous = await app.client().get('/api/auth/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a state-changing request without the X-CSRF-Token header', async () => {
    const { client } = await signedInOrganization(app);
    const withoutHeader = await client.post('/api/locations', { name: 'Annex', timezone: 'Europe/London' }, { csrf: false });
    expect(withoutHeader.status).toBe(403);
    expect(withoutHeader.body.type).toBe('urn:skinledger:problem:csrf');
    const wrongHeader = await client.post('/api/locations', { name: 'Annex', timezone: 'Europe/London' }, { headers: { 'x-csrf-token': 'forged' } });
    expect(wrongHeader.status).toBe(403);
    const withHeader = await client.post('/api/locations', { name: 'Annex', timezone: 'Europe/London' });
    expect(withHeader.status).toBe(201);
  });

  it('ends the session on logout', async () => {
    const { client } = await signedInOrganization(app);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('ends a session left idle past the idle timeout', async () => {
    const { client, staffMember } = await signedInOrganization(app);
    await app.dataSource.query(`UPDATE auth_sessions SET last_seen_at = now() - interval '31 minutes' WHERE staff_member_id = $1`, [staffMember.id]);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const [row] = await app.dataSource.query(`SELECT revoked_reason FROM auth_sessions WHERE staff_member_id = $1`, [staffMember.id]);
    expect(row.revoked_reason).toBe('idle');
  });

  it('ends a session past its absolute lifetime even when in use', async () => {
    const { client, staffMember } = await signedInOrganization(app);
    await app.dataSource.query(`UPDATE auth_sessions SET expires_at = now() - interval '1 second' WHERE staff_member_id = $1`, [staffMember.id]);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('backs off per account after 5 failures (429 + Retry-After), doubling, never a permanent lock', async () => {
    const { staffMember } = await signedInOrganization(app);
    for (let i = 0; i < 5; i++) {
      expect((await app.client().post('/api/auth/login', { email: staffMember.email, password: `wrong ${i}` }, { headers: { 'x-forwarded-for': `10.0.0.${i}` } })).status).toBe(401);
    }
    const blocked = await app.client().post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    const firstWait = Number(blocked.headers.get('retry-after'));
    expect(firstWait).toBeGreaterThan(0);
    expect(firstWait).toBeLessThanOrEqual(30);
    // Once the wait is over, one more wrong guess doubles it.
    await app.dataSource.query(`UPDATE login_failures SET failed_at = failed_at - interval '31 seconds' WHERE email = $1`, [staffMember.email]);
    expect((await app.client().post('/api/auth/login', { email: staffMember.email, password: 'wrong again' })).status).toBe(401);
    const secondWait = Number((await app.client().post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD })).headers.get('retry-after'));
    expect(secondWait).toBeGreaterThan(30);
    expect(secondWait).toBeLessThanOrEqual(60);
    // However many failures, the wait is capped at 15 minutes, and the right password then signs in and clears the run.
    await app.dataSource.query(`INSERT INTO login_failures (email, ip) SELECT $1, '10.0.9.9' FROM generate_series(1, 50)`, [staffMember.email]);
    expect(Number((await app.client().post('/api/auth/login', { email: staffMember.email, password: 'x' })).headers.get('retry-after'))).toBeLessThanOrEqual(900);
    await app.dataSource.query(`UPDATE login_failures SET failed_at = failed_at - interval '16 minutes' WHERE email = $1`, [staffMember.email]);
    expect((await app.client().post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD })).status).toBe(200);
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM login_failures WHERE email = $1`, [staffMember.email]);
    expect(n).toBe(0);
    // The same limit applies to an email that has no account, so the answer reveals nothing.
    for (let i = 0; i < 5; i++) await app.client().post('/api/auth/login', { email: 'ghost@nowhere.test', password: 'x' }, { headers: { 'x-forwarded-for': `10.1.0.${i}` } });
    expect((await app.client().post('/api/auth/login', { email: 'ghost@nowhere.test', password: 'x' })).status).toBe(429);
  });

  it('a successful sign-in resets the account\'s count', async () => {
    const { staffMember } = await signedInOrganization(app);
    for (let i = 0; i < 4; i++) await app.client().post('/api/auth/login', { email: staffMember.email, password: `wrong ${i}` });
    expect((await app.client().post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD })).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await app.client().post('/api/auth/login', { email: staffMember.email, password: `wrong ${i}` })).status).toBe(401);
    expect((await app.client().post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('counts parallel guesses: 20 at once against one account let at most 5 through to a password check', async () => {
    const { staffMember } = await signedInOrganization(app);
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.client().post('/api/auth/login', { email: staffMember.email, password: `guess ${i}` }, { headers: { 'x-forwarded-for': `10.9.0.${i}` } }),
      ),
    );
    expect(attempts.filter((r) => r.status === 401)).toHaveLength(5);
    expect(attempts.filter((r) => r.status === 429)).toHaveLength(15);
  });

  it('after 30 failed sign-ins for other e-mails from one IP, the owner\'s right password from that IP still signs in', async () => {
    const ip = '203.0.113.77';
    const { staffMember } = await signedInOrganization(app, 'owner');
    for (let i = 0; i < 30; i++) {
      expect((await app.client().post('/api/auth/login', { email: `guess${i}@nowhere.test`, password: 'x' }, { headers: { 'x-forwarded-for': ip } })).status).toBe(401);
    }
    const fromThatIp = await app.client().post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD }, { headers: { 'x-forwarded-for': ip } });
    expect(fromThatIp.status).toBe(200);
  });

  it('stops an IP at its far higher ceiling: 100 failures in 15 minutes', async () => {
    const ip = '203.0.113.99';
    const { staffMember } = await signedInOrganization(app);
    await app.dataSource.query(`INSERT INTO login_failures (email, ip) SELECT 'spray' || g || '@nowhere.test', $1 FROM generate_series(1, 99) g`, [ip]);
    expect((await app.client().post('/api/auth/login', { email: 'one-more@nowhere.test', password: 'x' }, { headers: { 'x-forwarded-for': ip } })).status).toBe(401);
    const blocked = await app.client().post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD }, { headers: { 'x-forwarded-for': ip } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await app.client().post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD }, { headers: { 'x-forwarded-for': '203.0.113.100' } })).status).toBe(200);
  });

  it('password re-confirmations have their own counter and never block sign-in', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'nurse');
    for (let i = 0; i < 5; i++) {
      expect((await client.post('/api/auth/mfa/totp/enroll', { password: `not it ${i}` })).status).toBe(400);
    }
    expect((await client.post('/api/auth/mfa/totp/enroll', { password: TEST_PASSWORD })).status).toBe(429);
    expect((await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' })).status).toBe(429);
    // Sign-in is untouched, and its own failures leave re-confirmation's count alone.
    expect((await app.client().post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD })).status).toBe(200);
    const [row] = await app.dataSource.query(`SELECT count(*) FILTER (WHERE kind = 'sign_in')::int AS sign_in, count(*) FILTER (WHERE kind = 'password_confirmation')::int AS confirmation FROM login_failures WHERE email = $1`, [staffMember.email]);
    expect(row).toEqual({ sign_in: 0, confirmation: 5 });
  });

  it('stops a deactivated account at once: open sessions end and sign-in fails', async () => {
    const { client: owner, organization } = await signedInOrganization(app, 'owner');
    const nurse = await newStaffMember(app.dataSource, organization.id, { role: 'nurse' });
    const nurseClient = await signIn(app, nurse.email);
    expect((await nurseClient.get('/api/auth/me')).status).toBe(200);

    expect((await owner.post(`/api/staff/${nurse.id}/deactivate`)).status).toBe(200);
    expect((await nurseClient.get('/api/auth/me')).status).toBe(401);
    const again = await app.client().post('/api/auth/login', { email: nurse.email, password: TEST_PASSWORD });
    expect(again.status).toBe(401);
  });

  it('records sign-in and sign-out in the audit trail', async () => {
    const { client, staffMember } = await signedInOrganization(app);
    await client.post('/api/auth/logout');
    const rows = await app.dataSource.query(`SELECT action FROM audit_events WHERE actor_id = $1 ORDER BY id`, [staffMember.id]);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['auth.login', 'auth.logout']);
  });

  it('lets staff change their own password, ending their other sessions', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'nurse');
    const otherDevice = await signIn(app, staffMember.email);
    const wrong = await client.post('/api/auth/password', { currentPassword: 'not it at all', newPassword: 'a brand new password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: 'is not your current password' }]);
    const changed = await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' });
    expect(changed.status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await otherDevice.get('/api/auth/me')).status).toBe(401);
    expect((await app.client().post('/api/auth/login', { email: staffMember.email, password: 'a brand new password' })).status).toBe(200);
  });

  it('ends the browser\'s earlier session when someone signs in again in it', async () => {
    const { client, staffMember } = await signedInOrganization(app);
    const oldCookie = client.cookies.get('sl_session')!;
    expect((await client.post('/api/auth/login', { email: staffMember.email, password: TEST_PASSWORD })).status).toBe(200);
    const stale = app.client();
    stale.cookies.set('sl_session', oldCookie);
    expect((await stale.get('/api/auth/me')).status).toBe(401);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('throttles guesses of the current password on the change-password route', async () => {
    const { client } = await signedInOrganization(app, 'nurse');
    for (let i = 0; i < 5; i++) {
      expect((await client.post('/api/auth/password', { currentPassword: `guess ${i}`, newPassword: 'a brand new password' })).status).toBe(400);
    }
    const blocked = await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' });
    expect(blocked.status).toBe(429);
  });
});
