import { randomUUID } from 'node:crypto';
import { addDays, emptyMedicalHistory, isoDateInTimeZone, readable } from '@skinledger/domain';
import { newPatient, newStaffMember, signIn, signedInOrganization } from '../../../test/factories';
import { createProduct, daysFromToday, receiveLot } from '../../../test/inventory-factories';
import { futureInstant, newPractitioner, newRoom, newService } from '../../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import type { ApiResponse } from '../../../test/api-client';

/**
 * Issue 13: problem details speak the clinic's words. A double booking names the practitioner (or room) and the
 * other appointment's local times; no refusal's detail (nor the messages of its errors and violations) carries a
 * UUID or an ISO date or time. Ids and ISO values stay in the extension members, for machines.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO = /\d{4}-\d{2}-\d{2}/;
const NY = 'America/New_York';

/** What a person reads of a problem document. */
function wordsOf(problem: Record<string, unknown>): string[] {
  const messages = (list: unknown) => (Array.isArray(list) ? list.map((item) => String((item as { message?: unknown }).message ?? '')) : []);
  return [String(problem.title), String(problem.detail), ...messages(problem.errors), ...messages(problem.violations)];
}

describe('readable problem details', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  let nurse: { id: string; name: string };
  let serviceId: string;
  let room1: string;
  let room2: string;
  const refusals: { what: string; response: ApiResponse }[] = [];
  const refused = (what: string, response: ApiResponse, status: number) => {
    expect({ what, status: response.status }).toEqual({ what, status });
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    refusals.push({ what, response });
    return response.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'owner');
    nurse = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
    serviceId = (await newService(org.client)).id;
    room1 = (await newRoom(org.client, org.location.id, 'Room 1')).id;
    room2 = (await newRoom(org.client, org.location.id, 'Room 2')).id;
  });
  afterAll(async () => app.close());

  const book = async (patientId: string, input: Record<string, unknown>) =>
    org.client.post('/api/appointments', { patientId, serviceId, practitionerId: nurse.id, roomId: room1, locationId: org.location.id, ...input });

  it('names the practitioner and the other appointment’s local times on a double booking', async () => {
    const startsAt = futureInstant(12, 15);
    const first = await book((await newPatient(app.dataSource, org.organization.id)).id, { startsAt });
    expect(first.status).toBe(201);
    const clash = refused('double booking (practitioner)', await book((await newPatient(app.dataSource, org.organization.id)).id, { startsAt, roomId: room2 }), 409);
    const us = readable('en-US');
    expect(clash.detail).toBe(
      `${nurse.name} is already booked ${us.timeRange(first.body.startsAt, first.body.endsAt, NY)} with another patient, then clean-up until ${us.time(first.body.occupiedUntil, NY)}`,
    );
    // For machines: the resource, the other appointment and its instants.
    expect(clash).toMatchObject({ resource: 'practitioner', conflictingAppointmentId: first.body.id, conflictingStartsAt: first.body.startsAt });
  });

  it('names the room when the room is taken', async () => {
    const startsAt = futureInstant(13, 15);
    const other = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
    const first = await book((await newPatient(app.dataSource, org.organization.id)).id, { startsAt });
    expect(first.status).toBe(201);
    const clash = refused('double booking (room)', await book((await newPatient(app.dataSource, org.organization.id)).id, { startsAt, practitionerId: other.id }), 409);
    // 10:00 – 11:00 AM in winter, 11:00 AM – 12:00 PM in summer (futureInstant is a UTC hour): the first half-day only when it differs.
    expect(clash.detail).toMatch(/^Room 1 is already booked \d{1,2}:\d{2}( [AP]M)? – \d{1,2}:\d{2} [AP]M, then clean-up until \d{1,2}:\d{2} [AP]M$/);
  });

  it('writes the clinic’s variant: 24-hour times for an en-GB clinic', async () => {
    const gb = await signedInOrganization(app, 'owner');
    expect((await gb.client.patch('/api/organization', { name: 'Marylebone Skin', locale: 'en-GB' })).status).toBe(200);
    const gbNurse = await newPractitioner(app.dataSource, gb.client, gb.organization.id, gb.location.id);
    const gbService = (await newService(gb.client)).id;
    const gbRoom = (await newRoom(gb.client, gb.location.id, 'Treatment room')).id;
    const startsAt = futureInstant(12, 16);
    const input = { serviceId: gbService, practitionerId: gbNurse.id, roomId: gbRoom, locationId: gb.location.id, startsAt };
    const first = await gb.client.post('/api/appointments', { patientId: (await newPatient(app.dataSource, gb.organization.id)).id, ...input });
    expect(first.status).toBe(201);
    const clash = refused('double booking (en-GB)', await gb.client.post('/api/appointments', { patientId: (await newPatient(app.dataSource, gb.organization.id)).id, ...input }), 409);
    expect(clash.detail).toBe(`${gbNurse.name} is already booked ${readable('en-GB').timeRange(first.body.startsAt, first.body.endsAt, NY)} with another patient, then clean-up until ${readable('en-GB').time(first.body.occupiedUntil, NY)}`);
    expect(clash.detail).not.toMatch(/AM|PM/);
  });

  it('says the medical interval and an expired licence with dates for people', async () => {
    const patient = await newPatient(app.dataSource, org.organization.id);
    expect((await book(patient.id, { startsAt: futureInstant(20, 15) })).status).toBe(201);
    const interval = refused('medical interval', await book(patient.id, { startsAt: futureInstant(27, 15), roomId: room2 }), 422);
    const earlier = readable('en-US').day(futureInstant(20, 15), NY);
    expect((interval.violations as { code: string; message: string }[]).find((v) => v.code === 'medical-interval')?.message).toContain(`the patient has one on ${earlier}`);
    expect(interval.detail).toContain('The appointment cannot be booked: Medical needling needs at least 28 days between sessions');

    const expired = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { expiresOn: '2025-01-31' });
    const licence = refused('expired licence', await book((await newPatient(app.dataSource, org.organization.id)).id, { startsAt: futureInstant(15, 15), practitionerId: expired.id }), 422);
    expect((licence.violations as { code: string; message: string }[]).find((v) => v.code === 'credential-expired')?.message).toMatch(
      /^The practitioner's license expired on Jan 31, 2025: no treating on \w{3} \d{1,2}, \d{4}$/,
    );
  });

  it('names what is missing without ids', async () => {
    const missing = refused('not found', await org.client.get(`/api/appointments/${randomUUID()}`), 404);
    expect(missing.detail).toBe('The appointment was not found');
    expect(missing.id).toEqual(expect.any(String));
    const frontDesk = await signIn(app, (await newStaffMember(app.dataSource, org.organization.id, { role: 'front_desk' })).email);
    const forbidden = refused('permission', await frontDesk.get('/api/audit-events'), 403);
    expect(forbidden.detail).toBe('Your role (Front desk) does not allow reading the audit log');
  });

  it('refuses stock and history input with dates for people', async () => {
    const product = await createProduct(org.client);
    const { lot } = await receiveLot(org.client, { productId: product.id, locationId: org.location.id, expiresOn: daysFromToday(200) });
    const mismatch = refused(
      'lot expiry mismatch',
      await org.client.post('/api/lots', { productId: product.id, locationId: org.location.id, lotNumber: lot.lotNumber, expiresOn: daysFromToday(300), quantity: 1 }),
      409,
    );
    expect(mismatch.detail).toBe(`Lot ${lot.lotNumber} of this product is on record as expiring on ${readable('en-US').date(daysFromToday(200))}`);
    expect(mismatch.expiresOnRecord).toBe(daysFromToday(200));

    const scan = refused('GS1 check digit', await org.client.post('/api/lots/receive-scan', { code: ']d20100812345678905', locationId: org.location.id, quantity: 1 }), 400);
    expect(scan.detail).toContain('00812345678905 has a wrong check digit (it should be 1)');

    const patient = await newPatient(app.dataSource, org.organization.id);
    const tomorrow = addDays(isoDateInTimeZone(new Date(), NY), 1);
    const future = refused('future exposure date', await org.client.put(`/api/patients/${patient.id}/medical-history`, { ...emptyMedicalHistory(), waxingLastOn: tomorrow }), 400);
    expect((future.errors as { field: string; message: string }[])[0]).toMatchObject({ field: 'waxingLastOn', message: expect.stringMatching(/^waxingLastOn is after today \(\w{3} \d{1,2}, \d{4}\)/) });
  });

  it('keeps the screening’s eligible-from dates readable (the dates themselves in their fields)', async () => {
    const patient = await newPatient(app.dataSource, org.organization.id, { fitzpatrickType: 2 });
    const today = isoDateInTimeZone(new Date(), NY);
    expect((await org.client.put(`/api/patients/${patient.id}/medical-history`, { ...emptyMedicalHistory(), waxingLastOn: today })).status).toBe(200);
    const eligibility = await org.client.get(`/api/patients/${patient.id}/eligibility?procedure=medical`);
    const blocker = (eligibility.body.blockers as { code: string; message: string; eligibleFrom?: string }[]).find((b) => b.code === 'waxing_window');
    expect(blocker?.eligibleFrom).toBe(addDays(today, 3));
    expect(blocker?.message).toBe(`Waxing within 3 days of the last waxing (${readable('en-US').date(today)}); eligible from ${readable('en-US').date(addDays(today, 3))}`);
  });

  it('never puts a UUID or an ISO date in what people read of a refusal', () => {
    expect(refusals.length).toBeGreaterThanOrEqual(10);
    for (const { what, response } of refusals) {
      for (const text of wordsOf(response.body as Record<string, unknown>)) {
        expect({ what, text, uuid: UUID.test(text) }).toEqual({ what, text, uuid: false });
        expect({ what, text, iso: ISO.test(text) }).toEqual({ what, text, iso: false });
      }
    }
  });
});
