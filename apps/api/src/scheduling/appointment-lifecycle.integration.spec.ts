import { newOrganization, newPatient, newStaffMember, signIn, signedInOrganization } from '../../test/factories';
import { futureInstant, newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/** The next quarter hour at least `hours` from now, as ISO. */
function inHours(hours: number): string {
  const quarter = 15 * 60_000;
  return new Date(Math.ceil((Date.now() + hours * 3_600_000) / quarter) * quarter).toISOString();
}

const ISO = /\d{4}-\d{2}-\d{2}T?\s?\d{2}:\d{2}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;

describe('appointment lifecycle at the front desk (issue 13)', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  let practitionerId: string;
  let roomId: string;
  let serviceId: string;

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'owner');
    // Hours round the clock, so "in 10 hours" is always bookable whenever the suite runs.
    practitionerId = (await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '00:00', end: '24:00' })).id;
    roomId = (await newRoom(org.client, org.location.id, 'Room 1')).id;
    serviceId = (await newService(org.client, { name: 'Facial consultation', procedureKind: 'consultation', consentKinds: [], durationMin: 30, bufferMin: 15 })).id;
  });
  afterAll(async () => app.close());

  const book = async (startsAt: string, patientOverrides: Record<string, unknown> = {}) => {
    const patient = await newPatient(app.dataSource, org.organization.id, { email: `p${Math.random().toString(36).slice(2, 8)}@example.test`, phone: '+12125550100', ...patientOverrides });
    const response = await org.client.post('/api/appointments', { patientId: patient.id, serviceId, practitionerId, roomId, locationId: org.location.id, startsAt });
    expect(response.status).toBe(201);
    return response.body as { id: string; patientId: string; startsAt: string; occupiedUntil: string };
  };
  const messages = (appointmentId: string) =>
    app.dataSource.query(`SELECT kind, channel, status, subject, body FROM outbound_messages WHERE appointment_id = $1 ORDER BY created_at, kind, channel`, [appointmentId]);
  const freed = (appointmentId: string) => app.dataSource.query(`SELECT cause, starts_at, ends_at, practitioner_id, room_id FROM freed_slots WHERE appointment_id = $1 ORDER BY created_at`, [appointmentId]);
  const audit = async (entityId: string, action: string) =>
    (await app.dataSource.query(`SELECT changes FROM audit_events WHERE entity_id = $1 AND action = $2`, [entityId, action])) as { changes: Record<string, { from?: unknown; to: unknown }> }[];

  it('marks a patient’s cancellation inside the default 24-hour window as late, audited, with the notice and the freed time', async () => {
    expect((await org.client.get('/api/settings/cancellations')).body).toEqual({ lateCancellationHours: 24, customized: false });
    const soon = await book(inHours(10));
    const cancelled = await org.client.post(`/api/appointments/${soon.id}/cancel`, { reason: 'Patient has a cold', cancelledBy: 'patient' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Patient has a cold', cancelledBy: 'patient', lateCancellation: true });
    const [event] = await audit(soon.id, 'appointment.cancelled');
    expect(event.changes).toMatchObject({ status: { from: 'booked', to: 'cancelled' }, cancelledBy: { to: 'patient' }, lateCancellation: { to: true }, lateCancellationHours: { to: 24 } });
    const sent = await messages(soon.id);
    expect(sent.filter((m: { kind: string }) => m.kind === 'cancellation').map((m: { channel: string; status: string }) => `${m.channel}:${m.status}`)).toEqual(['email:pending', 'sms:pending']);
    expect(sent.filter((m: { kind: string }) => m.kind === 'reminder').every((m: { status: string }) => m.status === 'obsolete')).toBe(true);
    const [slot] = await freed(soon.id);
    expect(slot).toMatchObject({ cause: 'cancelled', practitioner_id: practitionerId, room_id: roomId });
    expect(slot.starts_at.toISOString()).toBe(soon.startsAt);
    expect(slot.ends_at.toISOString()).toBe(soon.occupiedUntil);
  });

  it('is not late outside the window, nor ever when the clinic cancels', async () => {
    const later = await book(inHours(72));
    expect((await org.client.post(`/api/appointments/${later.id}/cancel`, { reason: 'Travelling' })).body).toMatchObject({ cancelledBy: 'patient', lateCancellation: false });
    const clinic = await book(inHours(11));
    const byClinic = await org.client.post(`/api/appointments/${clinic.id}/cancel`, { reason: 'Practitioner unwell', cancelledBy: 'clinic' });
    expect(byClinic.body).toMatchObject({ cancelledBy: 'clinic', lateCancellation: false });
  });

  it('needs a reason and a known canceller, and keeps the window the clinic sets (owner/admin), read by everyone who books', async () => {
    const a = await book(inHours(30));
    expect((await org.client.post(`/api/appointments/${a.id}/cancel`, { reason: '' })).status).toBe(400);
    const who = await org.client.post(`/api/appointments/${a.id}/cancel`, { reason: 'x', cancelledBy: 'doctor' });
    expect(who.status).toBe(400);
    expect(who.body.errors[0].field).toBe('cancelledBy');
    expect((await org.client.put('/api/settings/cancellations', { lateCancellationHours: 200 })).status).toBe(400);
    expect((await org.client.put('/api/settings/cancellations', { lateCancellationHours: 1.5 })).status).toBe(400);
    const frontDesk = await signIn(app, (await newStaffMember(app.dataSource, org.organization.id, { role: 'front_desk' })).email);
    expect((await frontDesk.put('/api/settings/cancellations', { lateCancellationHours: 48 })).status).toBe(403);
    expect((await org.client.put('/api/settings/cancellations', { lateCancellationHours: 48 })).body).toEqual({ lateCancellationHours: 48, customized: true });
    expect((await frontDesk.get('/api/settings/cancellations')).body.lateCancellationHours).toBe(48);
    const [setting] = await app.dataSource.query(`SELECT changes FROM audit_events WHERE action = 'settings.cancellations_updated' AND organization_id = $1`, [org.organization.id]);
    expect(setting.changes).toEqual({ lateCancellationHours: { from: 24, to: 48 } });
    // 30 hours ahead is inside 48: late now, cancelled by the front desk for the patient.
    expect((await frontDesk.post(`/api/appointments/${a.id}/cancel`, { reason: 'Work meeting' })).body.lateCancellation).toBe(true);
    // 0 turns the flag off.
    await org.client.put('/api/settings/cancellations', { lateCancellationHours: 0 });
    const b = await book(inHours(2));
    expect((await org.client.post(`/api/appointments/${b.id}/cancel`, { reason: 'Sick' })).body.lateCancellation).toBe(false);
    await org.client.put('/api/settings/cancellations', { lateCancellationHours: 24 });
  });

  it('sends a readable confirmation and a readable no-show notice, setting aside what was still pending', async () => {
    const a = await book(inHours(5));
    expect((await org.client.post(`/api/appointments/${a.id}/confirm`)).body.status).toBe('confirmed');
    const confirmation = (await messages(a.id)).filter((m: { kind: string }) => m.kind === 'confirmation');
    expect(confirmation.map((m: { channel: string }) => m.channel)).toEqual(['email', 'sms']);
    expect(confirmation[0].subject).toMatch(/^Your appointment on \w+day, \w+ \d+, \d{4} at \d{1,2}:\d{2} [AP]M is confirmed$/);
    expect(confirmation[0].body).toMatch(/Facial consultation at .+ is confirmed\. We look forward to seeing you\./);
    for (const m of confirmation) expect(`${m.subject} ${m.body}`).not.toMatch(ISO);
    const missed = await org.client.post(`/api/appointments/${a.id}/no-show`);
    expect(missed.body.status).toBe('no_show');
    const after = await messages(a.id);
    const notice = after.filter((m: { kind: string }) => m.kind === 'no_show');
    expect(notice.map((m: { status: string }) => m.status)).toEqual(['pending', 'pending']);
    expect(notice[0].subject).toMatch(/^We missed you on /);
    expect(notice[0].body).not.toMatch(ISO);
    expect(notice[0].body).not.toMatch(UUID);
    // The reminder and the unsent confirmation no longer go out.
    expect(after.filter((m: { kind: string; status: string }) => m.kind !== 'no_show' && m.status === 'pending')).toEqual([]);
    expect((await freed(a.id)).map((s: { cause: string }) => s.cause)).toEqual(['no_show']);
    expect((await audit(a.id, 'appointment.no_show'))[0].changes).toEqual({ status: { from: 'confirmed', to: 'no_show' } });
  });

  it('reschedules into free starts that count the appointment’s own time as free, and gives the old time to the waitlist', async () => {
    const a = await book(futureInstant(3, 15));
    const from = futureInstant(3, 0);
    const to = futureInstant(4, 0);
    const query = `serviceId=${serviceId}&locationId=${org.location.id}&practitionerId=${practitionerId}&from=${from}&to=${to}`;
    const thirtyLater = new Date(new Date(a.startsAt).getTime() + 30 * 60_000).toISOString();
    const plain = await org.client.get(`/api/availability?${query}`);
    expect(plain.body.slots.map((s: { startsAt: string }) => s.startsAt)).not.toContain(thirtyLater);
    const moving = await org.client.get(`/api/availability?${query}&excludeAppointmentId=${a.id}`);
    expect(moving.body.slots.map((s: { startsAt: string }) => s.startsAt)).toContain(thirtyLater);
    const moved = await org.client.patch(`/api/appointments/${a.id}`, { startsAt: thirtyLater });
    expect([moved.status, moved.body.startsAt]).toEqual([200, thirtyLater]);
    const [slot] = await freed(a.id);
    expect(slot.cause).toBe('rescheduled');
    expect(slot.starts_at.toISOString()).toBe(a.startsAt);
    expect((await messages(a.id)).filter((m: { kind: string; status: string }) => m.kind === 'reschedule' && m.status === 'pending')).toHaveLength(2);
    // Notes alone free nothing.
    await org.client.patch(`/api/appointments/${a.id}`, { notes: 'Prefers mornings' });
    expect(await freed(a.id)).toHaveLength(1);
  });

  it('does not keep freed time that is already over', async () => {
    const a = await book(inHours(1));
    // As if the appointment had been this morning (checked in, then the patient left).
    await app.dataSource.query(`UPDATE appointments SET starts_at = now() - interval '3 hours', ends_at = now() - interval '150 minutes', occupied_until = now() - interval '135 minutes' WHERE id = $1`, [a.id]);
    await org.client.post(`/api/appointments/${a.id}/check-in`);
    expect((await org.client.post(`/api/appointments/${a.id}/cancel`, { reason: 'Left before treatment' })).status).toBe(200);
    expect(await freed(a.id)).toEqual([]);
  });

  describe("a patient's appointments", () => {
    it('lists upcoming soonest first and past or cancelled latest first, paginated, for every role that books, audited as a record read', async () => {
      const patient = await newPatient(app.dataSource, org.organization.id);
      const at = (daysAhead: number) => futureInstant(daysAhead, 18);
      const ids: Record<string, string> = {};
      for (const [name, days] of [['in40', 40], ['in41', 41], ['in42', 42], ['in43', 43]] as const) {
        const r = await org.client.post('/api/appointments', { patientId: patient.id, serviceId, practitionerId, roomId, locationId: org.location.id, startsAt: at(days) });
        ids[name] = r.body.id;
      }
      await org.client.post(`/api/appointments/${ids.in43}/cancel`, { reason: 'Moved away', cancelledBy: 'patient' });
      // One in the past, completed.
      await app.dataSource.query(
        `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until, status)
         VALUES ($1, $2, $3, $4, $5, $6, now() - interval '30 days', now() - interval '30 days' + interval '30 minutes', now() - interval '30 days' + interval '45 minutes', 'completed')`,
        [org.organization.id, org.location.id, patient.id, serviceId, practitionerId, roomId],
      );
      const frontDesk = await signIn(app, (await newStaffMember(app.dataSource, org.organization.id, { role: 'front_desk' })).email);
      const upcoming = await frontDesk.get(`/api/patients/${patient.id}/appointments?scope=upcoming&pageSize=2`);
      expect(upcoming.status).toBe(200);
      expect(upcoming.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(upcoming.body.items.map((a: { id: string }) => a.id)).toEqual([ids.in40, ids.in41]);
      expect(upcoming.body.items[0]).toMatchObject({ serviceName: 'Facial consultation', roomName: 'Room 1', timeZone: 'America/New_York', status: 'booked' });
      expect((await frontDesk.get(`/api/patients/${patient.id}/appointments?scope=upcoming&pageSize=2&page=2`)).body.items.map((a: { id: string }) => a.id)).toEqual([ids.in42]);
      expect((await frontDesk.get(`/api/patients/${patient.id}/appointments?scope=upcoming&page=5`)).body).toMatchObject({ items: [], total: 3 });
      const past = await frontDesk.get(`/api/patients/${patient.id}/appointments?scope=past`);
      expect(past.body.items.map((a: { status: string }) => a.status)).toEqual(['cancelled', 'completed']);
      expect(past.body.items[0]).toMatchObject({ cancelReason: 'Moved away', cancelledBy: 'patient', lateCancellation: false });
      const [event] = await app.dataSource.query(`SELECT actor_id, changes FROM audit_events WHERE entity_type = 'patient' AND entity_id = $1 AND action = 'appointments.listed' ORDER BY id LIMIT 1`, [patient.id]);
      expect(event.changes).toEqual({ scope: { to: 'upcoming' }, page: { to: 1 }, appointmentIds: { to: [ids.in40, ids.in41] } });
      const nurse = await signIn(app, (await newStaffMember(app.dataSource, org.organization.id, { role: 'aesthetician' })).email);
      expect((await nurse.get(`/api/patients/${patient.id}/appointments`)).body.total).toBe(3);
    });

    it('refuses a bad scope, and answers 404 for an unknown patient or another clinic’s', async () => {
      const patient = await newPatient(app.dataSource, org.organization.id);
      const bad = await org.client.get(`/api/patients/${patient.id}/appointments?scope=future`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('scope');
      expect((await org.client.get(`/api/patients/00000000-0000-4000-8000-000000000000/appointments`)).status).toBe(404);
      const other = await newOrganization(app.dataSource);
      const theirs = await newPatient(app.dataSource, other.organization.id);
      expect((await org.client.get(`/api/patients/${theirs.id}/appointments`)).status).toBe(404);
    });
  });
});
