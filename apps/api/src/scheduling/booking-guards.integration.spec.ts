import { newLocation, newPatient, signedInOrganization } from '../../test/factories';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/** Guards found in review: unreadable instants, retired services, and notices when an appointment moves elsewhere. */
describe('booking guards', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  async function clinic() {
    const org = await signedInOrganization(app, 'owner');
    const practitioner = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '00:00', end: '24:00' });
    const service = await newService(org.client, { procedureKind: 'consultation', consentKinds: [] });
    const room = await newRoom(org.client, org.location.id);
    const patient = await newPatient(app.dataSource, org.organization.id, { email: 'pat@example.com' });
    const startsAt = new Date(Math.ceil((Date.now() + 72 * 3_600_000) / 900_000) * 900_000).toISOString();
    const body = { patientId: patient.id, serviceId: service.id, practitionerId: practitioner.id, roomId: room.id, locationId: org.location.id, startsAt };
    return { ...org, practitioner, service, room, patient, body };
  }

  it('refuses instants JavaScript cannot read or would read in the server zone, with a 400', async () => {
    const c = await clinic();
    for (const startsAt of ['2026-W10-1', '2026-068', '2026-03-09T09:00:00']) {
      const created = await c.client.post('/api/appointments', { ...c.body, startsAt });
      expect(created.status).toBe(400);
      expect(created.body.errors[0].field).toBe('startsAt');
    }
    const booked = await c.client.post('/api/appointments', c.body);
    expect(booked.status).toBe(201);
    const moved = await c.client.patch(`/api/appointments/${booked.body.id}`, { startsAt: '2026-W10-1' });
    expect(moved.status).toBe(400);
    expect((await c.client.get('/api/availability?serviceId=x&locationId=y&from=2026-068&to=2026-069')).status).toBe(400);
  });

  it('does not book a service that is no longer offered', async () => {
    const c = await clinic();
    await c.client.patch(`/api/services/${c.service.id}`, { isActive: false });
    const refused = await c.client.post('/api/appointments', c.body);
    expect(refused.status).toBe(422);
    expect(refused.body.violations.map((v: { code: string }) => v.code)).toContain('service-inactive');
  });

  it('rewrites the pending reminder and tells the patient when the appointment moves to another location at the same time', async () => {
    const c = await clinic();
    const booked = await c.client.post('/api/appointments', c.body);
    const annex = await newLocation(app.dataSource, c.organization.id, { name: 'Annex' });
    // She now works at the annex instead (nobody works at two places at once).
    expect((await c.client.put(`/api/staff/${c.practitioner.id}/working-hours`, { locationId: c.location.id, blocks: [] })).status).toBe(200);
    await c.client.put(`/api/staff/${c.practitioner.id}/working-hours`, {
      locationId: annex.id,
      blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: '00:00', endsAt: '24:00' })),
    });
    const annexRoom = await newRoom(c.client, annex.id);
    const moved = await c.client.patch(`/api/appointments/${booked.body.id}`, { locationId: annex.id, roomId: annexRoom.id });
    expect(moved.body.violations ?? []).toEqual([]);
    expect(moved.status).toBe(200);
    const messages: { kind: string; status: string; body: string }[] = await app.dataSource.query(
      `SELECT kind, status, body FROM outbound_messages WHERE appointment_id = $1 AND channel = 'email' ORDER BY created_at`,
      [booked.body.id],
    );
    const pendingReminders = messages.filter((m) => m.kind === 'reminder' && m.status === 'pending');
    expect(pendingReminders).toHaveLength(1);
    expect(pendingReminders[0].body).toContain('at Annex');
    expect(messages.some((m) => m.kind === 'reschedule' && m.body.includes('at Annex'))).toBe(true);
  });
});
