import type { Browser, Page } from 'playwright-core';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';
import { launchBrowser, screenshot } from './support/browser';
import { apiAs, documentScreen } from './support/charting';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, type RunningServer } from './support/server';
import { signIn } from './support/session';

const ZONE = 'America/New_York';

interface Slot {
  startsAt: string;
  endsAt: string;
  practitionerId: string;
}

/**
 * The clinic's side of online booking (issue 16). An owner opens online booking in Settings and sets a service to
 * existing patients only; a patient books online through the public API (hold, the code read from the outbox, confirm)
 * and someone else holds a slot; the calendar marks the online booking and shows the hold; the front desk verifies the
 * self-registered patient's identity from the drawer; the possible duplicate is listed and merged.
 */
describe('online booking: the clinic side', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ReturnType<typeof apiAs>;
  let slug: string;
  let locationId: string;
  let consultationId: string;
  /** The online booking's start (the calendar is opened on its day). */
  let bookedAt: string;

  beforeAll(async () => {
    server = await startServer();
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    page = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.goto(`${server.baseUrl}/login`);
    await signIn(page, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    api = apiAs(page, server.baseUrl);
    await seed();
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  /** A nurse working every day 08:00–18:00, a room, a consultation and a medical-needling service, a patient on file. */
  async function seed() {
    const [location] = await api.get('/api/locations');
    locationId = location.id;
    const nurse = await api.post('/api/staff', {
      email: 'nora@harbour.example',
      name: 'Nora Reyes',
      role: 'nurse',
      password: 'nurse password 12345',
      credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-100200', jurisdiction: 'NY', expiresOn: '2099-12-31' }],
    });
    await api.put(`/api/staff/${nurse.id}/working-hours`, {
      locationId,
      blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: '08:00', endsAt: '18:00' })),
    });
    await api.post('/api/rooms', { locationId, name: 'Room 1' });
    await api.post('/api/rooms', { locationId, name: 'Room 2' });
    const consultation = await api.post('/api/services', {
      name: 'Skin consultation',
      durationMin: 30,
      bufferMin: 0,
      procedureKind: 'consultation',
      consentKinds: [],
      onlineBooking: 'anyone',
    });
    consultationId = consultation.id;
    await api.post('/api/services', { name: 'Medical needling', durationMin: 60, bufferMin: 15, procedureKind: 'medical_needling', consentKinds: ['medical_needling'], onlineBooking: 'anyone' });
    // Already on file, with an old e-mail and phone: booking online again makes a new record, listed as a possible duplicate.
    await api.post('/api/patients', { firstName: 'Amara', lastName: 'Okafor', dateOfBirth: '1990-04-02', sex: 'female', email: 'amara.old@example.com', phone: '(212) 555-0100' });
  }

  const publicApi = async (method: 'GET' | 'POST', url: string, data?: unknown) => {
    const response = await page.request.fetch(`${server.baseUrl}${url}${url.includes('?') ? '&' : '?'}organization=${slug}`, { method, ...(data === undefined ? {} : { data }) });
    if (response.status() >= 300) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
    return response.json();
  };

  /** The clinic day (New York) of an instant, and how many days after today (New York) it is. */
  const daysFromToday = (instant: string) => {
    const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
    return Math.round((Date.parse(day(new Date(instant))) - Date.parse(day(new Date()))) / 86_400_000);
  };

  it('lets the owner open online booking and keep a service for existing patients, and keeps the values after a reload', async () => {
    await page.goto(`${server.baseUrl}/settings`);
    const form = page.getByRole('form', { name: 'Online booking settings' });
    await form.waitFor();
    const enabled = form.getByRole('switch', { name: 'Patients can book online' });
    await expect(enabled.isChecked()).resolves.toBe(false);
    await enabled.check({ force: true });
    await form.getByRole('textbox', { name: 'Minimum notice (hours)' }).fill('12');
    await form.getByRole('textbox', { name: 'Book up to (days ahead)' }).fill('45');
    await form.getByRole('textbox', { name: 'Online cancellation until (hours before)' }).fill('36');
    await form.getByRole('textbox', { name: 'Booking and cancellation policy' }).fill('Please cancel at least 36 hours ahead; later, call the clinic.');
    await form.getByRole('button', { name: 'Save online booking' }).click();
    await page.getByText('Patients can book online.').waitFor();

    await page.goto(`${server.baseUrl}/scheduling-setup`);
    const needling = page.getByRole('textbox', { name: 'Online booking of Medical needling' });
    await needling.click();
    // Listen before choosing: the PATCH may answer before a listener set up after the click would see it.
    const patched = page.waitForResponse((r) => r.url().includes('/api/services/') && r.request().method() === 'PATCH');
    await page.getByRole('option', { name: 'Existing patients' }).click();
    await patched;

    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Online booking of Medical needling' }).inputValue()).resolves.toBe('Existing patients');
    await page.goto(`${server.baseUrl}/settings`);
    const saved = page.getByRole('form', { name: 'Online booking settings' });
    await saved.waitFor();
    await expect(saved.getByRole('switch', { name: 'Patients can book online' }).isChecked()).resolves.toBe(true);
    await expect(saved.getByRole('textbox', { name: 'Minimum notice (hours)' }).inputValue()).resolves.toBe('12');
    await expect(saved.getByRole('textbox', { name: 'Book up to (days ahead)' }).inputValue()).resolves.toBe('45');
    await expect(saved.getByRole('textbox', { name: 'Online cancellation until (hours before)' }).inputValue()).resolves.toBe('36');
    await expect(saved.getByRole('textbox', { name: 'Booking and cancellation policy' }).inputValue()).resolves.toBe('Please cancel at least 36 hours ahead; later, call the clinic.');
    slug = (await api.get('/api/settings/online-booking')).publicBookingSlug;
  });

  it('marks an online booking on the calendar and shows a hold as held, without anyone’s details', async () => {
    // Two days ahead (beyond the 12 hours' notice): the nurse's free starts for the consultation.
    const from = Date.now() + 2 * 86_400_000;
    const availability = await publicApi(
      'GET',
      `/api/public/booking/availability?serviceId=${consultationId}&locationId=${locationId}&from=${new Date(from).toISOString()}&to=${new Date(from + 86_400_000).toISOString()}`,
    );
    const slots = availability.slots as Slot[];
    // The first start with another one at least two hours later on the same day (from 15:30 on, the nurse's day, which
    // ends at 18:00, has none: the pair is then the next morning's).
    const laterOnSameDay = (first: Slot) =>
      slots.find((s) => Date.parse(s.startsAt) >= Date.parse(first.startsAt) + 2 * 3_600_000 && daysFromToday(s.startsAt) === daysFromToday(first.startsAt));
    const first = slots.find((s) => laterOnSameDay(s) !== undefined) as Slot;
    const later = laterOnSameDay(first) as Slot;
    bookedAt = first.startsAt;
    const person = { firstName: 'Amara', lastName: 'Okafor', dateOfBirth: '1990-04-02', email: 'amara.okafor@example.com', phone: '(212) 555-0142' };
    const hold = (slot: Slot, who: typeof person) =>
      publicApi('POST', '/api/public/booking/holds', { serviceId: consultationId, locationId, practitionerId: slot.practitionerId, startsAt: slot.startsAt, patient: who, acceptPolicy: true });

    // Hold, read the code from the outbox (as the clinic keeps every message), confirm.
    const held = await hold(first, person);
    const outbox = await api.get('/api/outbound-messages');
    const codeMessage = (outbox.items as { recipient: string; body: string }[]).find((m) => m.recipient === person.email && /code is \d{6}/.test(m.body));
    const code = /code is (\d{6})/.exec(codeMessage?.body ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await publicApi('POST', `/api/public/booking/holds/${held.holdId}/confirm`, { code });
    // Someone else holds a later slot and has not confirmed yet.
    await hold(later, { firstName: 'Lena', lastName: 'Brandt', dateOfBirth: '1984-11-20', email: 'lena.brandt@example.com', phone: '(212) 555-0199' });

    await page.goto(`${server.baseUrl}/schedule`);
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    for (let i = 0; i < daysFromToday(bookedAt); i++) await page.getByRole('button', { name: 'Next day' }).click();
    const event = page.locator('.rbc-event').filter({ hasText: 'Amara Okafor' });
    await event.getByRole('img', { name: 'Booked online' }).waitFor();
    const heldSlot = page.getByTestId('online-hold');
    await heldSlot.getByText(/^Held online · expires \d{1,2}:\d{2}/).waitFor();
    // The hold names nobody: only the time and when it lapses.
    await expect(heldSlot.textContent()).resolves.not.toContain('Lena');
    await expectNoSeriousA11yViolations(page, 'schedule with an online booking and a hold');
    await documentScreen(page, 'calendar-online-booking');
    await page.setViewportSize({ width: 1024, height: 768 });
    await event.getByRole('img', { name: 'Booked online' }).waitFor();
    await documentScreen(page, 'calendar-online-booking-tablet', true);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('asks to verify the identity of the self-registered patient on her page and in the drawer until someone confirms it', async () => {
    const appointments = await api.get(`/api/appointments?locationId=${locationId}&from=${encodeURIComponent(bookedAt)}&to=${encodeURIComponent(new Date(Date.parse(bookedAt) + 3_600_000).toISOString())}`);
    const booked = (appointments.items ?? appointments).find((a: { startsAt: string }) => a.startsAt === bookedAt);
    await page.goto(`${server.baseUrl}/patients/${booked.patientId}`);
    await page.getByRole('heading', { name: 'Amara Okafor', level: 1 }).waitFor();
    await page.getByText('Verify identity', { exact: true }).first().waitFor();
    await page.getByTestId('verify-identity').waitFor();
    await expectNoSeriousA11yViolations(page, 'patient page: verify identity');
    await screenshot(page, 'patient-verify-identity');

    await page.goto(`${server.baseUrl}/schedule`);
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    for (let i = 0; i < daysFromToday(bookedAt); i++) await page.getByRole('button', { name: 'Next day' }).click();
    await page.locator('.rbc-event').filter({ hasText: 'Amara Okafor' }).click();
    const drawer = page.getByRole('dialog', { name: 'Amara Okafor' });
    await drawer.getByText('Booked online by the patient').waitFor();
    const callout = drawer.getByTestId('verify-identity');
    await callout.getByText('Verify identity').waitFor();
    await page.waitForTimeout(400); // let the drawer finish sliding in
    await expectNoSeriousA11yViolations(page, 'drawer: verify identity');
    await documentScreen(page, 'drawer-verify-identity', true);
    await callout.getByRole('button', { name: 'Identity checked' }).click();
    await callout.waitFor({ state: 'detached' });
    await drawer.getByText('Booked online by the patient').waitFor();
    await drawer.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const patient = await api.get(`/api/patients/${booked.patientId}`);
    expect(patient).toMatchObject({ selfRegistered: true, identityVerifiedAt: expect.any(String) });
    await page.goto(`${server.baseUrl}/patients/${booked.patientId}`);
    await page.getByText('Registered online · identity checked').waitFor();
    await expect(page.getByTestId('verify-identity').count()).resolves.toBe(0);
  });

  it('lists the possible duplicate found at booking and merges the online record into the existing one', async () => {
    await page.goto(`${server.baseUrl}/patients`);
    await page.getByRole('link', { name: 'Possible duplicates' }).click();
    await page.getByRole('heading', { name: 'Possible duplicates', level: 1 }).waitFor();
    const pair = page.getByRole('article').filter({ hasText: 'Amara Okafor' });
    await pair.getByText('Matched on same name and date of birth').waitFor();
    await expectNoSeriousA11yViolations(page, 'possible duplicates');
    await documentScreen(page, 'possible-duplicates');
    await page.setViewportSize({ width: 1024, height: 768 });
    await documentScreen(page, 'possible-duplicates-tablet', true);
    await page.setViewportSize({ width: 1280, height: 900 });

    await pair.getByRole('button', { name: /^Merge into SL-/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge the online record?' });
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByText('No possible duplicates').waitFor();
    const search = await api.get('/api/patients?q=Okafor&includeArchived=true');
    expect(search.items).toHaveLength(1);
  });
});
