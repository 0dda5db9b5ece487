import { emptyMedicalHistory } from '@skinledger/domain';
import { signedConsent } from '../../../test/consent-factories';
import { newPatient, newStaffMember, signIn, signedInOrganization } from '../../../test/factories';
import { newPractitioner, newRoom, newService } from '../../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

const OPEN = { enabled: true, minimumNoticeHours: 24, maximumDaysAhead: 60, cancellationWindowHours: 24, policyText: 'Cancel a day ahead, please.', excludedPractitionerIds: [] as string[] };
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Slot {
  startsAt: string;
  endsAt: string;
  practitionerId: string;
}

/**
 * The clinic's side of online booking (issue 16): verifying a self-registered patient's identity, the possible
 * duplicates recorded when the public confirm created her record, dismissing a pair and merging the online record
 * into the existing one. Through HTTP into PostgreSQL; the online booking itself goes through the public API.
 */
describe('self-registered patients: identity and possible duplicates (issue 16)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  /** A clinic open online: a nurse every day 09–17, a consultation anyone may book. */
  async function clinic() {
    const org = await signedInOrganization(app, 'owner');
    const nurse = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
    await newRoom(org.client, org.location.id, 'Room A');
    const consultation = await newService(org.client, { procedureKind: 'consultation', consentKinds: [], onlineBooking: 'anyone', durationMin: 30, bufferMin: 0 });
    expect((await org.client.put('/api/settings/online-booking', OPEN)).status).toBe(200);
    const [{ public_booking_slug: slug }] = await app.dataSource.query(`SELECT public_booking_slug FROM organizations WHERE id = $1`, [org.organization.id]);
    const anonymous = app.client();
    let dayOffset = 2;
    /** Books online as `person` (hold, the code from the outbox, confirm); answers the appointment and its patient. */
    const bookOnline = async (person: Record<string, string>) => {
      dayOffset += 1;
      const from = Date.now() + dayOffset * DAY;
      const free = await anonymous.get(
        `/api/public/booking/availability?organization=${slug}&serviceId=${consultation.id}&locationId=${org.location.id}&from=${iso(from)}&to=${iso(from + DAY)}&practitionerId=${nurse.id}`,
      );
      expect(free.status).toBe(200);
      const slot = (free.body.slots as Slot[])[0];
      const held = await anonymous.post(`/api/public/booking/holds?organization=${slug}`, {
        serviceId: consultation.id,
        locationId: org.location.id,
        practitionerId: slot.practitionerId,
        startsAt: slot.startsAt,
        patient: person,
        acceptPolicy: true,
      });
      expect(held.status).toBe(201);
      const [message] = await app.dataSource.query(
        `SELECT m.body FROM outbound_messages m JOIN online_booking_holds h ON h.appointment_id = m.appointment_id WHERE h.id = $1 AND m.kind = 'booking_code'`,
        [held.body.holdId],
      );
      const code = /code is (\d{6})/.exec(message.body)?.[1] as string;
      const done = await anonymous.post(`/api/public/booking/holds/${held.body.holdId}/confirm?organization=${slug}`, { code });
      expect(done.status).toBe(201);
      const [{ patient_id: patientId }] = await app.dataSource.query(`SELECT patient_id FROM appointments WHERE id = $1`, [done.body.appointment.id]);
      return { appointmentId: done.body.appointment.id as string, patientId: patientId as string };
    };
    return { ...org, nurse, bookOnline };
  }

  const suffix = () => Math.random().toString(36).slice(2, 7);
  /** Someone already on file, and the same person booking online with a new e-mail and phone (no automatic match). */
  async function returningPatientBookingAgain(c: Awaited<ReturnType<typeof clinic>>) {
    const lastName = `Okafor${suffix()}`;
    const existing = await newPatient(app.dataSource, c.organization.id, { firstName: 'Amara', lastName, dateOfBirth: '1990-04-02', email: `old.${suffix()}@example.com`, phone: '+12125550100' });
    const online = await c.bookOnline({ firstName: 'Amara', lastName, dateOfBirth: '1990-04-02', email: `amara.${suffix()}@example.com`, phone: '(212) 555-0142' });
    return { existing, online };
  }

  const eventsOf = (organizationId: string, action: string) =>
    app.dataSource.query(`SELECT entity_id, actor_id, changes FROM audit_events WHERE organization_id = $1 AND action = $2 ORDER BY occurred_at`, [organizationId, action]);

  describe('POST /api/patients/{id}/verify-identity', () => {
    it('lets front desk verify a self-registered patient once: who and when, audited, and the calendar stops asking', async () => {
      const c = await clinic();
      const { online } = await returningPatientBookingAgain(c);
      const desk = await newStaffMember(app.dataSource, c.organization.id, { role: 'front_desk', defaultLocationId: c.location.id });
      const deskClient = await signIn(app, desk.email);

      const before = await deskClient.get(`/api/patients/${online.patientId}`);
      expect(before.body).toMatchObject({ selfRegistered: true, identityVerifiedAt: null, identityVerifiedBy: null, mergedIntoPatientId: null });
      const booked = await deskClient.get(`/api/appointments/${online.appointmentId}`);
      expect(booked.body).toMatchObject({ source: 'online', patientIdentityToVerify: true });

      const verified = await deskClient.post(`/api/patients/${online.patientId}/verify-identity`, {});
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ selfRegistered: true, identityVerifiedBy: desk.id });
      expect(Date.parse(verified.body.identityVerifiedAt)).toBeGreaterThan(Date.now() - 60_000);

      const again = await deskClient.post(`/api/patients/${online.patientId}/verify-identity`, {});
      expect(again.status).toBe(200);
      expect(again.body.identityVerifiedAt).toBe(verified.body.identityVerifiedAt);
      const events = await eventsOf(c.organization.id, 'patient.identity_verified');
      expect(events).toEqual([{ entity_id: online.patientId, actor_id: desk.id, changes: { identityVerified: { from: false, to: true } } }]);

      expect((await deskClient.get(`/api/appointments/${online.appointmentId}`)).body.patientIdentityToVerify).toBe(false);
      expect((await deskClient.get(`/api/patients/${online.patientId}`)).body.identityVerifiedBy).toBe(desk.id);
    });

    it('refuses a staff-registered patient (409), another clinic (404) and no session (401)', async () => {
      const c = await clinic();
      const { existing, online } = await returningPatientBookingAgain(c);
      const staffRegistered = await c.client.post(`/api/patients/${existing.id}/verify-identity`, {});
      expect(staffRegistered.status).toBe(409);
      expect(staffRegistered.body.type).toContain('identity-not-self-registered');
      expect(staffRegistered.headers.get('content-type')).toContain('application/problem+json');

      const other = await signedInOrganization(app, 'owner');
      expect((await other.client.post(`/api/patients/${online.patientId}/verify-identity`, {})).status).toBe(404);
      expect((await app.client().post(`/api/patients/${online.patientId}/verify-identity`, {})).status).toBe(401);
      const [row] = await app.dataSource.query(`SELECT identity_verified_at FROM patients WHERE id = $1`, [online.patientId]);
      expect(row.identity_verified_at).toBeNull();
    });
  });

  describe('GET /api/patients/possible-duplicates', () => {
    it('lists the pair found when the online booking created the record, audited, and only to its own clinic', async () => {
      const c = await clinic();
      const { existing, online } = await returningPatientBookingAgain(c);
      const listed = await c.client.get('/api/patients/possible-duplicates');
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual([
        {
          id: expect.any(String),
          patient: expect.objectContaining({ id: online.patientId, selfRegistered: true, identityVerified: false, phone: '+12125550142', archived: false }),
          existing: expect.objectContaining({ id: existing.id, mrn: existing.mrn, name: `Amara ${existing.lastName}`, dateOfBirth: '1990-04-02', selfRegistered: false }),
          matchedOn: ['name_and_date_of_birth'],
          foundAt: expect.any(String),
        },
      ]);
      const [event] = await eventsOf(c.organization.id, 'patients.duplicates_listed');
      expect(event.changes.resultCount).toEqual({ to: 1 });
      expect(event.changes.patientIds.to.sort()).toEqual([existing.id, online.patientId].sort());
      const [created] = (await eventsOf(c.organization.id, 'patient.created')).filter((e: { entity_id: string }) => e.entity_id === online.patientId);
      expect(created.changes.possibleDuplicateOf).toEqual({ to: [existing.mrn] });

      // Tenant isolation: another clinic sees none of it and cannot act on it.
      const other = await signedInOrganization(app, 'owner');
      expect((await other.client.get('/api/patients/possible-duplicates')).body).toEqual([]);
      expect((await other.client.post(`/api/patients/possible-duplicates/${listed.body[0].id}/dismiss`, {})).status).toBe(404);
      expect((await other.client.post(`/api/patients/possible-duplicates/${listed.body[0].id}/merge`, {})).status).toBe(404);
    });

    it('records no pair for a new person, nor when the booking matched the existing record', async () => {
      const c = await clinic();
      await c.bookOnline({ firstName: 'Lena', lastName: `Brandt${suffix()}`, dateOfBirth: '1984-11-20', email: `lena.${suffix()}@example.com`, phone: '(212) 555-0199' });
      const lastName = `Ito${suffix()}`;
      const email = `yuki.${suffix()}@example.com`;
      await newPatient(app.dataSource, c.organization.id, { firstName: 'Yuki', lastName, dateOfBirth: '1979-01-05', email, phone: null });
      const matched = await c.bookOnline({ firstName: 'Yuki', lastName, dateOfBirth: '1979-01-05', email, phone: '(212) 555-0177' });
      const [flag] = await app.dataSource.query(`SELECT self_registered FROM patients WHERE id = $1`, [matched.patientId]);
      expect(flag.self_registered).toBe(false);
      expect((await c.client.get('/api/patients/possible-duplicates')).body).toEqual([]);
    });
  });

  describe('POST /api/patients/possible-duplicates/{id}/dismiss', () => {
    it('marks the pair as two people, audited; again changes nothing; a merge afterwards is refused', async () => {
      const c = await clinic();
      const { existing, online } = await returningPatientBookingAgain(c);
      const [pair] = (await c.client.get('/api/patients/possible-duplicates')).body;
      const dismissed = await c.client.post(`/api/patients/possible-duplicates/${pair.id}/dismiss`, {});
      expect(dismissed.status).toBe(200);
      expect(dismissed.body).toEqual({ id: pair.id, resolution: 'dismissed' });
      expect((await c.client.post(`/api/patients/possible-duplicates/${pair.id}/dismiss`, {})).status).toBe(200);
      const events = await eventsOf(c.organization.id, 'patient.duplicate_dismissed');
      expect(events).toEqual([{ entity_id: online.patientId, actor_id: c.staffMember.id, changes: { existingPatientId: { to: existing.id }, existingMrn: { to: existing.mrn } } }]);
      expect((await c.client.get('/api/patients/possible-duplicates')).body).toEqual([]);
      const merge = await c.client.post(`/api/patients/possible-duplicates/${pair.id}/merge`, {});
      expect(merge.status).toBe(409);
      expect(merge.body.type).toContain('duplicate-resolved');
      expect((await c.client.post(`/api/patients/possible-duplicates/not-a-uuid/dismiss`, {})).status).toBe(400);
    });
  });

  describe('POST /api/patients/possible-duplicates/{id}/merge', () => {
    it('moves the online booking to the existing record, voids a pending consent, archives the online record pointing at it, audited on both', async () => {
      const c = await clinic();
      const { existing, online } = await returningPatientBookingAgain(c);
      const pending = await c.client.post(`/api/patients/${online.patientId}/consents`, {
        templateId: (await c.client.get('/api/consent-templates')).body.find((t: { kind: string }) => t.kind === 'photography').id,
        practitionerId: c.nurse.id,
      });
      expect(pending.status).toBe(201);
      const [pair] = (await c.client.get('/api/patients/possible-duplicates')).body;
      const [{ pending: pendingCount }] = await app.dataSource.query(
        `SELECT count(*)::int AS pending FROM consent_records WHERE patient_id = $1 AND signed_at IS NULL AND revoked_at IS NULL`,
        [online.patientId],
      );
      expect(pendingCount).toBeGreaterThanOrEqual(1);

      const merged = await c.client.post(`/api/patients/possible-duplicates/${pair.id}/merge`, {});
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({ patient: { id: existing.id, mrn: existing.mrn, archived: false }, mergedPatientId: online.patientId, moved: { appointments: 1, 'consents voided': pendingCount } });

      const appointment = await c.client.get(`/api/appointments/${online.appointmentId}`);
      expect(appointment.body).toMatchObject({ patientId: existing.id, patientMrn: existing.mrn, source: 'online', patientIdentityToVerify: false });
      const onlineRecord = await c.client.get(`/api/patients/${online.patientId}`);
      expect(onlineRecord.body).toMatchObject({ archived: true, mergedIntoPatientId: existing.id, archiveReason: `Merged into ${existing.mrn}` });
      const [consent] = await app.dataSource.query(`SELECT patient_id, revoked_at IS NOT NULL AS voided, signed_at FROM consent_records WHERE id = $1`, [pending.body.id]);
      expect(consent).toEqual({ patient_id: online.patientId, voided: true, signed_at: null });

      // Gone from the list, from search (archived or not) and from the duplicates; it cannot come back.
      const search = await c.client.get(`/api/patients?q=${encodeURIComponent(existing.lastName)}&includeArchived=true`);
      expect(search.body.items.map((p: { id: string }) => p.id)).toEqual([existing.id]);
      expect((await c.client.get('/api/patients/possible-duplicates')).body).toEqual([]);
      const restore = await c.client.post(`/api/patients/${online.patientId}/restore`, {});
      expect(restore.status).toBe(409);
      expect(restore.body.type).toContain('patient-merged');
      expect((await c.client.post(`/api/patients/possible-duplicates/${pair.id}/merge`, {})).body.type).toContain('duplicate-resolved');

      const events = await eventsOf(c.organization.id, 'patient.merged');
      expect(events.map((e: { entity_id: string }) => e.entity_id).sort()).toEqual([existing.id, online.patientId].sort());
      expect(events[0].changes).toMatchObject({ keptMrn: { to: existing.mrn }, mergedPatientId: { to: online.patientId }, moved: { to: { appointments: 1, 'consents voided': pendingCount } } });
    });

    it('refuses (409 naming it) when the online record has a signed consent, and changes nothing', async () => {
      const c = await clinic();
      const { existing, online } = await returningPatientBookingAgain(c);
      await signedConsent(c.client, online.patientId, 'photography');
      const [pair] = (await c.client.get('/api/patients/possible-duplicates')).body;
      const refused = await c.client.post(`/api/patients/possible-duplicates/${pair.id}/merge`, {});
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ type: expect.stringContaining('merge-blocked'), blockers: [{ record: 'signed-consent', count: 1, message: 'it has 1 signed consent' }] });
      expect(refused.body.detail).toContain('signed consent');

      expect((await c.client.get(`/api/appointments/${online.appointmentId}`)).body.patientId).toBe(online.patientId);
      expect((await c.client.get(`/api/patients/${online.patientId}`)).body).toMatchObject({ archived: false, mergedIntoPatientId: null });
      expect((await c.client.get('/api/patients/possible-duplicates')).body.map((p: { id: string }) => p.id)).toEqual([pair.id]);
      expect(await eventsOf(c.organization.id, 'patient.merged')).toEqual([]);
      expect(existing.id).not.toBe(online.patientId);
    });

    it('lets one of two racing resolutions win and answers the other 409', async () => {
      const c = await clinic();
      await returningPatientBookingAgain(c);
      const [pair] = (await c.client.get('/api/patients/possible-duplicates')).body;
      const answers = await Promise.all([
        c.client.post(`/api/patients/possible-duplicates/${pair.id}/merge`, {}),
        c.client.post(`/api/patients/possible-duplicates/${pair.id}/merge`, {}),
        c.client.post(`/api/patients/possible-duplicates/${pair.id}/dismiss`, {}),
      ]);
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(2);
      const [row] = await app.dataSource.query(`SELECT resolution FROM patient_possible_duplicates WHERE id = $1`, [pair.id]);
      expect(['merged', 'dismissed']).toContain(row.resolution);
    });

    it('refuses when the online record has a medical history (append-only, drives screening), naming every blocker', async () => {
      const c = await clinic();
      const { online } = await returningPatientBookingAgain(c);
      expect((await c.client.put(`/api/patients/${online.patientId}/medical-history`, emptyMedicalHistory())).status).toBe(200);
      await signedConsent(c.client, online.patientId, 'photography');
      const [pair] = (await c.client.get('/api/patients/possible-duplicates')).body;
      const refused = await c.client.post(`/api/patients/possible-duplicates/${pair.id}/merge`, {});
      expect(refused.status).toBe(409);
      expect(refused.body.blockers.map((b: { record: string }) => b.record).sort()).toEqual(['medical-history', 'signed-consent']);
      expect(refused.body.detail).toMatch(/medical-history version .*signed consent|signed consent.*medical-history version/);
      expect((await c.client.get(`/api/appointments/${online.appointmentId}`)).body.patientId).toBe(online.patientId);
    });
  });
});
