import { emptyMedicalHistory } from '@skinledger/domain';
import { parse as parseContentDisposition } from 'content-disposition';
import { parse as csvParse } from 'csv-parse/sync';
import Papa from 'papaparse';
import { newPatient } from '../../test/factories';
import { createProduct, receiveLot } from '../../test/inventory-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { chair, giveConsents, walkIn } from '../../test/treatment-factories';

/**
 * The recall list as a spreadsheet reads it: the exposure CSV is parsed by two CSV libraries nobody on the team
 * wrote (papaparse, csv-parse) and compared with what the database holds; the file name is read back with the
 * `content-disposition` package.
 */
describe('exposure CSV in a spreadsheet', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  /**
   * Patients whose names and phones a careless CSV breaks: non-Latin letters, E.164 phones (a plain number, to be
   * left alone), names a spreadsheet would run as a formula (to be shown as text with an apostrophe), quotes and a
   * line break inside a cell.
   */
  const PATIENTS = [
    { firstName: 'Zoë', lastName: 'Łódź', phone: '+17185551004', shownName: 'Zoë Łódź' },
    { firstName: '王', lastName: '小明', phone: '+442079460958', shownName: '王 小明' },
    { firstName: '=HYPERLINK("http://evil.example","x")', lastName: 'Smith', phone: null, shownName: `'=HYPERLINK("http://evil.example","x") Smith` },
    { firstName: '+Plus', lastName: 'Jones', phone: '+12125550100', shownName: `'+Plus Jones` },
    { firstName: '-Minus', lastName: 'Brown', phone: null, shownName: `'-Minus Brown` },
    { firstName: '@At', lastName: 'Green', phone: null, shownName: `'@At Green` },
    { firstName: 'Said "hi"', lastName: 'Two\nLines', phone: '+13125550144', shownName: 'Said "hi" Two\nLines' },
  ];

  it('round-trips names, phones and formulas through papaparse and csv-parse, with a BOM and the full file name', async () => {
    const c = await chair(app, { lotQuantity: 20 });
    const productName = `Cartridge 14/36-pin, sterile — Łódź batch ${Date.now()}`;
    const product = await createProduct(c.owner, { name: productName });
    const { lot } = await receiveLot(c.owner, { productId: product.id, locationId: c.location.id, quantity: 20 });
    // A pen whose serial is a plain negative number: a spreadsheet reads it as a number, so it is left as it is.
    const pen = await c.owner.post('/api/devices', { model: 'SkinPen Precision', serialNumber: `-${Date.now()}`, locationId: c.location.id });
    expect(pen.status).toBe(201);

    for (const p of PATIENTS) {
      const patient = await newPatient(app.dataSource, c.organization.id, { firstName: p.firstName, lastName: p.lastName, phone: p.phone, email: null });
      expect((await c.owner.put(`/api/patients/${patient.id}/medical-history`, emptyMedicalHistory())).status).toBe(200);
      await giveConsents(app, { owner: c.owner, patient }, ['cosmetic_needling']);
      const started = await c.practitioner.post('/api/treatment-sessions', walkIn(c, { patientId: patient.id, cartridgeLotId: lot.id, deviceId: pen.body.id }));
      expect(started.status).toBe(201);
    }

    const response = await c.owner.get(`/api/lots/${lot.id}/exposure?format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    // Excel on Windows reads a CSV as UTF-8 only when it starts with the byte-order mark EF BB BF.
    expect([...response.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    // The full file name, with the whole lot number and GTIN, read as a browser would (filename* first).
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toContain(`filename*=UTF-8''`);
    const parsed = parseContentDisposition(disposition);
    expect(parsed.type).toBe('attachment');
    expect(parsed.parameters.filename).toContain(lot.lotNumber);
    expect(parsed.parameters.filename).toContain(`GTIN-${product.gtin}`);
    expect(parsed.parameters.filename).toContain('Łódź');
    expect(parsed.parameters.filename).toMatch(/\.csv$/);
    expect(parsed.parameters.filename).not.toMatch(/[/\\:*?"<>|]/);
    // The plain `filename` is the ASCII fallback for old clients.
    const fallback = parseContentDisposition(disposition, { extended: false }).parameters.filename;
    expect(fallback).toMatch(/^[\x20-\x7e]+\.csv$/);
    expect(fallback).toContain(`GTIN-${product.gtin}`);
    expect(fallback).toContain(lot.lotNumber);

    const withBom = new TextDecoder('utf-8', { ignoreBOM: true }).decode(response.bytes);
    const papa = Papa.parse<Record<string, string>>(withBom, { header: true, skipEmptyLines: true });
    expect(papa.errors).toEqual([]);
    const strict = csvParse(response.bytes, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(strict).toEqual(papa.data);
    expect(Object.keys(strict[0])[0]).toBe('Session date');

    const stored: { session_id: string; name: string; phone: string | null; mrn: string; serial: string }[] = await app.dataSource.query(
      `SELECT s.id AS session_id, p.first_name || ' ' || p.last_name AS name, p.phone, p.mrn, d.serial_number AS serial
       FROM treatment_sessions s JOIN patients p ON p.id = s.patient_id JOIN devices d ON d.id = s.device_id
       WHERE s.organization_id = $1 AND s.device_id = $2`,
      [c.organization.id, pen.body.id],
    );
    expect(strict).toHaveLength(PATIENTS.length);
    for (const row of strict) {
      const db = stored.find((s) => s.session_id === row['Session id']);
      expect(db).toBeDefined();
      const expected = PATIENTS.find((p) => `${p.firstName} ${p.lastName}` === db?.name);
      expect(expected).toBeDefined();
      expect(row['Patient']).toBe(expected?.shownName);
      expect(row['MRN']).toBe(db?.mrn);
      // Stored E.164, exported as stored: no apostrophe in front of +17185551004.
      expect(row['Phone']).toBe(db?.phone ?? '');
      expect(row['Device serial']).toBe(db?.serial);
      expect(row['Cartridge lots']).toBe(lot.lotNumber);
    }
    expect(strict.map((r) => r['Phone'])).toContain('+17185551004');
    expect(strict.map((r) => r['Patient'])).toEqual(expect.arrayContaining(['Zoë Łódź', '王 小明']));
  });

  it('names a device exposure file by the pen, with a BOM', async () => {
    const c = await chair(app);
    const response = await c.owner.get(`/api/devices/${c.device.id}/exposure?format=csv`);
    expect(response.status).toBe(200);
    expect([...response.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const name = parseContentDisposition(response.headers.get('content-disposition') ?? '').parameters.filename;
    expect(name).toBe(`device-exposure_${c.device.serialNumber}_SkinPen-Precision.csv`);
    expect(Papa.parse(new TextDecoder().decode(response.bytes), { header: true }).meta.fields).toContain('Phone');
  });
});
