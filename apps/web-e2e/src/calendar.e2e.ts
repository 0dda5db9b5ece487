import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, WORKSPACE, type RunningServer } from './support/server';
import { signIn } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

const SCREENSHOTS = path.join(WORKSPACE, 'docs/screenshots');
const TZ = 'America/New_York';

/** Keeps a documentation screenshot (what the screen shows) in docs/screenshots as well as the run's artifacts. */
async function documentScreen(page: Page, name: string): Promise<void> {
  // Every documented state is also checked with axe: 0 critical or serious violations.
  await expectNoSeriousA11yViolations(page, name);
  const file = await screenshot(page, name);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  expect(fs.existsSync(file)).toBe(true);
}

/** The location's calendar date `days` from today, and that day's local hh:mm as an instant. */
function localDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date(Date.now() + days * 86_400_000));
}
function at(day: string, hhmm: string): string {
  // New York is UTC-5 or UTC-4: try both and keep the one that reads back as hh:mm there.
  for (const offset of ['-04:00', '-05:00']) {
    const instant = new Date(`${day}T${hhmm}:00${offset}`);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
    if (local === hhmm) return instant.toISOString();
  }
  throw new Error(`no ${hhmm} on ${day}`);
}

/**
 * The calendar that shows who can be booked (issue 13): hours shaded and time off labelled from the first paint,
 * booking with the keyboard alone, a readable week with appointments side by side, booking from a patient's profile
 * with a patient created in the dialog, and a course at the patient's preferred time of day.
 */
describe('calendar: who can be booked, booking from everywhere', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const DAY = localDay(2);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    page = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.goto(`${server.baseUrl}/login`);
    await signIn(page, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    await seed();
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  async function api(method: 'get' | 'post' | 'put', route: string, data?: unknown) {
    const token = (await page.context().cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
    const response = await page.request[method](`${server.baseUrl}${route}`, { headers: { 'X-CSRF-Token': token }, data });
    if (response.status() >= 300) throw new Error(`${method} ${route}: ${response.status()} ${await response.text()}`);
    return response.json();
  }

  async function practitioner(name: string, email: string, role: string, licenceType: string, start: string, end: string) {
    const staff = await api('post', '/api/staff', {
      email,
      name,
      role,
      password: 'calendar staff password 90210',
      credentials: [{ licenceType, licenceNumber: 'LIC-100200', jurisdiction: 'NY', expiresOn: '2099-12-31' }],
    });
    await api('put', `/api/staff/${staff.id}/working-hours`, { locationId: ids.location, blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: start, endsAt: end })) });
    return staff.id as string;
  }

  /**
   * Three practitioners with different hours (Nora at the dentist 13:00–14:30 that day), an aesthetician whose licence
   * stops short of medical needling, two rooms, services, patients with long names, and three appointments at 10:00
   * on the day (so the week view must lay them side by side).
   */
  async function seed() {
    const [location] = await api('get', '/api/locations');
    ids.location = location.id;
    ids.nora = await practitioner('Nora Reyes', 'nora@harbour.example', 'nurse', 'registered_nurse', '08:00', '18:00');
    ids.samuel = await practitioner('Dr. Samuel Osei', 'samuel@harbour.example', 'physician', 'physician', '10:00', '20:00');
    ids.amy = await practitioner('Amy Lee', 'amy@harbour.example', 'aesthetician', 'licensed_aesthetician', '09:00', '17:00');
    await api('post', `/api/staff/${ids.nora}/time-off`, { startsAt: at(DAY, '13:00'), endsAt: at(DAY, '14:30'), reason: 'Dentist' });
    ids.medical = (await api('post', '/api/services', { name: 'Medical needling', durationMin: 60, bufferMin: 15, procedureKind: 'medical_needling', consentKinds: [] })).id;
    ids.facial = (await api('post', '/api/services', { name: 'Glow facial', durationMin: 45, bufferMin: 0, procedureKind: 'cosmetic_needling', consentKinds: [] })).id;
    ids.consult = (await api('post', '/api/services', { name: 'Consultation', durationMin: 30, bufferMin: 0, procedureKind: 'consultation', consentKinds: [] })).id;
    ids.room1 = (await api('post', '/api/rooms', { locationId: ids.location, name: 'Room 1' })).id;
    ids.room2 = (await api('post', '/api/rooms', { locationId: ids.location, name: 'Room 2' })).id;
    ids.room3 = (await api('post', '/api/rooms', { locationId: ids.location, name: 'Room 3' })).id;
    const patient = async (firstName: string, lastName: string, dateOfBirth: string) => (await api('post', '/api/patients', { firstName, lastName, dateOfBirth, sex: 'female' })).id as string;
    ids.elena = await patient('Elena', 'Marsh', '1988-04-02');
    ids.isabella = await patient('Isabella', 'Fontaine-Ricci', '1991-07-14');
    ids.marcus = await patient('Marcus', 'Oyelaran-Whitfield', '1979-11-20');
    ids.tom = await patient('Tom', 'Avery', '1979-11-20');
    const book = (patientId: string, serviceId: string, practitionerId: string, roomId: string, time: string) =>
      api('post', '/api/appointments', { patientId, serviceId, practitionerId, roomId, locationId: ids.location, startsAt: at(DAY, time) });
    await book(ids.isabella, ids.consult, ids.nora, ids.room1, '10:00');
    await book(ids.marcus, ids.facial, ids.amy, ids.room2, '10:00');
    await book(ids.tom, ids.consult, ids.nora, ids.room1, '15:00');
  }

  async function openScheduleOn(day: string) {
    await page.goto(`${server.baseUrl}/schedule`);
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    // The heading in the clinic's format (a US clinic: "Tuesday, Dec 8, 2026").
    const label = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${day}T12:00:00Z`));
    for (let i = 0; i < 14 && !(await page.getByText(label, { exact: true }).isVisible()); i++) {
      await page.getByRole('button', { name: 'Next day' }).click();
    }
    await page.getByText(label, { exact: true }).waitFor();
  }

  /** Presses Tab until the focused element's accessible text matches. */
  async function tabTo(name: RegExp) {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return `${el?.getAttribute('aria-label') ?? ''} ${el?.textContent ?? ''} ${(el as HTMLInputElement | null)?.labels?.[0]?.textContent ?? ''}`;
      });
      if (name.test(focused)) return;
    }
    throw new Error(`Tab never reached ${name}`);
  }

  it("paints the day with the practitioners' columns at once, their hours shaded and time off labelled", async () => {
    // The first paint of the grid already has the columns (no empty grid while they load).
    await page.goto(`${server.baseUrl}/schedule`);
    await page.locator('.rbc-time-view').waitFor();
    const headers = await page.locator('.sl-column-name').allTextContents();
    expect(headers).toEqual(['Amy Lee', 'Dr. Samuel Osei', 'Nora Reyes']);
    await openScheduleOn(DAY);
    await page.locator('.sl-column-hours').getByText('8:00 AM–1:00 PM, 2:30 PM–6:00 PM').waitFor();
    await page.locator('.sl-column-hours').getByText('10:00 AM–8:00 PM').waitFor();
    // Nora's column: the dentist is labelled; each column has time shaded outside its hours.
    await page.locator('.sl-time-off-label').getByText('Time off · Dentist').waitFor();
    for (const column of await page.locator('.rbc-time-content .rbc-day-slot').all()) {
      expect(await column.locator('[data-testid="not-working"]').count()).toBeGreaterThan(0);
    }
    await page.getByLabel('Legend').getByText('Not working').waitFor();
    await documentScreen(page, 'calendar-day-shading');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.locator('.sl-time-off-label').first().waitFor();
    await documentScreen(page, 'calendar-day-shading-tablet');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('books an appointment with the keyboard alone', async () => {
    await openScheduleOn(DAY);
    await tabTo(/New appointment/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Book appointment' });
    await dialog.waitFor();
    // Patient: type, arrow to the match, Enter.
    await dialog.getByRole('textbox', { name: 'Patient' }).waitFor();
    if (!(await dialog.getByRole('textbox', { name: 'Patient' }).evaluate((el) => el === document.activeElement))) await tabTo(/Patient/);
    await page.keyboard.type('Elena');
    await page.getByRole('option', { name: /Elena Marsh/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('textbox', { name: 'Patient' }).inputValue()).resolves.toMatch(/^Elena Marsh · /);
    // Practitioner: Nora Reyes.
    await tabTo(/Practitioner/);
    await page.keyboard.type('Nora');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Nora Reyes' }).waitFor();
    await selectOptionByKeyboard('Nora Reyes');
    // Service: Glow facial (Nora may do every service; the list is the licence's).
    await tabTo(/Service/);
    await page.keyboard.press('ArrowDown');
    await selectOptionByKeyboard(/Glow facial/);
    // Start: the free starts of the day; 11:00 (10:00 is Isabella's).
    await tabTo(/^\s*Start|Start\s*$/);
    await page.keyboard.type('11:00');
    await page.getByRole('option', { name: '11:00 AM' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('textbox', { name: 'Start' }).inputValue()).resolves.toBe('11:00 AM');
    // A free room is chosen with the start.
    await expect(dialog.getByRole('textbox', { name: 'Room' }).inputValue()).resolves.toMatch(/^Room \d$/);
    await dialog.getByText(/Glow facial on .*, 11:00 – 11:45 AM with Nora Reyes in Room \d\./).waitFor();
    await tabTo(/^\s*Book\s*$/);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.rbc-event').getByText('Elena Marsh · Glow facial').waitFor();
    const booked = await api('get', `/api/appointments?patientId=${ids.elena}`);
    expect(booked).toEqual([expect.objectContaining({ practitionerName: 'Nora Reyes', serviceName: 'Glow facial', startsAt: at(DAY, '11:00') })]);
    // An event opens its drawer from the keyboard too.
    await page.locator('.rbc-event', { hasText: 'Elena Marsh · Glow facial' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Elena Marsh' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Elena Marsh' }).waitFor({ state: 'hidden' });
  });

  async function selectOptionByKeyboard(name: string | RegExp) {
    // Arrow down the open list until the wanted option is the selected one, then Enter.
    for (let i = 0; i < 10; i++) {
      const selected = page.locator('[role="option"][data-combobox-selected="true"]');
      if ((await selected.count()) > 0 && (typeof name === 'string' ? (await selected.textContent()) === name : name.test((await selected.textContent()) ?? ''))) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
  }

  it('shows only services the licence allows and starts where a room is free', async () => {
    await openScheduleOn(DAY);
    await page.getByRole('button', { name: 'New appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Book appointment' });
    await dialog.getByRole('textbox', { name: 'Practitioner' }).click();
    await page.getByRole('option', { name: 'Amy Lee' }).click();
    await dialog.getByText(/Not offered: Medical needling \(Amy Lee's licen[cs]e does not allow it on this day\)/).waitFor();
    await dialog.getByRole('textbox', { name: 'Service' }).click();
    await page.getByRole('option', { name: /Glow facial/ }).waitFor();
    await expect(page.getByRole('option', { name: /Medical needling/ }).count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('lays the week out in side-by-side lanes and shows full names on hover and focus', async () => {
    // A third appointment overlapping the two at 10:00: Dr. Osei at 10:15 in Room 3.
    await api('post', '/api/appointments', { patientId: ids.tom, serviceId: ids.consult, practitionerId: ids.samuel, roomId: ids.room3, locationId: ids.location, startsAt: at(DAY, '10:15') });
    await openScheduleOn(DAY);
    await page.getByText('Week', { exact: true }).click();
    await page.locator('.sl-calendar-week').waitFor();
    const events = page.locator('.rbc-event', { hasText: /Isabella Fontaine-Ricci|Marcus Oyelaran-Whitfield|Tom Avery/ });
    await events.first().waitFor();
    const boxes = (await events.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) as { x: number; y: number; width: number; height: number }[];
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    // No two events cover each other.
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        expect(overlapX > 1 && overlapY > 1).toBe(false);
      }
    }
    // Each event's text is the whole name; hovering shows the card with name, service, practitioner and room.
    const marcus = page.locator('.rbc-event', { hasText: 'Marcus Oyelaran-Whitfield' });
    await expect(marcus.locator('.sl-event-text').textContent()).resolves.toBe('Marcus Oyelaran-Whitfield');
    await marcus.hover();
    const card = marcus.locator('.sl-event-card');
    await card.waitFor({ state: 'visible' });
    await expect(card.textContent()).resolves.toMatch(/Marcus Oyelaran-Whitfield.*Glow facial.*Amy Lee · Room 2/);
    await documentScreen(page, 'calendar-week-lanes');
    // A click opens the appointment.
    await marcus.click();
    const drawer = page.getByRole('dialog', { name: 'Marcus Oyelaran-Whitfield' });
    await drawer.waitFor();
    await drawer.getByRole('button', { name: 'Close' }).click();
    await drawer.waitFor({ state: 'hidden' });
    // Keyboard focus shows it too.
    await page.mouse.move(5, 5);
    const isabella = page.locator('.rbc-event', { hasText: 'Isabella Fontaine-Ricci' });
    await isabella.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await isabella.locator('.sl-event-card').waitFor({ state: 'visible' });
    await page.setViewportSize({ width: 768, height: 1024 });
    await documentScreen(page, 'calendar-week-lanes-tablet');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it("books from a patient's profile, creating a new patient in the dialog after the duplicate warning", async () => {
    await page.goto(`${server.baseUrl}/patients/${ids.tom}`);
    await page.getByRole('button', { name: 'Book appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Book appointment' });
    await expect(dialog.getByRole('textbox', { name: 'Patient' }).inputValue()).resolves.toMatch(/^Tom Avery · /);
    // Tom's partner calls for herself: a new patient, first typed like an existing one.
    await dialog.getByRole('button', { name: 'New patient' }).click();
    const form = dialog.getByRole('region', { name: 'New patient' });
    await form.getByRole('textbox', { name: 'First name' }).fill('Elena');
    await form.getByRole('textbox', { name: 'Last name' }).fill('Marsh');
    await form.getByLabel('Date of birth').fill('1988-04-02');
    await form.getByRole('button', { name: 'Create patient' }).click();
    const warning = form.getByRole('alert');
    await warning.getByText('This patient may already be registered').waitFor();
    await warning.getByText(/same name and date of birth/).waitFor();
    await warning.getByRole('button', { name: 'Book for Elena Marsh' }).waitFor();
    await documentScreen(page, 'booking-dialog-duplicate');
    // Not her: a different person, so correct the name.
    await form.getByRole('textbox', { name: 'First name' }).fill('Helena');
    await form.getByRole('textbox', { name: 'Last name' }).fill('Park-Avery');
    await form.getByLabel('Date of birth').fill('1990-05-17');
    await form.getByRole('textbox', { name: 'Mobile phone' }).fill('(718) 555-0142');
    await form.getByRole('button', { name: 'Create patient' }).click();
    await form.waitFor({ state: 'detached' });
    await expect(dialog.getByRole('textbox', { name: 'Patient' }).inputValue()).resolves.toMatch(/^Helena Park-Avery · /);
    await dialog.getByRole('textbox', { name: 'Day' }).fill(DAY);
    await dialog.getByRole('textbox', { name: 'Service' }).click();
    await page.getByRole('option', { name: /Medical needling/ }).click();
    // Any practitioner: starts name who; Amy (aesthetician) is never offered for medical needling.
    await dialog.getByRole('textbox', { name: 'Start' }).click();
    await page.getByRole('option', { name: '4:00 PM · Dr. Samuel Osei' }).waitFor();
    await expect(page.getByRole('option', { name: /Amy Lee/ }).count()).resolves.toBe(0);
    await page.getByRole('option', { name: '4:00 PM · Dr. Samuel Osei' }).click();
    await dialog.getByText(/Medical needling on .*, 4:00 – 5:00 PM with Dr. Samuel Osei in Room \d\./).waitFor();
    await page.waitForTimeout(300);
    await documentScreen(page, 'booking-dialog');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.waitForTimeout(300);
    await documentScreen(page, 'booking-dialog-tablet');
    await page.setViewportSize({ width: 1440, height: 900 });
    await dialog.getByRole('button', { name: 'Book' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const [helena] = (await api('get', '/api/patients?q=Helena')).items as { id: string; phone: string }[];
    const appointments = await api('get', `/api/appointments?patientId=${helena.id}`);
    expect(appointments).toEqual([expect.objectContaining({ serviceName: 'Medical needling', practitionerName: 'Dr. Samuel Osei', startsAt: at(DAY, '16:00') })]);
  });

  it('plans a course in the afternoons with a preferred practitioner', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Course planner' }).click();
    await page.getByRole('heading', { name: 'Course planner', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Patient' }).fill('Isabella');
    await page.getByRole('option', { name: /Isabella Fontaine-Ricci/ }).click();
    await page.getByRole('textbox', { name: 'Service' }).click();
    await page.getByRole('option', { name: 'Glow facial' }).click();
    await page.getByRole('textbox', { name: 'Preferred practitioner' }).click();
    await page.getByRole('option', { name: 'Nora Reyes' }).click();
    await page.getByRole('textbox', { name: 'Preferred time of day' }).click();
    await page.getByRole('option', { name: /^Afternoon/ }).click();
    await page.getByLabel('First session on').fill(localDay(7));
    await page.getByRole('button', { name: 'Propose slots' }).click();
    const table = page.getByRole('table', { name: 'Course sessions' });
    await table.getByText('3 of 3').waitFor();
    await page.getByText('Preferred: afternoon (starts 12:00–17:00) with Nora Reyes').waitFor();
    const plans = await api('get', `/api/treatment-plans?patientId=${ids.isabella}`);
    const hours = (plans[0].sessionList as { proposedStartsAt: string; practitionerName: string }[]).map((s) => [
      new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(s.proposedStartsAt)),
      s.practitionerName,
    ]);
    expect(hours).toEqual([
      ['12:00', 'Nora Reyes'],
      ['12:00', 'Nora Reyes'],
      ['12:00', 'Nora Reyes'],
    ]);
    await expect(table.getByText('Outside the preferred time').count()).resolves.toBe(0);
    await page.waitForTimeout(300);
    await documentScreen(page, 'course-planner');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.waitForTimeout(300);
    await documentScreen(page, 'course-planner-tablet');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Book all sessions' }).click();
    await table.getByText('Booked', { exact: true }).first().waitFor();
    await expect(table.getByText('Booked', { exact: true }).count()).resolves.toBe(3);
  });
});
