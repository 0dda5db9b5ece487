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
    return { org, avery, blake, needling, consult, book };
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

  it('gives every calendar month of a range across a month end, the empty one as zeros', async () => {
    const { org } = await seededWeek();
    // Monday 2026-02-23 to Sunday 2026-03-08. February: Avery 5 × 480, Blake Saturday 28th 240 = 2,640 minutes and
    // nothing booked. March: Blake Sunday 1st 240, then the week's 2,640 = 2,880; the week's 7 appointments and the
    // Sunday 1st 23:30 one (15 minutes, completed).
    const response = await org.client.get('/api/reports/appointments?groupBy=month&from=2026-02-23&to=2026-03-08');
    expect(response.status).toBe(200);
    expect(response.body.rows).toEqual([
      {
        key: '2026-02',
        label: 'Feb 2026',
        booked: 0,
        completed: 0,
        cancelled: 0,
        lateCancelled: 0,
        noShows: 0,
        noShowPercent: null,
        bookedMinutes: 0,
        availableMinutes: 2640,
        utilisationPercent: 0,
        onlineBooked: 0,
      },
      {
        key: '2026-03',
        label: 'Mar 2026',
        booked: 8,
        completed: 4,
        cancelled: 2,
        lateCancelled: 1,
        noShows: 1,
        noShowPercent: 20,
        bookedMinutes: 315,
        availableMinutes: 2880,
        utilisationPercent: 10.9,
        onlineBooked: 1,
      },
    ]);
    expect(response.body.total).toMatchObject({ booked: 8, bookedMinutes: 315, availableMinutes: 5520 });

    const csv = await org.client.get('/api/reports/appointments?groupBy=month&from=2026-02-23&to=2026-03-08&format=csv');
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => r.Month)).toEqual(['Feb 2026', 'Mar 2026', 'Total']);
  });

  it('lays out a heat map by weekday and local hour, across the change to summer time', async () => {
    const { org, book } = await seededWeek();
    // Friday 09:30–11:00: 30 minutes in the 09:00 hour, 60 in the 10:00 hour; it counts once, where it starts.
    await book({ startsAt: '2026-03-06T09:30:00-05:00', endsAt: '2026-03-06T11:00:00-05:00' });
    const response = await org.client.get(`/api/reports/appointments?groupBy=weekdayHour&${week}`);
    expect(response.status).toBe(200);
    const rows: { key: string; label: string }[] = response.body.rows;
    const cell = (key: string) => rows.find((r) => r.key === key);
    const hours = (weekday: number) => rows.filter((r) => r.key.startsWith(`${weekday}-`)).map((r) => r.key.slice(2));
    // Avery: Monday, Tuesday, Thursday, Friday 09–16, Wednesday 09–12 (afternoon off). Blake: 10–13 at the weekend,
    // on the wall clock also on the Sunday clocks went forward; Sunday 20:00 only because something was booked then.
    expect(hours(1)).toEqual(['09', '10', '11', '12', '13', '14', '15', '16']);
    expect(hours(3)).toEqual(['09', '10', '11', '12']);
    expect(hours(6)).toEqual(['10', '11', '12', '13']);
    expect(hours(7)).toEqual(['10', '11', '12', '13', '20']);
    expect(rows).toHaveLength(8 + 8 + 4 + 8 + 8 + 4 + 5);
    expect(cell('1-09')).toEqual({
      key: '1-09',
      label: 'Mon 09:00',
      booked: 1,
      completed: 1,
      cancelled: 0,
      lateCancelled: 0,
      noShows: 0,
      noShowPercent: 0,
      bookedMinutes: 60,
      availableMinutes: 60,
      utilisationPercent: 100,
      onlineBooked: 0,
    });
    expect(cell('1-10')).toMatchObject({ booked: 1, noShows: 1, noShowPercent: 100, bookedMinutes: 60, utilisationPercent: 100 });
    expect(cell('2-09')).toMatchObject({ booked: 1, cancelled: 1, lateCancelled: 1, bookedMinutes: 0, availableMinutes: 60, utilisationPercent: 0 });
    // The 90-minute consultation: counted at 09:00, its minutes 60 at 09:00 and 30 at 10:00.
    expect(cell('3-09')).toMatchObject({ booked: 1, onlineBooked: 1, bookedMinutes: 60, utilisationPercent: 100 });
    expect(cell('3-10')).toMatchObject({ booked: 0, bookedMinutes: 30, availableMinutes: 60, utilisationPercent: 50 });
    expect(cell('3-13')).toBeUndefined();
    expect(cell('5-09')).toMatchObject({ booked: 1, bookedMinutes: 30, utilisationPercent: 50 });
    expect(cell('5-10')).toMatchObject({ booked: 0, bookedMinutes: 60, utilisationPercent: 100 });
    expect(cell('6-10')).toMatchObject({ label: 'Sat 10:00', booked: 0, availableMinutes: 60, utilisationPercent: 0 });
    expect(cell('7-10')).toMatchObject({ label: 'Sun 10:00', availableMinutes: 60 });
    expect(cell('7-20')).toMatchObject({ label: 'Sun 20:00', booked: 1, bookedMinutes: 30, availableMinutes: 0, utilisationPercent: null });
    expect(response.body.total).toMatchObject({ booked: 8, bookedMinutes: 390, availableMinutes: 2640 });
    const cellMinutes = rows.reduce((sum, r) => sum + (r as unknown as { availableMinutes: number }).availableMinutes, 0);
    expect(cellMinutes).toBe(2640);

    const csv = await org.client.get(`/api/reports/appointments?groupBy=weekdayHour&${week}&format=csv`);
    expect(csv.headers.get('content-disposition')).toContain('appointments-by-weekdayHour_2026-03-02_2026-03-08.csv');
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.data[0]).toMatchObject({ 'Weekday and hour': 'Mon 09:00', Booked: '1', 'Available minutes': '60', 'Utilisation %': '100' });
  });

  it('refuses a range of more than three years, naming to', async () => {
    const org = await signedInOrganization(app, 'owner');
    const tooLong = await org.client.get('/api/reports/appointments?groupBy=room&from=2020-01-01&to=2026-01-01');
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('to');
  });
});
