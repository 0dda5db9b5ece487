import { newPatient, signedInOrganization } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

const margaret = {
  firstName: '  Margaret ',
  lastName: 'Thompson',
  preferredName: 'Peggy',
  dateOfBirth: '1984-03-12',
  sex: 'female',
  phone: '+1 (212) 555-0100',
  email: ' Margaret.Thompson@Example.COM ',
  address: { line1: '12 Harbour Street', city: 'Brooklyn', region: 'NY', postalCode: '11201', country: 'US' },
  emergencyContact: { name: 'Sam Thompson', relationship: 'Partner', phone: '212.555.0199' },
  fitzpatrickType: 4,
  allergies: [{ substance: 'Lidocaine' }, { substance: 'Surgical steel', class: 'nickel' }],
  notes: 'Prefers morning appointments',
  tags: ['VIP', 'acne-scar course', 'vip'],
};

describe('patients', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  const countPatients = async (organizationId: string) =>
    (await app.dataSource.query(`SELECT count(*)::int AS count FROM patients WHERE organization_id = $1`, [organizationId]))[0].count as number;

  it('registers a patient with normalized fields and the first MRN, and reads it back', async () => {
    const { client } = await signedInOrganization(app, 'front_desk');
    const created = await client.post('/api/patients', margaret);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      mrn: 'SL-000001',
      firstName: 'Margaret',
      lastName: 'Thompson',
      preferredName: 'Peggy',
      dateOfBirth: '1984-03-12',
      sex: 'female',
      phone: '+12125550100',
      email: 'margaret.thompson@example.com',
      address: { line1: '12 Harbour Street', city: 'Brooklyn', region: 'NY', postalCode: '11201', country: 'US' },
      emergencyContact: { name: 'Sam Thompson', relationship: 'Partner', phone: '+12125550199' },
      fitzpatrickType: 4,
      allergies: [
        { substance: 'Lidocaine', class: 'amide_anesthetic' },
        { substance: 'Surgical steel', class: 'nickel' },
      ],
      tags: ['vip', 'acne-scar course'],
      archived: false,
      archivedAt: null,
    });
    const read = await client.get(`/api/patients/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('numbers patients per organization in order', async () => {
    const a = await signedInOrganization(app, 'owner');
    const b = await signedInOrganization(app, 'owner');
    const mrns = [];
    for (const [i, org] of [a, a, b, a].entries()) {
      const response = await org.client.post('/api/patients', { firstName: 'Seq', lastName: `Patient${'x'.repeat(i + 1)}`, dateOfBirth: '1990-01-01' });
      mrns.push(response.body.mrn);
    }
    expect(mrns).toEqual(['SL-000001', 'SL-000002', 'SL-000001', 'SL-000003']);
  });

  it('gives 20 concurrent creates 20 distinct, gapless MRNs', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client.post('/api/patients', { firstName: 'Concurrent', lastName: `Number ${'i'.repeat(i + 1)}`, dateOfBirth: '1991-02-03' })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const mrns = responses.map((r) => r.body.mrn).sort();
    expect(new Set(mrns).size).toBe(20);
    expect(mrns).toEqual(Array.from({ length: 20 }, (_, i) => `SL-${String(i + 1).padStart(6, '0')}`));
    expect(await countPatients(organization.id)).toBe(20);
  });

  it('answers a likely duplicate with 409 naming the candidate, and registers it when confirmed', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const first = await client.post('/api/patients', margaret);

    const sameNameAndBirth = await client.post('/api/patients', { firstName: 'margaret', lastName: 'THOMPSON', dateOfBirth: '1984-03-12' });
    expect(sameNameAndBirth.status).toBe(409);
    expect(sameNameAndBirth.headers.get('content-type')).toContain('application/problem+json');
    expect(sameNameAndBirth.body).toMatchObject({
      type: 'urn:skinledger:problem:duplicate-patient',
      candidates: [{ id: first.body.id, mrn: first.body.mrn, name: 'Margaret Thompson', dateOfBirth: '1984-03-12', archived: false, matchedOn: ['name_and_date_of_birth'] }],
    });

    const samePhoneOtherFormat = await client.post('/api/patients', { firstName: 'Sam', lastName: 'Thompson', dateOfBirth: '1980-01-01', phone: '212-555-0100' });
    expect(samePhoneOtherFormat.status).toBe(409);
    expect(samePhoneOtherFormat.body.candidates[0].matchedOn).toEqual(['phone']);

    const sameEmail = await client.post('/api/patients', { firstName: 'M', lastName: 'T', dateOfBirth: '1980-01-01', email: 'MARGARET.thompson@example.com' });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body.candidates[0].matchedOn).toEqual(['email']);
    expect(await countPatients(organization.id)).toBe(1);

    const confirmed = await client.post('/api/patients', { firstName: 'Margaret', lastName: 'Thompson', dateOfBirth: '1984-03-12', confirmDuplicate: true });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.mrn).toBe('SL-000002');
    const events = await client.get(`/api/audit-events?entityType=patient&entityId=${confirmed.body.id}&action=patient.created`);
    expect(events.body.items[0].changes.confirmedDuplicateOf).toEqual({ to: [first.body.mrn] });
  });

  it('checks an edit of name, birth date, email or phone for duplicates too', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    await newPatient(app.dataSource, organization.id, { firstName: 'Ana', lastName: 'Lopez', email: 'ana@example.com' });
    const other = await newPatient(app.dataSource, organization.id, { firstName: 'Ann', lastName: 'Lopez' });
    const clash = await client.patch(`/api/patients/${other.id}`, { email: 'ana@example.com' });
    expect(clash.status).toBe(409);
    const confirmed = await client.patch(`/api/patients/${other.id}`, { email: 'ana@example.com', confirmDuplicate: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.email).toBe('ana@example.com');
  });

  it('updates, clears optional fields and audits the change', async () => {
    const { client } = await signedInOrganization(app, 'nurse');
    const created = await client.post('/api/patients', margaret);
    const updated = await client.patch(`/api/patients/${created.body.id}`, {
      preferredName: null,
      phone: '',
      fitzpatrickType: 5,
      notes: 'Moved to evenings',
      tags: [],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ preferredName: null, phone: null, fitzpatrickType: 5, notes: 'Moved to evenings', tags: [] });
    expect(updated.body.mrn).toBe(created.body.mrn);

    const [event] = await app.dataSource.query(
      `SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'patient.updated'`,
      [created.body.id],
    );
    expect(event.changes).toMatchObject({
      preferredName: { from: 'Peggy', to: null },
      phone: { from: '+12125550100', to: null },
      fitzpatrickType: { from: 4, to: 5 },
      notes: { to: '(changed)' },
    });
  });

  it('refuses to clear a required field', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    const created = await client.post('/api/patients', { firstName: 'Req', lastName: 'Uired', dateOfBirth: '1970-07-07' });
    const response = await client.patch(`/api/patients/${created.body.id}`, { firstName: null, dateOfBirth: null, sex: null });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['firstName', 'dateOfBirth', 'sex']));
  });

  it('refuses bad input with a 400 naming each field, and writes nothing', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const response = await client.post('/api/patients', {
      firstName: '',
      dateOfBirth: '2999-01-01',
      sex: 'robot',
      phone: 'call me',
      email: 'not-an-email',
      fitzpatrickType: 7,
      allergies: [{ substance: 'Latex', class: 'metal' }],
      emergencyContact: { relationship: 'Friend' },
      tags: ['x'.repeat(41)],
      shoeSize: 42,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'firstName',
        'lastName',
        'dateOfBirth',
        'sex',
        'phone',
        'email',
        'fitzpatrickType',
        'allergies[0].class',
        'emergencyContact.name',
        'tags',
        'shoeSize',
      ]),
    );
    expect(response.body.errors).toContainEqual({ field: 'dateOfBirth', message: 'dateOfBirth must be a date from 1900-01-01 up to today, not in the future' });
    const malformed = await client.post('/api/patients', { firstName: 'A', lastName: 'B', dateOfBirth: '1984-02-30' });
    expect(malformed.body.errors).toEqual([{ field: 'dateOfBirth', message: 'dateOfBirth must be a calendar date written YYYY-MM-DD' }]);
    expect(await countPatients(organization.id)).toBe(0);
    expect((await app.dataSource.query(`SELECT count(*)::int AS n FROM patient_mrn_counters WHERE organization_id = $1 AND last_number > 0`, [organization.id]))[0].n).toBe(0);
  });

  it('archives and restores without deleting, and keeps archiving idempotent', async () => {
    const { client, staffMember } = await signedInOrganization(app, 'front_desk');
    const created = await client.post('/api/patients', { firstName: 'Arch', lastName: 'Ived', dateOfBirth: '1960-05-05' });
    const archived = await client.post(`/api/patients/${created.body.id}/archive`, { reason: 'Moved away' });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ archived: true, archivedAt: expect.any(String), archiveReason: 'Moved away' });
    const again = await client.post(`/api/patients/${created.body.id}/archive`);
    expect(again.body.archivedAt).toBe(archived.body.archivedAt);
    const [row] = await app.dataSource.query(`SELECT archived_by FROM patients WHERE id = $1`, [created.body.id]);
    expect(row.archived_by).toBe(staffMember.id);

    const restored = await client.post(`/api/patients/${created.body.id}/restore`);
    expect(restored.body).toMatchObject({ archived: false, archivedAt: null, archiveReason: null });
    const actions = (await app.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [created.body.id])).map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(['patient.created', 'patient.archived', 'patient.restored']);
  });

  it('never deletes a patient, whatever the application does', async () => {
    const { organization } = await signedInOrganization(app, 'owner');
    const patient = await newPatient(app.dataSource, organization.id);
    await expect(app.dataSource.query(`DELETE FROM patients WHERE id = $1`, [patient.id])).rejects.toThrow(/never deleted/);
    await expect(
      app.dataSource.query(`UPDATE patients SET archived_at = now() WHERE id = $1`, [patient.id]),
    ).rejects.toThrow(/patients_archived_consistent/);
    await expect(app.dataSource.query(`UPDATE patients SET fitzpatrick_type = 7 WHERE id = $1`, [patient.id])).rejects.toThrow(/check/);
    await expect(app.dataSource.query(`UPDATE patients SET date_of_birth = now()::date + 2 WHERE id = $1`, [patient.id])).rejects.toThrow(
      /patients_date_of_birth_past/,
    );
  });

  it('audits every read of a record and answers 404 for an unknown id', async () => {
    const { client, organization, staffMember } = await signedInOrganization(app, 'owner');
    const patient = await newPatient(app.dataSource, organization.id);
    await client.get(`/api/patients/${patient.id}`);
    const [event] = await app.dataSource.query(`SELECT actor_id FROM audit_events WHERE entity_id = $1 AND action = 'patient.viewed'`, [patient.id]);
    expect(event.actor_id).toBe(staffMember.id);
    expect((await client.get('/api/patients/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await client.get('/api/patients/not-a-uuid')).body.errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
  });
});
