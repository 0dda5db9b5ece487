import { newPatient, newStaffMember, signedInOrganization, signIn } from '../../test/factories';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/** The organization's reminder lead time: read by those who see the outbox, set by admins, used for new bookings. */
describe('reminder settings', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('starts at the server default, takes a whole number of hours, and schedules new reminders by it', async () => {
    const org = await signedInOrganization(app, 'owner');
    expect((await org.client.get('/api/settings/reminders')).body).toEqual({ hoursBefore: 24, customized: false, emailDelivery: false });

    const bad = await org.client.put('/api/settings/reminders', { hoursBefore: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'hoursBefore', message: 'hoursBefore must be at least 1' }]);
    const frontDesk = await signIn(app, (await newStaffMember(app.dataSource, org.organization.id, { role: 'front_desk' })).email);
    expect((await frontDesk.put('/api/settings/reminders', { hoursBefore: 48 })).status).toBe(403);

    const saved = await org.client.put('/api/settings/reminders', { hoursBefore: 48 });
    expect(saved.body).toEqual({ hoursBefore: 48, customized: true, emailDelivery: false });

    const practitioner = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '00:00', end: '24:00' });
    const patient = await newPatient(app.dataSource, org.organization.id, { email: 'pat@example.com' });
    const startsAt = new Date(Math.ceil((Date.now() + 72 * 3_600_000) / 900_000) * 900_000);
    const booked = await org.client.post('/api/appointments', {
      patientId: patient.id,
      serviceId: (await newService(org.client, { procedureKind: 'consultation', consentKinds: [] })).id,
      practitionerId: practitioner.id,
      roomId: (await newRoom(org.client, org.location.id)).id,
      locationId: org.location.id,
      startsAt: startsAt.toISOString(),
    });
    expect(booked.status).toBe(201);
    const [reminder] = await app.dataSource.query(`SELECT send_after FROM outbound_messages WHERE appointment_id = $1 AND kind = 'reminder'`, [booked.body.id]);
    expect(startsAt.getTime() - new Date(reminder.send_after).getTime()).toBe(48 * 3_600_000);
    const audit = await org.client.get('/api/audit-events?action=settings.reminders_updated');
    expect(audit.body.total).toEqual({ count: 1, capped: false });
  });
});
