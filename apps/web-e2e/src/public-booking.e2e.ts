import type { Browser, BrowserContext, Page } from 'playwright-core';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';
import { launchBrowser, screenshot } from './support/browser';
import { DEFAULT_OWNER, queryServerDatabase, setUpClinic, startServer, stopServer, type RunningServer } from './support/server';
import { signIn } from './support/session';

/**
 * Issue 16, the patients' side, on a phone-sized Chromium (375×812), without a staff session: a new patient finds
 * the clinic's location and books a consultation (the code read from the outbox in the database), then confirms,
 * moves and cancels it through her manage link; an existing patient (a completed consultation this year) books a
 * medical-needling session; a new patient asking for medical needling is refused in plain words and books the
 * consultation offered instead. axe finds nothing on each step.
 */
describe('public booking: patients book themselves', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: Page;
  let slug: string;
  const PHONE = { width: 375, height: 812 };

  beforeAll(async () => {
    // Three patients' flows make more public requests in a minute than one person would: the per-IP limit (60 a
    // minute by default, tested by the API's own tests) is raised here so it does not decide this test.
    server = await startServer({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' } });
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    staff = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await staff.goto(`${server.baseUrl}/login`);
    await signIn(staff, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    slug = await seed();
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  async function api(method: 'get' | 'post' | 'put' | 'patch', path: string, data?: unknown) {
    const token = (await staff.context().cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
    const response = await staff.request[method](`${server.baseUrl}${path}`, { headers: { 'X-CSRF-Token': token }, data });
    if (response.status() >= 300) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return response.json();
  }

  let harbour: { id: string };
  let nurse: { id: string };
  let consultation: { id: string };

  /**
   * Two locations with coordinates (Manhattan and Brooklyn), a nurse working at both every day 07:00–20:00, a room
   * at each, a consultation open to anyone and medical needling for existing patients; online booking on.
   */
  async function seed(): Promise<string> {
    [harbour] = await api('get', '/api/locations');
    await api('patch', `/api/locations/${harbour.id}`, { address: '1 State Street, New York, NY 10004', phone: '(212) 555-0100', latitude: 40.7033, longitude: -74.0132 });
    const slope = await api('post', '/api/locations', {
      name: 'Park Slope',
      timezone: 'America/New_York',
      address: '200 7th Avenue, Brooklyn, NY 11215',
      phone: '(718) 555-0111',
      latitude: 40.6694,
      longitude: -73.9797,
    });
    nurse = await api('post', '/api/staff', {
      email: 'nora@harbour.example',
      name: 'Nora Reyes',
      role: 'nurse',
      password: 'nurse password 12345',
      credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-100200', jurisdiction: 'NY', expiresOn: '2099-12-31' }],
    });
    for (const location of [harbour, slope]) {
      await api('put', `/api/staff/${nurse.id}/working-hours`, {
        locationId: location.id,
        blocks: location === harbour ? [1, 3, 5, 7].map((weekday) => ({ weekday, startsAt: '07:00', endsAt: '20:00' })) : [2, 4, 6].map((weekday) => ({ weekday, startsAt: '07:00', endsAt: '20:00' })),
      });
      await api('post', '/api/rooms', { locationId: location.id, name: 'Room 1' });
    }
    consultation = await api('post', '/api/services', {
      name: 'Consultation',
      durationMin: 30,
      bufferMin: 0,
      procedureKind: 'consultation',
      consentKinds: [],
      onlineBooking: 'anyone',
      description: 'Skin assessment and a treatment plan.',
    });
    await api('post', '/api/services', {
      name: 'Medical needling',
      durationMin: 60,
      bufferMin: 15,
      procedureKind: 'medical_needling',
      consentKinds: ['medical_needling'],
      onlineBooking: 'existing_patients',
      description: 'SkinPen collagen induction, 0.5–2.5 mm.',
    });
    const settings = await api('put', '/api/settings/online-booking', {
      enabled: true,
      minimumNoticeHours: 2,
      maximumDaysAhead: 60,
      cancellationWindowHours: 24,
      policyText: 'Please cancel or move your appointment at least 24 hours ahead. Late cancellations may be charged.',
      excludedPractitionerIds: [],
      // The clinic's colour (issue 16: "in the clinic's name and colours"): a navy white text reads well on.
      brandColor: '#1b4f8a',
    });
    return settings.publicBookingSlug;
  }

  async function phone(): Promise<{ context: BrowserContext; page: Page }> {
    // Near Park Slope (Brooklyn): the finder puts it first when the patient shares her location.
    const context = await browser.newContext({ ...A11Y_CONTEXT, viewport: PHONE, locale: 'en-US', timezoneId: 'Europe/Berlin', geolocation: { latitude: 40.671, longitude: -73.981 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    return { context, page };
  }

  /** Checks the step by eye (a screenshot) and by axe: nothing at all, not only nothing serious. */
  async function step(page: Page, name: string, heading: string | RegExp) {
    const h1 = page.getByRole('heading', { level: 1, name: heading });
    await h1.waitFor();
    // The step's heading has the focus: a screen reader announces the new step.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await expectNoSeriousA11yViolations(page, `public booking: ${name}`, { failOn: 'any' });
    await screenshot(page, `public-booking-${name}`);
  }

  /** The 6-digit code e-mailed for the newest hold of this address, as the outbox keeps it. */
  async function codeFor(email: string): Promise<string> {
    const [row] = await queryServerDatabase<{ body: string }>(
      server,
      `SELECT body FROM outbound_messages WHERE kind = 'booking_code' AND recipient = $1 ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    const code = /\b(\d{6})\b/.exec(row?.body ?? '')?.[1];
    if (!code) throw new Error(`no booking code e-mailed to ${email}`);
    return code;
  }

  async function chooseFirstTime(page: Page) {
    await page.getByRole('heading', { level: 2, name: /^Free times on/ }).waitFor();
    await page.getByRole('list', { name: /^Free times on/ }).getByRole('button').first().click();
  }

  async function fillDetails(page: Page, who: { firstName: string; lastName: string; dateOfBirth: string; email: string; phone: string }) {
    await page.getByLabel('First name').fill(who.firstName);
    await page.getByLabel('Last name').fill(who.lastName);
    await page.getByLabel('Date of birth').fill(who.dateOfBirth);
    await page.getByLabel('E-mail').fill(who.email);
    await page.getByLabel('Phone').fill(who.phone);
    await page.getByLabel('I accept the clinic’s booking and cancellation policy').check();
  }

  it('a new patient finds the clinic, books a consultation with the e-mailed code, then confirms, moves and cancels it through her link', async () => {
    const { context, page } = await phone();
    await page.goto(`${server.baseUrl}/book?organization=${slug}`);
    await step(page, '1-location', 'Choose a location');
    expect(await page.title()).toBe('Choose a location – Harbour Skin Clinic');
    await page.getByText('Harbour Skin Clinic').first().waitFor();
    expect(await page.locator('.book-header').evaluate((header) => getComputedStyle(header).backgroundColor)).toBe('rgb(27, 79, 138)');

    // Nearest first from the browser's position; then a typed postcode finds the Manhattan location.
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByText('Sorted by distance from you, nearest first.').waitFor();
    const locations = page.getByRole('list', { name: 'Locations' }).getByRole('button');
    await locations.first().filter({ hasText: 'Park Slope' }).filter({ hasText: 'mi away' }).waitFor();
    await page.getByLabel('Town or postcode').fill('10004');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByText('1 location matches “10004”.').waitFor();
    await locations.first().filter({ hasText: 'Harbour Street' }).waitFor();
    await screenshot(page, 'public-booking-1-location-found');
    await locations.first().click();

    await step(page, '2-service', 'Choose a treatment');
    await page.getByText(/For existing patients: bookable online after a consultation/).waitFor();
    await page.getByRole('button', { name: /^Consultation/ }).click();

    await step(page, '3-practitioner', 'Choose a practitioner');
    await page.getByRole('button', { name: /^Any practitioner/ }).click();

    await step(page, '4-time', 'Choose a day and time');
    await page.getByText('Times are shown in the clinic’s time zone (America/New York).').waitFor();
    // The last day of the two weeks shown: well outside the clinic's 24-hour cancellation window, so she can move it.
    await page.getByRole('list', { name: 'Day', exact: true }).getByRole('button').last().click();
    await chooseFirstTime(page);

    await step(page, '5-details', 'Your details');
    // Sent empty: each field says what it needs, the live region sums it up, the focus goes to the first.
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please check' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'firstName');
    await expectNoSeriousA11yViolations(page, 'public booking: details with errors', { failOn: 'any' });
    await screenshot(page, 'public-booking-5-details-errors');
    const amara = { firstName: 'Amara', lastName: 'Okafor', dateOfBirth: '1990-04-02', email: 'amara.okafor@example.com', phone: '(212) 555-0142' };
    await fillDetails(page, amara);
    await page.getByRole('button', { name: 'Send me a code' }).click();

    await step(page, '6-code', 'Enter the 6-digit code we e-mailed you');
    const code = await codeFor(amara.email);
    await page.getByLabel('6-digit code', { exact: true }).fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('alert').filter({ hasText: 'not the code we sent; 4 tries left' }).waitFor();
    await page.getByLabel('6-digit code', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Confirm booking' }).click();

    await step(page, '7-done', 'You’re booked');
    await page.getByText(/Consultation/).first().waitFor();
    const manage = page.getByRole('link', { name: 'Manage your appointment' });
    const href = (await manage.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/book\/manage\/[A-Za-z0-9_-]{43}$/);
    const [booked] = await queryServerDatabase<{ id: string; status: string; starts_at: Date }>(
      server,
      `SELECT a.id, a.status, a.starts_at FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE p.email = $1`,
      [amara.email],
    );
    expect(booked.status).toBe('booked');

    // The manage link, as the e-mail carries it.
    await page.goto(`${server.baseUrl}${href}`);
    await step(page, '8-manage', 'Your appointment');
    await page.getByRole('button', { name: 'Confirm attendance' }).click();
    await page.getByRole('status').filter({ hasText: 'your attendance is confirmed' }).waitFor();
    await page.getByText('Confirmed: the clinic expects you').waitFor();

    await page.getByRole('button', { name: 'Reschedule' }).click();
    await step(page, '9-reschedule', 'Choose a new time');
    // Another day than hers (the last), still days ahead: the one before it.
    const days = page.getByRole('list', { name: 'Day', exact: true }).getByRole('button');
    await days.nth((await days.count()) - 2).click();
    await chooseFirstTime(page);
    await screenshot(page, 'public-booking-9-reschedule-chosen');
    await page.getByRole('button', { name: 'Move my appointment' }).click();
    await page.getByRole('status').filter({ hasText: 'Your appointment is moved to' }).waitFor();
    const [moved] = await queryServerDatabase<{ starts_at: Date }>(server, `SELECT starts_at FROM appointments WHERE id = $1`, [booked.id]);
    expect(moved.starts_at.getTime()).not.toBe(booked.starts_at.getTime());
    await expectNoSeriousA11yViolations(page, 'public booking: moved', { failOn: 'any' });

    await page.getByRole('button', { name: 'Cancel appointment' }).click();
    await step(page, '10-cancel', 'Cancel your appointment');
    await page.getByLabel('Reason (optional)').fill('I am away that week');
    await page.getByRole('button', { name: 'Cancel appointment' }).click();
    await page.getByRole('status').filter({ hasText: 'Your appointment is cancelled' }).waitFor();
    await page.getByText('Cancelled', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'public booking: cancelled', { failOn: 'any' });
    await screenshot(page, 'public-booking-11-cancelled');
    const [cancelled] = await queryServerDatabase<{ status: string; cancel_reason: string }>(server, `SELECT status, cancel_reason FROM appointments WHERE id = $1`, [booked.id]);
    expect(cancelled).toEqual({ status: 'cancelled', cancel_reason: 'Cancelled online by the patient: I am away that week' });
    // Nothing of a staff session was ever needed.
    expect((await context.cookies()).filter((c) => c.name === 'session' || c.name === 'csrf_token')).toEqual([]);
    await context.close();
  });

  it('an existing patient with a consultation this year books a medical-needling session online', async () => {
    // Grace, a patient of the clinic: a consultation yesterday, checked in, seen and completed by the nurse.
    const grace = { firstName: 'Grace', lastName: 'Adeyemi', dateOfBirth: '1979-11-30', email: 'grace.adeyemi@example.com', phone: '(212) 555-0199' };
    const patient = await api('post', '/api/patients', { firstName: grace.firstName, lastName: grace.lastName, dateOfBirth: grace.dateOfBirth, sex: 'female', email: grace.email, phone: grace.phone });
    const [room] = (await api('get', `/api/rooms?locationId=${harbour.id}`)) as { id: string }[];
    const yesterday = await pastOpeningHour();
    const seen = await api('post', '/api/appointments', { patientId: patient.id, serviceId: consultation.id, practitionerId: nurse.id, roomId: room.id, locationId: harbour.id, startsAt: yesterday });
    for (const action of ['check-in', 'start', 'complete']) await api('post', `/api/appointments/${seen.id}/${action}`, {});

    const { context, page } = await phone();
    await page.goto(`${server.baseUrl}/book?organization=${slug}`);
    await step(page, 'existing-1-location', 'Choose a location');
    await page.getByRole('button', { name: /^Harbour Street/ }).click();
    await step(page, 'existing-2-service', 'Choose a treatment');
    await page.getByRole('button', { name: /^Medical needling/ }).click();
    await page.getByRole('button', { name: /^Nora Reyes/ }).click();
    await step(page, 'existing-4-time', 'Choose a day and time');
    await chooseFirstTime(page);
    await step(page, 'existing-5-details', 'Your details');
    await fillDetails(page, grace);
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await step(page, 'existing-6-code', 'Enter the 6-digit code we e-mailed you');
    await page.getByLabel('6-digit code', { exact: true }).fill(await codeFor(grace.email));
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await step(page, 'existing-7-done', 'You’re booked');
    await page.getByText('Medical needling', { exact: true }).waitFor();
    await page.getByText('Nora Reyes', { exact: true }).waitFor();
    const rows = await queryServerDatabase<{ patient_id: string; status: string }>(
      server,
      `SELECT a.patient_id, a.status FROM appointments a JOIN services s ON s.id = a.service_id WHERE s.procedure_kind = 'medical_needling' AND a.patient_id = $1`,
      [patient.id],
    );
    // Matched to her record (last name, date of birth and e-mail), not a new one.
    expect(rows).toEqual([{ patient_id: patient.id, status: 'booked' }]);
    await context.close();
  });

  it('a new patient asking for medical needling is told why not and books the consultation offered instead', async () => {
    const { context, page } = await phone();
    await page.goto(`${server.baseUrl}/book?organization=${slug}`);
    await page.getByRole('button', { name: /^Harbour Street/ }).click();
    await page.getByRole('button', { name: /^Medical needling/ }).click();
    await page.getByRole('button', { name: /^Any practitioner/ }).click();
    await chooseFirstTime(page);
    const bea = { firstName: 'Beatrice', lastName: 'Nwosu', dateOfBirth: '1995-07-21', email: 'bea.nwosu@example.com', phone: '(646) 555-0123' };
    await fillDetails(page, bea);
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enter the 6-digit code we e-mailed you' }).waitFor();
    await page.getByLabel('6-digit code', { exact: true }).fill(await codeFor(bea.email));
    await page.getByRole('button', { name: 'Confirm booking' }).click();

    await step(page, 'refused-1', 'This booking cannot be made online');
    await page.getByRole('alert').filter({ hasText: 'Medical needling can be booked online only by patients who had a consultation' }).waitFor();
    await page.getByRole('button', { name: 'Book a consultation instead' }).click();

    await step(page, 'refused-2-consultation-time', 'Choose a day and time');
    await page.getByText(/Step 4 of 5 · Consultation/).waitFor();
    await chooseFirstTime(page);
    await step(page, 'refused-3-details-kept', 'Your details');
    // What she typed, and her acceptance of the policy, are kept.
    expect(await page.getByLabel('E-mail').inputValue()).toBe(bea.email);
    expect(await page.getByLabel('I accept the clinic’s booking and cancellation policy').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enter the 6-digit code we e-mailed you' }).waitFor();
    await page.getByLabel('6-digit code', { exact: true }).fill(await codeFor(bea.email));
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await step(page, 'refused-4-done', 'You’re booked');
    await page.getByText('Consultation', { exact: true }).waitFor();

    // A few hours before it, inside the clinic's 24-hour window: the page says to call, with the number.
    // Moved to the first quarter hour from now + 3 h on which her practitioner and room are free: an earlier
    // test's booking may sit right then (the exclusion constraints would refuse the move), depending on the hour CI runs.
    const href = (await page.getByRole('link', { name: 'Manage your appointment' }).getAttribute('href')) ?? '';
    const moved = await queryServerDatabase<{ id: string }>(
      server,
      `WITH hers AS (
         SELECT a.id, a.organization_id, a.practitioner_id, a.room_id, a.ends_at - a.starts_at AS length, a.occupied_until - a.starts_at AS occupied
           FROM appointments a JOIN patients p ON p.id = a.patient_id
          WHERE p.email = $1 AND a.status NOT IN ('cancelled', 'no_show')),
       free AS (
         SELECT start FROM hers, generate_series(now() + interval '3 hours', now() + interval '20 hours', interval '15 minutes') AS start
          WHERE NOT EXISTS (
            SELECT 1 FROM appointments o
             WHERE o.organization_id = hers.organization_id AND o.id <> hers.id AND o.status NOT IN ('cancelled', 'no_show')
               AND (o.practitioner_id = hers.practitioner_id OR o.room_id = hers.room_id)
               AND tstzrange(o.starts_at, o.occupied_until) && tstzrange(start, start + hers.occupied))
          ORDER BY start LIMIT 1)
       UPDATE appointments a SET starts_at = free.start, ends_at = free.start + hers.length, occupied_until = free.start + hers.occupied
         FROM hers, free WHERE a.id = hers.id RETURNING a.id`,
      [bea.email],
    );
    expect(moved).toHaveLength(1);
    await page.goto(`${server.baseUrl}${href}`);
    await step(page, 'refused-5-manage-inside-window', 'Your appointment');
    await page.getByText('Your appointment starts in less than 24 hours, so it can no longer be moved or cancelled online: please call Harbour Street on').waitFor();
    await page.getByRole('link', { name: '+1 212-555-0100' }).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel appointment' }).count()).toBe(0);
    await context.close();
  });

  it('shows the clinic its public booking link and the snippet to embed it, in Settings → Online booking', async () => {
    await staff.goto(`${server.baseUrl}/settings`);
    const section = staff.getByRole('region', { name: 'Online booking' });
    await section.getByRole('heading', { name: 'Public booking page' }).waitFor();
    const link = section.getByRole('link', { name: /\/book\?organization=/ });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`^http://localhost:\\d+/book\\?organization=${slug}$`));
    expect(await section.getByLabel('Embed snippet').textContent()).toBe(
      `<iframe src="${href}" title="Book an appointment online" style="width:100%;max-width:560px;height:900px;border:0" loading="lazy"></iframe>`,
    );
    await section.getByRole('button', { name: 'Copy embed snippet' }).waitFor();
    await expectNoSeriousA11yViolations(staff, 'settings: online booking', { include: '[aria-labelledby="online-booking-heading"]' });
    await screenshot(staff, 'public-booking-settings');
  });

  it('runs under the server’s CSP (no inline script) in a browser that enforces it', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US' });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => message.type() === 'error' && /Content Security Policy/i.test(message.text()) && violations.push(message.text()));
    await page.goto(`${server.baseUrl}/book?organization=${slug}`);
    await page.getByRole('heading', { level: 1, name: 'Choose a location' }).waitFor();
    await page.goto(`${server.baseUrl}/book/manage/${'x'.repeat(43)}`);
    await page.getByText('We could not find this. The link may be mistyped, or the appointment is over.').waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  /** Yesterday at 10:00 in New York, a day the nurse works at Harbour Street (Mon, Wed, Fri, Sun) or the day before. */
  async function pastOpeningHour(): Promise<string> {
    for (let daysAgo = 1; daysAgo <= 3; daysAgo++) {
      const day = new Date(Date.now() - daysAgo * 86_400_000);
      const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).formatToParts(day);
      const part = (type: string) => local.find((p) => p.type === type)?.value ?? '';
      if (['Mon', 'Wed', 'Fri', 'Sun'].includes(part('weekday'))) {
        // 10:00 in New York: 15:00 UTC in winter (EST), 14:00 in summer (EDT); the offset read from Intl.
        const noonUtc = new Date(`${part('year')}-${part('month')}-${part('day')}T12:00:00Z`);
        const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'shortOffset' }).formatToParts(noonUtc).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT-5';
        const hours = -Number(/GMT([+-]\d+)/.exec(offset)?.[1] ?? '-5');
        return new Date(Date.UTC(Number(part('year')), Number(part('month')) - 1, Number(part('day')), 10 + hours)).toISOString();
      }
    }
    throw new Error('no working day in the last three days');
  }
});
