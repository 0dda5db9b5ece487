import { createHash, randomBytes } from 'node:crypto';
import { addDays, emptyMedicalHistory, isoDateInTimeZone } from '@skinledger/domain';
import { newPatient, newStaffMember, TEST_PASSWORD } from './factories';
import { signedConsent } from './consent-factories';
import { createProduct, daysFromToday, receiveLot } from './inventory-factories';
import { newRoom, newService } from './scheduling-factories';
import type { TestApp } from './test-app';
import { chair, credential, NEW_YORK_TODAY, walkIn, type Chair } from './treatment-factories';

// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * One clinic whose rows of every kind a read route reads grow round by round: after the first round it holds one of
 * each (one session, consent, appointment, photo, lot …, most of them the first patient's), after `grow` several.
 * The ids read by the by-id routes are the first round's, so their children grow too.
 */
export interface World {
  c: Chair;
  serviceId: string;
  roomId: string;
  patientIds: string[];
  sessionIds: string[];
  photoUrls: string[];
  consentIds: string[];
  appointmentIds: string[];
  planIds: string[];
  productIds: string[];
  lotIds: string[];
  deviceIds: string[];
  consentTemplateId: string;
  treatmentTemplateIds: string[];
  calendarFeedPath: string;
  /** The clinic's public booking slug (online booking on, the service open to anyone). */
  bookingSlug: string;
  /** An online booking's manage link (the first round's appointment), as the patient's page calls it. */
  manageTokenPath: string;
  rounds: number;
}

function expectStatus(response: { status: number; text: string }, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${response.text}`);
}

export async function newWorld(app: TestApp): Promise<World> {
  const c = await chair(app, { lotQuantity: 40 });
  for (const kind of ['cosmetic_needling', 'photography']) await signedConsent(c.owner, c.patient.id, kind);
  const hours = await c.owner.put(`/api/staff/${c.nurse.id}/working-hours`, {
    locationId: c.location.id,
    blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: '00:00', endsAt: '24:00' })),
  });
  expectStatus(hours, 200, 'working hours');
  const service = await newService(c.owner, { procedureKind: 'consultation', consentKinds: [], durationMin: 30, bufferMin: 0, onlineBooking: 'anyone' });
  const online = await c.owner.put('/api/settings/online-booking', {
    enabled: true,
    minimumNoticeHours: 0,
    maximumDaysAhead: 60,
    cancellationWindowHours: 24,
    policyText: '',
    excludedPractitionerIds: [],
  });
  expectStatus(online, 200, 'online booking');
  const room = await newRoom(c.owner, c.location.id);
  const feed = await c.owner.post(`/api/staff/${c.nurse.id}/calendar-feed`);
  expectStatus(feed, 201, 'calendar feed');
  const templates = await c.owner.get('/api/consent-templates');
  return {
    c,
    serviceId: service.id,
    roomId: room.id,
    patientIds: [c.patient.id],
    sessionIds: [],
    photoUrls: [],
    consentIds: [],
    appointmentIds: [],
    planIds: [],
    productIds: [c.product.id],
    lotIds: [c.lot.id],
    deviceIds: [c.device.id],
    consentTemplateId: templates.body[0].id,
    treatmentTemplateIds: [],
    calendarFeedPath: feed.body.path,
    bookingSlug: online.body.publicBookingSlug,
    manageTokenPath: '',
    rounds: 0,
  };
}

/** Adds one more row of every kind the read routes read. */
export async function addRound(app: TestApp, w: World): Promise<void> {
  const { c } = w;
  const round = w.rounds++;
  const organizationId = c.organization.id;

  // Organization-wide lists: patients (tagged), staff, locations, services, rooms, products, lots, devices, templates.
  const patient = await newPatient(app.dataSource, organizationId, { tags: ['vip', `course ${round}`], email: `budget${round}@example.test`, phone: '+12125550100' });
  w.patientIds.push(patient.id);
  const staff = await newStaffMember(app.dataSource, organizationId, { role: 'nurse' });
  await credential(app.dataSource, organizationId, staff.id);
  expectStatus(await c.owner.post('/api/locations', { name: `Annex ${round}`, timezone: 'America/Chicago' }), 201, 'location');
  if (round > 0) {
    await newService(c.owner);
    await newRoom(c.owner, c.location.id);
  }
  const product = await createProduct(c.owner);
  w.productIds.push(product.id);
  // A lot of the first product expiring soon (alerts, FEFO suggestion) and one of the round's product.
  const soon = await receiveLot(c.owner, { productId: c.product.id, locationId: c.location.id, expiresOn: daysFromToday(20 + round), quantity: 3 });
  w.lotIds.push(soon.lot.id);
  const recalled = await receiveLot(c.owner, { productId: product.id, locationId: c.location.id });
  expectStatus(await c.owner.post(`/api/lots/${recalled.lot.id}/recall`, { reason: 'Sterile barrier breach', recallClass: 'II' }), 200, 'recall');
  const device = await c.owner.post('/api/devices', { model: 'SkinPen Precision', serialNumber: `SP-B${round}-${Date.now()}`, locationId: c.location.id });
  expectStatus(device, 201, 'device');
  w.deviceIds.push(device.body.id);
  const template = await c.owner.post('/api/treatment-templates', { name: `Fine lines ${round}`, indication: 'fine_lines', zones: [{ zone: 'forehead', depthMm: 0.25, passes: 2 }] });
  expectStatus(template, 201, 'treatment template');
  w.treatmentTemplateIds.push(template.body.id);

  // The first patient's record: a new history version, a consent, a signed session with a photo and an adverse event
  // on the first pen and lot, an outcome score, an appointment, a course.
  expectStatus(await c.owner.put(`/api/patients/${c.patient.id}/medical-history`, { ...emptyMedicalHistory(), sunburnLastOn: `2020-01-0${round + 1}` }), 200, 'history');
  w.consentIds.push((await signedConsent(c.owner, c.patient.id, 'cosmetic_needling')).id);
  const started = await c.practitioner.post('/api/treatment-sessions', walkIn(c, { indication: 'fine_lines' }));
  expectStatus(started, 201, 'session');
  const sessionId = started.body.session.id as string;
  w.sessionIds.push(sessionId);
  const form = new FormData();
  form.append('phase', 'before');
  form.append('angle', 'front');
  form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'photo.png');
  const photo = await c.practitioner.post(`/api/treatment-sessions/${sessionId}/photos`, form);
  expectStatus(photo, 201, 'photo');
  w.photoUrls.push(photo.body.url);
  const adverse = await c.practitioner.post(`/api/treatment-sessions/${sessionId}/adverse-events`, {
    type: 'erythema',
    onsetOn: NEW_YORK_TODAY(),
    grade: 1,
    description: 'Redness for three days',
    outcome: 'resolved',
  });
  expectStatus(adverse, 201, 'adverse event');
  expectStatus(await c.practitioner.post(`/api/treatment-sessions/${sessionId}/sign`, { password: TEST_PASSWORD }), 200, 'sign');
  expectStatus(
    await c.practitioner.post(`/api/patients/${c.patient.id}/assessments`, { scale: 'goodman_baron_quantitative', score: 24 - round, assessedOn: NEW_YORK_TODAY(), sessionId }),
    201,
    'assessment',
  );
  const startsAt = (hoursAhead: number) => new Date(Math.ceil(Date.now() / 900_000 + 4 * hoursAhead) * 900_000).toISOString();
  const book = (patientId: string, hoursAhead: number) =>
    c.owner.post('/api/appointments', { patientId, serviceId: w.serviceId, practitionerId: c.nurse.id, roomId: w.roomId, locationId: c.location.id, startsAt: startsAt(hoursAhead) });
  const mine = await book(c.patient.id, 30 + 2 * round);
  expectStatus(mine, 201, 'appointment');
  w.appointmentIds.push(mine.body.id);
  if (round === 0) {
    // The manage link's key as confirmation issues it (online-booking stores only its SHA-256).
    const key = randomBytes(32).toString('base64url');
    await app.dataSource.query(`INSERT INTO online_booking_manage_tokens (organization_id, appointment_id, token_hash, expires_at) SELECT organization_id, id, $2, ends_at FROM appointments WHERE id = $1`, [
      mine.body.id,
      createHash('sha256').update(key).digest(),
    ]);
    w.manageTokenPath = `/api/public/appointments/${key}`;
    // Her own answers through the link (the forms page gives those back to her).
    expectStatus(await app.client().put(`${w.manageTokenPath}/medical-history`, emptyMedicalHistory()), 200, 'pre-visit medical history');
  }
  // Another patient's appointment, cancelled: a freed slot, and that patient on the waitlist.
  const theirs = await book(patient.id, 31 + 2 * round);
  expectStatus(theirs, 201, 'appointment');
  expectStatus(await c.owner.post(`/api/appointments/${theirs.body.id}/cancel`, { reason: 'Unwell' }), 200, 'cancel');
  // The clinic's date of the freed start (New York), not its UTC date: from 20:00 New York on they differ, and the
  // waiting patient's range would miss the slot.
  const day = isoDateInTimeZone(new Date(startsAt(31 + 2 * round)), 'America/New_York');
  const waiting = await c.owner.post('/api/waitlist', { patientId: patient.id, serviceId: w.serviceId, locationId: c.location.id, earliestOn: day, latestOn: addDays(day, 1) });
  expectStatus(waiting, 201, 'waitlist');
  const plan = await c.owner.post('/api/treatment-plans', {
    patientId: c.patient.id,
    serviceId: w.serviceId,
    locationId: c.location.id,
    sessions: 2,
    intervalWeeks: 4,
    startOn: addDays('2027-06-07', 70 * round),
    practitionerId: c.nurse.id,
  });
  expectStatus(plan, 201, 'treatment plan');
  w.planIds.push(plan.body.id);
}
