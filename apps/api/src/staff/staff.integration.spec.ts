import { isoDateInTimeZone } from '@skinledger/domain';
import { newLocation, newStaffMember, signedInOrganization, signIn } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

const nurseInput = {
  email: 'Dana.Whitfield@Clinic.test',
  name: 'Dana Whitfield',
  role: 'nurse',
  password: 'temporary password 1',
  credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-482913', jurisdiction: 'NY', expiresOn: '2027-06-30' }],
};

describe('staff management', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('lets an owner create a nurse with a credential, who can then sign in', async () => {
    const { client, location } = await signedInOrganization(app, 'owner');
    const created = await client.post('/api/staff', { ...nurseInput, email: 'dana1@clinic.test', defaultLocationId: location.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'dana1@clinic.test',
      role: 'nurse',
      isActive: true,
      defaultLocationId: location.id,
      credentials: [expect.objectContaining({ licenceType: 'registered_nurse', licenceNumber: 'RN-482913', expiresOn: '2027-06-30' })],
    });
    expect(created.body).not.toHaveProperty('passwordHash');
    const nurse = await app.client().post('/api/auth/login', { email: 'dana1@clinic.test', password: nurseInput.password });
    expect(nurse.status).toBe(200);

    const listed = await client.get('/api/staff');
    expect(listed.body.map((s: { email: string }) => s.email)).toContain('dana1@clinic.test');
    const [hash] = await app.dataSource.query(`SELECT password_hash FROM staff_members WHERE email = 'dana1@clinic.test'`);
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses bad input with a 400 naming every field and rule, and writes nothing', async () => {
    const { client, organization } = await signedInOrganization(app, 'admin');
    const response = await client.post('/api/staff', {
      email: 'not-an-email',
      name: '',
      role: 'surgeon',
      password: 'short',
      credentials: [{ licenceType: 'wizard', licenceNumber: 'X', jurisdiction: 'NY', expiresOn: '2027-02-30' }],
      isAdmin: true,
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['email', 'name', 'role', 'password', 'credentials[0].licenceType', 'credentials[0].expiresOn', 'isAdmin']),
    );
    expect(response.body.errors).toContainEqual({ field: 'credentials[0].expiresOn', message: 'expiresOn must be a calendar date written YYYY-MM-DD' });
    expect(response.body.errors).toContainEqual({ field: 'isAdmin', message: 'property isAdmin should not exist' });
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM staff_members WHERE organization_id = $1`, [organization.id]);
    expect(count).toBe(1);
  });

  it('answers 409 naming the email when it is taken', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    expect((await client.post('/api/staff', { ...nurseInput, email: 'dup@clinic.test' })).status).toBe(201);
    const again = await client.post('/api/staff', { ...nurseInput, email: 'DUP@clinic.test' });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ field: 'email', message: 'an account with this email already exists' }]);
  });

  it('refuses credentials on a role that does not treat patients', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    const response = await client.post('/api/staff', { ...nurseInput, email: 'desk@clinic.test', role: 'front_desk' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('credentials');
  });

  it('keeps staff management to owners and admins, and the owner role to owners', async () => {
    const { client: nurse } = await signedInOrganization(app, 'nurse');
    const denied = await nurse.post('/api/staff', { ...nurseInput, email: 'x1@clinic.test' });
    expect(denied.status).toBe(403);
    expect(denied.body.permission).toBe('staff.manage');

    const { client: admin } = await signedInOrganization(app, 'admin');
    expect((await admin.post('/api/staff', { ...nurseInput, email: 'x2@clinic.test', role: 'owner', credentials: [] })).status).toBe(403);
    expect((await admin.post('/api/staff', { ...nurseInput, email: 'x3@clinic.test' })).status).toBe(201);
  });

  it('updates role, name and credentials, and records the change in the audit trail', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    const created = await client.post('/api/staff', { ...nurseInput, email: 'promote@clinic.test' });
    const updated = await client.patch(`/api/staff/${created.body.id}`, {
      role: 'physician',
      name: 'Dr. Dana Whitfield',
      credentials: [{ licenceType: 'physician', licenceNumber: 'MD-1001', jurisdiction: 'NY', expiresOn: '2020-01-31' }],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ role: 'physician', name: 'Dr. Dana Whitfield' });
    expect(updated.body.credentials).toEqual([expect.objectContaining({ licenceNumber: 'MD-1001', current: false })]);
    const events = await client.get(`/api/audit-events?entityType=staff_member&entityId=${created.body.id}`);
    const update = events.body.items.find((e: { action: string }) => e.action === 'staff.updated');
    expect(update.changes.role).toEqual({ from: 'nurse', to: 'physician' });
    expect(update.changes.credentials.to).toEqual(['physician MD-1001 (NY) expires 2020-01-31']);
  });

  it('lets a password be set only over a strictly lower role, and never one\'s own', async () => {
    const { client: admin, staffMember: adminMember, organization } = await signedInOrganization(app, 'admin');
    const nurse = await newStaffMember(app.dataSource, organization.id, { role: 'nurse' });
    const peer = await newStaffMember(app.dataSource, organization.id, { role: 'admin' });
    expect((await admin.patch(`/api/staff/${nurse.id}`, { password: 'reset by the admin 1' })).status).toBe(200);
    await signIn(app, nurse.email, 'reset by the admin 1');
    const own = await admin.patch(`/api/staff/${adminMember.id}`, { password: 'my own new password' });
    expect(own.status).toBe(400);
    expect(own.body.errors[0].field).toBe('password');
    const other = await admin.patch(`/api/staff/${peer.id}`, { password: 'taking over a peer 1' });
    expect(other.status).toBe(403);
    expect(other.body.type).toBe('urn:skinledger:problem:password-reset');
  });

  it('judges a licence current on the clinic\'s calendar, not in UTC', async () => {
    const { client, organization, staffMember } = await signedInOrganization(app, 'owner');
    const kiritimati = await newLocation(app.dataSource, organization.id, { timezone: 'Pacific/Kiritimati' });
    await app.dataSource.query(`UPDATE staff_members SET default_location_id = $1 WHERE id = $2`, [kiritimati.id, staffMember.id]);
    const utcToday = new Date().toISOString().slice(0, 10);
    const created = await client.post('/api/staff', {
      ...nurseInput,
      email: 'kiritimati@clinic.test',
      credentials: [{ ...nurseInput.credentials[0], expiresOn: utcToday }],
    });
    const clinicToday = isoDateInTimeZone(new Date(), 'Pacific/Kiritimati');
    expect(created.body.credentials[0].current).toBe(clinicToday <= utcToday);
  });

  it('keeps at least one active owner and refuses self-deactivation', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'owner');
    const self = await client.post(`/api/staff/${staffMember.id}/deactivate`);
    expect(self.status).toBe(422);
    expect(self.body.violations[0].code).toBe('self-deactivation');
    const demote = await client.patch(`/api/staff/${staffMember.id}`, { role: 'admin' });
    expect(demote.status).toBe(422);
    expect(demote.body.violations[0].code).toBe('last-owner');
  });

  it('deactivates and reactivates, hiding deactivated accounts from the default list', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const nurse = await newStaffMember(app.dataSource, organization.id);
    const deactivated = await client.post(`/api/staff/${nurse.id}/deactivate`);
    expect(deactivated.body).toMatchObject({ isActive: false, deactivatedAt: expect.any(String) });
    expect((await client.get('/api/staff')).body.map((s: { id: string }) => s.id)).not.toContain(nurse.id);
    expect((await client.get('/api/staff?includeInactive=true')).body.map((s: { id: string }) => s.id)).toContain(nurse.id);
    expect((await client.post(`/api/staff/${nurse.id}/reactivate`)).body.isActive).toBe(true);
    await signIn(app, nurse.email);
  });

  it('answers 400 naming the id for a malformed id and 404 for an unknown one', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    const malformed = await client.get('/api/staff/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
    expect((await client.get('/api/staff/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
