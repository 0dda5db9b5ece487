import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, WORKSPACE, type RunningServer } from './support/server';
import { signIn } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

const SCREENSHOTS = path.join(WORKSPACE, 'docs/screenshots');
const ZONE = 'America/New_York';
const DESK = { email: 'dana@harbour.example', password: 'front desk password 2468', name: 'Dana Brooks' };

/** Keeps a documentation screenshot in docs/screenshots as well as the run's artifacts (the notifications closed first). */
async function documentScreen(page: Page, name: string): Promise<void> {
  for (const close of await page.locator('.mantine-Notification-root .mantine-Notification-closeButton').all()) await close.click().catch(() => undefined);
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' }).catch(() => undefined);
  // Every documented state is also checked with axe: 0 critical or serious violations.
  await expectNoSeriousA11yViolations(page, name);
  const file = await screenshot(page, name);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.copyFileSync(file, path.join(SCREENSHOTS, `${name}.png`));
}

/** The instant of a wall-clock time in New York, `days` days from today there. */
function newYork(days: number, hour: number, minute = 0): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date()).split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d + days, hour, minute);
  // The zone's offset at about that time: its wall clock read back as if it were UTC, minus the instant.
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(wall));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const offset = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - wall;
  return new Date(wall - offset).toISOString();
}

/**
 * The front desk's day (issue 13): confirm and cancel an appointment with a reason from the calendar's drawer (late,
 * inside the clinic's window), offer the freed time to the waitlist with one click, see the clear answer when a
 * colleague booked the time first, reschedule through the dialog of free starts, and mark a no-show from the
 * patient's Appointments tab; each notice lands in the outbox in words.
 */
describe('front desk: appointment lifecycle and the waitlist', () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: BrowserContext;
  let desk: BrowserContext;
  let page: Page;
  let ownerPage: Page;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    owner = await browser.newContext({ ...A11Y_CONTEXT, viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
    ownerPage = await owner.newPage();
    ownerPage.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await ownerPage.goto(`${server.baseUrl}/login`);
    await signIn(ownerPage, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    await seed();
    desk = await browser.newContext({ ...A11Y_CONTEXT, viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
    page = await desk.newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.goto(`${server.baseUrl}/login`);
    await signIn(page, DESK.email, DESK.password);
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  async function api(method: 'get' | 'post' | 'put', url: string, data?: unknown) {
    const token = (await owner.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
    const response = await ownerPage.request[method](`${server.baseUrl}${url}`, { headers: { 'X-CSRF-Token': token }, data });
    if (response.status() >= 300) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
    return response.json();
  }

  /** A nurse working 07:00–20:00 every day, two rooms, a service, five patients, a front-desk colleague. */
  async function seed() {
    const [location] = await api('get', '/api/locations');
    ids.location = location.id;
    const nurse = await api('post', '/api/staff', {
      email: 'nora@harbour.example',
      name: 'Nora Reyes',
      role: 'nurse',
      password: 'nurse password 12345',
      credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-100200', jurisdiction: 'NY', expiresOn: '2099-12-31' }],
    });
    ids.nurse = nurse.id;
    await api('put', `/api/staff/${nurse.id}/working-hours`, { locationId: location.id, blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: '07:00', endsAt: '20:00' })) });
    await api('post', '/api/staff', { email: DESK.email, name: DESK.name, role: 'front_desk', password: DESK.password });
    const service = await api('post', '/api/services', { name: 'Facial consultation', durationMin: 60, bufferMin: 15, procedureKind: 'consultation', consentKinds: [] });
    ids.service = service.id;
    ids.room = (await api('post', '/api/rooms', { locationId: location.id, name: 'Room 1' })).id;
    await api('post', '/api/rooms', { locationId: location.id, name: 'Room 2' });
    const patient = async (firstName: string, lastName: string, dateOfBirth: string, phone: string) =>
      (await api('post', '/api/patients', { firstName, lastName, dateOfBirth, email: `${firstName.toLowerCase()}@example.test`, phone })).id as string;
    ids.elena = await patient('Elena', 'Marsh', '1988-04-02', '+12125550101');
    ids.tom = await patient('Tom', 'Avery', '1979-11-20', '+12125550102');
    ids.ines = await patient('Ines', 'Park', '1991-06-30', '+12125550103');
    ids.omar = await patient('Omar', 'Haddad', '1983-01-17', '+12125550104');
    ids.marcus = await patient('Marcus', 'Lee', '1975-09-08', '+12125550105');
    const book = async (patientId: string, startsAt: string) =>
      (await api('post', '/api/appointments', { patientId, serviceId: ids.service, practitionerId: ids.nurse, roomId: ids.room, locationId: location.id, startsAt })).id as string;
    ids.elenaAppointment = await book(ids.elena, newYork(1, 10));
    ids.tomAppointment = await book(ids.tom, newYork(1, 12));
    // Marcus was due yesterday and did not come (nobody marked it yet); he has another appointment next week.
    ids.marcusMissed = await book(ids.marcus, newYork(-1, 15));
    ids.marcusNext = await book(ids.marcus, newYork(7, 9));
    // Omar has been waiting for a consultation for a while.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
    const inAWeek = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + 7 * 86_400_000));
    await api('post', '/api/waitlist', { patientId: ids.omar, serviceId: ids.service, locationId: location.id, earliestOn: today, latestOn: inAWeek, notes: 'Any time' });
  }

  it('lets the owner set the clinic’s late-cancellation window', async () => {
    await ownerPage.goto(`${server.baseUrl}/scheduling-setup`);
    await ownerPage.getByRole('tab', { name: 'Cancellations' }).click();
    await ownerPage.getByLabel('Window (hours before the start)').fill('48');
    await ownerPage.getByRole('button', { name: 'Save window' }).click();
    await ownerPage.getByText("A patient's cancellation 48 hours or fewer before the start is marked late from now on.").waitFor();
  });

  it('puts a patient on the waitlist from her Appointments tab', async () => {
    await page.goto(`${server.baseUrl}/patients/${ids.ines}?tab=appointments`);
    const tab = page.getByRole('tabpanel', { name: 'Appointments' });
    await tab.getByText('No upcoming appointments.').waitFor();
    await tab.getByText('Not on the waitlist.').waitFor();
    await tab.getByRole('button', { name: 'Add to waitlist' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to waitlist' });
    await dialog.getByText('Ines Park').waitFor();
    await dialog.getByRole('textbox', { name: 'Service' }).click();
    await page.getByRole('option', { name: 'Facial consultation · 60 min' }).click();
    await dialog.getByRole('textbox', { name: 'Notes' }).fill('Mornings, can come at short notice');
    await dialog.getByRole('button', { name: 'Add to waitlist' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const entries = tab.getByRole('table', { name: "Ines Park's waitlist entries" });
    await entries.getByText('Facial consultation').waitFor();
    await entries.getByText('Waiting', { exact: true }).waitFor();
  });

  it('confirms, then cancels with a reason inside the window: marked late, the patient told, the time offered to the waitlist', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule', exact: true }).click();
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('.rbc-event').getByText('Elena Marsh · Facial consultation').click();
    const drawer = page.getByRole('dialog', { name: 'Elena Marsh' });
    const actions = drawer.getByRole('group', { name: 'Appointment actions' });
    await actions.getByRole('button', { name: 'Cancel…' }).waitFor();
    // No no-show before the start.
    await expect(actions.getByRole('button', { name: 'No-show…' }).count()).resolves.toBe(0);
    await page.waitForTimeout(400); // the drawer slides in
    await documentScreen(page, 'appointment-drawer-actions');

    await actions.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Elena gets a confirmation.', { exact: false }).waitFor();
    await drawer.getByText('Confirmed', { exact: true }).waitFor();

    await actions.getByRole('button', { name: 'Cancel…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel appointment' });
    await dialog.getByText(/inside the clinic’s 48-hour window: it will be recorded as a late cancellation/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
    await dialog.getByText('Give a reason for the cancellation').waitFor();
    await dialog.getByText('Patient unwell').click();
    await dialog.getByRole('textbox', { name: /Reason/ }).press('End');
    await dialog.getByRole('textbox', { name: /Reason/ }).pressSequentially(', has a fever');
    await documentScreen(page, 'cancel-dialog');
    await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Cancelled (late)').waitFor();
    await drawer.getByText('Late cancellation').waitFor();
    await drawer.getByText('Cancelled by the patient: Patient unwell, has a fever').waitFor();
    await expect(drawer.getByRole('group', { name: 'Appointment actions' }).count()).resolves.toBe(0);

    // The freed time and who on the waitlist fits it: Omar (waiting longest) and Ines.
    const freed = drawer.getByRole('region', { name: 'Waitlist for the freed time' });
    const matches = freed.getByRole('list', { name: /Waitlist matches for/ });
    await matches.getByRole('listitem').filter({ hasText: 'Omar Haddad' }).waitFor();
    await matches.getByRole('listitem').filter({ hasText: 'Ines Park' }).waitFor();
  });

  it('offers the freed time to two patients with one click each; the first to say yes is booked, the other offer is answered plainly', async () => {
    const drawer = page.getByRole('dialog', { name: 'Elena Marsh' });
    const matches = drawer.getByRole('list', { name: /Waitlist matches for/ });
    await matches.getByRole('button', { name: 'Offer to Ines Park' }).click();
    await page.getByText('Ines Park gets an e-mail offering 10:00 AM. Book it here when they say yes.').waitFor();
    await matches.getByRole('button', { name: 'Offer to Omar Haddad' }).click();
    await matches.getByRole('button', { name: 'Book for Omar Haddad' }).waitFor();
    await matches.getByRole('button', { name: 'Book for Ines Park' }).waitFor();
    await page.waitForTimeout(300);
    await documentScreen(page, 'waitlist-offer');

    // Ines calls back first; the owner books her from the schedule's freed slots.
    await ownerPage.goto(`${server.baseUrl}/schedule`);
    const board = ownerPage.getByRole('region', { name: 'Freed slots and waitlist' });
    await board.getByRole('button', { name: 'Book for Ines Park' }).click();
    await ownerPage.getByText('Booked from the waitlist').waitFor();

    // Omar calls a minute later; the front desk's screen still shows his offer.
    await matches.getByRole('button', { name: 'Book for Omar Haddad' }).click();
    const alert = drawer.getByRole('alert').filter({ hasText: 'Not booked' });
    await alert.getByText(/^Someone else was booked with Nora Reyes on \w+day, \w+ \d+, \d{4} at 10:00 AM first: this offer can no longer be booked\. Omar Haddad stays on the waitlist; offer another slot\.$/).waitFor();
    await documentScreen(page, 'waitlist-slot-taken');
    await drawer.getByRole('button', { name: 'Close' }).first().click();
    await drawer.waitFor({ state: 'hidden' });
    await page.reload();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('.rbc-event').getByText('Ines Park · Facial consultation').waitFor();
  });

  it('reschedules through the dialog of free starts', async () => {
    await page.locator('.rbc-event').getByText('Tom Avery · Facial consultation').click();
    const drawer = page.getByRole('dialog', { name: 'Tom Avery' });
    await drawer.getByRole('group', { name: 'Appointment actions' }).getByRole('button', { name: 'Reschedule…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule appointment' });
    await dialog.getByText(/^Free starts on \w+day, \w+ \d+, \d{4} \(America\/New_York\), all in Room 1$/).waitFor();
    // Ines now holds 10:00–11:15; Tom's own 12:00 is not offered back; 12:30 overlaps his own time and is free for him.
    await dialog.getByRole('radio', { name: /^12:30\sPM/ }).waitFor();
    await expect(dialog.getByRole('radio', { name: /^10:30\sAM/ }).count()).resolves.toBe(0);
    await dialog.getByRole('radio', { name: /^2:00\sPM/ }).click();
    await dialog.getByText(/Tom gets the new time by message; the old time is offered to the waitlist\./).waitFor();
    await page.locator('.mantine-Modal-content').evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await documentScreen(page, 'reschedule-dialog');
    await dialog.getByRole('button', { name: 'Reschedule' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/Tom Avery now comes .* 2:00\sPM\. Tom gets the new time\./).waitFor();
    await drawer.getByText(/2:00\sPM|14:00/).first().waitFor();
    // The old time is free again; Omar, still waiting, fits it.
    const freed = drawer.getByRole('region', { name: 'Waitlist for the freed time' });
    await freed.getByRole('listitem').filter({ hasText: 'Omar Haddad' }).waitFor();
    await drawer.getByRole('button', { name: 'Close' }).first().click();
  });

  it('marks a no-show from the patient’s Appointments tab', async () => {
    await page.goto(`${server.baseUrl}/patients/${ids.marcus}`);
    await page.getByRole('tab', { name: 'Appointments' }).click();
    const tab = page.getByRole('tabpanel', { name: 'Appointments' });
    await tab.getByRole('table', { name: 'Upcoming appointments' }).getByText('Facial consultation').waitFor();
    await tab.getByText('Past and cancelled').click();
    const past = tab.getByRole('table', { name: 'Past and cancelled appointments' });
    await past.getByText('Booked', { exact: true }).waitFor();
    await past.getByRole('button', { name: /^Actions: Facial consultation/ }).click();
    await page.getByRole('menuitem', { name: 'No-show…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark as no-show' });
    await dialog.getByText(/Did Marcus Lee miss Facial consultation on/).waitFor();
    await dialog.getByRole('button', { name: 'Mark as no-show' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await past.getByText('No-show', { exact: true }).waitFor();
    await page.getByText('Marked as no-show').waitFor();
    await page.waitForTimeout(300);
    await documentScreen(page, 'patient-appointments');
    // Elena's tab shows her late cancellation with its reason.
    await page.goto(`${server.baseUrl}/patients/${ids.elena}?tab=appointments`);
    await page.getByRole('tabpanel', { name: 'Appointments' }).getByText('Past and cancelled').click();
    const hers = page.getByRole('table', { name: 'Past and cancelled appointments' });
    await hers.getByText('Late cancellation').waitFor();
    await hers.getByText('Reason: Patient unwell, has a fever').waitFor();
  });

  it('keeps every notice in the outbox, in words', async () => {
    await ownerPage.goto(`${server.baseUrl}/outbox`);
    const outbox = ownerPage.getByRole('table', { name: 'Outbox' });
    await outbox.getByText(/^A place has opened for Facial consultation on \w+day, \w+ \d+, \d{4} at 10:00 AM$/).first().waitFor();
    await outbox.getByText(/^Your appointment on \w+day, \w+ \d+, \d{4} at 10:00 AM is confirmed$/).first().waitFor();
    await outbox.getByText(/^We missed you on /).first().waitFor();
    await outbox.getByText('Waitlist offer · e-mail').first().waitFor();
    await documentScreen(ownerPage, 'outbox-lifecycle');
    const { items } = (await api('get', '/api/outbound-messages?pageSize=200')) as { items: { kind: string; body: string; patientName: string }[] };
    const offer = items.find((m) => m.kind === 'waitlist_offer' && m.patientName === 'Omar Haddad');
    expect(offer?.body).toMatch(/^Hello Omar, you are on our waitlist for Facial consultation at Harbour Street\. A place has opened on \w+day, \w+ \d+, \d{4} at 10:00 AM with Nora Reyes\./);
    for (const m of items.filter((i) => ['confirmation', 'no_show', 'waitlist_offer'].includes(i.kind))) {
      expect(m.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}/);
    }
  });

  it('says when the freed slots cannot be read, instead of that nothing was freed', async () => {
    // The API's answer before the autumn-change fix (a 14-day window of 337 hours), served to the page as it was.
    const refusal = { type: 'urn:skinledger:problem:validation', title: 'Invalid request', status: 400, detail: 'to: at most 14 days after from', errors: [{ field: 'to', message: 'at most 14 days after from' }] };
    await ownerPage.route('**/api/waitlist/freed-slots?**', (route) => route.fulfill({ status: 400, contentType: 'application/problem+json', body: JSON.stringify(refusal) }));
    try {
      await ownerPage.goto(`${server.baseUrl}/schedule`);
      const board = ownerPage.getByRole('region', { name: 'Freed slots and waitlist' });
      await board.getByRole('alert').filter({ hasText: 'The freed slots could not be loaded: to: at most 14 days after from' }).waitFor();
      expect(await board.getByText(/No time freed/).count()).toBe(0);
      await expectNoSeriousA11yViolations(ownerPage, 'freed slots could not be loaded', { include: '[aria-labelledby="waitlist-board-heading"]' });
      await screenshot(ownerPage, 'waitlist-board-read-failed');
    } finally {
      await ownerPage.unroute('**/api/waitlist/freed-slots?**');
    }
  });

  it('shows the Appointments tab on a portrait tablet', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${server.baseUrl}/patients/${ids.tom}?tab=appointments`);
    const tab = page.getByRole('tabpanel', { name: 'Appointments' });
    await tab.getByRole('table', { name: 'Upcoming appointments' }).getByText('Facial consultation').waitFor();
    await tab.getByRole('button', { name: /^Actions: Facial consultation/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'patient appointments tab on a portrait tablet');
    await screenshot(page, 'patient-appointments-tablet');
    await page.goto(`${server.baseUrl}/schedule`);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('.rbc-event .sl-event-text').getByText(/Tom Avery/).click();
    await page.getByRole('dialog', { name: 'Tom Avery' }).getByRole('group', { name: 'Appointment actions' }).waitFor();
    await page.waitForTimeout(400);
    await expectNoSeriousA11yViolations(page, 'appointment drawer on a portrait tablet');
    await screenshot(page, 'appointment-drawer-tablet');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
