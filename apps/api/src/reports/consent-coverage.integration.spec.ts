import { addDays } from '@skinledger/domain';
import { randomBytes } from 'node:crypto';
import Papa from 'papaparse';
import { signaturePng, signedConsent } from '../../test/consent-factories';
import { newPatient, signedInOrganization } from '../../test/factories';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { NEW_YORK_TODAY, screenedPatient } from '../../test/treatment-factories';

const OPEN = { enabled: true, minimumNoticeHours: 24, maximumDaysAhead: 60, cancellationWindowHours: 24, policyText: 'Cancel a day ahead, please.', excludedPractitionerIds: [] as string[] };
const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Consent coverage (issue 17), recomputed by hand. Appointments in the next 7 days: Amara booked online and signed her
 * needling consent remotely but gave no medical history (not ready: history missing); Ben has a current history but no
 * consent (not ready: consent missing); Cleo has both (ready); Dev's consultation needs neither (ready). Eve's visit
 * in 10 days is outside the week. Cleo also signed a 20-day consent: it runs out within 30 days.
 */
describe('GET /api/reports/consents', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ PUBLIC_URL: 'https://book.harbour-skin.test' });
  });
  afterAll(async () => app.close());

  it('lists next week’s visits not ready, consents running out, and kiosk against remote signatures, exactly; audited', async () => {
    const org = await signedInOrganization(app, 'owner');
    const ds = app.dataSource;
    const nurse = await newPractitioner(ds, org.client, org.organization.id, org.location.id);
    const room = await newRoom(org.client, org.location.id, 'Room A');
    const needling = await newService(org.client, { name: 'Cosmetic needling', procedureKind: 'cosmetic_needling', consentKinds: ['cosmetic_needling'], onlineBooking: 'anyone', durationMin: 60, bufferMin: 0 });
    const consult = await newService(org.client, { name: 'Consultation', procedureKind: 'consultation', consentKinds: [], durationMin: 30, bufferMin: 0 });
    expect((await org.client.put('/api/settings/online-booking', OPEN)).status).toBe(200);

    // Amara books online three days ahead and signs her consent through the link.
    const [{ public_booking_slug: slug }] = await ds.query(`SELECT public_booking_slug FROM organizations WHERE id = $1`, [org.organization.id]);
    const anonymous = app.client();
    const from = Date.now() + 3 * DAY;
    const slots = await anonymous.get(
      `/api/public/booking/availability?organization=${slug}&serviceId=${needling.id}&locationId=${org.location.id}&from=${new Date(from).toISOString()}&to=${new Date(from + DAY).toISOString()}&practitionerId=${nurse.id}`,
    );
    const slot = slots.body.slots[0];
    const amara = { firstName: 'Amara', lastName: `Okafor${randomBytes(3).toString('hex')}`, dateOfBirth: '1990-04-02', email: `amara.${randomBytes(4).toString('hex')}@example.com`, phone: '(212) 555-0142' };
    const held = await anonymous.post(`/api/public/booking/holds?organization=${slug}`, { serviceId: needling.id, locationId: org.location.id, practitionerId: nurse.id, startsAt: slot.startsAt, patient: amara, acceptPolicy: true });
    expect(held.status).toBe(201);
    const [message] = await ds.query(`SELECT m.body FROM outbound_messages m JOIN online_booking_holds h ON h.appointment_id = m.appointment_id WHERE h.id = $1 AND m.kind = 'booking_code'`, [held.body.holdId]);
    const code = /code is (\d{6})/.exec(message.body)?.[1];
    const done = await anonymous.post(`/api/public/booking/holds/${held.body.holdId}/confirm?organization=${slug}`, { code });
    expect(done.status).toBe(201);
    const key = done.body.manageToken as string;
    const [consent] = (await anonymous.get(`/api/public/appointments/${key}/forms`)).body.consents;
    const signed = await anonymous.post(`/api/public/appointments/${key}/consents/${consent.id}/sign`, {
      signerName: `Amara ${amara.lastName}`,
      dateOfBirth: amara.dateOfBirth,
      acknowledgements: consent.acknowledgements.map((a: { key: string }) => a.key),
      signature: signaturePng(),
      electronicSignatureConsent: true,
    });
    expect(signed.status).toBe(200);

    const ben = await screenedPatient(org.client, ds, org.organization.id);
    const cleo = await screenedPatient(org.client, ds, org.organization.id);
    await signedConsent(org.client, cleo.id, 'cosmetic_needling');
    const shortLived = await org.client.post('/api/consent-templates', {
      kind: 'custom',
      title: 'Consent to a patch test',
      body: '# Patch test\nFor {{patientName}} ({{dateOfBirth}}): {{procedure}} with {{practitioner}}.',
      acknowledgements: [{ text: 'I understand the risks.', required: true }],
      validDays: 20,
    });
    expect(shortLived.status).toBe(201);
    const prepared = await org.client.post(`/api/patients/${cleo.id}/consents`, { templateId: shortLived.body.id, practitionerId: nurse.id });
    expect(prepared.status).toBe(201);
    const kiosk = await org.client.post(`/api/consents/${prepared.body.id}/sign`, { signerName: 'Cleo', acknowledgements: ['a1'], signature: signaturePng(), electronicSignatureConsent: true });
    expect(kiosk.status).toBe(200);
    const dev = await newPatient(ds, org.organization.id);
    const eve = await newPatient(ds, org.organization.id);
    const visit = async (patientId: string, serviceId: string, startsInHours: number) => {
      const startsAt = new Date(Math.ceil((Date.now() + startsInHours * HOUR) / HOUR) * HOUR);
      const [row] = await ds.query(
        `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
        [org.organization.id, org.location.id, patientId, serviceId, nurse.id, room.id, startsAt, new Date(startsAt.getTime() + 30 * 60_000)],
      );
      return row.id as string;
    };
    const benVisit = await visit(ben.id, needling.id, 26);
    await visit(cleo.id, needling.id, 30);
    await visit(dev.id, consult.id, 34);
    await visit(eve.id, needling.id, 240);

    const today = NEW_YORK_TODAY();
    const response = await org.client.get(`/api/reports/consents?from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    const r = response.body;
    expect(r.upcomingAppointments).toBe(4);
    expect(r.notReady.map((a: { appointmentId: string; missingConsents: string[]; historyIssue: string | null }) => [a.appointmentId, a.missingConsents, a.historyIssue])).toEqual([
      [benVisit, ['cosmetic_needling'], null],
      [done.body.appointment.id, [], 'history_missing'],
    ]);
    expect(r.notReady[0]).toMatchObject({ patientName: `${ben.firstName} ${ben.lastName}`, mrn: ben.mrn, serviceName: 'Cosmetic needling', practitionerName: nurse.name, timeZone: 'America/New_York' });
    expect(r.expiringSoon).toHaveLength(1);
    expect(r.expiringSoon[0]).toMatchObject({ kind: 'custom', patientId: cleo.id, mrn: cleo.mrn });
    expect([addDays(today, 19), addDays(today, 20)]).toContain(r.expiringSoon[0].validThrough);
    expect(r).toMatchObject({ signedInRange: 3, signedAtKiosk: 2, signedRemotely: 1 });

    // It names patients to call: the read is audited.
    const [audited] = await ds.query(`SELECT actor_id, changes FROM audit_events WHERE organization_id = $1 AND action = 'reports.consent_coverage_listed'`, [org.organization.id]);
    expect(audited).toMatchObject({ actor_id: org.staffMember.id, changes: { notReady: { to: 2 }, expiringSoon: { to: 1 } } });

    const csv = await org.client.get(`/api/reports/consents?from=${today}&to=${today}&format=csv`);
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((row) => row.Section)).toEqual(['Not ready (next 7 days)', 'Not ready (next 7 days)', 'Expiring (next 30 days)']);
    expect(parsed.data[0]).toMatchObject({ MRN: ben.mrn, 'Missing consents': 'cosmetic_needling' });

    // Front desk runs the book and reads it; another clinic sees none of it.
    const other = await signedInOrganization(app, 'front_desk');
    const elsewhere = await other.client.get(`/api/reports/consents?from=${today}&to=${today}`);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body).toMatchObject({ upcomingAppointments: 0, notReady: [], expiringSoon: [], signedInRange: 0 });
  });
});
