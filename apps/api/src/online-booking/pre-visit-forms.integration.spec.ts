import { emptyMedicalHistory, MEDICAL_HISTORY_FIELDS } from '@skinledger/domain';
import { randomBytes } from 'node:crypto';
import { signaturePng } from '../../test/consent-factories';
import { readPdf } from '../../test/pdf-tools';
import { newPatient, signedInOrganization, TEST_PASSWORD } from '../../test/factories';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { MANAGE_ACTIONS_PER_HOUR } from './manage-link-limiter';

const PUBLIC_URL = 'https://book.harbour-skin.test';
const OPEN = { enabled: true, minimumNoticeHours: 24, maximumDaysAhead: 60, cancellationWindowHours: 24, policyText: 'Cancel a day ahead, please.', excludedPractitionerIds: [] as string[] };
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) PreVisitSpec';

interface Slot {
  startsAt: string;
  endsAt: string;
  practitionerId: string;
}

/** YYYY-MM-DD `days` from the instant (UTC calendar; the tests keep a margin of weeks). */
const dayOffset = (ms: number, days: number) => new Date(ms + days * DAY).toISOString().slice(0, 10);

describe('online booking: pre-visit forms through the manage link (issue 16)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ PUBLIC_URL });
  });
  afterAll(async () => app.close());

  /** A clinic open online with a nurse working every day and a cosmetic-needling service open to anyone. */
  async function clinic() {
    const org = await signedInOrganization(app, 'owner');
    const nurse = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
    const room = await newRoom(org.client, org.location.id, 'Room A');
    const needling = await newService(org.client, { name: 'Cosmetic needling', procedureKind: 'cosmetic_needling', consentKinds: ['cosmetic_needling'], onlineBooking: 'anyone', durationMin: 60, bufferMin: 0 });
    expect((await org.client.put('/api/settings/online-booking', OPEN)).status).toBe(200);
    const [{ public_booking_slug: slug }] = await app.dataSource.query(`SELECT public_booking_slug FROM organizations WHERE id = $1`, [org.organization.id]);
    const anonymous = app.client();
    const slots = async (daysAhead = 3): Promise<Slot[]> => {
      const from = Date.now() + daysAhead * DAY;
      const response = await anonymous.get(
        `/api/public/booking/availability?organization=${slug}&serviceId=${needling.id}&locationId=${org.location.id}&from=${iso(from)}&to=${iso(from + DAY)}&practitionerId=${nurse.id}`,
      );
      expect(response.status).toBe(200);
      return response.body.slots as Slot[];
    };
    const book = async (slot: Slot) => {
      const who = { firstName: 'Amara', lastName: `Okafor${randomBytes(3).toString('hex')}`, dateOfBirth: '1990-04-02', email: `amara.${randomBytes(4).toString('hex')}@example.com`, phone: '(212) 555-0142' };
      const held = await anonymous.post(`/api/public/booking/holds?organization=${slug}`, {
        serviceId: needling.id,
        locationId: org.location.id,
        practitionerId: slot.practitionerId,
        startsAt: slot.startsAt,
        patient: who,
        acceptPolicy: true,
      });
      expect(held.status).toBe(201);
      const [message] = await app.dataSource.query(
        `SELECT m.body FROM outbound_messages m JOIN online_booking_holds h ON h.appointment_id = m.appointment_id WHERE h.id = $1 AND m.kind = 'booking_code'`,
        [held.body.holdId],
      );
      const code = /code is (\d{6})/.exec(message.body)?.[1];
      const done = await anonymous.post(`/api/public/booking/holds/${held.body.holdId}/confirm?organization=${slug}`, { code });
      expect(done.status).toBe(201);
      const [{ patient_id: patientId }] = await app.dataSource.query(`SELECT patient_id FROM appointments WHERE id = $1`, [done.body.appointment.id]);
      return { id: done.body.appointment.id as string, key: done.body.manageToken as string, who, patientId: patientId as string, startsAt: slot.startsAt };
    };
    const link = (key: string, action = '') => `/api/public/appointments/${key}${action ? `/${action}` : ''}`;
    const events = async (action: string, entityId: string) =>
      app.dataSource.query(`SELECT actor_id, ip, changes FROM audit_events WHERE organization_id = $1 AND entity_id = $2 AND action = $3`, [org.organization.id, entityId, action]);
    return { ...org, nurse, room, needling, slug: slug as string, anonymous, slots, book, link, events };
  }

  it('lists the staff form’s questionnaire and the consents prepared at confirmation, naming the practitioner; audited as the patient', async () => {
    const c = await clinic();
    const [slot] = await c.slots();
    const booked = await c.book(slot);

    const forms = await c.anonymous.get(c.link(booked.key, 'forms'));
    expect(forms.status).toBe(200);
    expect(forms.body.appointmentId).toBe(booked.id);
    // The same questions as the staff form, from the one definition in libs/domain.
    expect(forms.body.medicalHistory.questions.map((q: { field: string }) => q.field)).toEqual(MEDICAL_HISTORY_FIELDS.map((f) => f.field));
    expect(forms.body.medicalHistory).toMatchObject({ yourLastAnswers: null, onFile: false });
    expect(forms.body.consents).toEqual([
      expect.objectContaining({
        kind: 'cosmetic_needling',
        title: expect.any(String),
        body: expect.stringContaining(booked.who.lastName),
        practitionerName: c.nurse.name,
        signed: false,
        signedAt: null,
        signedRemotely: false,
        witnessRequired: true,
        witnessed: false,
      }),
    ]);
    expect(forms.body.consents[0].acknowledgements.length).toBeGreaterThan(0);
    // Prepared by nobody on the staff, for this appointment, naming its practitioner.
    const [record] = await app.dataSource.query(`SELECT created_by, practitioner_id, appointment_id FROM consent_records WHERE id = $1`, [forms.body.consents[0].id]);
    expect(record).toEqual({ created_by: null, practitioner_id: c.nurse.id, appointment_id: booked.id });
    const [viewed] = await c.events('online_booking.forms_viewed', booked.id);
    expect(viewed.actor_id).toBeNull();
    expect(viewed.ip).toBeTruthy();
  });

  it('stores a history marked patient, tells her plainly when isotretinoin means the treatment must wait, and tells the clinic', async () => {
    const c = await clinic();
    const [slot] = await c.slots();
    const booked = await c.book(slot);
    const answers = { ...emptyMedicalHistory(), isotretinoinLastDoseOn: dayOffset(Date.now(), -60), medications: ['vitamin D'] };

    const missing = await c.anonymous.put(c.link(booked.key, 'medical-history'), { ...answers, pregnantOrBreastfeeding: undefined });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('pregnantOrBreastfeeding');
    const future = await c.anonymous.put(c.link(booked.key, 'medical-history'), { ...answers, waxingLastOn: dayOffset(Date.now(), 10) });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('waxingLastOn');

    const put = await c.anonymous.put(c.link(booked.key, 'medical-history'), answers);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 1, source: 'patient', treatmentMustWait: true, eligibleFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(put.body.message).toMatch(/has to wait: it can be done from/);
    expect(put.body.message).not.toMatch(/isotretinoin|contraindication/i);

    const [row] = await app.dataSource.query(`SELECT source, recorded_by, version FROM patient_medical_histories WHERE patient_id = $1`, [booked.patientId]);
    expect(row).toEqual({ source: 'patient', recorded_by: null, version: 1 });
    // The clinic is told: an event naming the blocker, and check-in shows it with the history to review.
    const [flagged] = await c.events('online_booking.screening_flagged', booked.id);
    expect(flagged.actor_id).toBeNull();
    expect(flagged.changes.blockers.to).toContain('isotretinoin_window');
    const [recorded] = await c.events('patient.medical_history_recorded', booked.patientId);
    expect(recorded).toMatchObject({ actor_id: null, changes: { source: { to: 'patient' } } });
    const history = await c.client.get(`/api/patients/${booked.patientId}/medical-history`);
    expect(history.status).toBe(200);
    expect(history.body.current).toMatchObject({ source: 'patient', recordedById: null, recordedByName: '' });
    const timeline = await c.client.get(`/api/patients/${booked.patientId}/timeline`);
    expect(timeline.body.items).toContainEqual(
      expect.objectContaining({ kind: 'medical_history', title: expect.stringContaining('patient-reported, review at check-in'), actorName: 'The patient, online' }),
    );
    const checkIn = await c.client.get(`/api/appointments/${booked.id}/check-in`);
    expect(checkIn.body.blockers.map((b: { code: string }) => b.code)).toContain('isotretinoin_window');
    expect(checkIn.body.patientReportedHistory).toBe(true);

    // Her own answers come back to her; a later staff-recorded version does not.
    const again = await c.anonymous.get(c.link(booked.key, 'forms'));
    expect(again.body.medicalHistory.yourLastAnswers).toMatchObject({ version: 1, answers: { medications: ['vitamin D'] } });
    const staff = await c.client.put(`/api/patients/${booked.patientId}/medical-history`, { ...emptyMedicalHistory(), freeText: 'Clinic note: discussed isotretinoin' });
    expect(staff.status).toBe(200);
    const afterStaff = await c.anonymous.get(c.link(booked.key, 'forms'));
    expect(afterStaff.body.medicalHistory).toMatchObject({ yourLastAnswers: null, onFile: true });
    expect(JSON.stringify(afterStaff.body)).not.toContain('Clinic note');
    expect((await c.client.get(`/api/appointments/${booked.id}/check-in`)).body.patientReportedHistory).toBe(false);

    // Nothing blocks: she is thanked, and nothing more is flagged.
    const fine = await c.anonymous.put(c.link(booked.key, 'medical-history'), emptyMedicalHistory());
    expect(fine.body).toMatchObject({ version: 3, treatmentMustWait: false });
    expect(await c.events('online_booking.screening_flagged', booked.id)).toHaveLength(1);
  });

  it('signs remotely after the date of birth is checked: hash, IP and user agent, signed remotely, immutable; staff witness it at check-in', async () => {
    const c = await clinic();
    const [slot] = await c.slots();
    const booked = await c.book(slot);
    const [consent] = (await c.anonymous.get(c.link(booked.key, 'forms'))).body.consents;
    const body = {
      signerName: `Amara ${booked.who.lastName}`,
      dateOfBirth: booked.who.dateOfBirth,
      acknowledgements: consent.acknowledgements.map((a: { key: string }) => a.key),
      signature: signaturePng(),
      electronicSignatureConsent: true,
    };
    const sign = (b: Record<string, unknown>, consentId = consent.id) => c.anonymous.post(c.link(booked.key, `consents/${consentId}/sign`), b, { headers: { 'user-agent': UA } });

    const wrong = await sign({ ...body, dateOfBirth: '1991-04-02' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('dateOfBirth');
    expect(await c.events('online_booking.identity_check_failed', booked.id)).toHaveLength(1);
    expect((await sign({ ...body, electronicSignatureConsent: false })).status).toBe(422);
    expect((await sign(body, '00000000-0000-4000-8000-000000000000')).status).toBe(404);

    const signed = await sign(body);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ id: consent.id, signedRemotely: true, witnessRequired: true, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const [row] = await app.dataSource.query(
      `SELECT signed_remotely, signed_via_staff, signer_ip, signer_user_agent, content_hash, witnessed_at FROM consent_records WHERE id = $1`,
      [consent.id],
    );
    expect(row).toMatchObject({ signed_remotely: true, signed_via_staff: null, signer_user_agent: UA, content_hash: signed.body.contentHash, witnessed_at: null });
    expect(row.signer_ip).toBeTruthy();
    const [event] = await c.events('consent.signed', consent.id);
    expect(event).toMatchObject({ actor_id: null, changes: { signedRemotely: { to: true }, contentHash: { to: signed.body.contentHash } } });

    // Immutable: the database refuses a change to the signed content, and a second signature.
    await expect(app.dataSource.query(`UPDATE consent_records SET signer_name = 'Someone Else' WHERE id = $1`, [consent.id])).rejects.toThrow(/signed content cannot change/);
    await expect(app.dataSource.query(`UPDATE consent_records SET signed_remotely = false, signed_via_staff = $2 WHERE id = $1`, [consent.id, c.staffMember.id])).rejects.toThrow(
      /signed content cannot change/,
    );
    expect((await sign(body)).status).toBe(409);
    const listed = await c.anonymous.get(c.link(booked.key, 'forms'));
    expect(listed.body.consents[0]).toMatchObject({ signed: true, signedRemotely: true, witnessed: false });

    // Check-in: the drawer's read shows it signed remotely and awaiting the witness; staff witness it with their password.
    const checkIn = await c.client.get(`/api/appointments/${booked.id}/check-in`);
    expect(checkIn.body.missingConsents).toEqual([]);
    expect(checkIn.body.remotelySignedConsents).toEqual([{ id: consent.id, title: consent.title, witnessRequired: true, witnessed: false }]);
    const witnessed = await c.client.post(`/api/consents/${consent.id}/witness`, { password: TEST_PASSWORD });
    expect(witnessed.status).toBe(200);
    expect(witnessed.body).toMatchObject({ signedRemotely: true, witnessName: c.staffMember.name, recordHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const verified = await c.client.get(`/api/consents/${consent.id}/verify`);
    expect(verified.body).toMatchObject({ intact: true, contentHashMatches: true, recordHashMatches: true, chainMatches: true });
    expect((await c.client.get(`/api/appointments/${booked.id}/check-in`)).body.remotelySignedConsents[0].witnessed).toBe(true);
    // The PDF's certificate says how she was identified.
    const pdf = await c.client.get(`/api/consents/${consent.id}/pdf`);
    expect(pdf.status).toBe(200);
    const text = readPdf(pdf.bytes).text.replace(/\s+/g, ' ');
    expect(text).toContain('signed remotely');
    expect(text).toContain('date of birth checked against the record');
  });

  it('counts every action of the link, wrong dates of birth too, and answers 429 beyond the hourly limit', async () => {
    const c = await clinic();
    const [slot] = await c.slots();
    const booked = await c.book(slot);
    const [consent] = (await c.anonymous.get(c.link(booked.key, 'forms'))).body.consents;
    const wrong = { signerName: 'Amara X', dateOfBirth: '1970-01-01', acknowledgements: [], signature: signaturePng(), electronicSignatureConsent: true };
    for (let i = 0; i < MANAGE_ACTIONS_PER_HOUR; i++) expect((await c.anonymous.post(c.link(booked.key, `consents/${consent.id}/sign`), wrong)).status).toBe(400);
    const limited = await c.anonymous.post(c.link(booked.key, `consents/${consent.id}/sign`), wrong);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('staff send the forms of a staff-booked appointment: consents prepared, a new manage link, the e-mail in the outbox', async () => {
    const c = await clinic();
    const patient = await newPatient(app.dataSource, c.organization.id, { firstName: 'Beatrice', lastName: `Walker${randomBytes(2).toString('hex')}`, email: 'beatrice@example.com', dateOfBirth: '1980-02-03' });
    const [slot] = await c.slots(4);
    const appointment = await c.client.post('/api/appointments', {
      patientId: patient.id,
      serviceId: c.needling.id,
      practitionerId: c.nurse.id,
      roomId: c.room.id,
      locationId: c.location.id,
      startsAt: slot.startsAt,
    });
    expect(appointment.status).toBe(201);
    expect(await app.dataSource.query(`SELECT 1 FROM online_booking_manage_tokens WHERE appointment_id = $1`, [appointment.body.id])).toHaveLength(0);

    const sent = await c.client.post(`/api/appointments/${appointment.body.id}/send-forms`, {});
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ appointmentId: appointment.body.id, queued: true, recipient: 'beatrice@example.com', consentsToSign: 1 });
    const [message] = await app.dataSource.query(`SELECT recipient, subject, body, status FROM outbound_messages WHERE appointment_id = $1 AND kind = 'forms_request'`, [
      appointment.body.id,
    ]);
    expect(message).toMatchObject({ recipient: 'beatrice@example.com', status: 'pending' });
    const key = new RegExp(`${PUBLIC_URL}/book/manage/([A-Za-z0-9_-]{43})/forms`).exec(message.body)?.[1];
    expect(key).toBeDefined();
    expect(await app.dataSource.query(`SELECT 1 FROM online_booking_manage_tokens WHERE appointment_id = $1`, [appointment.body.id])).toHaveLength(1);
    const [sentEvent] = await c.events('online_booking.forms_sent', appointment.body.id);
    expect(sentEvent.actor_id).toBe(c.staffMember.id);

    const forms = await c.anonymous.get(c.link(key as string, 'forms'));
    expect(forms.status).toBe(200);
    expect(forms.body.consents).toEqual([expect.objectContaining({ kind: 'cosmetic_needling', practitionerName: c.nurse.name, signed: false })]);

    // Asked again before it went out: the waiting e-mail is replaced by one with the newest link, not doubled.
    const again = await c.client.post(`/api/appointments/${appointment.body.id}/send-forms`, {});
    expect(again.body).toMatchObject({ queued: true, consentsToSign: 1 });
    const rows = await app.dataSource.query(`SELECT status FROM outbound_messages WHERE appointment_id = $1 AND kind = 'forms_request'`, [appointment.body.id]);
    expect(rows).toEqual([{ status: 'pending' }]);
    // A front-desk member may send forms too.
    expect((await c.client.post(`/api/appointments/00000000-0000-4000-8000-000000000000/send-forms`, {})).status).toBe(404);
  });

  it('answers nothing of anyone else, and refuses the link of a cancelled or ended appointment', async () => {
    const c = await clinic();
    const free = await c.slots();
    const first = free[0];
    const second = free.find((s) => Date.parse(s.startsAt) >= Date.parse(first.endsAt)) as Slot;
    const booked = await c.book(first);
    const other = await c.book(second);
    // The other patient's history and signed consent at the same clinic.
    expect((await c.anonymous.put(c.link(other.key, 'medical-history'), { ...emptyMedicalHistory(), freeText: 'Other patient secret' })).status).toBe(200);
    const [otherConsent] = (await c.anonymous.get(c.link(other.key, 'forms'))).body.consents;

    const mine = await c.anonymous.get(c.link(booked.key, 'forms'));
    const text = JSON.stringify(mine.body);
    for (const secret of [other.who.lastName, other.who.email, 'Other patient secret', otherConsent.id, other.id]) expect(text).not.toContain(secret);
    // Her link cannot sign the other patient's consent.
    const crossSign = await c.anonymous.post(c.link(booked.key, `consents/${otherConsent.id}/sign`), {
      signerName: 'Amara',
      dateOfBirth: booked.who.dateOfBirth,
      acknowledgements: otherConsent.acknowledgements.map((a: { key: string }) => a.key),
      signature: signaturePng(),
      electronicSignatureConsent: true,
    });
    expect(crossSign.status).toBe(404);

    // Cancelled: no forms (409, plainly); nothing can be recorded either.
    expect((await c.anonymous.post(c.link(other.key, 'cancel'), {})).status).toBe(200);
    const cancelled = await c.anonymous.get(c.link(other.key, 'forms'));
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.type).toContain('appointment-closed');
    expect((await c.anonymous.put(c.link(other.key, 'medical-history'), emptyMedicalHistory())).status).toBe(409);
    // Over (its time has passed): the link answers 404 like an unknown one.
    await app.dataSource.query(`ALTER TABLE appointments DISABLE TRIGGER USER`);
    try {
      await app.dataSource.query(`UPDATE appointments SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour', occupied_until = now() - interval '1 hour' WHERE id = $1`, [booked.id]);
    } finally {
      await app.dataSource.query(`ALTER TABLE appointments ENABLE TRIGGER USER`);
    }
    expect((await c.anonymous.get(c.link(booked.key, 'forms'))).status).toBe(404);
    expect((await c.anonymous.get(c.link(randomBytes(32).toString('base64url'), 'forms'))).status).toBe(404);
  });
});
