import { execFileSync } from 'node:child_process';
import { AuditService } from '../audit/audit.service';
import { contentHashOf } from './consent-hash';
import { ConsentRecord } from './consent.entities';
import { consentPractitioner, prepareConsent, signBody, signedConsent, templateOfKind } from '../../test/consent-factories';
import { newPatient, newStaffMember, signedInOrganization, signIn, TEST_PASSWORD } from '../../test/factories';
import { futureInstant, newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { ApiClient } from '../../test/api-client';

type Org = Awaited<ReturnType<typeof signedInOrganization>>;
interface Consent {
  id: string;
  kind: string;
  status: string;
  body: string;
  acknowledgements: { key: string; required: boolean }[];
  practitionerId: string | null;
  practitionerName: string;
  createdByName: string;
  appointment: { id: string; serviceName: string; startsAt: string; timeZone: string } | null;
  witnessName: string | null;
  witnessedAt: string | null;
}

function expectProblem(response: { status: number; headers: Headers }, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
}

/** The text of a consent's PDF as poppler's pdftotext reads it (what a person or a regulator searching the file sees). */
async function pdfText(app: TestApp, client: ApiClient, id: string): Promise<string> {
  const response = await fetch(`${app.baseUrl}/api/consents/${id}/pdf`, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  expect(response.status).toBe(200);
  const pdf = Buffer.from(await response.arrayBuffer());
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
}

/**
 * Issue 13: consents name the treating practitioner (never whoever prepared them), a visit's consents are prepared
 * together from its appointment, and one witness step (one password) witnesses a kiosk session's forms.
 */
describe('consents name the treating practitioner; the visit bundle; one witness step', () => {
  let app: TestApp;
  let org: Org;
  let desk: ApiClient;
  let deskName: string;
  let deskId: string;
  let nurse: { id: string; name: string };
  let roomId: string;
  let medicalServiceId: string;
  let medicalServiceName: string;
  let day = 2;

  async function consentCount(where: string, params: unknown[]): Promise<number> {
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM consent_records WHERE ${where}`, params);
    return count;
  }

  /** An appointment of the service with the practitioner, on a later day each time (10:00 in New York). */
  async function book(patientId: string, options: { serviceId?: string; practitionerId?: string } = {}): Promise<string> {
    const response = await org.client.post('/api/appointments', {
      patientId,
      serviceId: options.serviceId ?? medicalServiceId,
      practitionerId: options.practitionerId ?? nurse.id,
      roomId,
      locationId: org.location.id,
      startsAt: futureInstant(day++, 15),
    });
    if (response.status !== 201) throw new Error(`book: ${response.status} ${response.text}`);
    return response.body.id as string;
  }

  async function signAll(client: ApiClient, consents: Consent[]): Promise<void> {
    for (const consent of consents) expect((await client.post(`/api/consents/${consent.id}/sign`, signBody(consent))).status).toBe(200);
  }

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'owner');
    const deskMember = await newStaffMember(app.dataSource, org.organization.id, { role: 'front_desk', name: 'Tom Alvarez' });
    deskName = deskMember.name;
    deskId = deskMember.id;
    desk = await signIn(app, deskMember.email);
    const nurseMember = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '00:00', end: '24:00' });
    nurse = { id: nurseMember.id, name: nurseMember.name };
    roomId = (await newRoom(org.client, org.location.id)).id;
    const medical = await newService(org.client, { consentKinds: ['medical_needling', 'topical_anesthetic', 'photography'] });
    medicalServiceId = medical.id;
    medicalServiceName = (await org.client.get('/api/services')).body.find((s: { id: string }) => s.id === medical.id).name;
  });
  afterAll(async () => app.close());

  describe('a consent prepared outside an appointment', () => {
    let patientId: string;
    beforeAll(async () => {
      patientId = (await newPatient(app.dataSource, org.organization.id)).id;
    });

    it('front desk must name the practitioner: without one, or naming themselves, 422 on practitionerId and nothing written', async () => {
      const template = await templateOfKind(desk, 'cosmetic_needling');
      const before = await consentCount('patient_id = $1', [patientId]);
      const unnamed = await desk.post(`/api/patients/${patientId}/consents`, { templateId: template.id });
      expectProblem(unnamed, 422);
      expect(unnamed.body.type).toBe('urn:skinledger:problem:rule-violation');
      expect(unnamed.body.violations).toEqual([{ code: 'not-a-practitioner', field: 'practitionerId', message: 'Tom Alvarez (front desk) is not a physician, nurse or aesthetician' }]);
      expect(unnamed.body.detail).toContain('Name the practitioner who treats the patient');
      const self = await desk.post(`/api/patients/${patientId}/consents`, { templateId: template.id, practitionerId: deskId });
      expectProblem(self, 422);
      expect(self.body.violations[0]).toMatchObject({ code: 'not-a-practitioner', field: 'practitionerId' });
      const owner = await desk.post(`/api/patients/${patientId}/consents`, { templateId: template.id, practitionerId: org.staffMember.id });
      expect(owner.body.violations[0]).toMatchObject({ code: 'not-a-practitioner', field: 'practitionerId' });
      expect(await consentCount('patient_id = $1', [patientId])).toBe(before);
    });

    it('names a nurse chosen by the front desk: in the API, in the frozen text and in what the patient signs', async () => {
      const consent = (await prepareConsent(desk, patientId, 'medical_needling', { practitionerId: nurse.id })) as unknown as Consent;
      expect(consent).toMatchObject({ practitionerId: nurse.id, practitionerName: nurse.name, createdByName: deskName, appointment: null });
      expect(consent.body).toContain(`**Practitioner:** ${nurse.name}`);
      expect(consent.body).not.toContain(deskName);
      const [row] = await app.dataSource.query(`SELECT practitioner_id, appointment_id FROM consent_records WHERE id = $1`, [consent.id]);
      expect(row).toEqual({ practitioner_id: nurse.id, appointment_id: null });
      // The practitioner is part of the snapshot: not even the owner's connection may change it.
      await expect(app.dataSource.query(`UPDATE consent_records SET practitioner_id = $2 WHERE id = $1`, [consent.id, org.staffMember.id])).rejects.toThrow(/snapshot/);
      const [{ changes }] = await app.dataSource.query(`SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'consent.created'`, [consent.id]);
      expect(changes).toMatchObject({ practitionerId: { to: nurse.id }, practitionerName: { to: nurse.name } });
    });

    it('a practitioner preparing their own consent is named by default', async () => {
      const member = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
      const client = await signIn(app, member.email);
      const template = await templateOfKind(client, 'photography');
      const consent = await client.post(`/api/patients/${patientId}/consents`, { templateId: template.id });
      expect(consent.status).toBe(201);
      expect(consent.body).toMatchObject({ practitionerId: member.id, practitionerName: member.name });
    });

    it('refuses a licence that does not allow the consent, an expired one, and a deactivated account', async () => {
      const aesthetician = await newStaffMember(app.dataSource, org.organization.id, { role: 'aesthetician' });
      await app.dataSource.query(
        `INSERT INTO practitioner_credentials (organization_id, staff_member_id, licence_type, licence_number, jurisdiction, expires_on) VALUES ($1, $2, 'licensed_aesthetician', 'LE-1', 'NY', '2099-12-31')`,
        [org.organization.id, aesthetician.id],
      );
      const medical = await templateOfKind(desk, 'medical_needling');
      const cosmetic = await templateOfKind(desk, 'cosmetic_needling');
      const tooShallow = await desk.post(`/api/patients/${patientId}/consents`, { templateId: medical.id, practitionerId: aesthetician.id });
      expectProblem(tooShallow, 422);
      expect(tooShallow.body.violations[0]).toMatchObject({ code: 'credential-insufficient', field: 'practitionerId' });
      // Cosmetic needling within the aesthetician's 0.3 mm: yes; a stated 0.5 mm maximum: no.
      expect((await desk.post(`/api/patients/${patientId}/consents`, { templateId: cosmetic.id, practitionerId: aesthetician.id, depthMaxMm: 0.25 })).status).toBe(201);
      const deeper = await desk.post(`/api/patients/${patientId}/consents`, { templateId: cosmetic.id, practitionerId: aesthetician.id, depthMaxMm: 0.5 });
      expect(deeper.body.violations[0]).toMatchObject({ code: 'credential-insufficient', field: 'practitionerId' });

      const lapsed = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { expiresOn: '2020-01-31' });
      const expired = await desk.post(`/api/patients/${patientId}/consents`, { templateId: cosmetic.id, practitionerId: lapsed.id });
      expectProblem(expired, 422);
      expect(expired.body.violations[0]).toMatchObject({ code: 'credential-expired', field: 'practitionerId' });

      const leaver = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
      await app.dataSource.query(`UPDATE staff_members SET is_active = false, deactivated_at = now() WHERE id = $1`, [leaver.id]);
      const inactive = await desk.post(`/api/patients/${patientId}/consents`, { templateId: cosmetic.id, practitionerId: leaver.id });
      expect(inactive.body.violations[0]).toMatchObject({ code: 'practitioner-inactive', field: 'practitionerId' });
    });

    it("another clinic's practitioner reads as nobody", async () => {
      const other = await signedInOrganization(app, 'owner');
      const theirs = await consentPractitioner(other.client);
      const template = await templateOfKind(desk, 'photography');
      const response = await desk.post(`/api/patients/${patientId}/consents`, { templateId: template.id, practitionerId: theirs });
      expectProblem(response, 422);
      expect(response.body.violations[0]).toEqual({ code: 'not-a-practitioner', field: 'practitionerId', message: 'The practitioner named is not on the staff of this clinic' });
    });
  });

  describe('the visit bundle: POST /api/appointments/:id/consents', () => {
    it("prepares only what the patient lacks, each naming the appointment's practitioner and the appointment", async () => {
      const patientId = (await newPatient(app.dataSource, org.organization.id)).id;
      await signedConsent(org.client, patientId, 'photography');
      const appointmentId = await book(patientId);
      const response = await desk.post(`/api/appointments/${appointmentId}/consents`);
      expect(response.status).toBe(200);
      expect(response.body.appointmentId).toBe(appointmentId);
      const consents = response.body.consents as Consent[];
      expect(consents.map((c) => c.kind)).toEqual(['medical_needling', 'topical_anesthetic']);
      const appointment = (await desk.get(`/api/appointments/${appointmentId}`)).body;
      for (const consent of consents) {
        expect(consent).toMatchObject({
          status: 'pending',
          practitionerId: nurse.id,
          practitionerName: nurse.name,
          createdByName: deskName,
          appointment: { id: appointmentId, serviceName: medicalServiceName, startsAt: appointment.startsAt, timeZone: 'America/New_York' },
        });
        expect(consent.body).toContain(`**Practitioner:** ${nurse.name}`);
        expect(consent.body).toContain(`**Procedure:** ${medicalServiceName}`);
      }
      const events: { changes: Record<string, { to: unknown }> }[] = await app.dataSource.query(
        `SELECT changes FROM audit_events WHERE action = 'consent.created' AND entity_id = ANY($1::text[])`,
        [consents.map((c) => c.id)],
      );
      expect(events.map((e) => e.changes.appointmentId.to)).toEqual([appointmentId, appointmentId]);

      // Everything already valid: nothing to prepare.
      await signAll(desk, consents);
      await desk.post('/api/consents/witness', { consentIds: consents.map((c) => c.id), password: TEST_PASSWORD });
      expect((await desk.post(`/api/appointments/${appointmentId}/consents`)).body.consents).toEqual([]);
      const checkIn = await desk.get(`/api/appointments/${appointmentId}/check-in`);
      expect(checkIn.body.missingConsents).toEqual([]);
    });

    it('a repeated call, or two at once, does not duplicate the pending consents', async () => {
      const patientId = (await newPatient(app.dataSource, org.organization.id)).id;
      const appointmentId = await book(patientId);
      const first = (await desk.post(`/api/appointments/${appointmentId}/consents`)).body.consents as Consent[];
      expect(first.map((c) => c.kind)).toEqual(['medical_needling', 'topical_anesthetic', 'photography']);
      const again = (await desk.post(`/api/appointments/${appointmentId}/consents`)).body.consents as Consent[];
      expect(again.map((c) => c.id)).toEqual(first.map((c) => c.id));
      expect(await consentCount('appointment_id = $1', [appointmentId])).toBe(3);

      // Signed in a session left before the witness step: answered again (to be witnessed), not prepared again.
      await signAll(desk, first.slice(0, 1));
      const afterOne = (await desk.post(`/api/appointments/${appointmentId}/consents`)).body.consents as Consent[];
      expect(afterOne.map((c) => c.id)).toEqual(first.map((c) => c.id));
      expect(await consentCount('appointment_id = $1', [appointmentId])).toBe(3);

      const other = await book((await newPatient(app.dataSource, org.organization.id)).id);
      const [a, b] = await Promise.all([desk.post(`/api/appointments/${other}/consents`), org.client.post(`/api/appointments/${other}/consents`)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.consents.map((c: Consent) => c.id).sort()).toEqual(b.body.consents.map((c: Consent) => c.id).sort());
      expect(await consentCount('appointment_id = $1', [other])).toBe(3);
    });

    it("refuses when the appointment's practitioner is not one (any more): 422 naming practitionerId, nothing prepared", async () => {
      const patientId = (await newPatient(app.dataSource, org.organization.id)).id;
      const changedRole = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '00:00', end: '24:00' });
      const appointmentId = await book(patientId, { practitionerId: changedRole.id });
      // The staff member moved to the front desk after the booking.
      expect((await org.client.patch(`/api/staff/${changedRole.id}`, { role: 'front_desk', credentials: [] })).status).toBe(200);
      const refused = await desk.post(`/api/appointments/${appointmentId}/consents`);
      expectProblem(refused, 422);
      expect(refused.body.violations).toEqual([
        { code: 'not-a-practitioner', field: 'practitionerId', message: `${changedRole.name} (front desk) is not a physician, nurse or aesthetician` },
      ]);

      // A consultation with a practitioner whose licence lapsed before the day.
      const lapsed = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '00:00', end: '24:00', expiresOn: '2020-01-31' });
      const consultation = await newService(org.client, { procedureKind: 'consultation', consentKinds: ['photography'], durationMin: 30, bufferMin: 0 });
      const withLapsed = await book(patientId, { serviceId: consultation.id, practitionerId: lapsed.id });
      const expired = await desk.post(`/api/appointments/${withLapsed}/consents`);
      expectProblem(expired, 422);
      expect(expired.body.violations[0]).toMatchObject({ code: 'credential-expired', field: 'practitionerId' });
      expect(await consentCount('patient_id = $1', [patientId])).toBe(0);
    });

    it('refuses a cancelled appointment (409), a kind without a consent form (422), and answers 404 for another clinic', async () => {
      const patientId = (await newPatient(app.dataSource, org.organization.id)).id;
      const cancelled = await book(patientId);
      expect((await desk.post(`/api/appointments/${cancelled}/cancel`, { reason: 'Patient unwell' })).status).toBe(200);
      const closed = await desk.post(`/api/appointments/${cancelled}/consents`);
      expectProblem(closed, 409);
      expect(closed.body.type).toBe('urn:skinledger:problem:appointment-closed');
      expect(closed.body.detail).toBe('This appointment is cancelled: consents are prepared for a visit still to come or under way');

      const laser = await newService(org.client, { procedureKind: 'consultation', consentKinds: ['photography', 'laser_hair_removal'], durationMin: 30, bufferMin: 0 });
      const noForm = await desk.post(`/api/appointments/${await book(patientId, { serviceId: laser.id })}/consents`);
      expectProblem(noForm, 422);
      expect(noForm.body.violations).toEqual([
        { code: 'no-consent-template', subject: 'laser_hair_removal', message: 'No consent form for laser hair removal: add one under Consent forms' },
      ]);
      expect(await consentCount('patient_id = $1', [patientId])).toBe(0);

      const other = await signedInOrganization(app, 'owner');
      const theirs = await other.client.post(`/api/appointments/${cancelled}/consents`);
      expectProblem(theirs, 404);
      expect(theirs.body.type).toBe('urn:skinledger:problem:not-found');
      expectProblem(await desk.post('/api/appointments/not-a-uuid/consents'), 400);
    });

    it('the signed PDF names the practitioner and the appointment; verification covers them', async () => {
      const patientId = (await newPatient(app.dataSource, org.organization.id, { firstName: 'Elena', lastName: 'Marsh' })).id;
      const appointmentId = await book(patientId);
      const [consent] = (await desk.post(`/api/appointments/${appointmentId}/consents`)).body.consents as Consent[];
      await signAll(desk, [consent]);
      await desk.post('/api/consents/witness', { consentIds: [consent.id], password: TEST_PASSWORD });
      expect((await desk.get(`/api/consents/${consent.id}/verify`)).body).toMatchObject({ intact: true, contentHashMatches: true, recordHashMatches: true, chainMatches: true });

      const text = await pdfText(app, desk, consent.id);
      expect(text).toContain(`Treating practitioner: ${nurse.name}`);
      expect(text).toContain(`Treating practitioner: ${nurse.name}, staff id ${nurse.id}`);
      // 15:00 UTC: 10:00 AM EST in winter, 11:00 AM EDT in summer.
      expect(text).toMatch(new RegExp(`Appointment: ${medicalServiceName}, [A-Z][a-z]{2} \\d{1,2}, \\d{4}, (10:00 AM EST|11:00 AM EDT)`));
      // The front desk prepared and witnessed it (the audit trail says so), but is nowhere the practitioner.
      expect(text).toContain(`Witnessed by: ${deskName}`);
      expect(text).not.toMatch(new RegExp(`[Pp]ractitioner: ${deskName}`));

      // The practitioner is inside the signed content: changing it behind the trigger breaks the hash.
      await tamper(app, `UPDATE consent_records SET practitioner_id = '${org.staffMember.id}' WHERE id = $1`, consent.id);
      expect((await desk.get(`/api/consents/${consent.id}/verify`)).body).toMatchObject({ intact: false, contentHashMatches: false });
    });
  });

  describe('one witness step for a kiosk session: POST /api/consents/witness', () => {
    let patientId: string;

    /** A medical visit of a new patient (one per visit: medical sessions are 28 days apart), its consents signed. */
    async function signedBundle(): Promise<Consent[]> {
      patientId = (await newPatient(app.dataSource, org.organization.id)).id;
      const appointmentId = await book(patientId);
      const consents = (await desk.post(`/api/appointments/${appointmentId}/consents`)).body.consents as Consent[];
      await signAll(desk, consents);
      return consents;
    }

    it('a wrong password witnesses none and counts one failure; the right one witnesses all at once, each audited', async () => {
      const consents = await signedBundle();
      expect(consents).toHaveLength(3);
      const ids = consents.map((c) => c.id);
      const failures = async () =>
        (await app.dataSource.query(`SELECT count(*)::int AS n FROM login_failures WHERE kind = 'password_confirmation'`))[0].n as number;
      const before = await failures();
      const wrong = await desk.post('/api/consents/witness', { consentIds: ids, password: 'not the password' });
      expectProblem(wrong, 400);
      expect(wrong.body.errors[0].field).toBe('password');
      expect(await failures()).toBe(before + 1);
      expect(await consentCount('id = ANY($1::uuid[]) AND witnessed_at IS NOT NULL', [ids])).toBe(0);

      const witnessed = await desk.post('/api/consents/witness', { consentIds: ids, password: TEST_PASSWORD });
      expect(witnessed.status).toBe(200);
      const result = witnessed.body.consents as Consent[];
      expect(result.map((c) => c.id)).toEqual(ids);
      expect(new Set(result.map((c) => c.witnessedAt)).size).toBe(1);
      expect(result.every((c) => c.witnessName === deskName)).toBe(true);
      const events = await app.dataSource.query(`SELECT entity_id FROM audit_events WHERE action = 'consent.witnessed' AND entity_id = ANY($1::text[])`, [ids]);
      expect(events.map((e: { entity_id: string }) => e.entity_id).sort()).toEqual([...ids].sort());
      for (const id of ids) expect((await desk.get(`/api/consents/${id}/verify`)).body).toMatchObject({ intact: true, chainMatches: true });
      expect(await failures()).toBe(before + 1);
    });

    it('if one of them cannot be witnessed, none is', async () => {
      const signed = await signedBundle();
      const pending = await prepareConsent(desk, patientId, 'cosmetic_needling', { practitionerId: nurse.id });
      const notSigned = await desk.post('/api/consents/witness', { consentIds: [signed[0].id, pending.id], password: TEST_PASSWORD });
      expectProblem(notSigned, 409);
      expect(notSigned.body.type).toBe('urn:skinledger:problem:not-signed');
      expect(await consentCount('id = $1 AND witnessed_at IS NOT NULL', [signed[0].id])).toBe(0);

      await desk.post('/api/consents/witness', { consentIds: [signed[1].id], password: TEST_PASSWORD });
      const twice = await desk.post('/api/consents/witness', { consentIds: [signed[0].id, signed[1].id], password: TEST_PASSWORD });
      expectProblem(twice, 409);
      expect(twice.body.type).toBe('urn:skinledger:problem:already-witnessed');
      expect(await consentCount('id = $1 AND witnessed_at IS NOT NULL', [signed[0].id])).toBe(0);

      const someoneElse = await signedConsent(desk, (await newPatient(app.dataSource, org.organization.id)).id, 'photography');
      const mixed = await desk.post('/api/consents/witness', { consentIds: [signed[0].id, someoneElse.id], password: TEST_PASSWORD });
      expectProblem(mixed, 400);
      expect(mixed.body.errors[0].field).toBe('consentIds');

      const unknown = await desk.post('/api/consents/witness', { consentIds: [signed[0].id, '00000000-0000-4000-8000-000000000000'], password: TEST_PASSWORD });
      expectProblem(unknown, 404);
      expectProblem(await desk.post('/api/consents/witness', { consentIds: [signed[0].id, signed[0].id], password: TEST_PASSWORD }), 400);
      expectProblem(await desk.post('/api/consents/witness', { consentIds: [], password: TEST_PASSWORD }), 400);
      expect(await consentCount('id = $1 AND witnessed_at IS NOT NULL', [signed[0].id])).toBe(0);
    });

    it("another clinic's consents read as unknown and stay unwitnessed", async () => {
      const [consent] = await signedBundle();
      const other = await signedInOrganization(app, 'owner');
      const response = await other.client.post('/api/consents/witness', { consentIds: [consent.id], password: TEST_PASSWORD });
      expectProblem(response, 404);
      expect(await consentCount('id = $1 AND witnessed_at IS NOT NULL', [consent.id])).toBe(0);
    });
  });

  describe('consents prepared before the practitioner was recorded', () => {
    it('a pending one is not signed (prepare it again); a signed one still verifies as format v1', async () => {
      const patientId = (await newPatient(app.dataSource, org.organization.id)).id;
      const pending = await prepareConsent(desk, patientId, 'cosmetic_needling', { practitionerId: nurse.id });
      await tamper(app, `UPDATE consent_records SET practitioner_id = NULL WHERE id = $1`, pending.id);
      const refused = await desk.post(`/api/consents/${pending.id}/sign`, signBody(pending));
      expectProblem(refused, 409);
      expect(refused.body.type).toBe('urn:skinledger:problem:practitioner-not-recorded');
      expect((await desk.get(`/api/consents/${pending.id}`)).body).toMatchObject({ practitionerId: null, practitionerName: nurse.name });

      // One signed before: its hash over the v1 content, and the signing event in the audit chain, as then.
      const legacy = await prepareConsent(desk, patientId, 'photography', { practitionerId: nurse.id });
      const record = await app.dataSource.getRepository(ConsentRecord).findOneByOrFail({ id: legacy.id });
      Object.assign(record, {
        practitionerId: null,
        signedAt: new Date(),
        signerName: 'Jordan Legacy',
        acceptedAcknowledgements: legacy.acknowledgements.filter((a) => a.required).map((a) => a.key),
        electronicSignatureConsent: true,
        signature: signBody(legacy).signature,
        signerIp: '10.0.0.9',
        signerUserAgent: 'Legacy tablet',
        signedViaStaff: org.staffMember.id,
      });
      const contentHash = contentHashOf(record);
      await app.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL session_replication_role = replica`);
        await manager.update(ConsentRecord, { id: record.id }, {
          practitionerId: null,
          signedAt: record.signedAt,
          signerName: record.signerName,
          acceptedAcknowledgements: record.acceptedAcknowledgements,
          electronicSignatureConsent: true,
          signature: record.signature,
          signerIp: record.signerIp,
          signerUserAgent: record.signerUserAgent,
          signedViaStaff: record.signedViaStaff,
          contentHash,
        });
        const source = { organizationId: org.organization.id, staffMemberId: org.staffMember.id, ip: '10.0.0.9', requestId: 'legacy', userAgent: null };
        await app.app.get(AuditService).record(manager, source, { action: 'consent.signed', entityType: 'consent', entityId: record.id, changes: { contentHash: { to: contentHash } } });
      });
      expect((await desk.get(`/api/consents/${legacy.id}/verify`)).body).toMatchObject({ intact: true, contentHashMatches: true, chainMatches: true });
      expect((await desk.post('/api/consents/witness', { consentIds: [legacy.id], password: TEST_PASSWORD })).status).toBe(200);
      expect((await desk.get(`/api/consents/${legacy.id}/verify`)).body).toMatchObject({ intact: true, recordHashMatches: true, chainMatches: true });
      const text = await pdfText(app, desk, legacy.id);
      expect(text).toContain(`Treating practitioner: ${nurse.name}, as named in the text (recorded before practitioners were identified)`);
    });
  });
});

async function tamper(app: TestApp, sql: string, id: string): Promise<void> {
  await app.dataSource.transaction(async (manager) => {
    await manager.query(`SET LOCAL session_replication_role = replica`);
    await manager.query(sql, [id]);
  });
}
