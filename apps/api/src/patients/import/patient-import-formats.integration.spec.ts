import { signedInOrganization } from '../../../test/factories';
import type { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/test-app';

/**
 * The files spreadsheets really write: Excel's "CSV" in European locales separates by ";", "Unicode text" and
 * copies from other programs by tab, "CSV UTF-8" starts with a byte-order mark, and plain "CSV" on Windows is in the
 * PC's ANSI code page (Windows-1252 in Western Europe and the Americas).
 */
describe('patient import of spreadsheet files', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  const upload = (client: ApiClient, body: string | Uint8Array, query = '') =>
    client.post(`/api/patients/import${query}`, undefined, { rawBody: body, headers: { 'content-type': 'text/csv' } });

  /** The text in Windows-1252 bytes, as Excel on a Western PC saves "CSV (Comma delimited)". */
  const windows1252 = (text: string): Uint8Array =>
    Uint8Array.from(Array.from(text, (ch) => {
      if (ch === '€') return 0x80;
      const code = ch.charCodeAt(0);
      if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`not written in this helper: ${ch}`);
      return code;
    }));

  const storedNames = async (organizationId: string) =>
    (
      (await app.dataSource.query(`SELECT first_name || ' ' || last_name AS name FROM patients WHERE organization_id = $1 ORDER BY mrn`, [organizationId])) as {
        name: string;
      }[]
    ).map((r) => r.name);

  it('reads a semicolon-separated file (Excel in European locales), quotes and all', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const csv = [
      'firstName;lastName;dateOfBirth;phone;notes',
      'Margaret;Thompson;1984-03-12;(212) 555-0100;"Said ""call after 5""; prefers mornings"',
      'Anna;Kowalska;1990-02-03;;"Two, commas, here"',
    ].join('\r\n');
    const checked = await upload(client, csv);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ delimiter: 'semicolon', encoding: 'utf-8', rows: 2, created: 2, invalid: 0, problems: [] });

    const imported = await upload(client, csv, '?dryRun=false');
    expect(imported.body).toMatchObject({ written: true, created: 2, delimiter: 'semicolon' });
    const margaret = await client.get(`/api/patients/${imported.body.results[0].patientId}`);
    expect(margaret.body).toMatchObject({ lastName: 'Thompson', phone: '+12125550100', notes: 'Said "call after 5"; prefers mornings' });
    expect(await storedNames(organization.id)).toEqual(['Margaret Thompson', 'Anna Kowalska']);
  });

  it('reads a tab-separated file', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const tsv = ['First Name\tSurname\tDOB\tAllergies', 'Priya\tRaman\t2001-01-01\tLidocaine; Latex: latex', 'Tom\tOkafor\t1990-12-01\t'].join('\n');
    const imported = await upload(client, tsv, '?dryRun=false');
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ delimiter: 'tab', encoding: 'utf-8', written: true, created: 2, problems: [] });
    expect(await storedNames(organization.id)).toEqual(['Priya Raman', 'Tom Okafor']);
    const priya = await client.get(`/api/patients/${imported.body.results[0].patientId}`);
    expect(priya.body.allergies).toHaveLength(2);
  });

  it('reads a Windows-1252 file: Zoë and Müller arrive as written', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const bytes = windows1252(['firstName,lastName,dateOfBirth,notes', 'Zoë,Müller,1979-11-30,Paid 50 € deposit', 'José,Núñez,1980-01-02,'].join('\r\n'));
    // Not UTF-8: ë is the single byte EB.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();

    const checked = await upload(client, bytes);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ encoding: 'windows-1252', delimiter: 'comma', created: 2, problems: [] });
    const imported = await upload(client, bytes, '?dryRun=false');
    expect(imported.body).toMatchObject({ encoding: 'windows-1252', written: true, created: 2 });
    expect(await storedNames(organization.id)).toEqual(['Zoë Müller', 'José Núñez']);
    const zoe = await client.get(`/api/patients/${imported.body.results[0].patientId}`);
    expect(zoe.body.notes).toBe('Paid 50 € deposit');
  });

  it('reads a UTF-8 file with a byte-order mark (Excel\'s "CSV UTF-8"), the mark not part of the first column', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const text = ['firstName;lastName;dateOfBirth', 'Zoë;Łódź;1985-06-15', '王;小明;1992-02-02'].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const imported = await upload(client, bytes, '?dryRun=false');
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ encoding: 'utf-8-bom', delimiter: 'semicolon', written: true, created: 2, problems: [] });
    expect(await storedNames(organization.id)).toEqual(['Zoë Łódź', '王 小明']);
  });

  it('keeps spreadsheet row numbers when blank lines and empty rows sit between patients', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    const csv = ['firstName;lastName;dateOfBirth', 'Ada;Lovelace;1985-12-10', '', ';;', 'Tom;Okafor;1990-13-01'].join('\r\n');
    const checked = await upload(client, csv);
    expect(checked.body).toMatchObject({ rows: 2, created: 1, invalid: 1 });
    expect(checked.body.problems).toEqual([{ row: 5, field: 'dateOfBirth', problem: expect.stringContaining('YYYY-MM-DD') }]);
  });

  it('refuses an Excel workbook, naming what to do', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const refused = await upload(client, xlsx);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'body', message: expect.stringContaining('Excel workbook') });
  });
});
