import { newLocation, newStaffMember, signedInOrganization, signIn } from '../../test/factories';
import { createProduct, daysFromToday, gtin, receiveLot } from '../../test/inventory-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('recalls', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('recalls one lot at once: recorded with who, when, class and reference; blocks transfer; audited', async () => {
    const { client, location, organization, staffMember } = await signedInOrganization(app, 'physician');
    const product = await createProduct(client);
    const { lot } = await receiveLot(client, { productId: product.id, locationId: location.id });
    const recalled = await client.post(`/api/lots/${lot.id}/recall`, { reason: 'Sterile barrier breach', recallClass: 'I', reference: 'Z-0042-2026' });
    expect(recalled.status).toBe(200);
    expect(recalled.body).toMatchObject({ holdStatus: 'recalled', status: 'recalled', holdReason: 'Class I recall Z-0042-2026: Sterile barrier breach' });
    const detail = await client.get(`/api/lots/${lot.id}`);
    expect(detail.body.recalls).toEqual([
      expect.objectContaining({ recallClass: 'I', reference: 'Z-0042-2026', reason: 'Sterile barrier breach', recordedBy: staffMember.id, recordedAt: expect.any(String) }),
    ]);
    const annex = await newLocation(app.dataSource, organization.id);
    const transfer = await client.post(`/api/lots/${lot.id}/movements`, { type: 'transferred', locationId: location.id, toLocationId: annex.id, quantity: 1 });
    expect(transfer.status).toBe(422);
    expect((await client.post(`/api/lots/${lot.id}/recall`, { reason: 'again', recallClass: 'II' })).status).toBe(409);
    expect((await client.post(`/api/lots/${lot.id}/release`, {})).status).toBe(409);
    expect((await client.post(`/api/lots/${lot.id}/quarantine`, { reason: 'x' })).status).toBe(409);
    const listed = await client.get('/api/recalls');
    expect(listed.body).toEqual([expect.objectContaining({ source: 'lot', gtin: product.gtin, productId: product.id, lotNumbers: [lot.lotNumber], lotIds: [lot.id], lotNumbersNotFound: [] })]);
    const actions = await app.dataSource.query(`SELECT action FROM audit_events WHERE organization_id = $1 AND action LIKE 'recall%' OR action = 'lot.recalled' AND entity_id = $2`, [organization.id, lot.id]);
    expect(actions.map((a: { action: string }) => a.action).sort()).toEqual(['lot.recalled', 'recall.recorded']);
    await expect(app.dataSource.query(`UPDATE recalls SET recall_class = 'III' WHERE organization_id = $1`, [organization.id])).rejects.toThrow(/append-only/);
  });

  it('refuses bad recall input with a 400 naming the fields', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    const product = await createProduct(client);
    const { lot } = await receiveLot(client, { productId: product.id, locationId: location.id });
    const bad = await client.post(`/api/lots/${lot.id}/recall`, { recallClass: 'IV' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['reason', 'recallClass']));
    const notice = await client.post('/api/recalls', { gtin: '123', lotNumbers: [], recallClass: 'I', reason: '' });
    expect(notice.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['gtin', 'lotNumbers', 'reason']));
    expect((await client.get(`/api/lots/${lot.id}`)).body.holdStatus).toBe('available');
  });

  it('acts on a manufacturer notice: recalls the lots found, reports the rest, and records one recall', async () => {
    const { client, location } = await signedInOrganization(app, 'owner');
    const product = await createProduct(client);
    const a = await receiveLot(client, { productId: product.id, locationId: location.id, lotNumber: 'NOTE-A', quantity: 3 });
    const b = await receiveLot(client, { productId: product.id, locationId: location.id, lotNumber: 'NOTE-B', quantity: 2 });
    await client.post(`/api/lots/${b.lot.id}/movements`, { type: 'returned', locationId: location.id, quantity: 2 });
    await client.post(`/api/lots/${b.lot.id}/recall`, { reason: 'early', recallClass: 'III' });
    const untouched = await receiveLot(client, { productId: product.id, locationId: location.id, lotNumber: 'NOTE-C' });
    const response = await client.post('/api/recalls', {
      gtin: product.gtin.slice(1),
      lotNumbers: ['NOTE-A', 'NOTE-B', 'NOTE-Z'],
      recallClass: 'II',
      reason: 'Needle tips may be blunt',
      reference: 'Z-0099-2026',
    });
    expect(response.status).toBe(201);
    expect(response.body.found).toEqual([
      { lotId: a.lot.id, lotNumber: 'NOTE-A', newlyRecalled: true, onHand: 3 },
      { lotId: b.lot.id, lotNumber: 'NOTE-B', newlyRecalled: false, onHand: 0 },
    ]);
    expect(response.body.notFound).toEqual(['NOTE-Z']);
    expect(response.body.recall).toMatchObject({ source: 'notice', recallClass: 'II', gtin: product.gtin, lotNumbersNotFound: ['NOTE-Z'], reference: 'Z-0099-2026' });
    expect((await client.get(`/api/lots/${a.lot.id}`)).body.holdStatus).toBe('recalled');
    expect((await client.get(`/api/lots/${untouched.lot.id}`)).body.holdStatus).toBe('available');
    expect((await client.get(`/api/lots/${b.lot.id}`)).body.recalls.map((r: { recallClass: string }) => r.recallClass)).toEqual(['III', 'II']);
  });

  it('records a notice for a GTIN the clinic never stocked, with every lot not found', async () => {
    const { client } = await signedInOrganization(app, 'nurse');
    const code = gtin();
    const response = await client.post('/api/recalls', { gtin: code, lotNumbers: ['X1', 'X2'], recallClass: 'III', reason: 'Labeling error' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ found: [], notFound: ['X1', 'X2'], recall: { productId: null, gtin: code } });
  });

  it('keeps recalls from front desk and aestheticians', async () => {
    const { client, location, organization } = await signedInOrganization(app, 'owner');
    const product = await createProduct(client);
    const { lot } = await receiveLot(client, { productId: product.id, locationId: location.id });
    for (const role of ['aesthetician', 'front_desk'] as const) {
      const member = await signIn(app, (await newStaffMember(app.dataSource, organization.id, { role })).email);
      const denied = await member.post(`/api/lots/${lot.id}/recall`, { reason: 'x', recallClass: 'I' });
      expect(denied.status).toBe(403);
      expect(denied.body.permission).toBe('inventory.recall');
      expect((await member.post('/api/recalls', { gtin: product.gtin, lotNumbers: [lot.lotNumber], recallClass: 'I', reason: 'x' })).status).toBe(403);
    }
  });
});

describe('inventory alerts and on-hand', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('lists lots expiring within the window, products under their reorder threshold, and recalled stock on the shelf', async () => {
    const { client, location, organization } = await signedInOrganization(app, 'owner');
    const annex = await newLocation(app.dataSource, organization.id, { name: 'Annex' });
    const cartridge = await createProduct(client, { name: 'Cartridge 14', reorderThreshold: 10 });
    const serum = await createProduct(client, { name: 'Serum', kind: 'serum', needleCount: undefined, reorderThreshold: 0 });
    const soon = await receiveLot(client, { productId: cartridge.id, locationId: location.id, expiresOn: daysFromToday(10), quantity: 4 });
    const gone = await receiveLot(client, { productId: cartridge.id, locationId: location.id, expiresOn: daysFromToday(-3), quantity: 2 });
    const later = await receiveLot(client, { productId: cartridge.id, locationId: location.id, expiresOn: daysFromToday(90), quantity: 5 });
    const emptied = await receiveLot(client, { productId: serum.id, locationId: location.id, expiresOn: daysFromToday(5), quantity: 1 });
    await client.post(`/api/lots/${emptied.lot.id}/movements`, { type: 'wasted', locationId: location.id, quantity: 1, reason: 'dropped' });
    const recalled = await receiveLot(client, { productId: serum.id, locationId: location.id, expiresOn: daysFromToday(400), quantity: 6 });
    await client.post(`/api/lots/${recalled.lot.id}/recall`, { reason: 'Contamination', recallClass: 'I' });

    const alerts = await client.get('/api/inventory/alerts?expiringWithinDays=30');
    expect(alerts.status).toBe(200);
    expect(alerts.body.expiring.map((e: { lotId: string; daysUntilExpiry: number }) => [e.lotId, e.daysUntilExpiry])).toEqual([
      [gone.lot.id, -3],
      [soon.lot.id, 10],
    ]);
    expect(alerts.body.recalledOnShelf).toEqual([
      expect.objectContaining({ lotId: recalled.lot.id, onHand: 6, recallClass: 'I', locationId: location.id, productName: 'Serum' }),
    ]);
    // Usable cartridges at the main site: 4 + 5 (the expired 2 do not count); none at the annex. Locations by name.
    expect(alerts.body.lowStock).toEqual([
      { productId: cartridge.id, productName: 'Cartridge 14', locationId: annex.id, locationName: 'Annex', usable: 0, reorderThreshold: 10 },
      expect.objectContaining({ productId: cartridge.id, locationId: location.id, usable: 9, reorderThreshold: 10 }),
    ]);

    expect((await client.get('/api/inventory/alerts')).body).toEqual(alerts.body);
    const narrow = await client.get(`/api/inventory/alerts?locationId=${location.id}&expiringWithinDays=0`);
    expect(narrow.body.expiring.map((e: { lotId: string }) => e.lotId)).toEqual([gone.lot.id]);
    expect(narrow.body.lowStock.map((l: { locationId: string }) => l.locationId)).toEqual([location.id]);
    const wide = await client.get('/api/inventory/alerts?expiringWithinDays=120');
    expect(wide.body.expiring.map((e: { lotId: string }) => e.lotId)).toContain(later.lot.id);
    const bad = await client.get('/api/inventory/alerts?expiringWithinDays=abc&locationId=x');
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['expiringWithinDays', 'locationId']);
  });

  it('reports on-hand by product and location', async () => {
    const { client, location, organization } = await signedInOrganization(app, 'front_desk');
    const owner = await signIn(app, (await newStaffMember(app.dataSource, organization.id, { role: 'owner' })).email);
    const annex = await newLocation(app.dataSource, organization.id, { name: 'Annex' });
    const product = await createProduct(owner, { name: 'Cartridge 12', reorderThreshold: 3 });
    const lot1 = await receiveLot(owner, { productId: product.id, locationId: location.id, quantity: 5 });
    await receiveLot(owner, { productId: product.id, locationId: location.id, quantity: 2, expiresOn: daysFromToday(-1) });
    await owner.post(`/api/lots/${lot1.lot.id}/movements`, { type: 'transferred', locationId: location.id, toLocationId: annex.id, quantity: 2 });
    const onHand = await client.get('/api/inventory/on-hand');
    expect(onHand.status).toBe(200);
    expect(onHand.body).toEqual([
      expect.objectContaining({ productId: product.id, locationId: annex.id, onHand: 2, usable: 2, reorderThreshold: 3, belowReorderThreshold: true }),
      expect.objectContaining({ productId: product.id, locationId: location.id, onHand: 5, usable: 3, belowReorderThreshold: false }),
    ]);
    const atAnnex = await client.get(`/api/inventory/on-hand?locationId=${annex.id}`);
    expect(atAnnex.body).toHaveLength(1);
    const foreign = await signedInOrganization(app, 'owner');
    expect((await client.get(`/api/inventory/on-hand?locationId=${foreign.location.id}`)).body.errors).toEqual([
      { field: 'locationId', message: 'no such location in your organization' },
    ]);
  });
});
