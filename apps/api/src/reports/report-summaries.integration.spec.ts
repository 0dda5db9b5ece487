import type { DataSource } from 'typeorm';
import { newPatient, newStaffMember, signedInOrganization } from '../../test/factories';
import { seedDevice, seedLot, seedMovement, seedScores, seedSession } from '../../test/report-factories';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createProduct } from '../../test/inventory-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * The summaries the reports read at full size (issue 17) are kept by triggers in the transactions that write the facts.
 * Whatever is written — booked, moved, cancelled, marked, concurrently — the kept rows must equal a recount from the
 * facts (each owner's recount function, run here inside a transaction that is rolled back).
 */
describe('report summaries kept as the facts are written', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  /** The clinic's rows of a summary, as kept and as recounted from scratch. */
  async function keptAndRecounted(ds: DataSource, recount: string, rowsSql: string, organizationId: string): Promise<{ kept: unknown[]; recounted: unknown[] }> {
    const kept = await ds.query(rowsSql, [organizationId]);
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SELECT ${recount}()`);
      const recounted = await runner.query(rowsSql, [organizationId]);
      await runner.rollbackTransaction();
      return { kept, recounted };
    } finally {
      await runner.release();
    }
  }

  const appointmentRows = `
    SELECT location_id, local_date::text, practitioner_id, dimension, dimension_id, local_hour, booked, completed, cancelled, late_cancelled,
           no_shows, online_booked, booked_minutes::float8 AS booked_minutes
      FROM appointment_day_counts
     WHERE organization_id = $1 AND (booked, completed, cancelled, late_cancelled, no_shows, online_booked, booked_minutes) <> (0, 0, 0, 0, 0, 0, 0)
     ORDER BY 1, 2, 3, 4, 5, 6`;

  it('keeps the appointment day counts through booking, moving, cancelling, marking and concurrent bookings', async () => {
    const org = await signedInOrganization(app, 'owner');
    const ds = app.dataSource;
    const nurse = await newPractitioner(ds, org.client, org.organization.id, org.location.id, { start: '00:00', end: '24:00' });
    const rooms = [await newRoom(org.client, org.location.id, 'Room 1'), await newRoom(org.client, org.location.id, 'Room 2')];
    const consult = await newService(org.client, { name: 'Consultation', procedureKind: 'consultation', consentKinds: [], durationMin: 45, bufferMin: 0 });
    const patient = await newPatient(ds, org.organization.id);
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const book = (hour: number, roomIndex = 0) =>
      org.client.post('/api/appointments', {
        patientId: patient.id,
        serviceId: consult.id,
        practitionerId: nurse.id,
        roomId: rooms[roomIndex].id,
        locationId: org.location.id,
        startsAt: `${day}T${String(hour).padStart(2, '0')}:30:00Z`,
      });

    // Ten bookings at once on one day: the same service, room and day rows are counted up concurrently.
    const concurrent = await Promise.all(Array.from({ length: 10 }, (_, i) => book(i + 1, i % 2)));
    expect(concurrent.map((r) => r.status)).toEqual(Array(10).fill(201));
    const [first, second, third, fourth] = concurrent.map((r) => r.body as { id: string });

    expect((await org.client.patch(`/api/appointments/${first.id}`, { startsAt: `${day}T15:00:00Z` })).status).toBe(200);
    expect((await org.client.patch(`/api/appointments/${second.id}`, { roomId: rooms[0].id })).status).toBe(200);
    expect((await org.client.patch(`/api/appointments/${third.id}`, { notes: 'Prefers mornings' })).status).toBe(200);
    expect((await org.client.post(`/api/appointments/${third.id}/cancel`, { reason: 'Travelling', cancelledBy: 'patient' })).status).toBe(200);
    await ds.query(`UPDATE appointments SET status = 'no_show' WHERE id = $1`, [fourth.id]);

    const { kept, recounted } = await keptAndRecounted(ds, 'recount_appointment_day_counts', appointmentRows, org.organization.id);
    expect(kept).toEqual(recounted);
    const hourRows = (kept as { dimension: string; booked: number; cancelled: number; no_shows: number; booked_minutes: number }[]).filter((r) => r.dimension === 'hour');
    expect(hourRows.reduce((n, r) => n + r.booked, 0)).toBe(10);
    expect(hourRows.reduce((n, r) => n + r.cancelled, 0)).toBe(1);
    expect(hourRows.reduce((n, r) => n + r.no_shows, 0)).toBe(1);
    // Nine of 45 minutes each (the cancelled one holds no time), spread over the clock hours they cover.
    expect(hourRows.reduce((n, r) => n + r.booked_minutes, 0)).toBe(9 * 45);

    // The early ones fall on the day before in the location's zone.
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const report = await org.client.get(`/api/reports/appointments?groupBy=practitioner&from=${dayBefore}&to=${day}`);
    expect(report.body.rows.find((r: { key: string }) => r.key === nurse.id)).toMatchObject({ booked: 10, cancelled: 1, noShows: 1, bookedMinutes: 405 });
  });

  it('counts the hour repeated on the autumn night twice, never a let-go online hold, and counts a location again in its new zone', async () => {
    const org = await signedInOrganization(app, 'owner');
    const ds = app.dataSource;
    // Three practitioners in three rooms: the appointments overlap in time.
    const nurses: { id: string }[] = [];
    const rooms: { id: string }[] = [];
    for (const n of [1, 2, 3]) {
      nurses.push(await newPractitioner(ds, org.client, org.organization.id, org.location.id));
      rooms.push(await newRoom(org.client, org.location.id, `Room ${n}`));
    }
    const consult = await newService(org.client, { name: 'Consultation', procedureKind: 'consultation', consentKinds: [] });
    const patient = await newPatient(ds, org.organization.id);
    let next = 0;
    const insert = (startsAt: string, endsAt: string, extra: { status?: string; patientId?: string | null; source?: string } = {}) => {
      const [nurse, room] = [nurses[next % 3], rooms[next % 3]];
      next += 1;
      return ds.query(
        `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until, status, source, hold_expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11) RETURNING id`,
        [org.organization.id, org.location.id, extra.patientId === undefined ? patient.id : extra.patientId, consult.id, nurse.id, room.id, startsAt, endsAt,
         extra.status ?? 'completed', extra.source ?? 'staff', extra.status === 'held' ? '2026-11-01T12:00:00Z' : null],
      );
    };
    // New York falls back at 02:00 EDT on 2026-11-01: 01:00–02:00 happens twice (05:00–06:00Z EDT, 06:00–07:00Z EST).
    await insert('2026-11-01T04:30:00Z', '2026-11-01T05:30:00Z'); // 00:30–01:30 EDT: 30 minutes in hour 0, 30 in hour 1
    await insert('2026-11-01T05:15:00Z', '2026-11-01T05:45:00Z'); // 01:15–01:45 EDT: 30 in hour 1
    await insert('2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z'); // 01:30 EDT–01:30 EST: 60 in hour 1 (30 in each)
    // An online hold, then let go (cancelled, still without a patient): never an appointment.
    const [hold] = await insert('2026-11-01T14:00:00Z', '2026-11-01T14:30:00Z', { status: 'held', patientId: null, source: 'online' });
    await ds.query(`UPDATE appointments SET status = 'cancelled', cancel_reason = 'Hold expired', cancelled_by = 'patient' WHERE id = $1`, [hold.id]);

    const hourRows = () =>
      ds.query(
        `SELECT local_date::text, local_hour, sum(booked)::int AS booked, sum(booked_minutes)::float8 AS minutes FROM appointment_day_counts
          WHERE organization_id = $1 AND dimension = 'hour' GROUP BY 1, 2 HAVING sum(booked) <> 0 OR sum(booked_minutes) <> 0 ORDER BY 1, 2`,
        [org.organization.id],
      );
    expect(await hourRows()).toEqual([
      { local_date: '2026-11-01', local_hour: 0, booked: 1, minutes: 30 },
      { local_date: '2026-11-01', local_hour: 1, booked: 2, minutes: 120 },
    ]);
    let { kept, recounted } = await keptAndRecounted(ds, 'recount_appointment_day_counts', appointmentRows, org.organization.id);
    expect(kept).toEqual(recounted);

    // The clinic's location was set up in the wrong zone: in Chicago (still CDT until 07:00Z) the same instants are an
    // hour earlier: 23:30–00:30, 00:15–00:45 and 00:30–01:30.
    expect((await org.client.patch(`/api/locations/${org.location.id}`, { timezone: 'America/Chicago' })).status).toBe(200);
    expect(await hourRows()).toEqual([
      { local_date: '2026-10-31', local_hour: 23, booked: 1, minutes: 30 },
      { local_date: '2026-11-01', local_hour: 0, booked: 2, minutes: 90 },
      { local_date: '2026-11-01', local_hour: 1, booked: 0, minutes: 30 },
    ]);
    ({ kept, recounted } = await keptAndRecounted(ds, 'recount_appointment_day_counts', appointmentRows, org.organization.id));
    expect(kept).toEqual(recounted);
  });

  it('keeps one course’s outcome summary right when its scores are recorded at the same moment', async () => {
    const org = await signedInOrganization(app, 'owner');
    const ds = app.dataSource;
    const patient = await newPatient(ds, org.organization.id);
    await Promise.all(Array.from({ length: 8 }, (_, i) => seedScores(ds, org, patient.id, 'goodman_baron_quantitative', [[`2026-0${1 + (i % 8)}-15`, 30 - i]])));
    const [summary] = await ds.query(`SELECT assessments, baseline_score::float8 AS baseline, last_score::float8 AS last FROM course_outcome_summaries WHERE patient_id = $1`, [patient.id]);
    expect(summary).toEqual({ assessments: 8, baseline: 30, last: 23 });
  });

  it('keeps course outcomes, course depths, lot days and the cartridge ledger days as sessions are charted and signed', async () => {
    const org = await signedInOrganization(app, 'owner');
    const ds = app.dataSource;
    const nurse = await newStaffMember(ds, org.organization.id, { role: 'nurse', name: 'Nurse Rowan' });
    const device = await seedDevice(ds, org);
    const product = await createProduct(org.client, { name: 'SkinPen cartridge 14-pin' });
    const lots = [await seedLot(ds, org, product.id, 'K1', '2027-06-30'), await seedLot(ds, org, product.id, 'K2', '2027-06-30')];
    for (const lotId of lots) await seedMovement(ds, org, { lotId, type: 'received', quantity: 20, on: '2026-01-02' });
    const patients = [await newPatient(ds, org.organization.id), await newPatient(ds, org.organization.id)];
    await Promise.all(
      patients.map(async (patient, i) => {
        await seedSession(ds, org, { patientId: patient.id, deviceId: device, depthMm: 0.5 + i, on: '2026-02-01', practitionerId: nurse.id, cartridgeLotIds: [lots[i]] });
        // A second cartridge mid-session (domain.md section 9), of both lots.
        await seedSession(ds, org, { patientId: patient.id, deviceId: device, depthMm: 1.5, on: '2026-03-01', practitionerId: nurse.id, cartridgeLotIds: lots });
        await seedScores(ds, org, patient.id, 'goodman_baron_quantitative', [['2026-02-01', 30], ['2026-03-01', 22], ['2026-04-01', 18 - i]]);
      }),
    );
    const open = await seedSession(ds, org, { patientId: patients[0].id, deviceId: device, depthMm: 2, on: '2026-04-02', practitionerId: nurse.id, cartridgeLotIds: [lots[0]], signed: false });
    await seedMovement(ds, org, { lotId: lots[1], type: 'wasted', quantity: 2, on: '2026-04-02', reason: 'dropped', recordedBy: nurse.id });

    const summaries: [string, string][] = [
      ['resummarise_treatment_reports', `SELECT scale, patient_id, course_key, baseline_score::float8, last_score::float8, last_on::text, assessments FROM course_outcome_summaries WHERE organization_id = $1 ORDER BY 1, 2, 3`],
      ['resummarise_treatment_reports', `SELECT patient_id, course_key, location_id, practitioner_id, indication, deepest_mm::float8, sessions FROM course_depth_summaries WHERE organization_id = $1 ORDER BY 1, 2, 3, 4, 5`],
      ['resummarise_treatment_reports', `SELECT performed_on::text, location_id, practitioner_id, lot_id, sessions FROM signed_session_lot_days WHERE organization_id = $1 ORDER BY 1, 2, 3, 4`],
      ['recount_cartridge_ledger_days', `SELECT occurred_on::text, location_id, lot_id, practitioner_id, type, reason, quantity, first_uses_of_lot, first_uses_of_product, first_uses FROM cartridge_ledger_days WHERE organization_id = $1 ORDER BY 1, 2, 3, 4, 5, 6`],
    ];
    for (const [recount, rowsSql] of summaries) {
      const { kept, recounted } = await keptAndRecounted(ds, recount, rowsSql, org.organization.id);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(recounted);
    }
    for (const table of ['course_outcome_summaries', 'course_depth_summaries', 'signed_session_lot_days', 'cartridge_ledger_days']) {
      await expect(ds.query(`UPDATE ${table} SET organization_id = organization_id WHERE organization_id = $1`, [org.organization.id])).rejects.toThrow(/kept by triggers/);
      await expect(ds.query(`DELETE FROM ${table} WHERE organization_id = $1`, [org.organization.id])).rejects.toThrow(/kept by triggers/);
    }
    // Two signed sessions per patient; the open one is not yet counted, though its cartridge is in the ledger.
    const [depths] = await ds.query(`SELECT sum(sessions)::int AS sessions, max(deepest_mm)::float8 AS deepest FROM course_depth_summaries WHERE organization_id = $1`, [org.organization.id]);
    expect(depths).toEqual({ sessions: 4, deepest: 1.5 });
    const [uses] = await ds.query(
      `SELECT sum(quantity)::int AS used, sum(first_uses)::int AS sessions, sum(first_uses_of_product)::int AS product_sessions FROM cartridge_ledger_days WHERE organization_id = $1 AND type = 'used'`,
      [org.organization.id],
    );
    expect(uses).toEqual({ used: 7, sessions: 5, product_sessions: 5 });

    // The ledger refuses a cartridge on a signed session: treatments counted its lots when it was signed.
    await ds.query(`UPDATE treatment_sessions SET status = 'signed', signed_by = practitioner_id, signed_at = now() WHERE id = $1`, [open]);
    await expect(seedMovement(ds, org, { lotId: lots[0], type: 'used', quantity: 1, on: '2026-04-02', sessionId: open, recordedBy: nurse.id })).rejects.toThrow(
      /stock_movements_use_open_session|is signed/,
    );
  });

  it('refuses a direct change to the appointment counts: only the triggers keep them', async () => {
    const org = await signedInOrganization(app, 'owner');
    await expect(
      app.dataSource.query(
        `INSERT INTO appointment_day_counts (organization_id, location_id, local_date, practitioner_id, dimension, local_hour, booked) VALUES ($1, $2, '2026-01-01', $3, 'hour', 9, 5)`,
        [org.organization.id, org.location.id, org.staffMember.id],
      ),
    ).rejects.toThrow(/kept by triggers/);
  });
});
