import { addDays } from '@skinledger/domain';
import Papa from 'papaparse';
import { newPatient, newStaffMember, signedInOrganization, signIn } from '../../test/factories';
import { createProduct } from '../../test/inventory-factories';
import { seedDevice, seedLot, seedMovement, seedSession, type ReportOrg } from '../../test/report-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { chair, credential, giveConsents, NEW_YORK_TODAY, walkIn } from '../../test/treatment-factories';

/**
 * The safety report recomputed by hand (issue 17). Range 2026-01-01 … 2026-06-30, four signed sessions:
 * S1 0.25 mm (pen D1, lot L1), S2 1.0 mm (D1, L1, keloid history acknowledged), S3 1.0 mm (D2, L2), S4 2.5 mm (D2, L2,
 * past the zone maximum with a reason). Adverse events: erythema after S2 and S3, infection after S3. An unsigned
 * session's event and an August session's event do not count.
 */
describe('GET /api/reports/safety', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  async function adverseEvent(org: ReportOrg, sessionId: string, patientId: string, type: string, onsetOn: string) {
    await app.dataSource.query(
      `INSERT INTO adverse_events (organization_id, session_id, patient_id, type, onset_on, description, outcome, recorded_by)
       VALUES ($1, $2, $3, $4, $5, 'Seeded', 'resolved', $6)`,
      [org.organization.id, sessionId, patientId, type, onsetOn, org.staffMember.id],
    );
  }

  it('gives adverse events per 100 sessions by type, depth band, lot and pen, and the overrides with who and why', async () => {
    const org = await signedInOrganization(app, 'owner');
    const ds = app.dataSource;
    const nurse = await newStaffMember(ds, org.organization.id, { role: 'nurse', name: 'Nurse Quinn' });
    const patient = await newPatient(ds, org.organization.id);
    const d1 = await seedDevice(ds, org);
    const d2 = await seedDevice(ds, org);
    const product = await createProduct(org.client, { name: 'SkinPen cartridge 14-pin' });
    const l1 = await seedLot(ds, org, product.id, 'L1', '2027-06-30');
    const l2 = await seedLot(ds, org, product.id, 'L2', '2027-06-30');
    for (const lotId of [l1, l2]) await seedMovement(ds, org, { lotId, type: 'received', quantity: 10, on: '2025-12-01' });
    const session = async (depthMm: number, deviceId: string, lotId: string, on: string, extra: Partial<Parameters<typeof seedSession>[2]> = {}) => {
      return seedSession(ds, org, { patientId: patient.id, deviceId, depthMm, on, practitionerId: nurse.id, cartridgeLotIds: [lotId], ...extra });
    };
    await session(0.25, d1, l1, '2026-02-01');
    const s2 = await session(1.0, d1, l1, '2026-03-01', { acknowledgements: [{ code: 'keloid_history', reason: 'Keloid on the back only' }] });
    const s3 = await session(1.0, d2, l2, '2026-04-01');
    await session(2.5, d2, l2, '2026-05-01', { overrideReason: 'Deep boxcar scars; physician approved' });
    await adverseEvent(org, s2, patient.id, 'erythema', '2026-03-02');
    await adverseEvent(org, s3, patient.id, 'erythema', '2026-04-02');
    await adverseEvent(org, s3, patient.id, 'infection', '2026-04-05');
    const unsigned = await seedSession(ds, org, { patientId: patient.id, deviceId: d1, depthMm: 1, on: '2026-05-02', signed: false });
    await adverseEvent(org, unsigned, patient.id, 'pain', '2026-05-02');
    const august = await session(1.0, d1, l1, '2026-08-01');
    await adverseEvent(org, august, patient.id, 'pain', '2026-08-02');

    const response = await org.client.get('/api/reports/safety?from=2026-01-01&to=2026-06-30');
    expect(response.status).toBe(200);
    const r = response.body;
    expect(r).toMatchObject({ sessions: 4, adverseEvents: 3, adverseEventsPer100Sessions: 75, preflightRefusals: 0, overrideCount: 2 });
    expect(r.byType).toEqual([
      { key: 'erythema', label: 'Erythema (prolonged redness)', sessions: 4, adverseEvents: 2, per100Sessions: 50 },
      { key: 'infection', label: 'Infection', sessions: 4, adverseEvents: 1, per100Sessions: 25 },
    ]);
    expect(r.byDepthBand.map((b: { key: string; sessions: number; adverseEvents: number; per100Sessions: number | null }) => [b.key, b.sessions, b.adverseEvents, b.per100Sessions])).toEqual([
      ['<0.5', 1, 0, 0],
      ['0.5–1.0', 0, 0, null],
      ['1.0–1.5', 2, 3, 150],
      ['1.5–2.0', 0, 0, null],
      ['2.0–2.5', 1, 0, 0],
    ]);
    expect(r.byLot).toEqual([
      { key: l2, label: 'L2 · SkinPen cartridge 14-pin', sessions: 2, adverseEvents: 2, per100Sessions: 100 },
      { key: l1, label: 'L1 · SkinPen cartridge 14-pin', sessions: 2, adverseEvents: 1, per100Sessions: 50 },
    ]);
    expect(r.byDevice.map((d: { key: string; sessions: number; adverseEvents: number }) => [d.key, d.sessions, d.adverseEvents])).toEqual([
      [d2, 2, 2],
      [d1, 2, 1],
    ]);
    expect(r.overrides).toEqual([
      { kind: 'depth', sessionId: expect.any(String), performedOn: '2026-05-01', practitionerName: 'Nurse Quinn', subject: 'cheeks', depthMm: 2.5, reason: 'Deep boxcar scars; physician approved' },
      { kind: 'contraindication', sessionId: s2, performedOn: '2026-03-01', practitionerName: 'Nurse Quinn', subject: 'keloid_history', depthMm: null, reason: 'Keloid on the back only' },
    ]);
    expect(JSON.stringify(r)).not.toContain(patient.lastName);

    const csv = await org.client.get('/api/reports/safety?from=2026-01-01&to=2026-06-30&format=csv');
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.find((row) => row.Section === 'By depth band' && row.Key === '1.0–1.5')).toMatchObject({ Sessions: '2', 'Adverse events': '3', 'Per 100 sessions': '150' });
  });

  it('records every refused session start, kept although the request is refused, and counts it by reason', async () => {
    const c = await chair(app);
    const aesthetician = await newStaffMember(app.dataSource, c.organization.id, { role: 'aesthetician', defaultLocationId: c.location.id });
    await credential(app.dataSource, c.organization.id, aesthetician.id, 'licensed_aesthetician');
    const client = await signIn(app, aesthetician.email);
    await giveConsents(app, c, ['cosmetic_needling', 'medical_needling']);
    const deep = await client.post('/api/treatment-sessions', walkIn(c, { zones: [{ zone: 'forehead', depthMm: 0.5, passes: 2 }] }));
    expect(deep.status).toBe(422);
    const [sessions] = await app.dataSource.query(`SELECT count(*)::int AS n FROM treatment_sessions WHERE organization_id = $1`, [c.organization.id]);
    expect(sessions.n).toBe(0);
    const refusals = await app.dataSource.query(`SELECT patient_id, practitioner_id, codes, reasons FROM preflight_refusals WHERE organization_id = $1`, [c.organization.id]);
    expect(refusals).toEqual([
      expect.objectContaining({ patient_id: c.patient.id, practitioner_id: aesthetician.id, codes: expect.arrayContaining(['zone-above-practitioner-max']) }),
    ]);
    // Append-only, like every clinical fact.
    await expect(app.dataSource.query(`UPDATE preflight_refusals SET codes = '{x}' WHERE organization_id = $1`, [c.organization.id])).rejects.toThrow();

    const today = NEW_YORK_TODAY();
    const report = await c.owner.get(`/api/reports/safety?from=${addDays(today, -1)}&to=${addDays(today, 1)}`);
    expect(report.status).toBe(200);
    expect(report.body.preflightRefusals).toBe(1);
    expect(report.body.refusalsByReason).toContainEqual({ code: 'zone-above-practitioner-max', refusals: 1 });
    // An aesthetician reads neither clinical report.
    expect((await client.get(`/api/reports/safety?from=${today}&to=${today}`)).status).toBe(403);
  });
});
