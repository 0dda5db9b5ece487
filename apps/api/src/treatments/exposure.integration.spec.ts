import { addDays } from '@skinledger/domain';
import { newStaffMember, signIn } from '../../test/factories';
import { receiveLot } from '../../test/inventory-factories';
import { StatementCounter } from '../../test/statement-counter';
import { createTestApp, type TestApp } from '../../test/test-app';
import { readRunState } from '../../test/test-database';
import { chair, giveConsents, NEW_YORK_TODAY, screenedPatient, walkIn } from '../../test/treatment-factories';

/** Recall support: every session that used a lot or a pen, with whom to call, and adverse events linked to them. */
describe('exposure and adverse events', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('lists every patient treated with a lot, and nobody else, as JSON and as CSV', async () => {
    const c = await chair(app, { lotQuantity: 10 });
    const { lot: otherLot } = await receiveLot(c.owner, { productId: c.product.id, locationId: c.location.id, quantity: 5 });
    const exposed = [c.patient, ...(await Promise.all([1, 2].map(() => screenedPatient(c.owner, app.dataSource, c.organization.id))))];
    const unexposed = await screenedPatient(c.owner, app.dataSource, c.organization.id);
    for (const p of [...exposed, unexposed]) await giveConsents(app, { ...c, patient: p }, ['cosmetic_needling']);
    for (const p of exposed) expect((await c.practitioner.post('/api/treatment-sessions', walkIn(c, { patientId: p.id }))).status).toBe(201);
    expect((await c.practitioner.post('/api/treatment-sessions', walkIn(c, { patientId: unexposed.id, cartridgeLotId: otherLot.id }))).status).toBe(201);

    const report = await c.owner.get(`/api/lots/${c.lot.id}/exposure`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ subject: { kind: 'lot', id: c.lot.id }, sessionCount: 3, patientCount: 3, adverseEventCount: 0 });
    expect(report.body.sessions.map((s: { mrn: string }) => s.mrn).sort()).toEqual(exposed.map((p) => p.mrn).sort());
    expect(report.body.sessions[0]).toMatchObject({
      performedOn: NEW_YORK_TODAY(),
      phone: '+12125550100',
      practitionerName: c.nurse.name,
      deviceSerialNumber: c.device.serialNumber,
      lotNumbers: [c.lot.lotNumber],
      cartridgesUsed: 1,
    });

    const csv = await c.owner.get(`/api/lots/${c.lot.id}/exposure?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment;');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toContain('"Patient","MRN","Date of birth","Phone","Email"');
    expect(lines).toHaveLength(4);
    for (const p of exposed) expect(csv.text).toContain(p.mrn);
    expect(csv.text).not.toContain(unexposed.mrn);

    // One read statement for the lot and its sessions, no savepoints; with the audit event's write, START and COMMIT
    // and the sign-in check, the route (JSON or CSV) stays within 5 statements once the audit write is one statement.
    const counter = new StatementCounter(readRunState().appRole.name).start();
    try {
      for (const path of [`/api/lots/${c.lot.id}/exposure`, `/api/lots/${c.lot.id}/exposure?format=csv`]) {
        const { result, count, statements } = await counter.during(() => c.owner.get(path));
        expect(result.status).toBe(200);
        expect(statements.filter((sql) => /session_exposure|session_cartridge_uses|lot_directory/.test(sql))).toHaveLength(1);
        expect(statements.filter((sql) => /SAVEPOINT/i.test(sql))).toEqual([]);
        const auditWrites = statements.filter((sql) => /audit_(events|chain_heads)/.test(sql)).length;
        expect(auditWrites).toBeGreaterThanOrEqual(1);
        expect(count - auditWrites + 1).toBeLessThanOrEqual(5);
      }
    } finally {
      counter.stop();
    }

    const device = await c.owner.get(`/api/devices/${c.device.id}/exposure`);
    expect(device.body.sessionCount).toBe(4);
    const audit = await c.owner.get(`/api/audit-events?action=exposure.listed`);
    expect(audit.body.total.count).toBeGreaterThanOrEqual(3);
  });

  it('shows adverse events on the exposure report and the patient timeline', async () => {
    const c = await chair(app);
    await giveConsents(app, c, ['cosmetic_needling']);
    const session = (await c.practitioner.post('/api/treatment-sessions', walkIn(c, { topicalProducts: [{ name: 'HA serum', lotNumber: 'S1' }] }))).body.session;
    const early = await c.practitioner.post(`/api/treatment-sessions/${session.id}/adverse-events`, {
      type: 'granulomatous_reaction',
      onsetOn: addDays(NEW_YORK_TODAY(), -1),
      description: 'Papules',
      outcome: 'ongoing',
    });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].field).toBe('onsetOn');
    const bad = await c.practitioner.post(`/api/treatment-sessions/${session.id}/adverse-events`, { type: 'zombie', onsetOn: NEW_YORK_TODAY(), description: 'x', outcome: 'gone' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['outcome', 'type']);

    const recorded = await c.practitioner.post(`/api/treatment-sessions/${session.id}/adverse-events`, {
      type: 'granulomatous_reaction',
      onsetOn: NEW_YORK_TODAY(),
      grade: 2,
      description: 'Papules on both cheeks',
      treatment: 'Topical steroid',
      outcome: 'ongoing',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ seriousness: 'persistent_or_serious', lotNumbers: [c.lot.lotNumber], topicalProducts: ['HA serum (lot S1)'] });

    const report = await c.owner.get(`/api/lots/${c.lot.id}/exposure`);
    expect(report.body.adverseEventCount).toBe(1);
    expect(report.body.sessions[0].adverseEvents).toEqual([expect.objectContaining({ type: 'granulomatous_reaction', grade: 2, outcome: 'ongoing' })]);
    expect((await c.owner.get(`/api/lots/${c.lot.id}/exposure?format=csv`)).text).toContain('granulomatous_reaction grade 2 (ongoing)');
    expect((await c.owner.get(`/api/devices/${c.device.id}/exposure`)).body.adverseEventCount).toBe(1);
    expect((await c.owner.get(`/api/patients/${c.patient.id}/adverse-events`)).body).toHaveLength(1);
    const timeline = await c.owner.get(`/api/patients/${c.patient.id}/timeline`);
    expect(JSON.stringify(timeline.body)).toContain('Adverse event: Granulomatous reaction, grade 2');
  });

  it('is for clinical staff only, and refuses a bad format', async () => {
    const c = await chair(app);
    const frontDesk = await signIn(app, (await newStaffMember(app.dataSource, c.organization.id, { role: 'front_desk' })).email);
    expect((await frontDesk.get(`/api/lots/${c.lot.id}/exposure`)).status).toBe(403);
    expect((await c.owner.get(`/api/lots/${c.lot.id}/exposure?format=xlsx`)).status).toBe(400);
    const empty = await c.owner.get(`/api/lots/${c.lot.id}/exposure`);
    expect(empty.body).toMatchObject({ sessionCount: 0, sessions: [] });
  });
});
