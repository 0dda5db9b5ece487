import Papa from 'papaparse';
import { newPatient, newStaffMember, signedInOrganization } from '../../test/factories';
import { createProduct, daysFromToday } from '../../test/inventory-factories';
import { seedDevice, seedLot, seedMovement, seedSession } from '../../test/report-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * The cartridges report recomputed by hand from a seeded ledger (issue 17). Range 2026-01-01 … 2026-06-30.
 * Lot A1 (expires 2099-06-30): 10 received before the range, 20 in it; 5 used in 4 sessions (one took a second
 * cartridge); 2 dropped, 1 contaminated; 1 used after the range. Lot A2 (expired 2026-03-31): 5 received, 1 used,
 * 1 wasted as expired, 3 left on the shelf. A serum lot does not count; another clinic's cartridges do not either.
 */
describe('GET /api/reports/cartridges', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  async function seededClinic() {
    const org = await signedInOrganization(app, 'owner');
    const ds = app.dataSource;
    const nurseA = await newStaffMember(ds, org.organization.id, { role: 'nurse', name: 'Nurse Avery' });
    const nurseB = await newStaffMember(ds, org.organization.id, { role: 'nurse', name: 'Nurse Blake' });
    const product = await createProduct(org.client, { name: 'SkinPen cartridge 14-pin' });
    const serum = await createProduct(org.client, { name: 'Hyaluronic serum', kind: 'serum', needleCount: undefined });
    const a1 = await seedLot(ds, org, product.id, 'A1', '2099-06-30');
    const a2 = await seedLot(ds, org, product.id, 'A2', '2026-03-31');
    const serumLot = await seedLot(ds, org, serum.id, 'S1', '2099-01-31');
    const device = await seedDevice(ds, org);
    const patient = await newPatient(ds, org.organization.id);
    // Open sessions: a cartridge is recorded before the session is signed (the ledger refuses a signed one).
    const sessionBy = (practitionerId: string, on: string) => seedSession(ds, org, { patientId: patient.id, deviceId: device, depthMm: 1, on, practitionerId, signed: false });

    await seedMovement(ds, org, { lotId: a1, type: 'received', quantity: 10, on: '2025-12-01' });
    await seedMovement(ds, org, { lotId: a1, type: 'received', quantity: 20, on: '2026-01-05' });
    await seedMovement(ds, org, { lotId: a2, type: 'received', quantity: 5, on: '2026-01-05' });
    await seedMovement(ds, org, { lotId: serumLot, type: 'received', quantity: 9, on: '2026-01-05' });
    for (const on of ['2026-02-01', '2026-02-02', '2026-02-03']) {
      await seedMovement(ds, org, { lotId: a1, type: 'used', quantity: 1, on, sessionId: await sessionBy(nurseA.id, on), recordedBy: nurseA.id });
    }
    // A second cartridge mid-session (domain.md section 9): two used movements of one session.
    const twice = await sessionBy(nurseB.id, '2026-02-04');
    await seedMovement(ds, org, { lotId: a1, type: 'used', quantity: 1, on: '2026-02-04', sessionId: twice, recordedBy: nurseB.id });
    await seedMovement(ds, org, { lotId: a1, type: 'used', quantity: 1, on: '2026-02-04', sessionId: twice, recordedBy: nurseB.id });
    await seedMovement(ds, org, { lotId: a2, type: 'used', quantity: 1, on: '2026-02-05', sessionId: await sessionBy(nurseB.id, '2026-02-05'), recordedBy: nurseB.id });
    await seedMovement(ds, org, { lotId: a1, type: 'wasted', quantity: 2, on: '2026-02-10', reason: 'dropped', recordedBy: nurseA.id });
    await seedMovement(ds, org, { lotId: a1, type: 'wasted', quantity: 1, on: '2026-02-11', reason: 'contaminated', recordedBy: nurseB.id });
    await seedMovement(ds, org, { lotId: a2, type: 'wasted', quantity: 1, on: '2026-04-02', reason: 'expired' });
    await seedMovement(ds, org, { lotId: a1, type: 'used', quantity: 1, on: '2026-08-01', sessionId: await sessionBy(nurseA.id, '2026-08-01'), recordedBy: nurseA.id });
    // Expiring within 60 days, with stock: listed below the rows.
    const soon = await createProduct(org.client, { name: 'SkinPen cartridge 12-pin' });
    const soonLot = await seedLot(ds, org, soon.id, 'SOON1', daysFromToday(30));
    await seedMovement(ds, org, { lotId: soonLot, type: 'received', quantity: 4, on: '2025-12-01' });

    const other = await signedInOrganization(app, 'owner');
    const otherProduct = await createProduct(other.client);
    const otherLot = await seedLot(ds, other, otherProduct.id, 'X1', '2099-06-30');
    await seedMovement(ds, other, { lotId: otherLot, type: 'received', quantity: 50, on: '2026-01-05' });
    return { org, product, a1, a2, soonLot, nurseA, nurseB };
  }

  const range = 'from=2026-01-01&to=2026-06-30';

  it('sums the ledger per product, per lot and per practitioner, exactly', async () => {
    const { org, product, a1, a2, soonLot, nurseA, nurseB } = await seededClinic();
    const noWaste = { dropped: 0, packaging_damaged: 0, contaminated: 0, expired: 0, other: 0 };

    const byProduct = await org.client.get(`/api/reports/cartridges?groupBy=product&${range}`);
    expect(byProduct.status).toBe(200);
    const productRow = byProduct.body.rows.find((r: { key: string }) => r.key === product.id);
    expect(productRow).toEqual({
      key: product.id,
      label: 'SkinPen cartridge 14-pin',
      received: 25,
      used: 6,
      wasted: 4,
      wastedByReason: { ...noWaste, dropped: 2, contaminated: 1, expired: 1 },
      expiredUnused: 3,
      onHand: 25,
      wastePercent: 40,
      sessions: 5,
      cartridgesPerSession: 1.2,
    });
    expect(byProduct.body.rows.map((r: { label: string }) => r.label)).not.toContain('Hyaluronic serum');
    expect(byProduct.body.expiringSoon).toEqual([{ lotId: soonLot, lotNumber: 'SOON1', productName: 'SkinPen cartridge 12-pin', expiresOn: daysFromToday(30), onHand: 4 }]);

    const byLot = await org.client.get(`/api/reports/cartridges?groupBy=lot&${range}`);
    const lot = (id: string) => byLot.body.rows.find((r: { key: string }) => r.key === id);
    expect(lot(a1)).toMatchObject({ label: 'A1 · SkinPen cartridge 14-pin', received: 20, used: 5, wasted: 3, expiredUnused: 0, onHand: 22, sessions: 4, cartridgesPerSession: 1.25, wastePercent: 37.5 });
    expect(lot(a2)).toMatchObject({ received: 5, used: 1, wasted: 1, expiredUnused: 3, onHand: 3, sessions: 1, wastePercent: 50 });

    const byPractitioner = await org.client.get(`/api/reports/cartridges?groupBy=practitioner&${range}`);
    const who = (id: string) => byPractitioner.body.rows.find((r: { key: string }) => r.key === id);
    expect(who(nurseA.id)).toEqual({
      key: nurseA.id,
      label: 'Nurse Avery',
      received: null,
      used: 3,
      wasted: 2,
      wastedByReason: { ...noWaste, dropped: 2 },
      expiredUnused: null,
      onHand: null,
      wastePercent: 40,
      sessions: 3,
      cartridgesPerSession: 1,
    });
    expect(who(nurseB.id)).toMatchObject({ used: 3, wasted: 1, sessions: 2, cartridgesPerSession: 1.5 });
    expect(who(org.staffMember.id)).toMatchObject({ used: 0, wasted: 1, wastedByReason: { ...noWaste, expired: 1 }, cartridgesPerSession: null });

    const onlyB = await org.client.get(`/api/reports/cartridges?groupBy=product&${range}&practitionerId=${nurseB.id}`);
    expect(onlyB.body.rows.find((r: { key: string }) => r.key === product.id)).toMatchObject({ used: 3, wasted: 1, sessions: 2 });
  });

  it('answers a spreadsheet of the same rows', async () => {
    const { org } = await seededClinic();
    const csv = await org.client.get(`/api/reports/cartridges?groupBy=lot&${range}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('cartridges-by-lot_2026-01-01_2026-06-30.csv');
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.find((r) => r.Lot === 'A1 · SkinPen cartridge 14-pin')).toMatchObject({ Received: '20', Used: '5', Wasted: '3', 'Wasted: dropped': '2', 'On hand': '22', 'Cartridges per session': '1.25' });
  });

  it('sums the ledger per calendar month of the range, empty months as zeros, in order', async () => {
    const { org } = await seededClinic();
    const noWaste = { dropped: 0, packaging_damaged: 0, contaminated: 0, expired: 0, other: 0 };
    const zero = { received: 0, used: 0, wasted: 0, wastedByReason: noWaste, expiredUnused: null, onHand: null, wastePercent: null, sessions: 0, cartridgesPerSession: null };
    const byMonth = await org.client.get(`/api/reports/cartridges?groupBy=month&${range}`);
    expect(byMonth.status).toBe(200);
    expect(byMonth.body.rows).toEqual([
      // The December receipts are before the range, the August use after it.
      { ...zero, key: '2026-01', label: 'Jan 2026', received: 25 },
      { ...zero, key: '2026-02', label: 'Feb 2026', used: 6, wasted: 3, wastedByReason: { ...noWaste, dropped: 2, contaminated: 1 }, wastePercent: 33.3, sessions: 5, cartridgesPerSession: 1.2 },
      { ...zero, key: '2026-03', label: 'Mar 2026' },
      { ...zero, key: '2026-04', label: 'Apr 2026', wasted: 1, wastedByReason: { ...noWaste, expired: 1 }, wastePercent: 100 },
      { ...zero, key: '2026-05', label: 'May 2026' },
      { ...zero, key: '2026-06', label: 'Jun 2026' },
    ]);

    // A range from mid-January to early February: two months, cut at the range's days.
    const across = await org.client.get('/api/reports/cartridges?groupBy=month&from=2026-01-10&to=2026-02-03');
    expect(across.body.rows.map((r: { key: string; used: number; received: number }) => [r.key, r.received, r.used])).toEqual([
      ['2026-01', 0, 0],
      ['2026-02', 0, 3],
    ]);

    const csv = await org.client.get(`/api/reports/cartridges?groupBy=month&${range}&format=csv`);
    expect(csv.headers.get('content-disposition')).toContain('cartridges-by-month_2026-01-01_2026-06-30.csv');
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.Month)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026']);
    expect(parsed.data[1]).toMatchObject({ Used: '6', Wasted: '3', 'Waste %': '33.3', Sessions: '5' });
  });

  it('refuses an unknown grouping and lets front desk read it (operations) but not outcomes', async () => {
    const frontDesk = await signedInOrganization(app, 'front_desk');
    const bad = await frontDesk.client.get(`/api/reports/cartridges?groupBy=colour&${range}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('groupBy');
    expect((await frontDesk.client.get(`/api/reports/cartridges?groupBy=product&${range}`)).status).toBe(200);
    const aesthetician = await signedInOrganization(app, 'aesthetician');
    expect((await aesthetician.client.get(`/api/reports/cartridges?groupBy=product&${range}`)).status).toBe(403);
  });
});
