import { addDays, emptyMedicalHistory, gtinCheckDigit, isoDateInTimeZone } from '@skinledger/domain';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { apiAs, documentScreen, faceMap } from './support/charting';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, type RunningServer } from './support/server';
import { signIn } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

const CLINIC_TIME_ZONE = 'America/New_York';
const NURSE = { name: 'Nora Reyes', email: 'nora@harbour.example', password: 'copper lantern ward 1' };

/**
 * The whole journey of issue 7 in Chromium: the front desk books a medical-needling appointment in the calendar and
 * checks the patient in; at the chair the nurse opens it and the safety checklist blocks on the missing medical
 * consent; the patient signs it in the kiosk by drawing on the canvas; the nurse charts cheeks 1.5 mm and forehead
 * 0.5 mm with the suggested lot, starts and signs the session; the appointment is completed, the lot's on-hand
 * dropped by one and the patient is on the lot's exposure list.
 */
describe('treatment journey: book, check in, consent in the kiosk, chart, sign, trace the lot', () => {
  let server: RunningServer;
  let browser: Browser;
  let desk: Page;
  let chair: Page;
  let patientId: string;
  let lotId: string;
  let lotNumber: string;

  beforeAll(async () => {
    server = await startServer();
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    desk = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await desk.goto(`${server.baseUrl}/login`);
    await signIn(desk, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    const api = apiAs(desk, server.baseUrl);
    const today = isoDateInTimeZone(new Date(), CLINIC_TIME_ZONE);
    const [location] = (await api.get('/api/locations')) as { id: string }[];
    const nurse = await api.post('/api/staff', {
      ...NURSE,
      role: 'nurse',
      defaultLocationId: location.id,
      credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-100200', jurisdiction: 'NY', expiresOn: addDays(today, 365) }],
    });
    await api.put(`/api/staff/${nurse.id}/working-hours`, {
      locationId: location.id,
      blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: '07:00', endsAt: '20:00' })),
    });
    await api.post('/api/services', { name: 'Medical needling', durationMin: 60, bufferMin: 15, procedureKind: 'medical_needling', consentKinds: ['medical_needling'] });
    await api.post('/api/rooms', { locationId: location.id, name: 'Room 1' });
    const gtinBody = `0081234${String(Date.now()).slice(-6)}`;
    const product = await api.post('/api/products', {
      manufacturer: 'Crown Aesthetics',
      name: 'SkinPen cartridge, 14 needles',
      gtin: `${gtinBody}${gtinCheckDigit(gtinBody)}`,
      kind: 'needle_cartridge',
      needleCount: 14,
    });
    lotNumber = `JR${String(Date.now()).slice(-5)}`;
    lotId = (await api.post('/api/lots', { productId: product.id, locationId: location.id, lotNumber, expiresOn: addDays(today, 200), quantity: 5 })).lot.id;
    await api.post('/api/devices', { model: 'SkinPen Precision', serialNumber: 'SP-310555', locationId: location.id });
    const patient = await api.post('/api/patients', { firstName: 'Elena', lastName: 'Marsh', dateOfBirth: '1988-04-02', sex: 'female', fitzpatrickType: 2 });
    patientId = patient.id;
    await api.put(`/api/patients/${patientId}/medical-history`, emptyMedicalHistory());

    chair = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1024, height: 768 }, locale: 'en-US', hasTouch: true });
    await chair.goto(`${server.baseUrl}/login`);
    await signIn(chair, NURSE.email, NURSE.password);
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  const event = (page: Page) => page.locator('.rbc-event').getByText('Elena Marsh · Medical needling');
  /** Opens the checked-in appointment from the calendar at the chair: the charting screen for it. */
  async function startTreatmentFromCalendar(): Promise<void> {
    await chair.goto(`${server.baseUrl}/schedule`);
    await event(chair).click();
    const drawer = chair.getByRole('dialog', { name: 'Elena Marsh' });
    await drawer.getByText('checked in').waitFor();
    await expectNoSeriousA11yViolations(chair, 'appointment drawer at the chair (checked in)');
    await drawer.getByRole('link', { name: 'Start treatment' }).click();
    await chair.getByRole('heading', { name: 'New session · Elena Marsh', level: 1 }).waitFor();
  }
  /** Cheeks 1.5 mm in 3 passes and forehead 0.5 mm, tapped on the face map. */
  async function chartCheeksAndForehead(): Promise<void> {
    const map = faceMap(chair);
    await map.tap('Cheeks');
    await map.setDepth('1.50');
    await chair.getByRole('textbox', { name: 'Passes' }).fill('3');
    await map.tap('Forehead');
    await map.setDepth('0.50');
    await chair.getByRole('button', { name: 'Done' }).tap();
  }

  it('books the appointment in the calendar and checks the patient in, seeing the missing consent', async () => {
    await desk.goto(`${server.baseUrl}/schedule`);
    await desk.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    await desk.locator('.rbc-time-header').getByText(NURSE.name, { exact: true }).first().waitFor();
    // The 10:00 slot of today in the nurse's column (the calendar starts at 07:00, four slots an hour).
    const column = desk.locator('.rbc-time-header .rbc-row-resource .rbc-header').filter({ hasText: NURSE.name });
    const index = await desk.locator('.rbc-time-header .rbc-row-resource .rbc-header').evaluateAll(
      (headers, name) => headers.findIndex((h) => h.textContent?.includes(name as string)),
      NURSE.name,
    );
    await column.first().waitFor();
    await desk.locator('.rbc-time-content .rbc-day-slot').nth(index).locator('.rbc-time-slot').nth(12).click({ force: true });
    const dialog = desk.getByRole('dialog', { name: 'Book appointment' });
    await dialog.getByRole('textbox', { name: 'Patient' }).fill('Elena');
    await desk.getByRole('option', { name: /Elena Marsh/ }).click();
    await dialog.getByRole('textbox', { name: 'Service' }).click();
    await desk.getByRole('option', { name: /Medical needling/ }).click();
    await dialog.getByRole('textbox', { name: 'Room' }).click();
    await desk.getByRole('option', { name: 'Room 1' }).click();
    await dialog.getByRole('button', { name: 'Book' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await event(desk).click();
    const drawer = desk.getByRole('dialog', { name: 'Elena Marsh' });
    await drawer.getByText(/Missing consent: medical (micro-)?needling/).waitFor();
    await drawer.getByRole('button', { name: 'Check in' }).click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('opens the checked-in appointment at the chair: the checklist blocks on the missing medical consent', async () => {
    await startTreatmentFromCalendar();
    // From the first paint: the booked medical service, and where the appointment stands (never "max 0 mm").
    await chair.getByText('Medical needling · as booked, no zone charted yet').waitFor();
    await chair.getByText(new RegExp(`Medical needling at .* with ${NURSE.name} · checked in$`)).waitFor();
    await expect(chair.getByText(/max 0 mm|booked appointment/).count()).resolves.toBe(0);
    await chartCheeksAndForehead();
    const checklist = chair.getByRole('region', { name: 'Safety checklist' });
    await checklist.getByText('No valid medical needling consent on file').waitFor();
    await expect(chair.getByRole('button', { name: 'Start session' }).isDisabled()).resolves.toBe(true);
    await expectNoSeriousA11yViolations(chair, 'charting an appointment, blocked on consent');
    await chair.evaluate(() => window.scrollTo(0, 0));
    await documentScreen(chair, 'charting-blocked-consent', true);
  });

  it('has the patient sign the medical-needling consent in the kiosk, drawing the signature', async () => {
    await chair.goto(`${server.baseUrl}/patients/${patientId}?tab=consents`);
    await chair.getByText('Consents missing for the next appointment: Medical needling').waitFor();
    await expectNoSeriousA11yViolations(chair, 'patient profile: consents tab, missing for the next appointment');
    await chair.getByRole('button', { name: 'Start consent' }).click();
    const dialog = chair.getByRole('dialog', { name: 'Start a consent' });
    await dialog.getByRole('textbox', { name: 'Consent form' }).click();
    await chair.getByRole('option', { name: /Consent to medical micro-needling/ }).click();
    await dialog.getByRole('button', { name: 'Prepare and open kiosk' }).click();
    await chair.waitForURL(/\/kiosk\/consents\//);
    await chair.getByRole('heading', { name: 'Consent to medical micro-needling', level: 2 }).waitFor();
    await chair.getByRole('checkbox', { name: 'I agree to sign electronically' }).waitFor();
    for (const box of await chair.getByRole('checkbox').all()) await box.check();
    await chair.getByLabel('Your full name').fill('Elena Marsh');
    const pad = chair.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('signature pad not visible');
    await chair.mouse.move(box.x + 30, box.y + box.height * 0.7);
    await chair.mouse.down();
    for (let i = 1; i <= 20; i++) await chair.mouse.move(box.x + 30 + i * 15, box.y + box.height * (0.7 - 0.4 * Math.sin(i / 3)), { steps: 2 });
    await chair.mouse.up();
    await chair.getByRole('button', { name: 'Sign the consent' }).click();
    await chair.getByText('Please hand the tablet back to the staff.').waitFor();
    await chair.getByLabel(`Password of ${NURSE.name}`).fill(NURSE.password);
    await chair.getByRole('button', { name: 'Witness and finish' }).click();
    await chair.waitForURL(/\/patients\/.*tab=consents/);
    const row = chair.getByRole('table', { name: 'Consents' }).getByRole('row').filter({ hasText: 'Consent to medical micro-needling' });
    await row.getByText('Valid', { exact: true }).waitFor();
  });

  it('charts cheeks 1.5 mm and forehead 0.5 mm with the suggested lot, starts and signs; the appointment completes', async () => {
    await startTreatmentFromCalendar();
    await chartCheeksAndForehead();
    const lot = chair.getByRole('region', { name: 'Pen and cartridge' }).getByRole('textbox', { name: 'Lot' });
    await expect(lot.inputValue()).resolves.toContain(lotNumber);
    await chair.getByRole('region', { name: 'Safety checklist' }).getByText('Clear to start').waitFor();
    await expectNoSeriousA11yViolations(chair, 'charting an appointment, clear to start');
    await chair.evaluate(() => window.scrollTo(0, 0));
    await documentScreen(chair, 'charting-appointment', true);
    await chair.getByRole('button', { name: 'Start session' }).click();
    await chair.waitForURL(/\/sessions\/[0-9a-f-]+$/);

    await chair.getByRole('button', { name: 'Sign', exact: true }).click();
    const sign = chair.getByRole('dialog', { name: 'Sign and lock the session' });
    await sign.getByLabel(`Password of ${NURSE.name}`).fill(NURSE.password);
    await expectNoSeriousA11yViolations(chair, 'sign and lock dialog');
    await sign.getByRole('button', { name: 'Sign and lock' }).click();
    await chair.getByText('Signed · locked').first().waitFor();

    await desk.goto(`${server.baseUrl}/schedule`);
    await event(desk).click();
    await desk.getByRole('dialog', { name: 'Elena Marsh' }).getByText('completed').waitFor();
    await expectNoSeriousA11yViolations(desk, 'appointment drawer (completed)');
  });

  it("shows the lot's on-hand dropped by one and the patient on its exposure list", async () => {
    await chair.goto(`${server.baseUrl}/inventory/lots/${lotId}`);
    await chair.getByText('4 in all').waitFor();
    await chair.goto(`${server.baseUrl}/inventory/lots/${lotId}/exposure`);
    await chair.getByRole('table', { name: 'Exposed sessions' }).getByText('Elena Marsh').waitFor();
    await expectNoSeriousA11yViolations(chair, 'lot exposure at the chair');
    await documentScreen(chair, 'lot-exposure');
  });

  it('lets the owner lower a zone maximum, which the chart then enforces', async () => {
    await desk.goto(`${server.baseUrl}/settings`);
    const settings = desk.getByRole('form', { name: 'Treatment settings' });
    await settings.getByRole('textbox', { name: 'Clinic maximum for Cheeks' }).waitFor();
    await expectNoSeriousA11yViolations(desk, 'settings');
    await settings.getByRole('textbox', { name: 'Clinic maximum for Cheeks' }).click();
    await desk.getByRole('option', { name: '1.25 mm' }).click();
    await settings.getByRole('button', { name: 'Save treatment settings' }).click();
    await desk.getByText('Treatment settings updated.').waitFor();
    await expectNoSeriousA11yViolations(desk, 'settings: treatment settings saved');
    await desk.getByRole('heading', { name: 'Treatment', level: 2, exact: true }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await documentScreen(desk, 'treatment-settings', true);

    await chair.goto(`${server.baseUrl}/patients/${patientId}/sessions/new`);
    const map = faceMap(chair);
    await map.tap('Cheeks');
    await map.setDepth('1.50');
    await chair.getByRole('button', { name: 'Done' }).tap();
    // Above the lowered maximum without an override reason: the preflight blocks it, so the zone is red.
    await expect(map.zone('Cheeks').getAttribute('data-tone')).resolves.toBe('blocked');
    await expectNoSeriousA11yViolations(chair, 'charting: a zone over the clinic maximum');
  });
});
