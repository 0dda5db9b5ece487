import { signedInOrganization } from '../../test/factories';
import { createProduct, GS } from '../../test/inventory-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * Issue 14: device labels as real tools read them. Every GS1 AI is read and kept (240, 7003, 30 on the lot, the whole
 * element string too), non-GS1 symbols are refused with the identifier named, malformed data with the AI named, and
 * HIBC labels are received like GS1 ones.
 */
describe('lots: receiving by scan, any GS1 AI and HIBC', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('receives the tester’s label with 240 and keeps the whole element string on the lot', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    const product = await createProduct(client, { gtin: '00850031370012' });
    const code = `0100850031370012240PEN-14N${GS}1727033110LOTNEW1`;
    const response = await client.post('/api/lots/receive-scan', { code, locationId: location.id, quantity: 10 });
    expect(response.status).toBe(201);
    expect(response.body.lot).toMatchObject({
      product: { id: product.id },
      lotNumber: 'LOTNEW1',
      expiresOn: '2027-03-31',
      udiFormat: 'gs1',
      udiData: '(01)00850031370012(240)PEN-14N(17)270331(10)LOTNEW1',
      additionalProductId: 'PEN-14N',
      labelExpiresAt: null,
      labelItemCount: null,
    });
    const detail = await client.get(`/api/lots/${response.body.lot.id}`);
    expect(detail.body).toMatchObject({ udiData: '(01)00850031370012(240)PEN-14N(17)270331(10)LOTNEW1', additionalProductId: 'PEN-14N' });
  });

  it('stores 7003 (expiry date and time) and 30 (count) from a ]d2 Data Matrix, and lists them', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    const product = await createProduct(client, { gtin: '00850031370012' });
    const code = `]d20100850031370012${'7003'}2703311030${GS}30120${GS}1727033110LOT7003${GS}22CPV-9`;
    const response = await client.post('/api/lots/receive-scan', { code, locationId: location.id, quantity: 4 });
    expect(response.status).toBe(201);
    expect(response.body.lot).toMatchObject({
      lotNumber: 'LOT7003',
      expiresOn: '2027-03-31',
      udiData: '(01)00850031370012(7003)2703311030(30)120(17)270331(10)LOT7003(22)CPV-9',
      labelExpiresAt: '2027-03-31T10:30',
      labelItemCount: 120,
    });
    const [row] = await app.dataSource.query(`SELECT label_expires_at::text AS at, label_item_count AS count FROM lots WHERE id = $1`, [response.body.lot.id]);
    expect(row).toEqual({ at: '2027-03-31 10:30:00', count: 120 });
    const list = await client.get(`/api/lots?productId=${product.id}`);
    expect(list.body.items[0]).toMatchObject({ labelExpiresAt: '2027-03-31T10:30', labelItemCount: 120 });
  });

  it('takes the expiry date from 7003 when the label has no 17', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    await createProduct(client, { gtin: '00850031370012' });
    const response = await client.post('/api/lots/receive-scan', { code: '(01)00850031370012(7003)2711301200(10)ONLY7003', locationId: location.id, quantity: 1 });
    expect(response.status).toBe(201);
    expect(response.body.lot).toMatchObject({ expiresOn: '2027-11-30', labelExpiresAt: '2027-11-30T12:00' });
  });

  it('receives the bracketed form with 240, 7003 and an NHRN (712)', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    await createProduct(client, { gtin: '00850031370012' });
    const code = '(01)00850031370012(240)PEN-14N(17)270331(7003)2703311030(712)NHRN-CN-42(10)BRACKET1';
    const response = await client.post('/api/lots/receive-scan', { code, locationId: location.id, quantity: 2 });
    expect(response.status).toBe(201);
    expect(response.body.lot).toMatchObject({ lotNumber: 'BRACKET1', additionalProductId: 'PEN-14N', labelExpiresAt: '2027-03-31T10:30', udiData: code });
  });

  it('refuses a ]d1 Data Matrix (not GS1) with a problem naming it', async () => {
    const { client, location, organization } = await signedInOrganization(app, 'nurse');
    await createProduct(client, { gtin: '00850031370012' });
    const response = await client.post('/api/lots/receive-scan', { code: ']d10100850031370012240PEN-14N', locationId: location.id, quantity: 1 });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.type).toBe('urn:skinledger:problem:validation');
    expect(response.body.labelErrors).toEqual([{ code: 'not-gs1', message: expect.stringContaining(']d1') }]);
    expect(response.body.errors).toEqual([{ field: 'code', message: expect.stringContaining('Data Matrix') }]);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM lots WHERE organization_id = $1`, [organization.id]);
    expect(count).toBe(0);
  });

  it('names the AI of malformed data: 17 month 13, 7003 hour 24, 240 too long, an AI not in the table', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    await createProduct(client, { gtin: '00850031370012' });
    const scan = (code: string) => client.post('/api/lots/receive-scan', { code, locationId: location.id, quantity: 1 });

    const month13 = await scan('(01)00850031370012(17)271301(10)L1');
    expect(month13.status).toBe(400);
    expect(month13.body.labelErrors).toEqual([{ code: 'invalid-date', ai: '17', message: expect.stringContaining('Expiry date (17)') }]);
    expect(month13.body.detail).toContain('(17)');

    const hour24 = await scan(`0100850031370012${'7003'}2703312400${GS}10L1`);
    expect(hour24.body.labelErrors).toEqual([{ code: 'invalid-time', ai: '7003', message: expect.stringContaining('(7003)') }]);

    const longAdditional = await scan(`(01)00850031370012(240)${'A'.repeat(31)}(17)270331(10)L1`);
    expect(longAdditional.body.labelErrors).toEqual([{ code: 'too-long', ai: '240', message: expect.stringContaining('(240)') }]);

    const notInTable = await scan(`0100850031370012231234${GS}10L1`);
    expect(notInTable.body.labelErrors).toEqual([{ code: 'unknown-ai', ai: '23', message: expect.stringContaining('"23"') }]);
  });

  it('receives an HIBC label for a product with that HIBC device id, keeping the label data', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    const product = await createProduct(client, { gtin: undefined, hibcDeviceId: 'H123PEN14N1' });
    expect(product).toMatchObject({ gtin: null, hibcDeviceId: 'H123PEN14N1' });
    // HIBC 2.6 one-symbol form: primary / $$3 YYMMDD expiry + lot / S serial, modulo-43 check character B.
    const code = ']d1+H123PEN14N1/$$3301231LOT7/S0042B';
    const response = await client.post('/api/lots/receive-scan', { code, locationId: location.id, quantity: 6 });
    expect(response.status).toBe(201);
    expect(response.body.lot).toMatchObject({
      product: { id: product.id },
      lotNumber: 'LOT7',
      expiresOn: '2030-12-31',
      udiFormat: 'hibc',
      udiData: '+H123PEN14N1/$$3301231LOT7/S0042B',
      additionalProductId: null,
    });
  });

  it('answers 404 with the HIBC device id for an HIBC label no product has, and 400 for a wrong check character', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    const unknown = await client.post('/api/lots/receive-scan', { code: '+H123PEN14N1/$$3301231LOT7N', locationId: location.id, quantity: 1 });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      type: 'urn:skinledger:problem:unknown-hibc-product',
      scanned: { hibcDeviceId: 'H123PEN14N1', lotNumber: 'LOT7', expiresOn: '2030-12-31' },
    });
    const badCheck = await client.post('/api/lots/receive-scan', { code: '+H123PEN14N1/$$3301231LOT7X', locationId: location.id, quantity: 1 });
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.labelErrors).toEqual([{ code: 'bad-check-character', message: expect.stringContaining('it should be N') }]);
  });

  it('refuses a second product with the same HIBC device id (409 naming the field)', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    await createProduct(client, { gtin: undefined, hibcDeviceId: 'H123PEN14N1' });
    const again = await client.post('/api/products', { manufacturer: 'X', name: 'Y', kind: 'serum', hibcDeviceId: 'H123PEN14N1' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: 'urn:skinledger:problem:hibc-device-id-taken', errors: [{ field: 'hibcDeviceId' }] });
    const bad = await client.post('/api/products', { manufacturer: 'X', name: 'Y', kind: 'serum', hibcDeviceId: 'h123' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('hibcDeviceId');
  });
});
