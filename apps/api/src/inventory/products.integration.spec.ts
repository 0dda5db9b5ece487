import { signedInOrganization } from '../../test/factories';
import { createProduct, gtin } from '../../test/inventory-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('products', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('creates a needle cartridge, stores the GTIN as 14 digits, lists and reads it, and audits the creation', async () => {
    const { client } = await signedInOrganization(app, 'nurse');
    const created = await client.post('/api/products', {
      manufacturer: ' Crown  Aesthetics ',
      name: 'SkinPen cartridge',
      gtin: '4006381333931',
      kind: 'needle_cartridge',
      needleCount: 14,
      reorderThreshold: 10,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      manufacturer: 'Crown Aesthetics',
      gtin: '04006381333931',
      kind: 'needle_cartridge',
      needleCount: 14,
      singleUse: true,
      reorderThreshold: 10,
    });
    const listed = await client.get('/api/products');
    expect(listed.body.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
    expect((await client.get('/api/products?gtin=4006381333931')).body).toHaveLength(1);
    expect((await client.get('/api/products?kind=serum')).body).toHaveLength(0);
    expect((await client.get(`/api/products/${created.body.id}`)).body.name).toBe('SkinPen cartridge');
    const [event] = await app.dataSource.query(`SELECT action, changes FROM audit_events WHERE entity_id = $1`, [created.body.id]);
    expect(event.action).toBe('product.created');
    expect(event.changes.gtin).toEqual({ to: '04006381333931' });
  });

  it('defaults singleUse to false for other kinds, and allows no GTIN', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    const serum = await client.post('/api/products', { manufacturer: 'Acme', name: 'Hyaluronic serum', kind: 'serum' });
    expect(serum.status).toBe(201);
    expect(serum.body).toMatchObject({ gtin: null, singleUse: false, needleCount: null, reorderThreshold: 0 });
  });

  it('refuses bad input with a 400 naming every field, and writes nothing', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const response = await client.post('/api/products', {
      manufacturer: '',
      gtin: '00812345678905',
      kind: 'laser',
      needleCount: 0,
      singleUse: 'yes',
      reorderThreshold: -1,
      price: 3,
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['manufacturer', 'name', 'gtin', 'kind', 'needleCount', 'singleUse', 'reorderThreshold', 'price']));
    expect(response.body.errors).toContainEqual({ field: 'gtin', message: 'gtin must be a GTIN of 8, 12, 13 or 14 digits with a correct check digit' });
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM products WHERE organization_id = $1`, [organization.id]);
    expect(count).toBe(0);
  });

  it('refuses a needle count on a non-cartridge and a reusable cartridge', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    const serum = await client.post('/api/products', { manufacturer: 'Acme', name: 'Serum', kind: 'serum', needleCount: 12 });
    expect(serum.status).toBe(400);
    expect(serum.body.errors).toEqual([{ field: 'needleCount', message: 'only needle cartridges have a needle count' }]);
    const reusable = await client.post('/api/products', { manufacturer: 'Acme', name: 'Cartridge', kind: 'needle_cartridge', singleUse: false });
    expect(reusable.status).toBe(400);
    expect(reusable.body.errors[0].field).toBe('singleUse');
  });

  it('answers 409 naming gtin when another product has it (in any length), but not across organizations', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    const code = gtin('0400638133393');
    await createProduct(client, { gtin: code });
    const again = await client.post('/api/products', { manufacturer: 'X', name: 'Y', kind: 'other', gtin: code.slice(1) });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ field: 'gtin', message: 'a product with this GTIN already exists' }]);
    const { client: other } = await signedInOrganization(app, 'owner');
    expect((await other.post('/api/products', { manufacturer: 'X', name: 'Y', kind: 'other', gtin: code })).status).toBe(201);
  });

  it('lets every role read products, and keeps creating them from front desk and aestheticians', async () => {
    for (const role of ['front_desk', 'aesthetician'] as const) {
      const { client } = await signedInOrganization(app, role);
      expect((await client.get('/api/products')).status).toBe(200);
      const denied = await client.post('/api/products', { manufacturer: 'X', name: 'Y', kind: 'other' });
      expect(denied.status).toBe(403);
      expect(denied.body.permission).toBe('inventory.write');
    }
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const { client } = await signedInOrganization(app, 'owner');
    expect((await client.get('/api/products/nope')).body.errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
    expect((await client.get('/api/products/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
