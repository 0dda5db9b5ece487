import { newLocation, newPatient, signedInOrganization } from '../../test/factories';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { StatementCounter } from '../../test/statement-counter';
import { createTestApp, type TestApp } from '../../test/test-app';
import { readRunState } from '../../test/test-database';

/**
 * Issue 15: GET /api/availability reads its service, location, practitioners' hours, time off, licences, rooms and
 * bookings in ONE statement: with the request's own (BEGIN, the sign-in check, COMMIT) at most five, the same for one
 * practitioner or ten and for a day or a week. And the single statement still sees a practitioner's bookings at the
 * clinic's other locations.
 */
describe('availability in a constant number of statements', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  let counter: StatementCounter;
  let serviceId: string;
  let roomId: string;
  const practitioners: string[] = [];
  // Monday 7 June 2094 in New York (EDT, UTC-4).
  const DAY = { from: '2094-06-07T04:00:00.000Z', to: '2094-06-08T04:00:00.000Z' };
  const WEEK = { from: '2094-06-07T04:00:00.000Z', to: '2094-06-14T04:00:00.000Z' };

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'owner');
    practitioners.push((await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id)).id);
    roomId = (await newRoom(org.client, org.location.id, 'Room A')).id;
    serviceId = (await newService(org.client, { procedureKind: 'consultation', durationMin: 30, bufferMin: 0, consentKinds: [] })).id;
    counter = new StatementCounter(readRunState().appRole.name).start();
  });
  afterAll(async () => {
    counter.stop();
    await app.close();
  });

  const availability = (range: { from: string; to: string }, extra = '') =>
    org.client.get(`/api/availability?serviceId=${serviceId}&locationId=${org.location.id}&from=${range.from}&to=${range.to}${extra}`);

  async function statements(range: { from: string; to: string }, extra = '') {
    const { result, count, statements } = await counter.during(() => availability(range, extra));
    expect(result.status).toBe(200);
    return { count, statements, body: result.body as { slots: { startsAt: string; practitionerId: string }[]; practitioners: unknown[] } };
  }

  it('takes the same few statements for one practitioner or ten, a day or a week', async () => {
    const oneDay = await statements(DAY);
    const oneWeek = await statements(WEEK);
    expect(oneDay.body.practitioners).toHaveLength(1);

    // Nine more practitioners, a second room, bookings and time off.
    for (let i = 0; i < 9; i++) practitioners.push((await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id)).id);
    const roomB = (await newRoom(org.client, org.location.id, 'Room B')).id;
    const patient = await newPatient(app.dataSource, org.organization.id);
    for (const [i, practitionerId] of practitioners.slice(0, 4).entries()) {
      const booked = await org.client.post('/api/appointments', { patientId: patient.id, serviceId, practitionerId, roomId: i % 2 ? roomB : roomId, locationId: org.location.id, startsAt: `2094-06-${String(7 + i).padStart(2, '0')}T14:00:00Z` });
      expect(booked.status).toBe(201);
    }
    expect((await org.client.post(`/api/staff/${practitioners[5]}/time-off`, { startsAt: '2094-06-08T04:00:00Z', endsAt: '2094-06-10T04:00:00Z', reason: 'Course' })).status).toBe(201);

    const tenDay = await statements(DAY);
    const tenWeek = await statements(WEEK);
    const tenWeekOne = await statements(WEEK, `&practitionerId=${practitioners[3]}`);
    expect(tenDay.body.practitioners).toHaveLength(10);
    const counts = [oneDay, oneWeek, tenDay, tenWeek, tenWeekOne].map((r) => r.count);
    process.stdout.write(`GET /api/availability statements (1 practitioner day, week; 10 day, week, week for one): ${counts.join(', ')}\n${tenWeek.statements.join('\n---\n').slice(0, 400)}\n`);
    expect(new Set(counts).size).toBe(1);
    expect(oneDay.count).toBeLessThanOrEqual(5);
    // Begin, the sign-in check, the one read, commit.
    expect(tenWeek.statements.filter((s) => /\bappointments\b/.test(s))).toHaveLength(1);
  });

  it("keeps a practitioner's booking at another location out of their time here", async () => {
    const annex = await newLocation(app.dataSource, org.organization.id, { name: 'Annex' });
    const annexRoom = (await newRoom(org.client, annex.id, 'Annex room')).id;
    const patient = await newPatient(app.dataSource, org.organization.id);
    const practitionerId = practitioners[9];
    const before = await statements(DAY, `&practitionerId=${practitionerId}`);
    expect(before.body.slots.map((s) => s.startsAt)).toContain('2094-06-07T15:00:00.000Z');
    // 11:00–11:30 local at the annex, booked earlier (written directly: the practitioner has no hours there today).
    await app.dataSource.query(
      `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until)
       VALUES ($1, $2, $3, $4, $5, $6, '2094-06-07T15:00:00Z', '2094-06-07T15:30:00Z', '2094-06-07T15:30:00Z')`,
      [org.organization.id, annex.id, patient.id, serviceId, practitionerId, annexRoom],
    );
    const after = await statements(DAY, `&practitionerId=${practitionerId}`);
    expect(after.body.slots.map((s) => s.startsAt)).not.toContain('2094-06-07T15:00:00.000Z');
    expect(after.body.slots.map((s) => s.startsAt)).toContain('2094-06-07T15:30:00.000Z');
    // The annex's room is no room here: it does not block anyone else at the main location.
    const colleague = await statements(DAY, `&practitionerId=${practitioners[8]}`);
    expect(colleague.body.slots.map((s) => s.startsAt)).toContain('2094-06-07T15:00:00.000Z');
    expect(after.count).toBe(before.count);
  });
});
