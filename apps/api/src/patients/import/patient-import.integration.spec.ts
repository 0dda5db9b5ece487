import { newPatient, signedInOrganization } from '../../../test/factories';
import type { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/test-app';

const CSV = [
  'Patient ID,First Name,Surname,DOB,Sex,Mobile,Email,Address,City,Zip,Phototype,Allergies,Tags,Notes',
  'A-1,Margaret,Thompson,1984-03-12,F,(212) 555-0100,Margaret@Example.com,"12 Harbour St, Apt 4",Brooklyn,11201,IV,Lidocaine; Surgical steel: nickel,vip;course,"Said ""call after 5"""',
  'A-2,Tom,Okafor,1990-13-01,m,,,,,,,,,',
  'A-3,José,Núñez,1979-11-30,male,+44 20 7946 0958,jose@example.com,,,,2,,,"Two',
  'lines"',
  'A-4,Chloe,Bennett,1995-05-05,female,,not-an-email,,,,VII,Latex: rubber,,',
  'A-5,Priya,Raman,2001-01-01,,,,,,,,,,',
].join('\r\n');

describe('patient CSV import', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  const upload = (client: ApiClient, body: string, query = '', contentType = 'text/csv; charset=utf-8') =>
    client.post(`/api/patients/import${query}`, undefined, { rawBody: body, headers: { 'content-type': contentType } });
  const count = async (organizationId: string) =>
    (await app.dataSource.query(`SELECT count(*)::int AS n FROM patients WHERE organization_id = $1`, [organizationId]))[0].n as number;

  it('checks a file without writing by default, reporting each bad cell by row and column', async () => {
    const { client, organization } = await signedInOrganization(app, 'admin');
    const response = await upload(client, CSV);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ dryRun: true, written: false, encoding: 'utf-8', delimiter: 'comma', rows: 5, created: 3, existing: 0, invalid: 2 });
    expect(response.body.problems).toEqual([
      { row: 3, field: 'DOB', problem: 'dateOfBirth must be a calendar date written YYYY-MM-DD' },
      { row: 5, field: 'Email', problem: 'email must be an email address' },
      { row: 5, field: 'Phototype', problem: 'fitzpatrickType must be a whole number from 1 (type I) to 6 (type VI)' },
      { row: 5, field: 'Allergies', problem: expect.stringContaining('class must be one of') },
    ]);
    expect(response.body.results.map((r: { row: number; status: string }) => `${r.row}:${r.status}`)).toEqual([
      '2:created',
      '3:invalid',
      '4:created',
      '5:invalid',
      '6:created',
    ]);
    expect(await count(organization.id)).toBe(0);
  });

  it('imports the valid rows in one go, and creates nobody twice when the file comes again', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const imported = await upload(client, CSV, '?dryRun=false');
    expect(imported.body).toMatchObject({ dryRun: false, written: true, created: 3, invalid: 2 });
    expect(imported.body.results.filter((r: { status: string }) => r.status === 'created').map((r: { mrn: string }) => r.mrn)).toEqual([
      'SL-000001',
      'SL-000002',
      'SL-000003',
    ]);
    const margaret = await client.get(`/api/patients/${imported.body.results[0].patientId}`);
    expect(margaret.body).toMatchObject({
      externalId: 'A-1',
      firstName: 'Margaret',
      sex: 'female',
      phone: '+12125550100',
      email: 'margaret@example.com',
      address: { line1: '12 Harbour St, Apt 4', city: 'Brooklyn', postalCode: '11201' },
      fitzpatrickType: 4,
      allergies: [
        { substance: 'Lidocaine', class: 'amide_anesthetic' },
        { substance: 'Surgical steel', class: 'nickel' },
      ],
      tags: ['vip', 'course'],
      notes: 'Said "call after 5"',
    });
    const jose = await client.get(`/api/patients/${imported.body.results[2].patientId}`);
    expect(jose.body).toMatchObject({ firstName: 'José', phone: '+442079460958', notes: 'Two\r\nlines' });
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1 AND action = 'patient.created'`, [
      organization.id,
    ]);
    expect(n).toBe(3);

    const again = await upload(client, CSV, '?dryRun=false');
    expect(again.body).toMatchObject({ written: false, created: 0, existing: 3, invalid: 2 });
    expect(again.body.results[0]).toMatchObject({ row: 2, status: 'existing', mrn: 'SL-000001', matchedOn: ['externalId'] });
    expect(await count(organization.id)).toBe(3);
    const summary = await client.get('/api/audit-events?action=patients.imported');
    expect(summary.body.items.map((e: { changes: { created: { to: number } } }) => e.changes.created.to)).toEqual([0, 3]);
  });

  it('never splits a registered patient: a new externalId still meets the duplicate rule', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const known = await newPatient(app.dataSource, organization.id, { firstName: 'Margaret', lastName: 'Thompson', phone: '+12125550100' });
    const csv = ['externalId,firstName,lastName,dateOfBirth,phone', 'X-1,Margaret,Thompson,1985-06-15,(212) 555-0100'].join('\n');
    const result = await upload(client, csv, '?dryRun=false');
    expect(result.body.results).toEqual([{ row: 2, status: 'existing', patientId: known.id, mrn: known.mrn, matchedOn: expect.any(Array) }]);
    expect(await count(organization.id)).toBe(1);
  });

  it('matches rows without an externalId by the duplicate rule, and reports two rows of one person', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const known = await newPatient(app.dataSource, organization.id, { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@example.com' });
    const csv = [
      'firstName,lastName,dateOfBirth,email,phone',
      'Dana,Whitfield-Smith,1970-01-01,DANA@example.com,',
      'Leo,Marchetti,1988-08-08,,312 555 0144',
      'Leonardo,Marchetti,1988-08-09,,+1 (312) 555-0144',
      'Nina,Petrova,1992-02-02,,',
    ].join('\n');
    const first = await upload(client, csv, '?dryRun=false');
    expect(first.body.results).toEqual([
      { row: 2, status: 'existing', patientId: known.id, mrn: known.mrn, matchedOn: ['email'] },
      { row: 3, status: 'created', patientId: expect.any(String), mrn: 'SL-000002' },
      { row: 4, status: 'invalid' },
      { row: 5, status: 'created', patientId: expect.any(String), mrn: 'SL-000003' },
    ]);
    expect(first.body.problems).toEqual([{ row: 4, field: '(row)', problem: expect.stringContaining('same patient as row 3 (phone)') }]);

    const second = await upload(client, csv, '?dryRun=false');
    expect(second.body).toMatchObject({ created: 0, existing: 4, invalid: 0 });
    expect(second.body.results[2]).toMatchObject({ row: 4, status: 'existing', matchedOn: ['phone'] });
    expect(await count(organization.id)).toBe(3);
  });

  it('refuses the whole file when columns are wrong', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const response = await upload(client, 'First Name,Favourite Colour,Surname,surname\nAda,blue,Lovelace,Lovelace\n', '?dryRun=false');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ written: false, created: 0 });
    expect(response.body.problems).toEqual(
      expect.arrayContaining([
        { row: 1, field: 'Favourite Colour', problem: expect.stringContaining('unknown column') },
        { row: 1, field: 'surname', problem: 'the same column as "Surname"' },
        { row: 1, field: 'dateOfBirth', problem: 'required column is missing' },
      ]),
    );
    expect(await count(organization.id)).toBe(0);
  });

  it('answers 4xx for what is not a readable CSV upload', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    const broken = await upload(client, 'firstName,lastName,dateOfBirth\n"Ada,Lovelace,1815-12-10\n');
    expect(broken.status).toBe(400);
    expect(broken.body.errors).toEqual([{ field: 'body', message: 'not readable as CSV at row 2: a quoted field is never closed' }]);
    expect((await upload(client, '')).status).toBe(400);
    expect((await upload(client, '\r\n')).body.errors[0].message).toContain('the file is empty');
    expect((await client.post('/api/patients/import', { firstName: 'Ada' })).status).toBe(415);
    const tooBig = await upload(client, `firstName,lastName,dateOfBirth\n${'Ada,Lovelace,1815-12-10\n'.repeat(230_000)}`);
    expect(tooBig.status).toBe(413);
    expect((await upload(client, 'firstName\nAda\n', '?dryRun=perhaps')).body.errors).toEqual([{ field: 'dryRun', message: 'dryRun must be true or false' }]);
  });

  it('keeps imports to owners and admins', async () => {
    const { client } = await signedInOrganization(app, 'nurse');
    expect((await upload(client, CSV)).status).toBe(403);
  });
});
