import { addDays, emptyMedicalHistory, gtinCheckDigit, isoDateInTimeZone } from '@skinledger/domain';
import { DateTime } from 'luxon';
import type { Browser, Locator, Page } from 'playwright-core';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';
import { launchBrowser } from './support/browser';
import { apiAs, documentScreen } from './support/charting';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, type RunningServer } from './support/server';
import { signIn } from './support/session';

const CLINIC_TIME_ZONE = 'America/New_York';
const NURSE = { name: 'Dana Whitfield', email: 'dana@harbour.example', password: 'copper lantern ward 1' };
const SIGNATURE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100"><path d="M 10 80 C 60 10, 90 10, 140 60 S 220 90, 280 20" stroke="black" fill="none"/></svg>';
const PATIENTS = [
  ['Jordan', 'Avery', '1988-04-12', '+12125550101'],
  ['Margaret', 'Thompson-Whitfield', '1984-03-12', '+12125550100'],
  ['Samuel', 'Brooks', '1990-06-15', '+17185550142'],
  ['Isabella', 'Fernández García', '1979-11-02', '+16465550177'],
  ['Marcus', 'Oyelaran-Stevens', '1993-01-28', '+13475550123'],
] as const;

/**
 * The dashboard on tablets: on a landscape (1024×768) and a portrait (768×1024) tablet the navigation is a rail of
 * named icons, and the clinic's lists keep their key columns and their actions inside the screen: patients, lots,
 * staff, the audit log, today's appointments, a patient's consents and a lot's exposure with adverse events.
 */
describe('tablet: collapsed navigation, tables that keep their key columns and actions', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let patientId: string;
  let lotId: string;

  beforeAll(async () => {
    server = await startServer();
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    page = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1024, height: 768 }, locale: 'en-US', hasTouch: true });
    await page.goto(`${server.baseUrl}/login`);
    await signIn(page, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    await seed();
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  /** A nurse with hours today, a service, a room, a pen and a lot; patients; two appointments today; one patient with
   * signed consents and a walk-in session (by the nurse) with an adverse event, so the lot has an exposure list. */
  async function seed(): Promise<void> {
    const api = apiAs(page, server.baseUrl);
    const today = isoDateInTimeZone(new Date(), CLINIC_TIME_ZONE);
    const [location] = (await api.get('/api/locations')) as { id: string }[];
    const nurse = await api.post('/api/staff', {
      ...NURSE,
      role: 'nurse',
      defaultLocationId: location.id,
      credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-482913', jurisdiction: 'NY', expiresOn: addDays(today, 365) }],
    });
    await api.put(`/api/staff/${nurse.id}/working-hours`, {
      locationId: location.id,
      blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: '07:00', endsAt: '20:00' })),
    });
    const service = await api.post('/api/services', { name: 'Cosmetic needling', durationMin: 45, bufferMin: 15, procedureKind: 'cosmetic_needling', consentKinds: [] });
    const room = await api.post('/api/rooms', { locationId: location.id, name: 'Room 1' });
    const gtinBody = `0081234${String(Date.now()).slice(-6)}`;
    const product = await api.post('/api/products', {
      manufacturer: 'Crown Aesthetics',
      name: 'SkinPen cartridge, 14 needles',
      gtin: `${gtinBody}${gtinCheckDigit(gtinBody)}`,
      kind: 'needle_cartridge',
      needleCount: 14,
    });
    const lotNumber = `TB${String(Date.now()).slice(-5)}`;
    lotId = (await api.post('/api/lots', { productId: product.id, locationId: location.id, lotNumber, expiresOn: addDays(today, 200), quantity: 5 })).lot.id;
    await api.post('/api/lots', { productId: product.id, locationId: location.id, lotNumber: `LATE${lotNumber}`, expiresOn: addDays(today, 600), quantity: 20 });
    const device = await api.post('/api/devices', { model: 'SkinPen Precision', serialNumber: 'SP-220417', locationId: location.id });

    const ids: string[] = [];
    for (const [firstName, lastName, dateOfBirth, phone] of PATIENTS) {
      const created = await api.post('/api/patients', { firstName, lastName, dateOfBirth, phone, email: `${firstName.toLowerCase()}@example.com`, fitzpatrickType: 3 });
      ids.push(created.id);
    }
    patientId = ids[0];
    await api.put(`/api/patients/${patientId}/medical-history`, emptyMedicalHistory());
    const templates = (await api.get('/api/consent-templates')) as { id: string; kind: string }[];
    for (const kind of ['cosmetic_needling', 'photography']) {
      // Prepared by the owner, naming the nurse who treats (the API refuses a non-practitioner).
      const consent = await api.post(`/api/patients/${patientId}/consents`, { templateId: templates.find((t) => t.kind === kind)?.id, practitionerId: nurse.id });
      await api.post(
        `/api/consents/${consent.id}/sign`,
        {
          signerName: 'Jordan Avery',
          acknowledgements: (consent.acknowledgements as { key: string; required: boolean }[]).filter((a) => a.required).map((a) => a.key),
          signature: `data:image/svg+xml;base64,${Buffer.from(SIGNATURE_SVG).toString('base64')}`,
          electronicSignatureConsent: true,
        },
        200,
      );
    }
    for (const [index, hour] of [8, 9].entries()) {
      const startsAt = DateTime.fromISO(`${today}T0${hour}:00`, { zone: CLINIC_TIME_ZONE }).toUTC().toISO();
      await api.post('/api/appointments', { patientId: ids[index + 1], serviceId: service.id, practitionerId: nurse.id, roomId: room.id, locationId: location.id, startsAt });
    }

    // The nurse charts a walk-in session with the lot, and the owner records an adverse event on it.
    const context = await browser.newContext();
    try {
      const login = await context.request.post(`${server.baseUrl}/api/auth/login`, { data: { email: NURSE.email, password: NURSE.password } });
      expect(login.status()).toBe(200);
      const csrf = (await context.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
      const started = await context.request.post(`${server.baseUrl}/api/treatment-sessions`, {
        headers: { 'X-CSRF-Token': csrf },
        data: {
          patientId,
          locationId: location.id,
          walkInReason: 'Follow-up treatment',
          deviceId: device.id,
          cartridgeLotId: lotId,
          zones: [{ zone: 'cheeks', depthMm: 0.25, passes: 2 }],
        },
      });
      expect(started.status()).toBe(201);
      const { session } = (await started.json()) as { session: { id: string } };
      await api.post(`/api/treatment-sessions/${session.id}/adverse-events`, {
        type: 'erythema',
        onsetOn: today,
        grade: 2,
        description: 'Redness of both cheeks lasting into day 3',
        outcome: 'resolving',
      });
    } finally {
      await context.close();
    }
  }

  /** The element lies fully inside the window, horizontally: nothing to scroll to, nothing cut off. */
  async function expectOnScreen(locator: Locator): Promise<void> {
    await locator.scrollIntoViewIfNeeded();
    const box = await locator.boundingBox();
    const width = page.viewportSize()?.width ?? 0;
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }

  /** The page itself never scrolls sideways. */
  async function expectNoSidewaysScroll(): Promise<void> {
    await expect(page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBeLessThanOrEqual(0);
  }

  /** Each header and the given cells (key columns, actions) of the table are visible inside the window. */
  async function expectKeyColumns(table: Locator, headers: string[], cells: Locator[] = []): Promise<void> {
    for (const header of headers) await expectOnScreen(table.getByRole('columnheader', { name: header, exact: true }));
    for (const cell of cells) await expectOnScreen(cell);
    await expectNoSidewaysScroll();
  }

  const navigation = () => page.getByRole('navigation', { name: 'Main' });

  it('collapses the navigation to named icons on a landscape tablet', async () => {
    await page.goto(`${server.baseUrl}/schedule`);
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    const patients = navigation().getByRole('link', { name: 'Patients' });
    await patients.waitFor();
    await expect(patients.textContent()).resolves.toBe('');
    expect((await navigation().boundingBox())!.width).toBeLessThanOrEqual(72);
    // Reports is back in the navigation (issue 17), named like the others.
    await expect(navigation().getByRole('link', { name: 'Reports' }).count()).resolves.toBe(1);
    // Its name shows as a tooltip on keyboard focus.
    await patients.focus();
    await page.getByRole('tooltip', { name: 'Patients' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'tablet landscape: schedule with the navigation rail');
    await documentScreen(page, 'tablet-landscape-shell', true);
    await patients.click();
    await page.getByRole('heading', { name: 'Patients', level: 1, exact: true }).waitFor();
  });

  it("keeps today's appointments readable with their key columns on a portrait tablet", async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${server.baseUrl}/schedule`);
    const table = page.getByRole('table', { name: "Today's appointments" });
    const row = table.getByRole('row').filter({ hasText: `${PATIENTS[1][0]} ${PATIENTS[1][1]}` });
    await row.waitFor();
    await expectKeyColumns(table, [], [row.getByText('8:00 AM'), row.getByText(`${PATIENTS[1][0]} ${PATIENTS[1][1]}`), row.getByRole('button', { name: 'Check in…' })]);
    await expectNoSeriousA11yViolations(page, 'tablet portrait: schedule');
    await documentScreen(page, 'tablet-portrait-schedule', true);
  });

  it('keeps the patients list readable on a portrait tablet', async () => {
    await page.goto(`${server.baseUrl}/patients`);
    const table = page.getByRole('table');
    await table.getByRole('link', { name: 'Avery, Jordan' }).waitFor();
    // The MRN moves under the name on a tablet.
    await expectKeyColumns(table, ['Patient', 'Allergies', 'Date of birth', 'Contact'], [table.getByRole('link', { name: /Oyelaran-Stevens/ }), table.getByText('SL-000001').filter({ visible: true })]);
    await expectNoSeriousA11yViolations(page, 'tablet portrait: patients list');
    await documentScreen(page, 'tablet-portrait-patients', true);
  });

  it("keeps a patient's consents with their validity and actions on a portrait tablet", async () => {
    await page.goto(`${server.baseUrl}/patients/${patientId}?tab=consents`);
    const table = page.getByRole('table', { name: 'Consents' });
    const row = table.getByRole('row').filter({ hasText: 'Consent to cosmetic micro-needling' });
    await row.getByText('Valid', { exact: true }).waitFor();
    await expectKeyColumns(table, ['Consent', 'Status', 'Valid through'], [row.getByRole('button', { name: /Actions for/ })]);
    await expectNoSeriousA11yViolations(page, 'tablet portrait: patient consents');
    await documentScreen(page, 'tablet-portrait-consents', true);
  });

  it('keeps lots and on-hand stock with their actions on a portrait tablet', async () => {
    await page.goto(`${server.baseUrl}/inventory/lots`);
    const lots = page.getByRole('table');
    await lots.getByRole('link').first().waitFor();
    await expectKeyColumns(lots, ['Lot', 'Expires', 'On hand'], [lots.getByRole('link').first()]);
    await expectNoSeriousA11yViolations(page, 'tablet portrait: lots');
    await documentScreen(page, 'tablet-portrait-lots', true);

    // The lot's ledger is wider than the screen: it scrolls sideways by keyboard too.
    await page.goto(`${server.baseUrl}/inventory/lots/${lotId}`);
    const ledger = page.getByRole('region', { name: 'Stock movements' });
    await ledger.getByRole('table').waitFor();
    await ledger.focus();
    await page.keyboard.press('ArrowRight');
    // The browser may scroll smoothly: wait for the move rather than reading it at once.
    await ledger.evaluate((element) => new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const check = () => (element.scrollLeft > 0 ? resolve() : Date.now() - started > 5000 ? reject(new Error('the ledger did not scroll')) : requestAnimationFrame(check));
      check();
    }));
    await expectNoSeriousA11yViolations(page, 'tablet portrait: lot with its ledger');
  });

  it("keeps the lot's exposure with its adverse events on a portrait tablet", async () => {
    await page.goto(`${server.baseUrl}/inventory/lots/${lotId}/exposure`);
    const table = page.getByRole('table', { name: 'Exposed sessions' });
    await table.getByText('Jordan Avery').first().waitFor();
    await expectKeyColumns(table, ['Treated', 'Patient', 'Contact', 'Adverse events'], [table.getByText(/erythema/i).first()]);
    await expectNoSeriousA11yViolations(page, 'tablet portrait: lot exposure');
    await documentScreen(page, 'tablet-portrait-exposure', true);
  });

  it('keeps staff with their actions on a portrait tablet', async () => {
    await page.goto(`${server.baseUrl}/staff`);
    const table = page.getByRole('table');
    await table.getByText(NURSE.name).waitFor();
    // The role moves beside the name on a tablet.
    await expectKeyColumns(table, ['Name', 'Credentials', 'Status'], [page.getByRole('button', { name: `Edit ${NURSE.name}` }), page.getByRole('button', { name: `Deactivate ${NURSE.name}` })]);
    await table.getByRole('row').filter({ hasText: NURSE.name }).getByText('Nurse', { exact: true }).filter({ visible: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'tablet portrait: staff');
    await documentScreen(page, 'tablet-portrait-staff', true);
  });

  it('keeps the audit log readable on a portrait tablet', async () => {
    await page.goto(`${server.baseUrl}/audit`);
    const table = page.getByRole('table');
    await table.getByRole('row').nth(1).waitFor();
    // One sentence per event (actor, action, record); the changed fields move under it on a tablet.
    await expectKeyColumns(table, ['Time', 'What happened'], [table.getByRole('row').nth(1).getByText(DEFAULT_OWNER.name).filter({ visible: true })]);
    await expectNoSeriousA11yViolations(page, 'tablet portrait: audit log');
    await documentScreen(page, 'tablet-portrait-audit', true);
  });

  it('hides the navigation behind a menu button on a phone-sized window', async () => {
    await page.setViewportSize({ width: 600, height: 900 });
    await page.goto(`${server.baseUrl}/patients`);
    await page.getByRole('heading', { name: 'Patients', level: 1, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await navigation().getByRole('link', { name: 'Inventory' }).click();
    await page.getByRole('heading', { name: 'Inventory', level: 1, exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'narrow window: inventory');
  });
});
