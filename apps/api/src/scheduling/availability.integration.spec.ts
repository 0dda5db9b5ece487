import { newPatient, signedInOrganization } from '../../test/factories';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('availability, daylight saving and treatment courses', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  let practitionerId: string;
  let roomId: string;

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'owner');
    practitionerId = (await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id)).id;
    roomId = (await newRoom(org.client, org.location.id, 'Room A')).id;
  });
  afterAll(async () => app.close());

  it('keeps 09:00–17:00 local on both sides of the March 2094 change in New York', async () => {
    const consult = await newService(org.client, { procedureKind: 'consultation', durationMin: 30, bufferMin: 0, consentKinds: [] });
    const response = await org.client.get(
      `/api/availability?serviceId=${consult.id}&locationId=${org.location.id}&from=2094-03-12T05:00:00Z&to=2094-03-16T04:00:00Z&practitionerId=${practitionerId}`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ timeZone: 'America/New_York', gridMin: 15 });
    const byDay = new Map<string, string[]>();
    for (const s of response.body.slots as { startsAt: string }[]) {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(s.startsAt));
      byDay.set(day, [...(byDay.get(day) ?? []), s.startsAt]);
    }
    expect([...byDay.keys()]).toEqual(['2094-03-12', '2094-03-13', '2094-03-14', '2094-03-15']);
    expect([...byDay.values()].map((d) => [d[0], d.at(-1)])).toEqual([
      ['2094-03-12T14:00:00.000Z', '2094-03-12T21:30:00.000Z'],
      ['2094-03-13T14:00:00.000Z', '2094-03-13T21:30:00.000Z'],
      ['2094-03-14T13:00:00.000Z', '2094-03-14T20:30:00.000Z'],
      ['2094-03-15T13:00:00.000Z', '2094-03-15T20:30:00.000Z'],
    ]);
    expect([...byDay.values()].every((d) => d.length === 31)).toBe(true);
    // Booking follows the same wall clock: 08:30 EDT (12:30Z) is outside hours, 09:00 EDT (13:00Z) is inside.
    const patient = await newPatient(app.dataSource, org.organization.id);
    const base = { patientId: patient.id, serviceId: consult.id, practitionerId, roomId, locationId: org.location.id };
    expect((await org.client.post('/api/appointments', { ...base, startsAt: '2094-03-15T12:30:00Z' })).body.violations[0].code).toBe('outside-working-hours');
    expect((await org.client.post('/api/appointments', { ...base, startsAt: '2094-03-12T13:30:00Z' })).body.violations[0].code).toBe('outside-working-hours');
    const booked = await org.client.post('/api/appointments', { ...base, startsAt: '2094-03-15T13:00:00Z' });
    expect(booked.status).toBe(201);
    const after = await org.client.get(
      `/api/availability?serviceId=${consult.id}&locationId=${org.location.id}&from=2094-03-15T04:00:00Z&to=2094-03-16T04:00:00Z&practitionerId=${practitionerId}`,
    );
    expect(after.body.slots[0].startsAt).toBe('2094-03-15T13:30:00.000Z');
  });

  it('respects buffers, rooms and credentials, and refuses bad input', async () => {
    const medical = await newService(org.client, { durationMin: 60, bufferMin: 30 });
    const aesthetician = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { licenceType: 'licensed_aesthetician' });
    const day = (h: number) => `2094-04-0${h}`;
    const q = (extra: string) => org.client.get(`/api/availability?serviceId=${medical.id}&locationId=${org.location.id}&from=2094-04-05T04:00:00Z&to=2094-04-06T04:00:00Z${extra}`);
    const all = await q('');
    expect(all.body.slots.some((s: { practitionerId: string }) => s.practitionerId === aesthetician.id)).toBe(false);
    const patient = await newPatient(app.dataSource, org.organization.id);
    await org.client.post('/api/appointments', { patientId: patient.id, serviceId: medical.id, practitionerId, roomId, locationId: org.location.id, startsAt: '2094-04-05T13:00:00Z' });
    const mine = await q(`&practitionerId=${practitionerId}`);
    // 09:00–10:00 treatment + 30 min buffer: next start 10:30 EDT (14:30Z); the single room is shared.
    expect(mine.body.slots[0].startsAt).toBe('2094-04-05T14:30:00.000Z');
    expect(mine.body.slots[0]).toMatchObject({ roomId, roomIds: [roomId] });
    expect(mine.body.slots.at(-1).startsAt).toBe('2094-04-05T20:00:00.000Z');
    expect(day(5)).toBe('2094-04-05');
    expect((await org.client.get(`/api/availability?serviceId=${medical.id}&locationId=${org.location.id}&from=2094-04-05T04:00:00Z&to=2094-05-05T04:00:00Z`)).status).toBe(400);
    const bad = await org.client.get(`/api/availability?serviceId=nope&locationId=${org.location.id}&from=x&to=2094-04-05T04:00:00Z`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'serviceId']);
  });

  it('takes 14 days on the clinic calendar across the autumn change (337 hours), on every windowed schedule read', async () => {
    const consult = await newService(org.client, { procedureKind: 'consultation', durationMin: 30, bufferMin: 0, consentKinds: [] });
    // Midnight 31 October (EDT) to midnight 14 November (EST) 2094 in New York: the change is on Sunday 7 November.
    const fourteenLocalDays = 'from=2094-10-31T04:00:00Z&to=2094-11-14T05:00:00Z';
    const tooLong = 'from=2094-10-31T04:00:00Z&to=2094-11-14T05:00:01Z';
    const reads = [
      `/api/availability?serviceId=${consult.id}&locationId=${org.location.id}&practitionerId=${practitionerId}`,
      `/api/waitlist/freed-slots?locationId=${org.location.id}`,
      `/api/schedule?locationId=${org.location.id}`,
    ];
    for (const read of reads) {
      expect([read, (await org.client.get(`${read}&${fourteenLocalDays}`)).status]).toEqual([read, 200]);
      const refused = await org.client.get(`${read}&${tooLong}`);
      expect([read, refused.status, refused.body.errors?.[0]]).toEqual([read, 400, { field: 'to', message: 'at most 14 days after from' }]);
    }
    const slots = (await org.client.get(`${reads[0]}&${fourteenLocalDays}`)).body.slots as { startsAt: string }[];
    // 09:00 local on both sides of the change: 13:00Z before it, 14:00Z after.
    expect(slots.map((s) => s.startsAt)).toEqual(expect.arrayContaining(['2094-11-01T13:00:00.000Z', '2094-11-13T14:00:00.000Z']));
  });

  it('offers starts already past only when asked (a walk-in recorded after it began)', async () => {
    const consult = await newService(org.client, { procedureKind: 'consultation', durationMin: 30, bufferMin: 0, consentKinds: [] });
    const past = `/api/availability?serviceId=${consult.id}&locationId=${org.location.id}&from=2026-01-05T05:00:00Z&to=2026-01-06T05:00:00Z&practitionerId=${practitionerId}`;
    expect((await org.client.get(past)).body.slots).toEqual([]);
    const recorded = await org.client.get(`${past}&notBefore=2026-01-05T15:00:00Z`);
    expect(recorded.body.slots[0].startsAt).toBe('2026-01-05T15:00:00.000Z');
    expect((await org.client.get(`${past}&notBefore=yesterday`)).body.errors[0].field).toBe('notBefore');
  });

  it('proposes the nearest slot per session and books a course all or nothing', async () => {
    const medical = await newService(org.client, { durationMin: 45, bufferMin: 15 });
    const patient = await newPatient(app.dataSource, org.organization.id);
    const tooShort = await org.client.post('/api/treatment-plans', { patientId: patient.id, serviceId: medical.id, locationId: org.location.id, sessions: 3, intervalWeeks: 2, startOn: '2094-06-07' });
    expect(tooShort.status).toBe(422);
    expect(tooShort.body.violations[0].code).toBe('course-interval-too-short');
    const plan = await org.client.post('/api/treatment-plans', { patientId: patient.id, serviceId: medical.id, locationId: org.location.id, sessions: 3, intervalWeeks: 4, startOn: '2094-06-07', practitionerId });
    expect(plan.status).toBe(201);
    expect(plan.body.sessionList.map((s: { targetOn: string; proposedStartsAt: string }) => [s.targetOn, s.proposedStartsAt])).toEqual([
      ['2094-06-07', '2094-06-07T13:00:00.000Z'],
      ['2094-07-05', '2094-07-05T13:00:00.000Z'],
      ['2094-08-02', '2094-08-02T13:00:00.000Z'],
    ]);
    expect(plan.body.progress).toEqual({ completed: 0, total: 3 });
    // Someone takes session 2's slot meanwhile: booking the course fails naming session 2, and books nothing.
    const other = await newPatient(app.dataSource, org.organization.id);
    const taken = await org.client.post('/api/appointments', { patientId: other.id, serviceId: medical.id, practitionerId, roomId, locationId: org.location.id, startsAt: '2094-07-05T13:00:00Z' });
    expect(taken.status).toBe(201);
    const failed = await org.client.post(`/api/treatment-plans/${plan.body.id}/book`);
    expect(failed.status).toBe(409);
    expect(failed.body).toMatchObject({ sessionNumber: 2, conflictingAppointmentId: taken.body.id });
    expect((await org.client.get(`/api/appointments?patientId=${patient.id}`)).body).toEqual([]);
    await org.client.post(`/api/appointments/${taken.body.id}/cancel`, { reason: 'Freed for the course' });
    const booked = await org.client.post(`/api/treatment-plans/${plan.body.id}/book`);
    expect(booked.status).toBe(200);
    expect(booked.body.status).toBe('booked');
    expect(booked.body.sessionList.every((s: { appointmentId: string | null }) => s.appointmentId)).toBe(true);
    expect((await org.client.post(`/api/treatment-plans/${plan.body.id}/book`)).status).toBe(409);
    const first = booked.body.sessionList[0].appointmentId;
    for (const action of ['check-in', 'start', 'complete']) await org.client.post(`/api/appointments/${first}/${action}`);
    expect((await org.client.get(`/api/treatment-plans/${plan.body.id}`)).body.progress).toEqual({ completed: 1, total: 3 });
    expect((await org.client.get(`/api/treatment-plans?patientId=${patient.id}`)).body.map((p: { id: string }) => p.id)).toEqual([plan.body.id]);
    expect((await org.client.get(`/api/appointments?patientId=${patient.id}`)).body.map((a: { planSessionNumber: number }) => a.planSessionNumber)).toEqual([1, 2, 3]);
  });

  it("proposes a course at the patient's preferred time of day and practitioner, saying where it could not", async () => {
    const facial = await newService(org.client, { procedureKind: 'cosmetic_needling', durationMin: 45, bufferMin: 15, consentKinds: [] });
    const preferred = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
    const patient = await newPatient(app.dataSource, org.organization.id);
    // Mondays 4 October and 1 November 2094, New York (EDT, UTC-4); both practitioners work 09:00–17:00.
    const course = { patientId: patient.id, serviceId: facial.id, locationId: org.location.id, sessions: 2, intervalWeeks: 4, startOn: '2094-10-04' };
    const propose = (extra: Record<string, unknown>) => org.client.post('/api/treatment-plans', { ...course, ...extra });
    const starts = (plan: { body: { sessionList: { proposedStartsAt: string }[] } }) => plan.body.sessionList.map((s) => s.proposedStartsAt);

    // Without a preference every session is the first start of its day (09:00).
    expect(starts(await propose({}))).toEqual(['2094-10-04T13:00:00.000Z', '2094-11-01T13:00:00.000Z']);

    // Afternoons with the preferred practitioner: 12:00 on each target day, with them.
    const afternoon = await propose({ timeOfDay: 'afternoon', preferredPractitionerId: preferred.id });
    expect(afternoon.status).toBe(201);
    expect(afternoon.body.preference).toEqual({ timeOfDay: 'afternoon', from: '12:00', to: '17:00', practitionerId: preferred.id, practitionerName: preferred.name });
    expect(afternoon.body.practitionerId).toBeNull();
    expect(afternoon.body.sessionList.map((s: Record<string, unknown>) => [s.proposedStartsAt, s.practitionerId, s.keepsPreferredTime, s.keepsPreferredPractitioner])).toEqual([
      ['2094-10-04T16:00:00.000Z', preferred.id, true, true],
      ['2094-11-01T16:00:00.000Z', preferred.id, true, true],
    ]);
    const [event] = await app.dataSource.query(`SELECT changes FROM audit_events WHERE action = 'treatment_plan.proposed' AND entity_id = $1`, [afternoon.body.id]);
    expect(event.changes).toMatchObject({ timeOfDay: { to: 'afternoon' }, preferredPractitionerId: { to: preferred.id } });
    // Kept when read back.
    expect((await org.client.get(`/api/treatment-plans/${afternoon.body.id}`)).body.preference.timeOfDay).toBe('afternoon');

    // A window of its own: starts from 15:30, before 16:00.
    expect(starts(await propose({ preferredFrom: '15:30', preferredTo: '16:00' }))).toEqual(['2094-10-04T19:30:00.000Z', '2094-11-01T19:30:00.000Z']);

    // Evenings: nobody works after 17:00, so the nearest start is proposed and marked as outside the preference.
    const evening = await propose({ timeOfDay: 'evening' });
    expect(evening.body.sessionList.map((s: Record<string, unknown>) => [s.proposedStartsAt, s.keepsPreferredTime])).toEqual([
      ['2094-10-04T13:00:00.000Z', false],
      ['2094-11-01T13:00:00.000Z', false],
    ]);

    // The preferred practitioner is away around the second session: another practitioner, in the afternoon still.
    await org.client.post(`/api/staff/${preferred.id}/time-off`, { startsAt: '2094-10-20T04:00:00Z', endsAt: '2094-11-12T05:00:00Z', reason: 'Sabbatical' });
    const away = await propose({ timeOfDay: 'afternoon', preferredPractitionerId: preferred.id });
    expect(away.body.sessionList.map((s: Record<string, unknown>) => [s.proposedStartsAt, s.practitionerId === preferred.id, s.keepsPreferredTime, s.keepsPreferredPractitioner])).toEqual([
      ['2094-10-04T16:00:00.000Z', true, true, true],
      ['2094-11-01T16:00:00.000Z', false, true, false],
    ]);
  });

  it('refuses contradictory course preferences naming the field', async () => {
    const patient = await newPatient(app.dataSource, org.organization.id);
    const facial = await newService(org.client, { procedureKind: 'cosmetic_needling', durationMin: 30, bufferMin: 0, consentKinds: [] });
    const course = { patientId: patient.id, serviceId: facial.id, locationId: org.location.id, sessions: 1, intervalWeeks: 4, startOn: '2094-10-04' };
    const field = async (extra: Record<string, unknown>) => {
      const response = await org.client.post('/api/treatment-plans', { ...course, ...extra });
      return [response.status, response.body.errors?.map((e: { field: string }) => e.field).join()];
    };
    expect(await field({ timeOfDay: 'noon' })).toEqual([400, 'timeOfDay']);
    expect(await field({ timeOfDay: 'morning', preferredFrom: '08:00', preferredTo: '10:00' })).toEqual([400, 'preferredFrom']);
    expect(await field({ preferredFrom: '14:00' })).toEqual([400, 'preferredTo']);
    expect(await field({ preferredFrom: '14:00', preferredTo: '13:00' })).toEqual([400, 'preferredTo']);
    expect(await field({ preferredFrom: '2pm', preferredTo: '17:00' })).toEqual([400, 'preferredFrom']);
    expect(await field({ practitionerId, preferredPractitionerId: practitionerId })).toEqual([400, 'preferredPractitionerId']);
    expect(await field({ preferredPractitionerId: '00000000-0000-4000-8000-000000000000' })).toEqual([400, 'preferredPractitionerId']);
  });

  it('refuses to book a course whose session breaks a rule, naming the session', async () => {
    const medical = await newService(org.client, { durationMin: 30, bufferMin: 0 });
    const patient = await newPatient(app.dataSource, org.organization.id);
    const plan = await org.client.post('/api/treatment-plans', { patientId: patient.id, serviceId: medical.id, locationId: org.location.id, sessions: 2, intervalWeeks: 4, startOn: '2094-09-06', practitionerId });
    await app.dataSource.query(`UPDATE patients SET archived_at = now(), archived_by = $2, archive_reason = 'test' WHERE id = $1`, [patient.id, org.staffMember.id]);
    const response = await org.client.post(`/api/treatment-plans/${plan.body.id}/book`);
    expect(response.status).toBe(422);
    expect(response.body.violations[0]).toMatchObject({ code: 'patient-archived', sessionNumber: 1 });
  });

  it('refuses bad course input naming the fields', async () => {
    const bad = await org.client.post('/api/treatment-plans', { patientId: 'x', serviceId: '00000000-0000-4000-8000-000000000000', locationId: org.location.id, sessions: 0, intervalWeeks: 60, startOn: '2094-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['intervalWeeks', 'patientId', 'sessions', 'startOn']);
    expect((await org.client.get('/api/treatment-plans')).status).toBe(400);
    const unknown = await org.client.post('/api/treatment-plans', { patientId: '00000000-0000-4000-8000-000000000000', serviceId: '00000000-0000-4000-8000-000000000000', locationId: org.location.id, sessions: 2, intervalWeeks: 4, startOn: '2094-02-01' });
    expect([unknown.status, unknown.body.errors[0].field]).toEqual([400, 'serviceId']);
    expect((await org.client.get('/api/treatment-plans/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
