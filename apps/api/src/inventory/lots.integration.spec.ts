import { newLocation, newStaffMember, signedInOrganization, signIn } from '../../test/factories';
import { createProduct, daysFromToday, GS, gtin, lotNumber, receiveLot } from '../../test/inventory-factories';
import { StatementCounter } from '../../test/statement-counter';
import { createTestApp, type TestApp } from '../../test/test-app';
import { readRunState } from '../../test/test-database';

describe('lots: receiving stock', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('receives a new lot by form, with a received movement, on-hand and an audit trail', async () => {
    const owner = await signedInOrganization(app, 'owner');
    const product = await createProduct(owner.client);
    const received = await owner.client.post('/api/lots', {
      productId: product.id,
      lotNumber: 'LOT42A',
      expiresOn: '2030-03-31',
      manufacturedOn: '2025-01-15',
      supplier: 'MedSupply Inc.',
      locationId: owner.location.id,
      quantity: 20,
    });
    expect(received.status).toBe(201);
    expect(received.body).toMatchObject({
      lotCreated: true,
      lot: {
        lotNumber: 'LOT42A',
        expiresOn: '2030-03-31',
        manufacturedOn: '2025-01-15',
        supplier: 'MedSupply Inc.',
        holdStatus: 'available',
        status: 'available',
        onHand: 20,
        product: { id: product.id, gtin: product.gtin },
        balances: [{ locationId: owner.location.id, onHand: 20, status: 'available' }],
      },
      movement: { type: 'received', quantity: 20, delta: 20, locationId: owner.location.id },
    });
    const detail = await owner.client.get(`/api/lots/${received.body.lot.id}`);
    expect(detail.body.ledger).toEqual([expect.objectContaining({ type: 'received', quantity: 20, recordedBy: owner.staffMember.id })]);
    const actions = await app.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [received.body.lot.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['lot.created', 'stock.received']);
  });

  it('lets the front desk receive stock but not waste it', async () => {
    const owner = await signedInOrganization(app, 'owner');
    const product = await createProduct(owner.client);
    const desk = await newStaffMember(app.dataSource, owner.organization.id, { role: 'front_desk' });
    const deskClient = await signIn(app, desk.email);
    const received = await receiveLot(deskClient, { productId: product.id, locationId: owner.location.id });
    const waste = await deskClient.post(`/api/lots/${received.lot.id}/movements`, {
      type: 'wasted',
      locationId: owner.location.id,
      quantity: 1,
      reason: 'dropped',
    });
    expect(waste.status).toBe(403);
    expect(waste.body.permission).toBe('inventory.write');
  });

  it('adds a second delivery of the same lot to it, and refuses one with another expiry (409 naming expiresOn)', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    const product = await createProduct(client);
    const first = await receiveLot(client, { productId: product.id, locationId: location.id, lotNumber: 'SAME1', expiresOn: '2030-01-31', quantity: 3 });
    const second = await client.post('/api/lots', { productId: product.id, locationId: location.id, lotNumber: 'SAME1', expiresOn: '2030-01-31', quantity: 4 });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ lotCreated: false, lot: { id: first.lot.id, onHand: 7 } });
    const mismatch = await client.post('/api/lots', { productId: product.id, locationId: location.id, lotNumber: 'SAME1', expiresOn: '2030-02-28', quantity: 1 });
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.errors).toEqual([{ field: 'expiresOn', message: 'lot SAME1 is on record as expiring on Jan 31, 2030' }]);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM lots WHERE product_id = $1`, [product.id]);
    expect(count).toBe(1);
  });

  it('keeps lot numbers unique per product and organization in the database', async () => {
    const { client, location, organization } = await signedInOrganization(app, 'owner');
    const product = await createProduct(client);
    await receiveLot(client, { productId: product.id, locationId: location.id, lotNumber: 'UNIQ1' });
    await expect(
      app.dataSource.query(`INSERT INTO lots (organization_id, product_id, lot_number, expires_on) VALUES ($1, $2, 'UNIQ1', '2031-01-01')`, [
        organization.id,
        product.id,
      ]),
    ).rejects.toThrow(/lots_number_unique/);
    // The same number on another product is another lot.
    const other = await createProduct(client);
    expect((await receiveLot(client, { productId: other.id, locationId: location.id, lotNumber: 'UNIQ1' })).lotCreated).toBe(true);
  });

  it('refuses bad input with a 400 naming every field, and writes nothing', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const response = await client.post('/api/lots', {
      productId: 'x',
      lotNumber: 'LOT 42 WITH SPACES AND TOO LONG',
      expiresOn: '2030-02-30',
      manufacturedOn: 'yesterday',
      locationId: 'nowhere',
      quantity: 0,
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['productId', 'lotNumber', 'expiresOn', 'manufacturedOn', 'locationId', 'quantity']));
    expect(response.body.errors).toContainEqual({ field: 'quantity', message: 'quantity must be at least 1' });
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM lots WHERE organization_id = $1`, [organization.id]);
    expect(count).toBe(0);
  });

  it('names productId, locationId and manufacturedOn when they do not fit', async () => {
    const { client, location } = await signedInOrganization(app, 'owner');
    const other = await signedInOrganization(app, 'owner');
    const product = await createProduct(client);
    const foreignProduct = await createProduct(other.client);
    const base = { lotNumber: lotNumber(), expiresOn: '2030-01-01', quantity: 1 };
    const unknownProduct = await client.post('/api/lots', { ...base, productId: foreignProduct.id, locationId: location.id });
    expect(unknownProduct.body.errors).toEqual([{ field: 'productId', message: 'no such product in your organization' }]);
    const unknownLocation = await client.post('/api/lots', { ...base, productId: product.id, locationId: other.location.id });
    expect(unknownLocation.body.errors).toEqual([{ field: 'locationId', message: 'no such location in your organization' }]);
    const backwards = await client.post('/api/lots', { ...base, productId: product.id, locationId: location.id, manufacturedOn: '2030-06-01' });
    expect(backwards.body.errors).toEqual([{ field: 'manufacturedOn', message: 'must not be after expiresOn' }]);
  });
});

describe('lots: receiving by scan', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('receives from a raw GS-separated DataMatrix string with the ]d2 prefix', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    const product = await createProduct(client);
    const code = `]d201${product.gtin}` + '11250115' + '17270300' + `10SCAN42${GS}21SN0001`;
    const response = await client.post('/api/lots/receive-scan', { code, locationId: location.id, quantity: 12 });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      lotCreated: true,
      lot: { lotNumber: 'SCAN42', expiresOn: '2027-03-31', manufacturedOn: '2025-01-15', onHand: 12, product: { id: product.id } },
      movement: { type: 'received', quantity: 12 },
    });
  });

  it('receives from the parenthesised form, adding to the same lot', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    const product = await createProduct(client);
    const code = `(01)${product.gtin}(17)300300(10)PAREN1`;
    const first = await client.post('/api/lots/receive-scan', { code, locationId: location.id, quantity: 2 });
    expect(first.status).toBe(201);
    expect(first.body.lot).toMatchObject({ lotNumber: 'PAREN1', expiresOn: '2030-03-31', manufacturedOn: null });
    const again = await client.post('/api/lots/receive-scan', { code, locationId: location.id, quantity: 3 });
    expect(again.body).toMatchObject({ lotCreated: false, lot: { id: first.body.lot.id, onHand: 5 } });
  });

  it('answers 404 with the scanned fields for a GTIN no product has', async () => {
    const { client, location, organization } = await signedInOrganization(app, 'nurse');
    const unknown = gtin();
    const response = await client.post('/api/lots/receive-scan', {
      code: `]d201${unknown}17270300${'10'}NEW1${GS}21S9`,
      locationId: location.id,
      quantity: 1,
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      type: 'urn:skinledger:problem:unknown-gtin',
      scanned: { gtin: unknown, lotNumber: 'NEW1', expiresOn: '2027-03-31', serialNumber: 'S9' },
    });
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM lots WHERE organization_id = $1`, [organization.id]);
    expect(count).toBe(0);
  });

  it('answers 400 naming code for a bad check digit, a missing lot, or garbage', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    const product = await createProduct(client);
    const badCheck = await client.post('/api/lots/receive-scan', { code: '(01)00812345678905(17)270300(10)LOT42A', locationId: location.id, quantity: 1 });
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.errors).toEqual([{ field: 'code', message: 'GTIN (01) 00812345678905 has a wrong check digit (it should be 1)' }]);
    const noLot = await client.post('/api/lots/receive-scan', { code: `01${product.gtin}17270300`, locationId: location.id, quantity: 1 });
    expect(noLot.status).toBe(400);
    expect(noLot.body.errors[0]).toMatchObject({ field: 'code', message: expect.stringContaining('no lot (10)') });
    const garbage = await client.post('/api/lots/receive-scan', { code: 'hello', locationId: location.id, quantity: 1 });
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors[0].field).toBe('code');
    const invalid = await client.post('/api/lots/receive-scan', { code: '', locationId: 'x', quantity: 1.5 });
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['code', 'locationId', 'quantity']);
  });
});

describe('lots: listing, status and FEFO', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('derives expired from the date at the location and depleted from the stock, and filters by status', async () => {
    const { client, location, organization } = await signedInOrganization(app, 'owner');
    const product = await createProduct(client);
    const fresh = await receiveLot(client, { productId: product.id, locationId: location.id, expiresOn: daysFromToday(30) });
    const lastDay = await receiveLot(client, { productId: product.id, locationId: location.id, expiresOn: daysFromToday(0) });
    const expired = await receiveLot(client, { productId: product.id, locationId: location.id, expiresOn: daysFromToday(-1) });
    const empty = await receiveLot(client, { productId: product.id, locationId: location.id, quantity: 1 });
    await client.post(`/api/lots/${empty.lot.id}/movements`, { type: 'wasted', locationId: location.id, quantity: 1, reason: 'dropped' });

    const all = await client.get(`/api/lots?productId=${product.id}`);
    const statusOf = (id: string) => all.body.items.find((l: { id: string }) => l.id === id).status;
    expect(statusOf(fresh.lot.id)).toBe('available');
    expect(statusOf(lastDay.lot.id)).toBe('available');
    expect(statusOf(expired.lot.id)).toBe('expired');
    expect(statusOf(empty.lot.id)).toBe('depleted');
    // Earliest expiry first.
    expect(all.body.items[0].id).toBe(expired.lot.id);
    expect(all.body).toMatchObject({ pageSize: 50, hasMore: false, nextCursor: null, total: { count: 4, capped: false } });

    const onlyExpired = await client.get(`/api/lots?status=expired&locationId=${location.id}`);
    expect(onlyExpired.body.items.map((l: { id: string }) => l.id)).toEqual([expired.lot.id]);
    const depleted = await client.get('/api/lots?status=depleted');
    expect(depleted.body.items.map((l: { id: string }) => l.id)).toEqual([empty.lot.id]);

    // Another location sees only the lots with stock history there.
    const annex = await newLocation(app.dataSource, organization.id, { timezone: 'Pacific/Kiritimati' });
    expect((await client.get(`/api/lots?locationId=${annex.id}`)).body).toMatchObject({ items: [], hasMore: false, total: { count: 0 } });
    expect((await client.get('/api/lots?status=gone')).body.errors).toEqual([
      { field: 'status', message: 'status must be one of available, quarantined, recalled, expired, depleted' },
    ]);
  });

  it('pages every lot once in expiry order, each page in one statement whatever its size', async () => {
    const { client, location, organization } = await signedInOrganization(app, 'owner');
    const cartridge = await createProduct(client);
    const serum = await createProduct(client, { kind: 'serum', needleCount: undefined });
    const annex = await newLocation(app.dataSource, organization.id);
    // Two lots share an expiry date: the lot number, then the id, orders them.
    const expiries = [40, 10, 30, 10, 20, 50, 60];
    const received = [];
    for (const [i, days] of expiries.entries()) {
      received.push(await receiveLot(client, { productId: cartridge.id, locationId: location.id, expiresOn: daysFromToday(days), lotNumber: `PG${i}${organization.id.slice(0, 6)}` }));
    }
    const recalled = received[2].lot;
    await client.post(`/api/lots/${recalled.id}/recall`, { reason: 'Supplier notice', recallClass: 'II' });
    const emptied = received[4].lot;
    await client.post(`/api/lots/${emptied.id}/movements`, { type: 'wasted', locationId: location.id, quantity: 5, reason: 'dropped' });
    const serumLot = await receiveLot(client, { productId: serum.id, locationId: location.id });
    const moved = received[5].lot;
    await client.post(`/api/lots/${moved.id}/movements`, { type: 'transferred', locationId: location.id, toLocationId: annex.id, quantity: 5 });

    const counter = new StatementCounter(readRunState().appRole.name).start();
    try {
      const walked: { id: string; expiresOn: string; lotNumber: string }[] = [];
      const counts: number[] = [];
      let after: string | null = null;
      do {
        const { result, count } = await counter.during(() => client.get(`/api/lots?pageSize=3${after ? `&after=${after}` : ''}`));
        expect(result.status).toBe(200);
        expect(result.body.items.length).toBeLessThanOrEqual(3);
        expect(result.body.total).toEqual({ count: 8, capped: false });
        walked.push(...result.body.items);
        counts.push(count);
        after = result.body.nextCursor;
      } while (after);
      expect(walked.map((l) => l.id).sort()).toEqual([...received.map((r) => r.lot.id), serumLot.lot.id].sort());
      const order = walked.map((l) => `${l.expiresOn} ${l.lotNumber}`);
      expect(order).toEqual([...order].sort());
      expect(counts).toHaveLength(3);

      const big = await counter.during(() => client.get('/api/lots?pageSize=200'));
      expect(big.result.body.items).toHaveLength(8);
      // START, the sign-in check (which sets the tenant), the one read, COMMIT: the same for 3 lots a page or 200.
      expect(new Set([...counts, big.count])).toEqual(new Set([big.count]));
      expect(big.count).toBeLessThanOrEqual(5);
      expect(big.statements.filter((sql) => /\bstock_balances\b/.test(sql))).toHaveLength(1);
    } finally {
      counter.stop();
    }

    // What the session form's cartridge picker asks for: every usable cartridge lot here, none of the others.
    const usableHere = await client.get(`/api/lots?locationId=${location.id}&status=available&kind=needle_cartridge&pageSize=200`);
    expect(usableHere.body.items.map((l: { id: string }) => l.id).sort()).toEqual(
      received.map((r) => r.lot.id).filter((id) => ![recalled.id, emptied.id, moved.id].includes(id)).sort(),
    );
    expect(usableHere.body.items.every((l: { status: string; onHand: number }) => l.status === 'available' && l.onHand === 5)).toBe(true);
    // At the annex only the transferred lot has stock history; its balance there and at the origin are both shown.
    const atAnnex = await client.get(`/api/lots?locationId=${annex.id}`);
    expect(atAnnex.body.items).toHaveLength(1);
    expect(atAnnex.body.items[0]).toMatchObject({ id: moved.id, onHand: 5, status: 'available' });
    expect(atAnnex.body.items[0].balances.map((b: { locationId: string; onHand: number }) => [b.locationId, b.onHand]).sort()).toEqual(
      [
        [location.id, 0],
        [annex.id, 5],
      ].sort(),
    );
    expect((await client.get(`/api/lots?status=recalled`)).body.items.map((l: { id: string }) => l.id)).toEqual([recalled.id]);

    const foreign = await signedInOrganization(app, 'owner');
    const unknownLocation = await client.get(`/api/lots?locationId=${foreign.location.id}`);
    expect(unknownLocation.status).toBe(400);
    expect(unknownLocation.body.errors[0].field).toBe('locationId');
    const otherListsCursor = Buffer.from(JSON.stringify(['x', 1])).toString('base64url');
    const badCursor = await client.get(`/api/lots?after=${otherListsCursor}`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].field).toBe('after');
    expect((await client.get('/api/lots?pageSize=0')).body.errors[0].field).toBe('pageSize');
    expect((await client.get('/api/lots?kind=pen')).body.errors[0].field).toBe('kind');
    // Another organization sees none of these lots.
    expect((await foreign.client.get('/api/lots')).body).toMatchObject({ items: [], total: { count: 0, capped: false } });
  });

  it('judges expiry on the calendar date of the location holding the stock', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    // At UTC+14 the date is always at least the date in UTC-11, often a day later.
    const ahead = await newLocation(app.dataSource, organization.id, { timezone: 'Pacific/Kiritimati' });
    const behind = await newLocation(app.dataSource, organization.id, { timezone: 'Pacific/Pago_Pago' });
    const product = await createProduct(client);
    const expiresOn = daysFromToday(0, 'Pacific/Pago_Pago');
    const lot = await receiveLot(client, { productId: product.id, locationId: behind.id, expiresOn, quantity: 2 });
    await client.post('/api/lots', { productId: product.id, locationId: ahead.id, lotNumber: lot.lot.lotNumber, expiresOn, quantity: 2 });
    const detail = await client.get(`/api/lots/${lot.lot.id}`);
    const at = (id: string) => detail.body.balances.find((b: { locationId: string }) => b.locationId === id).status;
    expect(at(behind.id)).toBe('available');
    // Kiritimati (UTC+14) is 25 hours ahead of Pago Pago (UTC-11): its date is always later.
    expect(at(ahead.id)).toBe('expired');
  });

  it('suggests the earliest-expiring usable lot with stock at the location (FEFO)', async () => {
    const owner = await signedInOrganization(app, 'owner');
    const product = await createProduct(owner.client);
    const loc = owner.location.id;
    await receiveLot(owner.client, { productId: product.id, locationId: loc, expiresOn: daysFromToday(-2) });
    const quarantined = await receiveLot(owner.client, { productId: product.id, locationId: loc, expiresOn: daysFromToday(5) });
    await owner.client.post(`/api/lots/${quarantined.lot.id}/quarantine`, { reason: 'seal damaged' });
    const empty = await receiveLot(owner.client, { productId: product.id, locationId: loc, expiresOn: daysFromToday(6), quantity: 1 });
    await owner.client.post(`/api/lots/${empty.lot.id}/movements`, { type: 'returned', locationId: loc, quantity: 1 });
    const soonest = await receiveLot(owner.client, { productId: product.id, locationId: loc, expiresOn: daysFromToday(10) });
    await receiveLot(owner.client, { productId: product.id, locationId: loc, expiresOn: daysFromToday(100) });

    const suggestion = await owner.client.get(`/api/lots/suggest?productId=${product.id}&locationId=${loc}`);
    expect(suggestion.status).toBe(200);
    expect(suggestion.body.lot).toMatchObject({ id: soonest.lot.id, status: 'available', onHand: 5 });

    const elsewhere = await newLocation(app.dataSource, owner.organization.id);
    expect((await owner.client.get(`/api/lots/suggest?productId=${product.id}&locationId=${elsewhere.id}`)).body).toEqual({ lot: null });
    const missing = await owner.client.get(`/api/lots/suggest?productId=${product.id}`);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('locationId');
    // Aestheticians read stock (they use it in sessions).
    const aesthetician = await signIn(app, (await newStaffMember(app.dataSource, owner.organization.id, { role: 'aesthetician' })).email);
    expect((await aesthetician.get(`/api/lots/suggest?productId=${product.id}&locationId=${loc}`)).body.lot.id).toBe(soonest.lot.id);
  });

  it('quarantines and releases a lot, with reasons, audit and state rules', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    const product = await createProduct(client);
    const { lot } = await receiveLot(client, { productId: product.id, locationId: location.id });
    expect((await client.post(`/api/lots/${lot.id}/quarantine`, {})).body.errors).toContainEqual({ field: 'reason', message: 'reason is required' });
    const held = await client.post(`/api/lots/${lot.id}/quarantine`, { reason: 'Seal looked broken' });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ holdStatus: 'quarantined', holdReason: 'Seal looked broken', status: 'quarantined' });
    expect((await client.post(`/api/lots/${lot.id}/quarantine`, { reason: 'again' })).status).toBe(409);
    const released = await client.post(`/api/lots/${lot.id}/release`, { reason: 'Supplier confirmed sterility' });
    expect(released.body).toMatchObject({ holdStatus: 'available', holdReason: null, status: 'available' });
    expect((await client.post(`/api/lots/${lot.id}/release`, {})).status).toBe(409);
    const actions = await app.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [lot.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['lot.created', 'stock.received', 'lot.quarantined', 'lot.released']);

    const { client: aesthetician } = await signedInOrganization(app, 'aesthetician');
    expect((await aesthetician.post(`/api/lots/${lot.id}/quarantine`, { reason: 'x' })).status).toBe(403);
  });
});
