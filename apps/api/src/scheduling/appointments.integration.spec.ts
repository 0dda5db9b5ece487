import { newLocation, newPatient, newStaffMember, signIn, signedInOrganization } from '../../test/factories';
import { futureInstant, newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('appointments', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  let practitionerId: string;
  let roomId: string;
  let serviceId: string;

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'owner');
    practitionerId = (await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id)).id;
    roomId = (await newRoom(org.client, org.location.id, 'Room 1')).id;
    serviceId = (await newService(org.client)).id;
  });
  afterAll(async () => app.close());

  const book = async (overrides: Record<string, unknown> = {}) => {
    const patient = await newPatient(app.dataSource, org.organization.id);
    return org.client.post('/api/appointments', { patientId: patient.id, serviceId, practitionerId, roomId, locationId: org.location.id, startsAt: futureInstant(10, 15), ...overrides });
  };

  it('manages services and rooms with validation, unique names and permissions', async () => {
    const bad = await org.client.post('/api/services', { name: '', durationMin: 2, procedureKind: 'laser', consentKinds: ['Bad Kind'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['consentKinds', 'durationMin', 'name', 'procedureKind']);
    const service = await org.client.post('/api/services', { name: 'Consultation', durationMin: 30, procedureKind: 'consultation' });
    expect(service.status).toBe(201);
    expect(service.body).toMatchObject({ bufferMin: 0, minDaysBetweenMedicalSessions: 28, consentKinds: [], isActive: true });
    expect((await org.client.post('/api/services', { name: 'consultation', durationMin: 30, procedureKind: 'consultation' })).status).toBe(409);
    expect((await org.client.patch(`/api/services/${service.body.id}`, { bufferMin: 10 })).body.bufferMin).toBe(10);
    expect((await org.client.post('/api/rooms', { locationId: '00000000-0000-4000-8000-000000000000', name: 'X' })).status).toBe(400);
    const room = await org.client.post('/api/rooms', { locationId: org.location.id, name: 'Room 2' });
    expect(room.status).toBe(201);
    expect((await org.client.get(`/api/rooms?locationId=${org.location.id}`)).body.map((r: { name: string }) => r.name)).toEqual(['Room 1', 'Room 2']);
    const frontDesk = await signIn(app, (await newStaffMember(app.dataSource, org.organization.id, { role: 'front_desk' })).email);
    expect((await frontDesk.post('/api/services', { name: 'Nope', durationMin: 30, procedureKind: 'consultation' })).status).toBe(403);
    expect((await frontDesk.get('/api/services')).status).toBe(200);
    expect((await frontDesk.get('/api/outbound-messages')).status).toBe(403);
  });

  it('books with the end derived from the service, audited, with a reminder in the outbox', async () => {
    const response = await book();
    expect(response.status).toBe(201);
    const start = new Date(response.body.startsAt).getTime();
    expect(new Date(response.body.endsAt).getTime() - start).toBe(60 * 60_000);
    expect(new Date(response.body.occupiedUntil).getTime() - start).toBe(75 * 60_000);
    expect(response.body).toMatchObject({ status: 'booked', timeZone: 'America/New_York', roomName: 'Room 1' });
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'appointment.booked'`, [response.body.id]);
    expect(n).toBe(1);
    const messages = await app.dataSource.query(`SELECT kind, status, send_after FROM outbound_messages WHERE appointment_id = $1 ORDER BY kind`, [response.body.id]);
    // The booking notice goes at once (e-mail), the reminder 24 hours before.
    expect(messages).toEqual([expect.objectContaining({ kind: 'booked', status: 'pending' }), expect.objectContaining({ kind: 'reminder', status: 'pending' })]);
    expect(messages[0].send_after.getTime()).toBeLessThanOrEqual(Date.now());
    expect(start - messages[1].send_after.getTime()).toBe(24 * 3_600_000);
    await org.client.post(`/api/appointments/${response.body.id}/cancel`, { reason: 'cleanup' });
  });

  it('refuses bad input with 400 naming the field', async () => {
    const response = await org.client.post('/api/appointments', { patientId: 'x', serviceId, practitionerId, roomId, locationId: org.location.id, startsAt: 'tomorrow' });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['patientId', 'startsAt']);
    const unknown = await book({ serviceId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('serviceId');
    expect((await org.client.get('/api/appointments')).status).toBe(400);
  });

  it('lets exactly one of 20 concurrent bookings of the same practitioner and slot through', async () => {
    const rooms = await Promise.all(Array.from({ length: 20 }, (_, i) => newRoom(org.client, org.location.id, `Parallel ${i}`)));
    const patients = await Promise.all(Array.from({ length: 20 }, () => newPatient(app.dataSource, org.organization.id)));
    const startsAt = futureInstant(11, 15);
    const responses = await Promise.all(
      patients.map((p, i) => org.client.post('/api/appointments', { patientId: p.id, serviceId, practitionerId, roomId: rooms[i].id, locationId: org.location.id, startsAt })),
    );
    const created = responses.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    const conflicts = responses.filter((r) => r.status === 409);
    expect(conflicts).toHaveLength(19);
    for (const c of conflicts) expect(c.body).toMatchObject({ type: 'urn:skinledger:problem:double-booking', resource: 'practitioner', conflictingAppointmentId: created[0].body.id });
    await Promise.all(rooms.map((r) => org.client.patch(`/api/rooms/${r.id}`, { isActive: false })));
  });

  it('lets exactly one of 20 concurrent bookings of the same room and slot through', async () => {
    const practitioners = await Promise.all(Array.from({ length: 20 }, () => newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id)));
    const patients = await Promise.all(Array.from({ length: 20 }, () => newPatient(app.dataSource, org.organization.id)));
    const startsAt = futureInstant(12, 15);
    const responses = await Promise.all(
      patients.map((p, i) => org.client.post('/api/appointments', { patientId: p.id, serviceId, practitionerId: practitioners[i].id, roomId, locationId: org.location.id, startsAt })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const conflicts = responses.filter((r) => r.status === 409);
    expect(conflicts).toHaveLength(19);
    expect(conflicts[0].body.resource).toBe('room');
    expect(conflicts[0].body.detail).toMatch(/^Room 1 is already booked \d{1,2}:\d{2}( [AP]M)? – /);
  });

  it('counts the buffer as occupied time', async () => {
    const first = await book({ startsAt: futureInstant(13, 15) });
    expect(first.status).toBe(201);
    // 60 min treatment + 15 min buffer: 16:00Z overlaps the buffer, 16:15Z does not.
    expect((await book({ startsAt: new Date(new Date(first.body.startsAt).getTime() + 60 * 60_000).toISOString() })).status).toBe(409);
    expect((await book({ startsAt: new Date(new Date(first.body.startsAt).getTime() + 75 * 60_000).toISOString() })).status).toBe(201);
  });

  it('answers 422 listing every broken booking rule', async () => {
    const other = await newLocation(app.dataSource, org.organization.id);
    const otherRoom = await newRoom(org.client, other.id);
    const aesthetician = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { licenceType: 'licensed_aesthetician' });
    await app.dataSource.query(`UPDATE staff_members SET is_active = false, deactivated_at = now() WHERE id = $1`, [aesthetician.id]);
    const patient = await newPatient(app.dataSource, org.organization.id, { archivedAt: new Date(), archivedBy: org.staffMember.id, archiveReason: 'Moved away' });
    const response = await org.client.post('/api/appointments', {
      patientId: patient.id,
      serviceId,
      practitionerId: aesthetician.id,
      roomId: otherRoom.id,
      locationId: org.location.id,
      startsAt: futureInstant(14, 4),
    });
    expect(response.status).toBe(422);
    expect(response.body.violations.map((v: { code: string }) => v.code)).toEqual([
      'patient-archived',
      'room-not-at-location',
      'practitioner-inactive',
      'outside-working-hours',
      'credential-insufficient',
    ]);
  });

  it('refuses an expired licence and time off', async () => {
    const expired = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { expiresOn: '2020-01-01' });
    expect((await book({ practitionerId: expired.id, startsAt: futureInstant(15, 15) })).body.violations.map((v: { code: string }) => v.code)).toEqual(['credential-expired']);
    const off = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
    const timeOff = await org.client.post(`/api/staff/${off.id}/time-off`, { startsAt: futureInstant(15, 0), endsAt: futureInstant(16, 0), reason: 'Leave' });
    expect(timeOff.status).toBe(201);
    expect((await book({ practitionerId: off.id, startsAt: futureInstant(15, 15) })).body.violations.map((v: { code: string }) => v.code)).toEqual(['practitioner-time-off']);
    expect((await org.client.post(`/api/staff/${off.id}/time-off`, { startsAt: futureInstant(15, 0), endsAt: futureInstant(14, 0) })).status).toBe(400);
    expect((await org.client.post(`/api/staff/${off.id}/time-off`, { kind: 'extra_hours', startsAt: futureInstant(15, 0), endsAt: futureInstant(16, 0) })).status).toBe(400);
    const hours = await org.client.get(`/api/staff/${off.id}/working-hours`);
    expect(hours.body.exceptions).toHaveLength(1);
    expect((await org.client.delete(`/api/staff/${off.id}/time-off/${timeOff.body.id}`)).status).toBe(204);
    expect((await book({ practitionerId: off.id, startsAt: futureInstant(15, 15) })).status).toBe(201);
  });

  it('keeps the minimum interval between a patient’s medical sessions, before and after', async () => {
    const patient = await newPatient(app.dataSource, org.organization.id);
    const base = { patientId: patient.id, serviceId, practitionerId, roomId, locationId: org.location.id };
    expect((await org.client.post('/api/appointments', { ...base, startsAt: futureInstant(30, 15) })).status).toBe(201);
    const tooSoon = await org.client.post('/api/appointments', { ...base, startsAt: futureInstant(50, 15) });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.violations[0].code).toBe('medical-interval');
    expect((await org.client.post('/api/appointments', { ...base, startsAt: futureInstant(5, 15) })).body.violations[0].code).toBe('medical-interval');
    expect((await org.client.post('/api/appointments', { ...base, startsAt: futureInstant(58, 15) })).status).toBe(201);
  });

  it('follows the status flow, refuses illegal transitions with 409 and needs a cancel reason', async () => {
    const { body } = await book({ startsAt: futureInstant(16, 15) });
    for (const [action, status] of [['confirm', 'confirmed'], ['check-in', 'checked_in'], ['start', 'in_treatment'], ['complete', 'completed']]) {
      const r = await org.client.post(`/api/appointments/${body.id}/${action}`);
      expect([r.status, r.body.status]).toEqual([200, status]);
    }
    const illegal = await org.client.post(`/api/appointments/${body.id}/cancel`, { reason: 'late' });
    expect(illegal.status).toBe(409);
    expect(illegal.body.type).toBe('urn:skinledger:problem:illegal-transition');
    expect((await org.client.post(`/api/appointments/${body.id}/no-show`)).status).toBe(409);
    expect((await org.client.patch(`/api/appointments/${body.id}`, { startsAt: futureInstant(17, 15) })).status).toBe(409);

    const second = (await book({ startsAt: futureInstant(18, 15) })).body;
    expect((await org.client.post(`/api/appointments/${second.id}/cancel`, {})).status).toBe(400);
    expect((await org.client.post(`/api/appointments/${second.id}/cancel`, { reason: '   ' })).status).toBe(400);
    const cancelled = await org.client.post(`/api/appointments/${second.id}/cancel`, { reason: 'Patient is unwell' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Patient is unwell' });
    const kinds = await app.dataSource.query(`SELECT kind, status FROM outbound_messages WHERE appointment_id = $1 ORDER BY kind`, [second.id]);
    expect(kinds).toEqual([{ kind: 'booked', status: 'obsolete' }, { kind: 'cancellation', status: 'pending' }, { kind: 'reminder', status: 'obsolete' }]);
    // The cancelled slot is free again.
    expect((await book({ startsAt: futureInstant(18, 15) })).status).toBe(201);
    const third = (await book({ startsAt: futureInstant(19, 15) })).body;
    expect((await org.client.post(`/api/appointments/${third.id}/no-show`)).body.status).toBe('no_show');
    expect((await org.client.post(`/api/appointments/${third.id}/start`)).status).toBe(409);
  });

  it('reschedules under the same rules and makes the old reminder obsolete', async () => {
    const { body } = await book({ startsAt: futureInstant(20, 15) });
    const outside = await org.client.patch(`/api/appointments/${body.id}`, { startsAt: futureInstant(20, 4) });
    expect(outside.status).toBe(422);
    expect(outside.body.violations[0].code).toBe('outside-working-hours');
    const moved = await org.client.patch(`/api/appointments/${body.id}`, { startsAt: futureInstant(21, 16) });
    expect(moved.status).toBe(200);
    expect(moved.body.startsAt).toBe(futureInstant(21, 16));
    const messages = await app.dataSource.query(`SELECT kind, status, appointment_starts_at FROM outbound_messages WHERE appointment_id = $1 ORDER BY created_at, kind`, [body.id]);
    expect(messages.map((m: { kind: string; status: string }) => `${m.kind}:${m.status}`).sort()).toEqual(['booked:obsolete', 'reminder:obsolete', 'reminder:pending', 'reschedule:pending']);
    // Moving onto another appointment: 409 naming it.
    const blocker = (await book({ startsAt: futureInstant(22, 15) })).body;
    const clash = await org.client.patch(`/api/appointments/${body.id}`, { startsAt: futureInstant(22, 15) });
    expect(clash.status).toBe(409);
    expect(clash.body.conflictingAppointmentId).toBe(blocker.id);
    // Notes alone may change.
    expect((await org.client.patch(`/api/appointments/${body.id}`, { notes: 'Window room' })).body.notes).toBe('Window room');
  });

  it('lists by window, location, practitioner and patient', async () => {
    const { body } = await book({ startsAt: futureInstant(23, 15) });
    const list = await org.client.get(`/api/appointments?from=${futureInstant(23, 0)}&to=${futureInstant(24, 0)}&locationId=${org.location.id}&practitionerId=${practitionerId}`);
    expect(list.body.map((a: { id: string }) => a.id)).toContain(body.id);
    expect((await org.client.get(`/api/appointments?patientId=${body.patientId}`)).body).toHaveLength(1);
    expect((await org.client.get(`/api/appointments/${body.id}`)).body.id).toBe(body.id);
    expect((await org.client.get(`/api/appointments?from=${futureInstant(23, 0)}&to=${futureInstant(120, 0)}`)).status).toBe(400);
  });

  it('shows at check-in the missing consents and the history screening', async () => {
    const { body } = await book({ startsAt: futureInstant(25, 15) });
    const checkIn = await org.client.get(`/api/appointments/${body.id}/check-in`);
    expect(checkIn.status).toBe(200);
    expect(checkIn.body).toMatchObject({ ready: false, missingConsents: ['medical_needling'], clinicalDetail: true });
    expect(checkIn.body.blockers.map((b: { code: string }) => b.code)).toEqual(['consent-missing', 'history_missing']);
    expect(checkIn.body.blockers[0].message).toBe('No valid medical needling consent on file');
    const frontDesk = await signIn(app, (await newStaffMember(app.dataSource, org.organization.id, { role: 'front_desk' })).email);
    const asDesk = await frontDesk.get(`/api/appointments/${body.id}/check-in`);
    expect(asDesk.body.clinicalDetail).toBe(false);
    expect(asDesk.body.missingConsents).toEqual(['medical_needling']);
    expect((await frontDesk.post(`/api/appointments/${body.id}/check-in`)).body.status).toBe('checked_in');
    const timeline = await org.client.get(`/api/patients/${body.patientId}/timeline`);
    expect(timeline.body.items ?? timeline.body).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'appointment', refId: body.id })]));
  });

  it('asks at check-in the consent of the needling booked even when the service does not list it, as the preflight does', async () => {
    const cosmetic = await newService(org.client, { procedureKind: 'cosmetic_needling', consentKinds: ['photography'] });
    const { body } = await book({ serviceId: cosmetic.id, startsAt: futureInstant(27, 15) });
    const checkIn = await org.client.get(`/api/appointments/${body.id}/check-in`);
    expect(checkIn.body.missingConsents).toEqual(['photography', 'cosmetic_needling']);
    const consultation = await newService(org.client, { procedureKind: 'consultation', consentKinds: [] });
    const visit = await book({ serviceId: consultation.id, startsAt: futureInstant(27, 17) });
    expect((await org.client.get(`/api/appointments/${visit.body.id}/check-in`)).body).toMatchObject({ missingConsents: [], blockers: [] });
  });

  it('reassigns to another practitioner under the rules and refuses overlapping weekly hours', async () => {
    const { body } = await book({ startsAt: futureInstant(26, 15) });
    const other = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
    const moved = await org.client.patch(`/api/appointments/${body.id}`, { practitionerId: other.id });
    expect([moved.status, moved.body.practitionerId]).toEqual([200, other.id]);
    const aesthetician = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { licenceType: 'licensed_aesthetician' });
    const refused = await org.client.patch(`/api/appointments/${body.id}`, { practitionerId: aesthetician.id });
    expect(refused.status).toBe(422);
    expect(refused.body.violations[0].code).toBe('credential-insufficient');
    const overlap = await org.client.put(`/api/staff/${other.id}/working-hours`, {
      locationId: org.location.id,
      blocks: [{ weekday: 1, startsAt: '09:00', endsAt: '13:00' }, { weekday: 1, startsAt: '12:00', endsAt: '17:00' }],
    });
    expect(overlap.status).toBe(409);
    const backwards = await org.client.put(`/api/staff/${other.id}/working-hours`, { locationId: org.location.id, blocks: [{ weekday: 8, startsAt: '17:00', endsAt: '9:00' }] });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['blocks[0].endsAt', 'blocks[0].weekday']);
    const reversed = await org.client.put(`/api/staff/${other.id}/working-hours`, { locationId: org.location.id, blocks: [{ weekday: 1, startsAt: '17:00', endsAt: '09:00' }] });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0].field).toBe('blocks[0].endsAt');
    expect((await org.client.get(`/api/staff/${other.id}/working-hours`)).body.blocks).toHaveLength(7);
  });
});
