import { newPatient, newStaffMember, signIn, TEST_PASSWORD } from '../../test/factories';
import { newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { chair, credential, giveConsents, screenedPatient, walkIn, type Chair } from '../../test/treatment-factories';

/** Sessions started from a booked appointment: its checklist, its practitioner, and the status flow it drives. */
describe('sessions from appointments', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  /** A medical-needling appointment for the chair's patient with the chair's nurse, starting at the next quarter hour. */
  async function booked(c: Chair, serviceOverrides: Record<string, unknown> = {}) {
    const hours = await c.owner.put(`/api/staff/${c.nurse.id}/working-hours`, {
      locationId: c.location.id,
      blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: '00:00', endsAt: '24:00' })),
    });
    expect(hours.status).toBe(200);
    const service = await newService(c.owner, { consentKinds: ['medical_needling'], ...serviceOverrides });
    const room = await newRoom(c.owner, c.location.id);
    const startsAt = new Date(Math.ceil(Date.now() / 900_000) * 900_000).toISOString();
    const response = await c.owner.post('/api/appointments', {
      patientId: c.patient.id,
      serviceId: service.id,
      practitionerId: c.nurse.id,
      roomId: room.id,
      locationId: c.location.id,
      startsAt,
    });
    if (response.status !== 201) throw new Error(`booking failed: ${response.status} ${response.text}`);
    return response.body as { id: string; status: string };
  }
  const fromAppointment = (c: Chair, appointmentId: string, patch: Record<string, unknown> = {}) => ({
    appointmentId,
    deviceId: c.device.id,
    cartridgeLotId: c.lot.id,
    zones: [
      { zone: 'cheeks', depthMm: 1.5, passes: 3 },
      { zone: 'forehead', depthMm: 0.5, passes: 2 },
    ],
    ...patch,
  });
  const status = async (c: Chair, id: string) => (await c.owner.get(`/api/appointments/${id}`)).body.status as string;

  it("answers the appointment's checklist: the service's consents, the pen and the lot", async () => {
    const c = await chair(app);
    const appointment = await booked(c, { consentKinds: ['medical_needling', 'topical_anesthetic'] });
    const before = await c.practitioner.get(`/api/appointments/${appointment.id}/preflight?lotId=${c.lot.id}&deviceId=${c.device.id}&photos=true`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ ok: false, procedureKind: 'medical' });
    expect(before.body.blockers.filter((b: { code: string }) => b.code === 'consent-missing').map((b: { subject: string }) => b.subject).sort()).toEqual([
      'medical_needling',
      'photography',
      'topical_anesthetic',
    ]);
    await giveConsents(app, c, ['medical_needling', 'topical_anesthetic', 'photography']);
    const after = await c.practitioner.get(`/api/appointments/${appointment.id}/preflight?lotId=${c.lot.id}&deviceId=${c.device.id}&photos=true`);
    expect(after.body).toMatchObject({ ok: true, blockers: [] });
    expect((await c.practitioner.get(`/api/appointments/${appointment.id}/preflight?photos=maybe`)).status).toBe(400);
    expect((await c.practitioner.get('/api/appointments/00000000-0000-4000-8000-000000000000/preflight')).status).toBe(404);
  });

  it("screens the patient in the appointment's one read as the eligibility check does: contraindications, allergies on the record, the archive", async () => {
    const c = await chair(app);
    const patient = await screenedPatient(c.owner, app.dataSource, c.organization.id, { pregnantOrBreastfeeding: true, keloidHistory: true });
    // An allergy entered on the demographics only: screening merges it into the questionnaire's.
    await app.dataSource.query(`UPDATE patients SET allergies = $2 WHERE id = $1`, [patient.id, JSON.stringify([{ substance: 'Nickel', class: 'nickel' }])]);
    const theirs = { ...c, patient };
    await giveConsents(app, theirs, ['medical_needling']);
    const appointment = await booked(theirs, { consentKinds: ['medical_needling', 'topical_anesthetic'] });

    const preflight = await c.practitioner.get(`/api/appointments/${appointment.id}/preflight`);
    expect(preflight.status).toBe(200);
    const eligibility = await c.practitioner.get(`/api/patients/${patient.id}/eligibility?procedure=medical&on=${preflight.body.onDate}`);
    expect(eligibility.status).toBe(200);
    expect(eligibility.body.blockers.map((b: { code: string }) => b.code).sort()).toEqual(['nickel_allergy', 'pregnancy']);
    expect(preflight.body).toMatchObject({ ok: false, procedureKind: 'medical', requiredConsentKinds: ['medical_needling', 'topical_anesthetic'] });
    expect(preflight.body.blockers).toEqual([
      ...eligibility.body.blockers.map((b: { code: string; message: string }) => ({ code: 'contraindication', message: b.message, subject: b.code })),
      expect.objectContaining({ code: 'consent-missing', subject: 'topical_anesthetic' }),
    ]);
    expect(preflight.body.warnings).toEqual(
      eligibility.body.warnings.map((w: { code: string; message: string }) => ({ code: 'relative-contraindication', message: w.message, subject: w.code, requiresAcknowledgement: true })),
    );
    expect(preflight.body.warnings.map((w: { subject: string }) => w.subject)).toEqual(['keloid_history']);

    expect((await c.owner.post(`/api/patients/${patient.id}/archive`)).status).toBeLessThan(300);
    const archived = await c.practitioner.get(`/api/appointments/${appointment.id}/preflight`);
    expect(archived.body.blockers[0]).toMatchObject({ code: 'patient-archived' });
  });

  it('blocks a patient with no medical history on file from the same read', async () => {
    const c = await chair(app);
    const unscreened = await newPatient(app.dataSource, c.organization.id, { fitzpatrickType: 2 });
    const appointment = await booked({ ...c, patient: unscreened });
    const preflight = await c.practitioner.get(`/api/appointments/${appointment.id}/preflight`);
    expect(preflight.status).toBe(200);
    expect(preflight.body.blockers).toContainEqual(expect.objectContaining({ code: 'contraindication', subject: 'history_missing' }));
  });

  it('starts only once checked in, by the booked practitioner, moves the appointment along and completes it on signing', async () => {
    const c = await chair(app);
    await giveConsents(app, c, ['medical_needling']);
    const appointment = await booked(c);
    const early = await c.practitioner.post('/api/treatment-sessions', fromAppointment(c, appointment.id));
    expect(early.status).toBe(409);
    expect(early.body.type).toContain('appointment-not-checked-in');
    expect((await c.owner.post(`/api/appointments/${appointment.id}/check-in`)).status).toBe(200);

    const colleague = await newStaffMember(app.dataSource, c.organization.id, { role: 'physician', defaultLocationId: c.location.id });
    await credential(app.dataSource, c.organization.id, colleague.id, 'physician');
    const other = await (await signIn(app, colleague.email)).post('/api/treatment-sessions', fromAppointment(c, appointment.id));
    expect(other.status).toBe(422);
    expect(other.body.violations.map((v: { code: string }) => v.code)).toEqual(['practitioner-not-booked']);

    const started = await c.practitioner.post('/api/treatment-sessions', fromAppointment(c, appointment.id));
    expect(started.status).toBe(201);
    expect(started.body.session).toMatchObject({ appointmentId: appointment.id, procedureKind: 'medical', maxDepthMm: 1.5, walkInReason: null });
    expect(await status(c, appointment.id)).toBe('in_treatment');
    const twice = await c.practitioner.post('/api/treatment-sessions', fromAppointment(c, appointment.id));
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ sessionId: started.body.session.id });

    expect((await c.practitioner.post(`/api/treatment-sessions/${started.body.session.id}/sign`, { password: TEST_PASSWORD })).status).toBe(200);
    expect(await status(c, appointment.id)).toBe('completed');
  });

  it("names the consents missing for the patient's next appointment", async () => {
    const c = await chair(app);
    const none = await c.owner.get(`/api/patients/${c.patient.id}/next-appointment-consents`);
    expect(none.body).toEqual({ appointmentId: null, startsAt: null, serviceName: null, timeZone: null, missingConsents: [] });
    const appointment = await booked(c, { consentKinds: ['medical_needling', 'photography'] });
    const missing = await c.owner.get(`/api/patients/${c.patient.id}/next-appointment-consents`);
    expect(missing.body).toMatchObject({ appointmentId: appointment.id, timeZone: 'America/New_York', missingConsents: ['medical_needling', 'photography'] });
    await giveConsents(app, c, ['photography']);
    expect((await c.owner.get(`/api/patients/${c.patient.id}/next-appointment-consents`)).body.missingConsents).toEqual(['medical_needling']);
  });

  it('counts a walk-in medical session when booking the next medical appointment', async () => {
    const c = await chair(app);
    await giveConsents(app, c, ['medical_needling']);
    expect((await c.practitioner.post('/api/treatment-sessions', walkIn(c, { zones: [{ zone: 'cheeks', depthMm: 1, passes: 2 }] }))).status).toBe(201);
    await expect(booked(c)).rejects.toThrow(/medical-interval/);
  });
});
