import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { apiAs, documentScreen } from './support/charting';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, type RunningServer } from './support/server';
import { signIn } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

/**
 * Issue 13, readable words: what the front desk did reads back in the audit log as sentences with names and local
 * times (never ids or action codes), and phones typed in national form show in national form.
 */
describe('readable words: the audit log in sentences, phones in national format', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
  const CODE = /\b(auth|staff|appointment|patient|stock|lot|location)\.[a-z_]+\b/;
  const seeded = { locationId: '', nurseId: '', serviceId: '', roomId: '', patientId: '' };

  beforeAll(async () => {
    server = await startServer();
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    page = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.goto(`${server.baseUrl}/login`);
    await signIn(page, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  /** 10:30 New York time, a week ahead (the clinic's zone; the browser is in Berlin). */
  function nextWeekAt1030(): string {
    const day = new Date(Date.now() + 7 * 86_400_000);
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(day);
    const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'longOffset' })
      .formatToParts(new Date(`${date}T12:00:00Z`))
      .find((p) => p.type === 'timeZoneName')
      ?.value.replace('GMT', '');
    return new Date(`${date}T10:30:00${offset}`).toISOString();
  }

  it('reads the front desk’s day back as sentences in the audit log', async () => {
    const api = apiAs(page, server.baseUrl);
    const [location] = await api.get('/api/locations');
    const nurse = await api.post('/api/staff', {
      email: 'samuel@harbour.example',
      name: 'Samuel Osei',
      role: 'nurse',
      password: 'nurse password 12345',
      credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-100200', jurisdiction: 'NY', expiresOn: '2099-12-31' }],
    });
    await api.put(`/api/staff/${nurse.id}/working-hours`, {
      locationId: location.id,
      blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: '08:00', endsAt: '18:00' })),
    });
    const service = await api.post('/api/services', { name: 'Medical needling', durationMin: 30, bufferMin: 0, procedureKind: 'medical_needling', consentKinds: ['medical_needling'] });
    const room = await api.post('/api/rooms', { locationId: location.id, name: 'Room 1' });
    const patient = await api.post('/api/patients', { firstName: 'Jordan', lastName: 'Avery', dateOfBirth: '1990-02-14', sex: 'female', phone: '(917) 555-0199' });
    expect(patient.phone).toBe('+19175550199');
    const appointment = await api.post('/api/appointments', {
      patientId: patient.id,
      serviceId: service.id,
      practitionerId: nurse.id,
      roomId: room.id,
      locationId: location.id,
      startsAt: nextWeekAt1030(),
    });
    await api.post(`/api/appointments/${appointment.id}/cancel`, { reason: 'feeling unwell' }, 200);
    Object.assign(seeded, { locationId: location.id, nurseId: nurse.id, serviceId: service.id, roomId: room.id, patientId: patient.id });
    const product = await api.post('/api/products', { name: 'SkinPen cartridge 14-pin', manufacturer: 'Crown Aesthetics', kind: 'needle_cartridge', gtin: '00812345678901' });
    await api.post('/api/lots', { productId: product.id, locationId: location.id, lotNumber: 'LOT42A', expiresOn: '2028-03-31', quantity: 20 });

    await page.goto(`${server.baseUrl}/audit`);
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const sentences = page.getByTestId('audit-sentence');
    await sentences.filter({ hasText: /^Dr\. Maya Okafor cancelled Jordan Avery's appointment of \w{3} \d{1,2}, \d{4}, 10:30 AM \(Medical needling\) for the patient; reason: feeling unwell$/ }).waitFor();
    await sentences.filter({ hasText: /^Dr\. Maya Okafor booked Jordan Avery's appointment of .* with Samuel Osei$/ }).waitFor();
    await sentences.filter({ hasText: 'Dr. Maya Okafor received 20 units of lot LOT42A of SkinPen cartridge 14-pin at Harbour Street' }).waitFor();
    await sentences.filter({ hasText: 'Dr. Maya Okafor added Samuel Osei to the staff (role: Nurse)' }).waitFor();
    await sentences.filter({ hasText: 'Dr. Maya Okafor registered Jordan Avery as a patient' }).first().waitFor();
    await sentences.filter({ hasText: /^Dr\. Maya Okafor signed in$/ }).first().waitFor();
    // Paged by cursor: the footer says which events are shown and of how many (counted up to 1,000).
    await page.getByText(/^1–\d+ of \d+ events$/).waitFor();

    // Nowhere on the page an id, an ISO date or an action code; times without seconds.
    const table = await page.getByRole('table').innerText();
    const around = (pattern: RegExp) => new RegExp(`.{0,60}${pattern.source}.{0,20}`, 'is').exec(table)?.[0] ?? null;
    expect(around(UUID)).toBeNull();
    expect(around(/\d{4}-\d{2}-\d{2}/)).toBeNull();
    expect(around(CODE)).toBeNull();
    expect(around(/\d{1,2}:\d{2}:\d{2}/)).toBeNull();
    // The changed fields name the location, not its id.
    await page.getByRole('row').filter({ hasText: 'received 20 units' }).getByText('Harbour Street').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'audit log in sentences');
    await documentScreen(page, 'audit-log');

    await page.setViewportSize({ width: 768, height: 1024 });
    await page.waitForTimeout(300);
    await expectNoSeriousA11yViolations(page, 'audit log in sentences on a portrait tablet');
    await documentScreen(page, 'audit-log-tablet', true);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('filters by an action named in words, not as a code', async () => {
    await page.getByRole('textbox', { name: 'Action' }).click();
    await page.getByRole('textbox', { name: 'Action' }).fill('cancel');
    await page.getByRole('option', { name: 'Appointment cancelled' }).click();
    await page.getByTestId('audit-sentence').filter({ hasText: 'signed in' }).first().waitFor({ state: 'detached' });
    await page.getByTestId('audit-sentence').filter({ hasText: /cancelled Jordan Avery's appointment/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'audit log filtered by an action');
    await expect(page.getByTestId('audit-sentence').count()).resolves.toBe(1);
  });

  it('shows the patient’s phone in national format and the access log in sentences', async () => {
    await page.goto(`${server.baseUrl}/patients`);
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    // Typed "(917) 555-0199", stored +19175550199, shown in the location's national format.
    await page.getByText('(917) 555-0199').waitFor();
    await page.getByRole('link', { name: 'Avery, Jordan' }).click();
    await page.getByRole('link', { name: '(917) 555-0199' }).waitFor();
    await page.getByRole('tab', { name: 'Access log' }).click();
    const log = page.getByRole('table', { name: 'Access log' });
    await log.getByText(/^Dr\. Maya Okafor opened Jordan Avery's record$/).first().waitFor();
    await log.getByText(/cancelled Jordan Avery's appointment of .* reason: feeling unwell/).waitFor();
    await page.getByText(/^Entries 1–\d+$/).waitFor();
    await expectNoSeriousA11yViolations(page, 'patient access log in sentences');
    expect(await log.innerText()).not.toMatch(UUID);
  });

  it('words a booking the database refused (the start was taken meanwhile) with the practitioner and local times', async () => {
    const api = apiAs(page, server.baseUrl);
    const other = await api.post('/api/patients', { firstName: 'Casey', lastName: 'Lin', dateOfBirth: '1985-07-01', sex: 'female' });
    const otherRoom = await api.post('/api/rooms', { locationId: seeded.locationId, name: 'Room 2' });
    const startsAt = nextWeekAt1030();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(startsAt));

    await page.goto(`${server.baseUrl}/schedule`);
    await page.getByRole('button', { name: /New appointment/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Book appointment' });
    await dialog.getByRole('textbox', { name: 'Patient' }).fill('Jordan');
    await page.getByRole('option', { name: /Jordan Avery/ }).click();
    await dialog.getByLabel('Day').fill(day);
    await dialog.getByRole('textbox', { name: 'Practitioner' }).click();
    await page.getByRole('option', { name: 'Samuel Osei' }).click();
    await dialog.getByRole('textbox', { name: 'Service' }).click();
    await page.getByRole('option', { name: /Medical needling/ }).click();
    await dialog.getByRole('textbox', { name: 'Start' }).click();
    await page.getByRole('option', { name: '10:30 AM', exact: true }).click();
    await expect(dialog.getByRole('textbox', { name: 'Room' }).inputValue()).resolves.toBe('Room 1');

    // Meanwhile a colleague books Samuel at that start, in the other room.
    await api.post('/api/appointments', { patientId: other.id, serviceId: seeded.serviceId, practitionerId: seeded.nurseId, roomId: otherRoom.id, locationId: seeded.locationId, startsAt });
    await dialog.getByRole('button', { name: 'Book' }).click();
    const alert = dialog.getByRole('alert');
    const words = alert.getByText(/^Samuel Osei is already booked 10:30 – 11:00 AM with another patient$/);
    await words.waitFor();
    expect(await alert.innerText()).not.toMatch(UUID);
    expect(await alert.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await documentScreen(page, 'booking-conflict');
  });
});
