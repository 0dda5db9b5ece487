import { newStaffMember, signedInOrganization } from '../../test/factories';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

const OPEN = { enabled: true, minimumNoticeHours: 24, maximumDaysAhead: 60, cancellationWindowHours: 24, policyText: 'Cancel a day ahead, please.', excludedPractitionerIds: [] as string[] };
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('online booking: settings, the service flag and the public reads (issue 16)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ PUBLIC_URL: 'https://book.harbour-skin.test/' });
  });
  afterAll(async () => app.close());

  /** A clinic with a nurse (medical licence, licence number RN-1) and an aesthetician, both working every day 09–17. */
  async function clinic() {
    const org = await signedInOrganization(app, 'owner');
    const nurse = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
    const aesthetician = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { licenceType: 'licensed_aesthetician' });
    await newRoom(org.client, org.location.id, 'Room A');
    await newRoom(org.client, org.location.id, 'Room B');
    const [{ public_booking_slug: slug }] = await app.dataSource.query(`SELECT public_booking_slug FROM organizations WHERE id = $1`, [org.organization.id]);
    return { ...org, nurse, aesthetician, slug: slug as string };
  }

  describe('settings', () => {
    it('starts off with the defaults, shows the public slug, and keeps it to owners and admins', async () => {
      const org = await clinic();
      const response = await org.client.get('/api/settings/online-booking');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        enabled: false,
        minimumNoticeHours: 24,
        maximumDaysAhead: 60,
        cancellationWindowHours: 24,
        policyText: '',
        excludedPractitionerIds: [],
        brandColor: null,
        customized: false,
        publicBookingSlug: org.slug,
        // On PUBLIC_URL, where the API serves the booking page (book.html) for /book.
        publicBookingUrl: `https://book.harbour-skin.test/book?organization=${org.slug}`,
      });
      expect(org.slug).toMatch(/^[0-9a-f]{12}$/);
      expect((await org.client.get('/api/organization')).body.publicBookingSlug).toBe(org.slug);
      const physician = await signedInOrganization(app, 'physician');
      expect((await physician.client.get('/api/settings/online-booking')).status).toBe(403);
      expect((await physician.client.put('/api/settings/online-booking', OPEN)).status).toBe(403);
    });

    it('replaces the settings, audits what changed, and keeps the other settings', async () => {
      const org = await clinic();
      const put = await org.client.put('/api/settings/online-booking', { ...OPEN, excludedPractitionerIds: [org.aesthetician.id] });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ ...OPEN, excludedPractitionerIds: [org.aesthetician.id], customized: true });
      const [row] = await app.dataSource.query(`SELECT settings FROM organizations WHERE id = $1`, [org.organization.id]);
      expect(row.settings.onlineBooking).toEqual({ ...OPEN, excludedPractitionerIds: [org.aesthetician.id], brandColor: null });
      const events = await org.client.get('/api/audit-events?action=settings.online_booking_updated');
      expect(events.body.items).toHaveLength(1);
      expect(events.body.items[0].changes).toEqual({
        enabled: { from: false, to: true },
        policyText: { from: '', to: OPEN.policyText },
        excludedPractitionerIds: { from: [], to: [org.aesthetician.id] },
      });
      // The same value again changes nothing and writes no event.
      await org.client.put('/api/settings/online-booking', { ...OPEN, excludedPractitionerIds: [org.aesthetician.id] });
      expect((await org.client.get('/api/audit-events?action=settings.online_booking_updated')).body.items).toHaveLength(1);
    });

    it('refuses out-of-range values and strangers as excluded practitioners, naming each field, and stores nothing', async () => {
      const org = await clinic();
      const other = await signedInOrganization(app, 'owner');
      const bad = await org.client.put('/api/settings/online-booking', {
        enabled: 'yes',
        minimumNoticeHours: -1,
        maximumDaysAhead: 0,
        cancellationWindowHours: 500,
        policyText: 'x'.repeat(5001),
        excludedPractitionerIds: ['not-a-uuid'],
      });
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
        ['cancellationWindowHours', 'enabled', 'excludedPractitionerIds', 'maximumDaysAhead', 'minimumNoticeHours', 'policyText'].sort(),
      );
      const stranger = await org.client.put('/api/settings/online-booking', { ...OPEN, excludedPractitionerIds: [other.staffMember.id] });
      expect(stranger.status).toBe(400);
      expect(stranger.body.errors).toEqual([{ field: 'excludedPractitionerIds', message: expect.stringContaining(other.staffMember.id) }]);
      expect((await org.client.put('/api/settings/online-booking', { ...OPEN, maximumDaysAhead: 366 })).body.errors[0].field).toBe('maximumDaysAhead');
      const [row] = await app.dataSource.query(`SELECT settings FROM organizations WHERE id = $1`, [org.organization.id]);
      expect(row.settings.onlineBooking).toBeUndefined();
    });
  });

  describe('the service flag', () => {
    it('defaults medical needling to existing patients and the rest to off, and changes through PATCH (audited)', async () => {
      const org = await clinic();
      const medical = await newService(org.client);
      const consult = await newService(org.client, { procedureKind: 'consultation', consentKinds: [], durationMin: 30 });
      const services = (await org.client.get('/api/services')).body as { id: string; onlineBooking: string; description: string }[];
      expect(services.find((s) => s.id === medical.id)).toMatchObject({ onlineBooking: 'existing_patients', description: '' });
      expect(services.find((s) => s.id === consult.id)).toMatchObject({ onlineBooking: 'off' });
      const open = await newService(org.client, { procedureKind: 'cosmetic_needling', consentKinds: [], onlineBooking: 'anyone', description: 'Fine lines, 0.25–0.5 mm' });
      expect(open).toMatchObject({ onlineBooking: 'anyone', description: 'Fine lines, 0.25–0.5 mm' });
      const patch = await org.client.patch(`/api/services/${consult.id}`, { onlineBooking: 'anyone' });
      expect(patch.status).toBe(200);
      expect(patch.body.onlineBooking).toBe('anyone');
      const [event] = (await org.client.get('/api/audit-events?action=service.updated')).body.items;
      expect(event.changes.onlineBooking).toEqual({ from: 'off', to: 'anyone' });
      const bad = await org.client.patch(`/api/services/${consult.id}`, { onlineBooking: 'everyone' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('onlineBooking');
      await expect(
        app.dataSource.query(`UPDATE services SET online_booking = 'sometimes' WHERE id = $1`, [consult.id]),
      ).rejects.toThrow(/services_online_booking_check/);
    });
  });

  describe('GET /api/public/booking/options', () => {
    it('answers 404 problem+json for an unknown slug and for a clinic that has not turned online booking on, alike', async () => {
      const org = await clinic();
      await newService(org.client, { procedureKind: 'consultation', consentKinds: [], onlineBooking: 'anyone' });
      const anonymous = app.client();
      const closed = await anonymous.get(`/api/public/booking/options?organization=${org.slug}`);
      const unknown = await anonymous.get(`/api/public/booking/options?organization=nosuchclinic`);
      for (const response of [closed, unknown]) {
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
      expect({ ...closed.body, instance: undefined, requestId: undefined }).toEqual({ ...unknown.body, instance: undefined, requestId: undefined });
      expect((await anonymous.get('/api/public/booking/options')).status).toBe(400);
      expect((await anonymous.get('/api/public/booking/options?organization=%27%3B--')).body.errors[0].field).toBe('organization');
    });

    it('offers only open services, licensed and not excluded practitioners, without e-mails or licence numbers, and no cookie needed', async () => {
      const org = await clinic();
      const medical = await newService(org.client, { name: 'Acne-scar needling', onlineBooking: 'existing_patients' });
      const cosmetic = await newService(org.client, { name: 'Glow needling', procedureKind: 'cosmetic_needling', consentKinds: [], onlineBooking: 'anyone', description: 'Fine lines' });
      await newService(org.client, { name: 'Staff-only consult', procedureKind: 'consultation', consentKinds: [], onlineBooking: 'off' });
      const retired = await newService(org.client, { name: 'Retired', procedureKind: 'consultation', consentKinds: [], onlineBooking: 'anyone' });
      await org.client.patch(`/api/services/${retired.id}`, { isActive: false });
      const excluded = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id);
      await newStaffMember(app.dataSource, org.organization.id, { role: 'front_desk' }); // works nowhere: not offered
      expect((await org.client.put('/api/settings/online-booking', { ...OPEN, excludedPractitionerIds: [excluded.id] })).status).toBe(200);

      const response = await app.client().get(`/api/public/booking/options?organization=${org.slug.toUpperCase()}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toBeNull();
      const body = response.body;
      expect(body.organizationName).toBe(org.organization.name);
      expect(body.locations).toEqual([
        { id: org.location.id, name: org.location.name, address: org.location.address, timezone: 'America/New_York', phone: '', latitude: null, longitude: null },
      ]);
      expect(body.policyText).toBe(OPEN.policyText);
      expect(body.cancellationWindowHours).toBe(OPEN.cancellationWindowHours);
      expect(body.services.map((s: { name: string }) => s.name)).toEqual(['Acne-scar needling', 'Glow needling']);
      expect(body.services[0]).toEqual({
        id: medical.id,
        name: 'Acne-scar needling',
        durationMin: 60,
        procedureKind: 'medical_needling',
        description: '',
        onlineBooking: 'existing_patients',
        locationIds: [org.location.id],
        practitionerIds: [org.nurse.id],
      });
      expect(body.services[1]).toMatchObject({ id: cosmetic.id, description: 'Fine lines', practitionerIds: expect.arrayContaining([org.nurse.id, org.aesthetician.id]) });
      const byId = new Map(body.practitioners.map((p: { id: string }) => [p.id, p]));
      expect([...byId.keys()].sort()).toEqual([org.nurse.id, org.aesthetician.id].sort());
      expect(byId.get(org.aesthetician.id)).toEqual({ id: org.aesthetician.id, displayName: org.aesthetician.name, title: expect.any(String), serviceIds: [cosmetic.id], locationIds: [org.location.id] });
      expect(byId.get(org.nurse.id)).toMatchObject({ serviceIds: [medical.id, cosmetic.id] });
      const text = response.text;
      for (const secret of [org.nurse.email, org.aesthetician.email, org.staffMember.email, 'RN-1', '@clinic.test', excluded.id]) expect(text).not.toContain(secret);
    });
  });

  describe('the clinic’s colour on the booking pages', () => {
    it('is kept when white text reads on it (4.5:1), refused naming brandColor when not, and offered to the pages', async () => {
      const org = await clinic();
      await newService(org.client, { name: 'Glow needling', procedureKind: 'cosmetic_needling', consentKinds: [], onlineBooking: 'anyone' });
      const light = await org.client.put('/api/settings/online-booking', { ...OPEN, brandColor: '#ffd700' });
      expect(light.status).toBe(400);
      expect(light.headers.get('content-type')).toContain('application/problem+json');
      expect(light.body.errors).toEqual([{ field: 'brandColor', message: expect.stringMatching(/contrast of 1\.\d+:1; choose a darker colour \(at least 4\.5:1\)/) }]);
      const malformed = await org.client.put('/api/settings/online-booking', { ...OPEN, brandColor: 'navy' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].field).toBe('brandColor');

      const saved = await org.client.put('/api/settings/online-booking', { ...OPEN, brandColor: '#1B4F8A' });
      expect(saved.status).toBe(200);
      expect(saved.body.brandColor).toBe('#1b4f8a');
      const options = await app.client().get(`/api/public/booking/options?organization=${org.slug}`);
      expect(options.body.brandColor).toBe('#1b4f8a');
      // Left out of a later save: back to the pages' own colour.
      expect((await org.client.put('/api/settings/online-booking', OPEN)).body.brandColor).toBeNull();
      expect((await app.client().get(`/api/public/booking/options?organization=${org.slug}`)).body.brandColor).toBeNull();
    });
  });

  describe('location coordinates for the provider finder', () => {
    it('are kept through the location editor (both or neither, in range, audited) and offered to the booking page', async () => {
      const org = await clinic();
      await newService(org.client, { name: 'Glow needling', procedureKind: 'cosmetic_needling', consentKinds: [], onlineBooking: 'anyone' });
      await org.client.put('/api/settings/online-booking', OPEN);
      const placed = await org.client.patch(`/api/locations/${org.location.id}`, { latitude: 40.7033, longitude: -74.0132, phone: '(212) 555-0199' });
      expect(placed.status).toBe(200);
      expect(placed.body).toMatchObject({ latitude: 40.7033, longitude: -74.0132 });
      const [event] = (await org.client.get('/api/audit-events?action=location.updated')).body.items;
      expect(event.changes.latitude).toEqual({ from: null, to: 40.7033 });

      const options = await app.client().get(`/api/public/booking/options?organization=${org.slug}`);
      expect(options.body.locations[0]).toMatchObject({ id: org.location.id, latitude: 40.7033, longitude: -74.0132, phone: '+12125550199' });

      const half = await org.client.patch(`/api/locations/${org.location.id}`, { latitude: null });
      expect(half.status).toBe(400);
      expect(half.body.errors[0].field).toBe('latitude');
      const outside = await org.client.patch(`/api/locations/${org.location.id}`, { latitude: 91, longitude: 0 });
      expect(outside.status).toBe(400);
      expect(outside.body.errors[0].field).toBe('latitude');
      const cleared = await org.client.patch(`/api/locations/${org.location.id}`, { latitude: null, longitude: null });
      expect(cleared.body).toMatchObject({ latitude: null, longitude: null });
      await expect(app.dataSource.query(`UPDATE locations SET latitude = 10 WHERE id = $1`, [org.location.id])).rejects.toThrow(/locations_coordinates_both/);
    });
  });

  describe('GET /api/public/booking/availability', () => {
    it('matches /api/availability inside the window, keeps to the notice and days-ahead window, and leaves excluded practitioners out', async () => {
      const org = await clinic();
      const cosmetic = await newService(org.client, { procedureKind: 'cosmetic_needling', consentKinds: [], onlineBooking: 'anyone', durationMin: 45, bufferMin: 15 });
      await org.client.put('/api/settings/online-booking', { ...OPEN, minimumNoticeHours: 48, maximumDaysAhead: 10 });
      const anonymous = app.client();
      const publicQuery = (from: number, to: number, extra = '') =>
        anonymous.get(`/api/public/booking/availability?organization=${org.slug}&serviceId=${cosmetic.id}&locationId=${org.location.id}&from=${iso(from)}&to=${iso(to)}${extra}`);
      const staffQuery = (from: number, to: number) => org.client.get(`/api/availability?serviceId=${cosmetic.id}&locationId=${org.location.id}&from=${iso(from)}&to=${iso(to)}`);
      const now = Date.now();
      const inside = { from: now + 3 * DAY, to: now + 6 * DAY };

      const publicAnswer = await publicQuery(inside.from, inside.to);
      expect(publicAnswer.status).toBe(200);
      const staffAnswer = await staffQuery(inside.from, inside.to);
      expect(publicAnswer.body.timeZone).toBe('America/New_York');
      expect(publicAnswer.body.slots.length).toBeGreaterThan(0);
      expect(publicAnswer.body.slots).toEqual(staffAnswer.body.slots.map((s: { startsAt: string; endsAt: string; practitionerId: string }) => ({ startsAt: s.startsAt, endsAt: s.endsAt, practitionerId: s.practitionerId })));
      expect(Object.keys(publicAnswer.body.slots[0]).sort()).toEqual(['endsAt', 'practitionerId', 'startsAt']);

      // The window: nothing sooner than 48 h from now, nothing later than 10 days from now.
      const early = await publicQuery(now, now + 4 * DAY);
      expect(early.body.slots.length).toBeGreaterThan(0);
      expect(early.body.slots.every((s: { startsAt: string }) => Date.parse(s.startsAt) >= now + 48 * 3_600_000)).toBe(true);
      const late = await publicQuery(now + 8 * DAY, now + 14 * DAY);
      expect(late.body.slots.every((s: { startsAt: string }) => Date.parse(s.startsAt) < now + 10 * DAY)).toBe(true);
      expect((await publicQuery(now + 11 * DAY, now + 14 * DAY)).body.slots).toEqual([]);

      // An excluded practitioner disappears from the answer, and asking for her by id is refused.
      await org.client.put('/api/settings/online-booking', { ...OPEN, minimumNoticeHours: 48, maximumDaysAhead: 10, excludedPractitionerIds: [org.aesthetician.id] });
      const without = await publicQuery(inside.from, inside.to);
      expect(without.body.slots.some((s: { practitionerId: string }) => s.practitionerId === org.aesthetician.id)).toBe(false);
      expect(without.body.slots.some((s: { practitionerId: string }) => s.practitionerId === org.nurse.id)).toBe(true);
      const asked = await publicQuery(inside.from, inside.to, `&practitionerId=${org.aesthetician.id}`);
      expect(asked.status).toBe(400);
      expect(asked.body.errors[0].field).toBe('practitionerId');
      const nurseOnly = await publicQuery(inside.from, inside.to, `&practitionerId=${org.nurse.id}`);
      expect(nurseOnly.body.slots.length).toBeGreaterThan(0);
      expect(nurseOnly.body.slots.every((s: { practitionerId: string }) => s.practitionerId === org.nurse.id)).toBe(true);
    });

    it('refuses a range over 14 days naming `to`, a service not open online naming `serviceId`, and a closed clinic with 404', async () => {
      const org = await clinic();
      const staffOnly = await newService(org.client, { procedureKind: 'consultation', consentKinds: [], onlineBooking: 'off' });
      const open = await newService(org.client, { procedureKind: 'consultation', consentKinds: [], onlineBooking: 'anyone' });
      const now = Date.now();
      const url = (serviceId: string, to: number) => `/api/public/booking/availability?organization=${org.slug}&serviceId=${serviceId}&locationId=${org.location.id}&from=${iso(now)}&to=${iso(to)}`;
      const anonymous = app.client();
      expect((await anonymous.get(url(open.id, now + 2 * DAY))).status).toBe(404);
      await org.client.put('/api/settings/online-booking', OPEN);
      const tooLong = await anonymous.get(url(open.id, now + 15 * DAY));
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.errors[0].field).toBe('to');
      const closedService = await anonymous.get(url(staffOnly.id, now + 2 * DAY));
      expect(closedService.status).toBe(400);
      expect(closedService.body.errors[0].field).toBe('serviceId');
      // Another clinic's service under this clinic's slug reads as no such service (row-level security).
      const other = await clinic();
      const foreign = await newService(other.client, { procedureKind: 'consultation', consentKinds: [], onlineBooking: 'anyone' });
      expect((await anonymous.get(url(foreign.id, now + 2 * DAY))).body.errors[0].field).toBe('serviceId');
    });
  });
});

describe('rate limit of /api/public (issue 16)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => app.close());

  it('answers 429 problem+json with Retry-After past the limit per IP, and leaves staff routes alone', async () => {
    const anonymous = app.client();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await anonymous.get('/api/public/booking/options?organization=nosuchclinic')).status);
    expect(statuses).toEqual([404, 404, 404]);
    const limited = await anonymous.get('/api/public/booking/options?organization=nosuchclinic');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ status: 429, retryAfterSeconds: expect.any(Number), type: expect.stringContaining('too-many-requests') });
    expect((await anonymous.get('/api/public/booking/availability?organization=nosuchclinic')).status).toBe(429);
    for (let i = 0; i < 5; i++) expect((await anonymous.get('/api/health')).status).toBe(200);
  });
});
