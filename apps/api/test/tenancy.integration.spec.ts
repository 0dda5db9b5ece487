import { emptyMedicalHistory } from '@skinledger/domain';
import { prepareConsent, signaturePng, signedConsent } from './consent-factories';
import { newPatient, newStaffMember, signedInOrganization, TEST_PASSWORD } from './factories';
import { createProduct, receiveLot } from './inventory-factories';
import { futureInstant, newPractitioner, newRoom, newService } from './scheduling-factories';
import { createTestApp, type TestApp } from './test-app';
import { credential } from './treatment-factories';

/**
 * Organization isolation: a user of organization A gets 404 for organization B's records on every route
 * that addresses a record by id, and never sees B's rows in a list. Extend the tables below as routes land.
 */
describe('organization isolation', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof signedInOrganization>>;
  let b: Awaited<ReturnType<typeof signedInOrganization>>;
  let bNurseId: string;
  let bPatientId: string;
  let bProductId: string;
  let bLotId: string;
  let bDeviceId: string;
  let bTemplateId: string;
  let bConsentId: string;
  let bSessionId: string;
  let bServiceId: string;
  let bRoomId: string;
  let bAppointmentId: string;
  let bPlanId: string;
  let bWaitlistEntryId: string;
  let bFreedSlotId: string;
  let bOfferId: string;
  let bCancelledId: string;

  beforeAll(async () => {
    app = await createTestApp();
    a = await signedInOrganization(app, 'owner');
    b = await signedInOrganization(app, 'owner');
    bNurseId = (await newStaffMember(app.dataSource, b.organization.id)).id;
    await b.client.post('/api/locations', { name: 'B annex', timezone: 'UTC' });
    bPatientId = (await newPatient(app.dataSource, b.organization.id, { firstName: 'Bea', lastName: 'Other' })).id;
    await b.client.put(`/api/patients/${bPatientId}/medical-history`, emptyMedicalHistory());
    bProductId = (await createProduct(b.client)).id;
    bLotId = (await receiveLot(b.client, { productId: bProductId, locationId: b.location.id, quantity: 5 })).lot.id;
    bDeviceId = (await b.client.post('/api/devices', { model: 'SkinPen', serialNumber: 'B-0001', locationId: b.location.id })).body.id;
    bConsentId = (await prepareConsent(b.client, bPatientId, 'medical_needling')).id;
    bTemplateId = (await b.client.get(`/api/consents/${bConsentId}`)).body.templateId;
    await credential(app.dataSource, b.organization.id, b.staffMember.id, 'physician');
    await signedConsent(b.client, bPatientId, 'cosmetic_needling');
    const bSessionLotId = (await receiveLot(b.client, { productId: bProductId, locationId: b.location.id, quantity: 2 })).lot.id;
    const bSession = await b.client.post('/api/treatment-sessions', {
      walkInReason: 'B walk-in',
      patientId: bPatientId,
      locationId: b.location.id,
      deviceId: bDeviceId,
      cartridgeLotId: bSessionLotId,
      zones: [{ zone: 'forehead', depthMm: 0.25, passes: 1 }],
    });
    bSessionId = bSession.body.session.id;
    // Scheduling: a service, room, practitioner with hours, an appointment and a course in B.
    bServiceId = (await newService(b.client, { procedureKind: 'consultation', consentKinds: [] })).id;
    bRoomId = (await newRoom(b.client, b.location.id)).id;
    const bPractitioner = await newPractitioner(app.dataSource, b.client, b.organization.id, b.location.id, { start: '00:00', end: '24:00' });
    bAppointmentId = (
      await b.client.post('/api/appointments', { patientId: bPatientId, serviceId: bServiceId, practitionerId: bPractitioner.id, roomId: bRoomId, locationId: b.location.id, startsAt: '2027-02-01T15:00:00Z' })
    ).body.id;
    // The waitlist: a cancelled appointment's freed slot offered to B's patient.
    const cancelledAt = futureInstant(40, 15);
    bCancelledId = (
      await b.client.post('/api/appointments', { patientId: bPatientId, serviceId: bServiceId, practitionerId: bPractitioner.id, roomId: bRoomId, locationId: b.location.id, startsAt: cancelledAt })
    ).body.id;
    await b.client.post(`/api/appointments/${bCancelledId}/cancel`, { reason: 'B cancels' });
    const day = cancelledAt.slice(0, 10);
    bWaitlistEntryId = (await b.client.post('/api/waitlist', { patientId: bPatientId, serviceId: bServiceId, locationId: b.location.id, earliestOn: day, latestOn: day })).body.id;
    bFreedSlotId = (await b.client.get(`/api/waitlist/freed-slots?appointmentId=${bCancelledId}`)).body.items[0].id;
    bOfferId = (await b.client.post(`/api/waitlist/${bWaitlistEntryId}/offers`, { freedSlotId: bFreedSlotId, startsAt: cancelledAt })).body.latestOffer.id;
    bPlanId = (await b.client.post('/api/treatment-plans', { patientId: bPatientId, serviceId: bServiceId, locationId: b.location.id, sessions: 1, intervalWeeks: 4, startOn: '2027-03-01' })).body.id;
  });
  afterAll(async () => app.close());

  const routesById: { method: string; route: string; id: () => string; body?: unknown }[] = [
    { method: 'GET', route: '/api/staff/:id', id: () => bNurseId },
    { method: 'PATCH', route: '/api/staff/:id', id: () => bNurseId, body: { name: 'Hijacked' } },
    { method: 'POST', route: '/api/staff/:id/deactivate', id: () => bNurseId },
    { method: 'POST', route: '/api/staff/:id/reactivate', id: () => bNurseId },
    { method: 'PATCH', route: '/api/locations/:id', id: () => b.location.id, body: { name: 'Hijacked' } },
    { method: 'GET', route: '/api/patients/:id', id: () => bPatientId },
    { method: 'PATCH', route: '/api/patients/:id', id: () => bPatientId, body: { firstName: 'Hijacked' } },
    { method: 'POST', route: '/api/patients/:id/archive', id: () => bPatientId },
    { method: 'POST', route: '/api/patients/:id/restore', id: () => bPatientId },
    { method: 'GET', route: '/api/patients/:id/medical-history', id: () => bPatientId },
    { method: 'GET', route: '/api/patients/:id/medical-history/versions/1', id: () => bPatientId },
    { method: 'PUT', route: '/api/patients/:id/medical-history', id: () => bPatientId, body: emptyMedicalHistory() },
    { method: 'GET', route: '/api/patients/:id/eligibility?procedure=medical', id: () => bPatientId },
    { method: 'GET', route: '/api/patients/:id/timeline', id: () => bPatientId },
    { method: 'GET', route: '/api/patients/:id/export', id: () => bPatientId },
    { method: 'GET', route: '/api/products/:id', id: () => bProductId },
    { method: 'GET', route: '/api/lots/:id', id: () => bLotId },
    { method: 'POST', route: '/api/lots/:id/movements', id: () => bLotId, body: { type: 'returned', locationId: '00000000-0000-4000-8000-000000000000', quantity: 1 } },
    { method: 'POST', route: '/api/lots/:id/quarantine', id: () => bLotId, body: { reason: 'Hijacked' } },
    { method: 'POST', route: '/api/lots/:id/release', id: () => bLotId, body: {} },
    { method: 'POST', route: '/api/lots/:id/recall', id: () => bLotId, body: { reason: 'Hijacked', recallClass: 'I' } },
    { method: 'GET', route: '/api/devices/:id', id: () => bDeviceId },
    { method: 'PATCH', route: '/api/devices/:id', id: () => bDeviceId, body: { model: 'Hijacked' } },
    { method: 'POST', route: '/api/devices/:id/service-events', id: () => bDeviceId, body: { occurredOn: '2026-01-01', kind: 'repair', description: 'Hijacked' } },
    { method: 'GET', route: '/api/consent-templates/:id', id: () => bTemplateId },
    { method: 'POST', route: '/api/consent-templates/:id/versions', id: () => bTemplateId, body: { title: 'Hijacked', body: 'Hijacked', acknowledgements: [{ text: 'x', required: true }], validDays: 1, requiresReconsent: true } },
    { method: 'POST', route: '/api/consent-templates/:id/approve', id: () => bTemplateId, body: { version: 1 } },
    { method: 'GET', route: '/api/patients/:id/consents', id: () => bPatientId },
    { method: 'POST', route: '/api/patients/:id/consents', id: () => bPatientId, body: { templateId: '00000000-0000-4000-8000-000000000000' } },
    { method: 'GET', route: '/api/consents/:id', id: () => bConsentId },
    { method: 'POST', route: '/api/consents/:id/sign', id: () => bConsentId, body: { signerName: 'Hijacked', acknowledgements: ['a1', 'a2', 'a3', 'a4', 'a5'], signature: signaturePng(), electronicSignatureConsent: true } },
    { method: 'POST', route: '/api/consents/:id/witness', id: () => bConsentId, body: { password: TEST_PASSWORD } },
    { method: 'POST', route: '/api/consents/:id/revoke', id: () => bConsentId, body: { reason: 'Hijacked' } },
    { method: 'POST', route: '/api/consents/:id/kiosk-exit', id: () => bConsentId, body: { password: TEST_PASSWORD } },
    { method: 'GET', route: '/api/consents/:id/verify', id: () => bConsentId },
    { method: 'GET', route: '/api/consents/:id/pdf', id: () => bConsentId },
    { method: 'GET', route: '/api/treatment-sessions/:id', id: () => bSessionId },
    { method: 'PATCH', route: '/api/treatment-sessions/:id', id: () => bSessionId, body: { notes: 'Hijacked' } },
    { method: 'POST', route: '/api/treatment-sessions/:id/cartridges', id: () => bSessionId, body: { cartridgeLotId: '00000000-0000-4000-8000-000000000000', reason: 'Hijacked' } },
    { method: 'POST', route: '/api/treatment-sessions/:id/sign', id: () => bSessionId, body: { password: TEST_PASSWORD } },
    { method: 'POST', route: '/api/treatment-sessions/:id/addenda', id: () => bSessionId, body: { text: 'Hijacked' } },
    { method: 'POST', route: '/api/treatment-sessions/:id/adverse-events', id: () => bSessionId, body: { type: 'pain', onsetOn: '2099-01-01', description: 'Hijacked', outcome: 'unknown' } },
    { method: 'GET', route: '/api/treatment-sessions/:id/photos', id: () => bSessionId },
    { method: 'GET', route: '/api/patients/:id/treatment-sessions', id: () => bPatientId },
    { method: 'GET', route: '/api/patients/:id/adverse-events', id: () => bPatientId },
    { method: 'GET', route: '/api/patients/:id/photos', id: () => bPatientId },
    { method: 'GET', route: '/api/patients/:id/assessments', id: () => bPatientId },
    { method: 'POST', route: '/api/patients/:id/assessments', id: () => bPatientId, body: { scale: 'glogau', score: 2, assessedOn: '2026-01-01' } },
    { method: 'GET', route: '/api/appointments/:id/preflight', id: () => bAppointmentId },
    { method: 'GET', route: '/api/patients/:id/next-appointment-consents', id: () => bPatientId },
    { method: 'GET', route: '/api/lots/:id/exposure', id: () => bLotId },
    { method: 'GET', route: '/api/devices/:id/exposure', id: () => bDeviceId },
    { method: 'GET', route: '/api/photos/compare?sessionA=:id&sessionB=:id&angle=front', id: () => bSessionId },
    { method: 'PATCH', route: '/api/services/:id', id: () => bServiceId, body: { name: 'Hijacked' } },
    { method: 'PATCH', route: '/api/rooms/:id', id: () => bRoomId, body: { name: 'Hijacked' } },
    { method: 'GET', route: '/api/staff/:id/working-hours', id: () => bNurseId },
    { method: 'PUT', route: '/api/staff/:id/working-hours', id: () => bNurseId, body: { locationId: '00000000-0000-4000-8000-000000000000', blocks: [] } },
    { method: 'POST', route: '/api/staff/:id/time-off', id: () => bNurseId, body: { startsAt: '2027-01-01T00:00:00Z', endsAt: '2027-01-02T00:00:00Z' } },
    { method: 'DELETE', route: '/api/staff/:id/time-off/00000000-0000-4000-8000-000000000000', id: () => bNurseId },
    { method: 'POST', route: '/api/staff/:id/calendar-feed', id: () => bNurseId },
    { method: 'DELETE', route: '/api/staff/:id/calendar-feed', id: () => bNurseId },
    { method: 'GET', route: '/api/appointments/:id', id: () => bAppointmentId },
    { method: 'PATCH', route: '/api/appointments/:id', id: () => bAppointmentId, body: { notes: 'Hijacked' } },
    { method: 'GET', route: '/api/appointments/:id/check-in', id: () => bAppointmentId },
    { method: 'POST', route: '/api/appointments/:id/confirm', id: () => bAppointmentId },
    { method: 'POST', route: '/api/appointments/:id/check-in', id: () => bAppointmentId },
    { method: 'POST', route: '/api/appointments/:id/start', id: () => bAppointmentId },
    { method: 'POST', route: '/api/appointments/:id/complete', id: () => bAppointmentId },
    { method: 'POST', route: '/api/appointments/:id/cancel', id: () => bAppointmentId, body: { reason: 'Hijacked' } },
    { method: 'POST', route: '/api/appointments/:id/no-show', id: () => bAppointmentId },
    { method: 'POST', route: '/api/appointments/:id/consents', id: () => bAppointmentId },
    { method: 'GET', route: '/api/treatment-plans/:id', id: () => bPlanId },
    { method: 'POST', route: '/api/treatment-plans/:id/book', id: () => bPlanId },
    { method: 'GET', route: '/api/patients/:id/appointments', id: () => bPatientId },
    { method: 'POST', route: '/api/waitlist/:id/remove', id: () => bWaitlistEntryId, body: {} },
    { method: 'POST', route: '/api/waitlist/:id/offers', id: () => bWaitlistEntryId, body: { freedSlotId: '00000000-0000-4000-8000-000000000000', startsAt: '2027-01-01T15:00:00Z' } },
    { method: 'POST', route: '/api/waitlist/offers/:id/book', id: () => bOfferId },
  ];

  it.each(routesById)('$method $route answers 404 for the other organization', async ({ method, route, id, body }) => {
    const response = await a.client.request<{ type: string }>(method, route.replaceAll(':id', id()), body);
    expect(response.status).toBe(404);
    expect(response.body.type).toBe('urn:skinledger:problem:not-found');
  });

  it('lists only the own organization', async () => {
    const staff = await a.client.get('/api/staff?includeInactive=true');
    expect(staff.body.map((s: { id: string }) => s.id)).not.toContain(bNurseId);
    const locations = await a.client.get('/api/locations');
    expect(locations.body.map((l: { id: string }) => l.id)).toEqual([a.location.id]);
    expect((await a.client.get('/api/organization')).body.id).toBe(a.organization.id);
    const audit = await a.client.get('/api/audit-events?pageSize=200');
    expect(audit.body.items.every((e: { actorId: string | null }) => e.actorId === a.staffMember.id)).toBe(true);
    const bAudit = await a.client.get(`/api/audit-events?actorId=${b.staffMember.id}`);
    expect(bAudit.body.total).toEqual({ count: 0, capped: false });
    const patients = await a.client.get('/api/patients?includeArchived=true');
    expect(patients.body).toMatchObject({ items: [], total: { count: 0, capped: false } });
    expect((await a.client.get('/api/patients?q=Bea%20Other&includeArchived=true')).body).toMatchObject({ items: [], hasMore: false });
    expect((await a.client.get('/api/products')).body).toEqual([]);
    expect((await a.client.get('/api/lots')).body).toMatchObject({ items: [], hasMore: false, total: { count: 0, capped: false } });
    expect((await a.client.get('/api/devices')).body).toEqual([]);
    expect((await a.client.get('/api/recalls')).body).toEqual([]);
    expect((await a.client.get('/api/consent-templates')).body.map((t: { id: string }) => t.id)).not.toContain(bTemplateId);
    expect((await a.client.get('/api/services')).body).toEqual([]);
    expect((await a.client.get('/api/rooms')).body).toEqual([]);
    expect((await a.client.get(`/api/appointments?patientId=${bPatientId}`)).body).toEqual([]);
    expect((await a.client.get(`/api/treatment-plans?patientId=${bPatientId}`)).status).toBe(404);
    expect((await a.client.get('/api/outbound-messages')).body.total).toEqual({ count: 0, capped: false });
    expect((await a.client.get(`/api/waitlist?openOnly=false`)).body.total).toBe(0);
    expect((await a.client.get(`/api/waitlist/freed-slots?appointmentId=${bCancelledId}`)).status).toBe(400);
    expect((await a.client.get(`/api/waitlist/freed-slots?locationId=${b.location.id}&from=${futureInstant(39, 0)}&to=${futureInstant(41, 0)}`)).body.items).toEqual([]);
    // A's own entry cannot be offered B's freed slot.
    const aPatient = await newPatient(app.dataSource, a.organization.id);
    const aService = await newService(a.client, { procedureKind: 'consultation', consentKinds: [] });
    const day = futureInstant(40, 15).slice(0, 10);
    const aEntry = (await a.client.post('/api/waitlist', { patientId: aPatient.id, serviceId: aService.id, locationId: a.location.id, earliestOn: day, latestOn: day })).body;
    const stolen = await a.client.post(`/api/waitlist/${aEntry.id}/offers`, { freedSlotId: bFreedSlotId, startsAt: futureInstant(40, 15) });
    expect([stolen.status, stolen.body.errors?.[0]?.field]).toEqual([400, 'freedSlotId']);
    expect((await a.client.get('/api/inventory/on-hand')).body).toEqual([]);
    expect((await a.client.get(`/api/lots/suggest?productId=${bProductId}&locationId=${a.location.id}`)).body).toEqual({ lot: null });
    // A notice naming B's product and lot finds nothing in A.
    const notice = await a.client.post('/api/recalls', { gtin: '00000000000000', lotNumbers: ['X'], recallClass: 'III', reason: 'probe' });
    expect(notice.body.found).toEqual([]);
  });

  it("never names another clinic's patient in a typo search, even when that name is the closest", async () => {
    // B has "Bea Other"; "Bea Othr" is a typo of it, and only close to A's "Bea Othman".
    expect((await a.client.get('/api/patients?q=Bea%20Othr&includeArchived=true')).body).toMatchObject({ items: [], hasMore: false });
    const own = await newPatient(app.dataSource, a.organization.id, { firstName: 'Bea', lastName: 'Othman' });
    const found = await a.client.get('/api/patients?q=Bea%20Othr&includeArchived=true');
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([own.id]);
    // B sees its own first (the closest), so the name is close enough to be listed at all.
    const inB = await b.client.get('/api/patients?q=Bea%20Othr&includeArchived=true');
    expect(inB.body.items.map((p: { id: string }) => p.id)).toEqual([bPatientId]);
  });

  it('left organization B untouched', async () => {
    const [nurse] = await app.dataSource.query(`SELECT name, is_active FROM staff_members WHERE id = $1`, [bNurseId]);
    expect(nurse.name).not.toBe('Hijacked');
    expect(nurse.is_active).toBe(true);
    const [patient] = await app.dataSource.query(`SELECT first_name, archived_at FROM patients WHERE id = $1`, [bPatientId]);
    expect(patient).toEqual({ first_name: 'Bea', archived_at: null });
    const [{ versions }] = await app.dataSource.query(`SELECT count(*)::int AS versions FROM patient_medical_histories WHERE patient_id = $1`, [bPatientId]);
    expect(versions).toBe(1);
    const [lot] = await app.dataSource.query(`SELECT status FROM lots WHERE id = $1`, [bLotId]);
    expect(lot.status).toBe('available');
    const [{ on_hand }] = await app.dataSource.query(`SELECT on_hand FROM stock_balances WHERE lot_id = $1`, [bLotId]);
    expect(on_hand).toBe(5);
    const [device] = await app.dataSource.query(`SELECT model FROM devices WHERE id = $1`, [bDeviceId]);
    expect(device.model).toBe('SkinPen');
    const [consent] = await app.dataSource.query(`SELECT signed_at, revoked_at FROM consent_records WHERE id = $1`, [bConsentId]);
    expect(consent).toEqual({ signed_at: null, revoked_at: null });
    const [template] = await app.dataSource.query(`SELECT current_version, approved_version FROM consent_templates WHERE id = $1`, [bTemplateId]);
    expect(template).toEqual({ current_version: 1, approved_version: null });
    const [session] = await app.dataSource.query(`SELECT status, notes FROM treatment_sessions WHERE id = $1`, [bSessionId]);
    expect(session).toEqual({ status: 'in_progress', notes: '' });
    const [{ children }] = await app.dataSource.query(
      `SELECT (SELECT count(*) FROM treatment_session_addenda WHERE session_id = $1) + (SELECT count(*) FROM adverse_events WHERE session_id = $1)
              + (SELECT count(*) FROM outcome_assessments WHERE patient_id = $2) AS children`,
      [bSessionId, bPatientId],
    );
    expect(Number(children)).toBe(0);
    const [appointment] = await app.dataSource.query(`SELECT status, notes FROM appointments WHERE id = $1`, [bAppointmentId]);
    expect(appointment).toEqual({ status: 'booked', notes: '' });
    const [plan] = await app.dataSource.query(`SELECT status FROM treatment_plans WHERE id = $1`, [bPlanId]);
    expect(plan.status).toBe('proposed');
    const [entry] = await app.dataSource.query(`SELECT status FROM waitlist_entries WHERE id = $1`, [bWaitlistEntryId]);
    expect(entry.status).toBe('offered');
    const [offer] = await app.dataSource.query(`SELECT status FROM waitlist_offers WHERE id = $1`, [bOfferId]);
    expect(offer.status).toBe('open');
  });
});
