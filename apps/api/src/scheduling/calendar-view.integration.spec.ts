import { newLocation, newPatient, newStaffMember, signIn, signedInOrganization } from '../../test/factories';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { StatementCounter } from '../../test/statement-counter';
import { createTestApp, type TestApp } from '../../test/test-app';
import { readRunState } from '../../test/test-database';

/**
 * GET /api/schedule: the calendar's first paint in one request — who works at the location (hours, time off,
 * licences), the rooms and the appointments — in one statement (with the request's own, at most five).
 */
describe('the calendar view of a day or week', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  let nurse: { id: string; name: string };
  let aesthetician: { id: string; name: string };
  let roomA: string;
  let appointmentId: string;
  // Monday 3 May 2027 in New York (EDT, UTC-4).
  const DAY = { from: '2027-05-03T04:00:00.000Z', to: '2027-05-04T04:00:00.000Z' };

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'owner');
    nurse = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '09:00', end: '17:00' });
    aesthetician = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { licenceType: 'licensed_aesthetician', start: '12:00', end: '20:00' });
    // Works only at another location of the clinic, and a front-desk colleague: neither is a column here.
    const elsewhere = await newLocation(app.dataSource, org.organization.id, { name: 'Uptown' });
    await newPractitioner(app.dataSource, org.client, org.organization.id, elsewhere.id);
    await newStaffMember(app.dataSource, org.organization.id, { role: 'front_desk' });
    // The nurse is at the dentist 13:00–14:30.
    const off = await org.client.post(`/api/staff/${nurse.id}/time-off`, { startsAt: '2027-05-03T17:00:00Z', endsAt: '2027-05-03T18:30:00Z', reason: 'Dentist' });
    expect(off.status).toBe(201);
    roomA = (await newRoom(org.client, org.location.id, 'Room A')).id;
    await newRoom(org.client, org.location.id, 'Room B');
    const consult = await newService(org.client, { procedureKind: 'consultation', durationMin: 30, bufferMin: 0, consentKinds: [] });
    const patient = await newPatient(app.dataSource, org.organization.id, { firstName: 'Isabella', lastName: 'Fontaine-Ricci' });
    const booked = await org.client.post('/api/appointments', {
      patientId: patient.id,
      serviceId: consult.id,
      practitionerId: nurse.id,
      roomId: roomA,
      locationId: org.location.id,
      startsAt: '2027-05-03T14:00:00Z',
    });
    expect(booked.status).toBe(201);
    appointmentId = booked.body.id;
  });
  afterAll(async () => app.close());

  const schedule = (client = org.client, range = DAY, locationId = org.location.id) =>
    client.get(`/api/schedule?locationId=${locationId}&from=${range.from}&to=${range.to}`);

  it('gives the front desk the columns, their bookable time, time off, rooms and appointments at once', async () => {
    const frontDesk = await newStaffMember(app.dataSource, org.organization.id, { role: 'front_desk', defaultLocationId: org.location.id });
    const response = await schedule(await signIn(app, frontDesk.email));
    expect(response.status).toBe(200);
    expect(response.body.timeZone).toBe('America/New_York');
    const byName = [nurse, aesthetician].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    expect(response.body.practitioners.map((p: { id: string }) => p.id)).toEqual(byName.map((p) => p.id));
    const columns = Object.fromEntries(response.body.practitioners.map((p: { id: string }) => [p.id, p]));
    // 09:00–17:00 local less the dentist 13:00–14:30.
    expect(columns[nurse.id]).toMatchObject({
      name: nurse.name,
      role: 'nurse',
      isActive: true,
      credentials: [{ licenceType: 'registered_nurse', expiresOn: '2099-12-31' }],
      working: [
        { startsAt: '2027-05-03T13:00:00.000Z', endsAt: '2027-05-03T17:00:00.000Z' },
        { startsAt: '2027-05-03T18:30:00.000Z', endsAt: '2027-05-03T21:00:00.000Z' },
      ],
      timeOff: [{ startsAt: '2027-05-03T17:00:00.000Z', endsAt: '2027-05-03T18:30:00.000Z', reason: 'Dentist' }],
    });
    expect(columns[aesthetician.id]).toMatchObject({
      credentials: [{ licenceType: 'licensed_aesthetician' }],
      working: [{ startsAt: '2027-05-03T16:00:00.000Z', endsAt: '2027-05-04T00:00:00.000Z' }],
      timeOff: [],
    });
    expect(response.body.rooms.map((r: { name: string }) => r.name)).toEqual(['Room A', 'Room B']);
    expect(response.body.appointments).toEqual([
      expect.objectContaining({ id: appointmentId, patientName: 'Isabella Fontaine-Ricci', practitionerId: nurse.id, roomName: 'Room A', startsAt: '2027-05-03T14:00:00.000Z' }),
    ]);
  });

  it('covers a week, and refuses a bad or too long window naming the field', async () => {
    const week = await schedule(org.client, { from: '2027-05-03T04:00:00.000Z', to: '2027-05-10T04:00:00.000Z' });
    expect(week.status).toBe(200);
    const nurseWeek = week.body.practitioners.find((p: { id: string }) => p.id === nurse.id);
    expect(nurseWeek.working).toHaveLength(8); // seven days, Monday split by the time off
    const tooLong = await schedule(org.client, { from: '2027-05-03T04:00:00.000Z', to: '2027-05-25T04:00:00.000Z' });
    expect([tooLong.status, tooLong.body.errors[0].field]).toEqual([400, 'to']);
    const backwards = await schedule(org.client, { from: DAY.to, to: DAY.from });
    expect([backwards.status, backwards.body.errors[0].field]).toEqual([400, 'to']);
    const bad = await org.client.get(`/api/schedule?locationId=nope&from=x&to=${DAY.to}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'locationId']);
  });

  it("never shows another clinic's location, staff or appointments", async () => {
    const other = await signedInOrganization(app, 'owner');
    await newPractitioner(app.dataSource, other.client, other.organization.id, other.location.id);
    // Another organization's location reads as unknown.
    const foreign = await schedule(org.client, DAY, other.location.id);
    expect([foreign.status, foreign.body.errors?.[0].field]).toEqual([400, 'locationId']);
    const own = await schedule(other.client, DAY, other.location.id);
    expect(own.status).toBe(200);
    expect(own.body.practitioners.some((p: { id: string }) => p.id === nurse.id || p.id === aesthetician.id)).toBe(false);
    expect(own.body.appointments).toEqual([]);
    expect(own.body.rooms).toEqual([]);
  });

  it('takes the same few statements for a day or a week, two practitioners or ten, and fewer than the calls it replaces', async () => {
    const counter = new StatementCounter(readRunState().appRole.name).start();
    try {
      const count = async (work: () => Promise<unknown>) => (await counter.during(work)).count;
      const day = await counter.during(() => schedule());
      const week = await count(() => schedule(org.client, { from: '2027-05-03T04:00:00.000Z', to: '2027-05-10T04:00:00.000Z' }));
      const replaced = await count(async () => {
        await org.client.get(`/api/appointments?locationId=${org.location.id}&from=${DAY.from}&to=${DAY.to}`);
        await org.client.get('/api/staff');
        await org.client.get(`/api/rooms?locationId=${org.location.id}`);
        for (const p of [nurse, aesthetician]) await org.client.get(`/api/staff/${p.id}/working-hours`);
      });
      // Ten columns, in a clinic of its own (the other tests count this one's columns).
      const bigger = await signedInOrganization(app, 'owner');
      for (let i = 0; i < 10; i++) await newPractitioner(app.dataSource, bigger.client, bigger.organization.id, bigger.location.id);
      const tenColumns = await counter.during(() => schedule(bigger.client, DAY, bigger.location.id));
      expect(tenColumns.result.body.practitioners).toHaveLength(10);
      process.stdout.write(`GET /api/schedule: ${day.count} statements (a week ${week}, ten columns ${tenColumns.count}); the five calls it replaces: ${replaced}\n`);
      expect([week, tenColumns.count]).toEqual([day.count, day.count]);
      // Begin, the sign-in check, the one read, commit.
      expect(day.count).toBeLessThanOrEqual(5);
      expect(day.count).toBeLessThan(replaced);
    } finally {
      counter.stop();
    }
  });
});
