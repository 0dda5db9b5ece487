import Papa from 'papaparse';
import { newPatient, signedInOrganization } from '../../test/factories';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * The appointments report recomputed by hand (issue 17) for the week of Monday 2026-03-02 to Sunday 2026-03-08 in New
 * York (clocks go forward on the Sunday: a 10:00–14:00 block is still 240 minutes).
 * Avery works Monday–Friday 09:00–17:00 (2,400 min) minus Wednesday afternoon off (240): 2,160 minutes. Blake works
 * Saturday and Sunday 10:00–14:00: 480 minutes, and has nothing booked.
 */
describe('GET /api/reports/appointments', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  async function seededWeek() {
    const org = await signedInOrganization(app, 'owner');
    const ds = app.dataSource;
    const avery = await newPractitioner(ds, org.client, org.organization.id, org.location.id, { weekdays: [1, 2, 3, 4, 5] });
    await ds.query(`UPDATE staff_members SET name = 'Avery Nurse' WHERE id = $1`, [avery.id]);
    const blake = await newPractitioner(ds, org.client, org.organization.id, org.location.id, { weekdays: [6, 7], start: '10:00', end: '14:00' });
    await ds.query(`UPDATE staff_members SET name = 'Blake Nurse' WHERE id = $1`, [blake.id]);
    const off = await org.client.post(`/api/staff/${avery.id}/time-off`, { startsAt: '2026-03-04T13:00:00-05:00', endsAt: '2026-03-04T17:00:00-05:00', reason: 'Training' });
    expect(off.status).toBe(201);
    const needling = await newService(org.client, { name: 'Medical needling' });
    const consult = await newService(org.client, { name: 'Consultation', procedureKind: 'consultation', consentKinds: [] });
    const room = await newRoom(org.client, org.location.id, 'Room 1');
    const patient = await newPatient(ds, org.organization.id);
    const book = async (a: { startsAt: string; endsAt: string; status?: string; serviceId?: string; late?: boolean; cancelledBy?: string; source?: string }) => {
      const held = a.status === 'held';
      await ds.query(
        `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until,
                                   status, cancel_reason, cancelled_by, late_cancellation, source, hold_expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, $13, $14)`,
        [
          org.organization.id,
          org.location.id,
          held ? null : patient.id,
          a.serviceId ?? needling.id,
          avery.id,
          room.id,
          a.startsAt,
          a.endsAt,
          a.status ?? 'completed',
          a.status === 'cancelled' ? 'Seeded cancellation' : null,
          a.cancelledBy ?? null,
          a.late ?? false,
          held ? 'online' : (a.source ?? 'staff'),
          held ? '2026-03-05T15:10:00Z' : null,
        ],
      );
    };
    await book({ startsAt: '2026-03-02T09:00:00-05:00', endsAt: '2026-03-02T10:00:00-05:00' });
    await book({ startsAt: '2026-03-02T10:00:00-05:00', endsAt: '2026-03-02T11:00:00-05:00', status: 'no_show' });
    await book({ startsAt: '2026-03-03T09:00:00-05:00', endsAt: '2026-03-03T10:00:00-05:00', status: 'cancelled', cancelledBy: 'patient', late: true });
    await book({ startsAt: '2026-03-03T11:00:00-05:00', endsAt: '2026-03-03T11:30:00-05:00', status: 'cancelled', cancelledBy: 'clinic' });
    await book({ startsAt: '2026-03-04T09:00:00-05:00', endsAt: '2026-03-04T10:30:00-05:00', serviceId: consult.id, source: 'online' });
    await book({ startsAt: '2026-03-05T09:00:00-05:00', endsAt: '2026-03-05T10:00:00-05:00', status: 'booked' });
    // Sunday evening in New York is already Monday in UTC: it belongs to Sunday (EDT from that morning: -04:00).
    await book({ startsAt: '2026-03-08T20:00:00-04:00', endsAt: '2026-03-08T20:30:00-04:00' });
    // Not in the week: Sunday before (Monday in UTC), Monday after; an online hold is not an appointment.
    await book({ startsAt: '2026-03-01T23:30:00-05:00', endsAt: '2026-03-01T23:45:00-05:00' });
    await book({ startsAt: '2026-03-09T09:00:00-04:00', endsAt: '2026-03-09T10:00:00-04:00' });
    await book({ startsAt: '2026-03-05T11:00:00-05:00', endsAt: '2026-03-05T12:00:00-05:00', status: 'held' });
    return { org, avery, blake, needling, consult };
  }

  const week = 'from=2026-03-02&to=2026-03-08';

  it('counts per practitioner with working time from hours minus time off, exactly', async () => {
    const { org, avery, blake } = await seededWeek();
    const response = await org.client.get(`/api/reports/appointments?groupBy=practitioner&${week}`);
    expect(response.status).toBe(200);
    expect(response.body.rows).toEqual([
      {
        key: avery.id,
        label: 'Avery Nurse',
        booked: 7,
        completed: 3,
        cancelled: 2,
        lateCancelled: 1,
        noShows: 1,
        noShowPercent: 25,
        bookedMinutes: 300,
        availableMinutes: 2160,
        utilisationPercent: 13.9,
        onlineBooked: 1,
      },
      {
        key: blake.id,
        label: 'Blake Nurse',
        booked: 0,
        completed: 0,
        cancelled: 0,
        lateCancelled: 0,
        noShows: 0,
        noShowPercent: null,
        bookedMinutes: 0,
        availableMinutes: 480,
        utilisationPercent: 0,
        onlineBooked: 0,
      },
    ]);
    expect(response.body.total).toMatchObject({ booked: 7, bookedMinutes: 300, availableMinutes: 2640, utilisationPercent: 11.4 });
  });

  it('groups by weekday in the location’s zone, and by service without hours of its own', async () => {
    const { org, needling, consult } = await seededWeek();
    const byWeekday = await org.client.get(`/api/reports/appointments?groupBy=weekday&${week}`);
    const day = (n: number) => byWeekday.body.rows[n - 1];
    expect(byWeekday.body.rows.map((r: { label: string }) => r.label)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(day(1)).toMatchObject({ booked: 2, bookedMinutes: 120, availableMinutes: 480, utilisationPercent: 25 });
    expect(day(3)).toMatchObject({ booked: 1, bookedMinutes: 90, availableMinutes: 240, utilisationPercent: 37.5, onlineBooked: 1 });
    expect(day(6)).toMatchObject({ booked: 0, availableMinutes: 240 });
    expect(day(7)).toMatchObject({ booked: 1, bookedMinutes: 30, availableMinutes: 240, utilisationPercent: 12.5 });

    const byService = await org.client.get(`/api/reports/appointments?groupBy=service&${week}`);
    const service = (id: string) => byService.body.rows.find((r: { key: string }) => r.key === id);
    expect(service(needling.id)).toMatchObject({ label: 'Medical needling', booked: 6, availableMinutes: null, utilisationPercent: null });
    expect(service(consult.id)).toMatchObject({ label: 'Consultation', booked: 1, bookedMinutes: 90, onlineBooked: 1 });

    const csv = await org.client.get(`/api/reports/appointments?groupBy=weekday&${week}&format=csv`);
    expect(csv.headers.get('content-disposition')).toContain('appointments-by-weekday_2026-03-02_2026-03-08.csv');
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.Weekday)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Total']);
    expect(parsed.data[7]).toMatchObject({ Booked: '7', 'Available minutes': '2640', 'Utilisation %': '11.4' });
  });

  it('refuses a range of more than three years, naming to', async () => {
    const org = await signedInOrganization(app, 'owner');
    const tooLong = await org.client.get('/api/reports/appointments?groupBy=room&from=2020-01-01&to=2026-01-01');
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('to');
  });
});
