import { addDays, emptyMedicalHistory, gtinCheckDigit, isoDateInTimeZone } from '@skinledger/domain';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { apiAs, documentScreen, faceMap } from './support/charting';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, WORKSPACE, type RunningServer } from './support/server';
import { signIn } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

const CLINIC_TIME_ZONE = 'America/New_York';
const NURSE = { name: 'Dana Whitfield', email: 'dana@harbour.example', password: 'copper lantern ward 1' };
const SIGNATURE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100">' +
  '<path d="M 10 80 C 60 10, 90 10, 140 60 S 220 90, 280 20 L 282 24 C 220 95, 150 70, 138 64 C 90 16, 62 16, 12 84 Z" fill="rgb(0,0,0)"/></svg>';

/**
 * Issue 13 at the chair, in Chromium: the owner writes a treatment template in Settings; the nurse starts a session from
 * the patient's last session of the same indication (zones, depths, passes, pen, the FEFO lot) and from the template
 * on another patient; the face map shows a blocked zone red and a warning amber with a legend saying which is which,
 * a visible focus ring for the keyboard, and "Remove zone"; the signed session prints (HTML print view) and downloads
 * as a PDF.
 */
describe('at the chair: start from last session, templates, face map colours, the printable record', () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: Page;
  let page: Page;
  let locationId: string;
  let nurseId: string;
  let repeatPatientId: string;
  let templatePatientId: string;
  let fefoLotNumber: string;
  let sessionId: string;

  async function patientWithConsents(firstName: string, lastName: string, kinds: string[]): Promise<string> {
    const api = apiAs(owner, server.baseUrl);
    const patient = await api.post('/api/patients', { firstName, lastName, dateOfBirth: '1988-04-12', fitzpatrickType: 3 });
    await api.put(`/api/patients/${patient.id}/medical-history`, emptyMedicalHistory());
    const templates = (await api.get('/api/consent-templates')) as { id: string; kind: string }[];
    for (const kind of kinds) {
      // The owner prepares the consent; it names the nurse who treats (the API refuses a non-practitioner).
      const consent = await api.post(`/api/patients/${patient.id}/consents`, { templateId: templates.find((t) => t.kind === kind)?.id, practitionerId: nurseId });
      await api.post(
        `/api/consents/${consent.id}/sign`,
        {
          signerName: `${firstName} ${lastName}`,
          acknowledgements: (consent.acknowledgements as { key: string; required: boolean }[]).filter((a) => a.required).map((a) => a.key),
          signature: `data:image/svg+xml;base64,${Buffer.from(SIGNATURE_SVG).toString('base64')}`,
          electronicSignatureConsent: true,
        },
        200,
      );
    }
    return patient.id as string;
  }

  beforeAll(async () => {
    server = await startServer();
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    owner = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await owner.goto(`${server.baseUrl}/login`);
    await signIn(owner, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    const api = apiAs(owner, server.baseUrl);
    const today = isoDateInTimeZone(new Date(), CLINIC_TIME_ZONE);
    const [location] = (await api.get('/api/locations')) as { id: string }[];
    locationId = location.id;
    const nurseMember = await api.post('/api/staff', {
      ...NURSE,
      role: 'nurse',
      defaultLocationId: locationId,
      credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-482913', jurisdiction: 'NY', expiresOn: addDays(today, 365) }],
    });
    nurseId = nurseMember.id;
    const gtinBody = `0081234${String(Date.now()).slice(-6)}`;
    const product = await api.post('/api/products', {
      manufacturer: 'Crown Aesthetics',
      name: 'SkinPen cartridge, 14 needles',
      gtin: `${gtinBody}${gtinCheckDigit(gtinBody)}`,
      kind: 'needle_cartridge',
      needleCount: 14,
    });
    const stamp = String(Date.now()).slice(-5);
    await api.post('/api/lots', { productId: product.id, locationId, lotNumber: `LATE${stamp}`, expiresOn: addDays(today, 700), quantity: 5 });
    await api.post('/api/devices', { model: 'SkinPen Precision', serialNumber: 'SP-220417', locationId });
    repeatPatientId = await patientWithConsents('Zofia', 'Łukasiewicz', ['cosmetic_needling']);
    templatePatientId = await patientWithConsents('Marcus', 'Bell', ['cosmetic_needling', 'medical_needling']);

    page = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1440, height: 900 }, locale: 'en-US', hasTouch: true });
    await page.goto(`${server.baseUrl}/login`);
    await signIn(page, NURSE.email, NURSE.password);
    // Last month's session for fine lines, signed by the nurse (through the API, as the chart would).
    const nurse = apiAs(page, server.baseUrl);
    const [lateLot] = ((await nurse.get(`/api/lots?pageSize=200`)) as { items: { id: string; lotNumber: string }[] }).items.filter((l) => l.lotNumber.startsWith('LATE'));
    const devices = (await nurse.get('/api/devices')) as { id: string }[];
    const previous = await nurse.post('/api/treatment-sessions', {
      walkInReason: 'Fine lines follow-up',
      patientId: repeatPatientId,
      locationId,
      indication: 'fine_lines',
      deviceId: devices[0].id,
      cartridgeLotId: lateLot.id,
      zones: [
        { zone: 'forehead', depthMm: 0.25, passes: 2 },
        { zone: 'periorbital', depthMm: 0.25, passes: 1 },
        { zone: 'perioral', depthMm: 0.25, passes: 3 },
      ],
    });
    await nurse.post(`/api/treatment-sessions/${previous.session.id}/sign`, { password: NURSE.password }, 200);
    // Since then a lot expiring sooner arrived: Start from last session picks it (FEFO), not last month's lot.
    fefoLotNumber = `CH${stamp}`;
    await api.post('/api/lots', { productId: product.id, locationId, lotNumber: fefoLotNumber, expiresOn: addDays(today, 200), quantity: 5 });
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  const checklist = () => page.getByRole('region', { name: 'Safety checklist' });
  const startBar = () => page.getByRole('region', { name: 'Indication and starting point' });
  async function chooseIndication(label: string): Promise<void> {
    await startBar().getByRole('textbox', { name: 'Indication' }).click();
    await page.getByRole('option', { name: label, exact: true }).click();
  }

  it('lets the owner write a treatment template in Settings, checked against the zone maximums as it is written', async () => {
    await owner.goto(`${server.baseUrl}/settings`);
    const section = owner.getByRole('region', { name: 'Treatment templates' });
    await section.getByText('No templates yet.').waitFor();
    await expectNoSeriousA11yViolations(owner, 'settings: no treatment templates yet');
    await section.getByRole('button', { name: 'New template' }).click();
    const form = owner.getByRole('form', { name: 'Treatment template' });
    await form.getByRole('textbox', { name: /^Name/ }).waitFor();
    await expectNoSeriousA11yViolations(owner, 'settings: new treatment template form');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Acne scars, full face');
    await form.getByRole('textbox', { name: 'Indication' }).click();
    await owner.getByRole('option', { name: 'Acne scars', exact: true }).click();
    await form.getByLabel('Notes for the practitioner').fill('Stop at uniform pinpoint bleeding; cheeks in three passes.');
    for (const [zone, depth, passes] of [
      ['Forehead', '0.5 mm', '2'],
      ['Cheeks', '1.5 mm', '3'],
      ['Nose', '1 mm', '2'],
    ]) {
      await form.getByRole('checkbox', { name: new RegExp(`^${zone}`) }).check();
      await form.getByRole('textbox', { name: `Depth for ${zone}` }).click();
      await owner.getByRole('option', { name: depth, exact: true }).click();
      await form.getByRole('textbox', { name: `Passes for ${zone}` }).fill(passes);
    }
    // The nose at 1 mm is above its 0.75 mm maximum: the form says it would block the session before it is saved.
    await form.getByText(/Nose: 1 mm is deeper than the zone maximum of 0.75 mm/).waitFor();
    await expect(form.locator('[data-finding="blocker"]').count()).resolves.toBe(1);
    await form.locator('[data-finding="blocker"]').scrollIntoViewIfNeeded();
    await expectNoSeriousA11yViolations(owner, 'settings: treatment template form with a zone above its maximum');
    await documentScreen(owner, 'settings-treatment-template-form', true);
    await form.getByRole('checkbox', { name: /^Nose/ }).uncheck();
    await expect(form.locator('[data-finding="blocker"]').count()).resolves.toBe(0);
    await form.getByRole('button', { name: 'Add template' }).click();
    await form.waitFor({ state: 'hidden' });

    const row = section.getByRole('table', { name: 'Treatment templates' }).getByRole('row').filter({ hasText: 'Acne scars, full face' });
    await row.getByText('Forehead 0.5 mm ×2 · Cheeks 1.5 mm ×3').waitFor();
    await row.getByText('Within limits').waitFor();
    await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await expectNoSeriousA11yViolations(owner, 'settings: treatment templates list');
    await documentScreen(owner, 'settings-treatment-templates', true);
  });

  it('starts from the last session of the indication: zones, depths, passes, pen and the FEFO lot, then the checklist runs again', async () => {
    await page.goto(`${server.baseUrl}/patients/${repeatPatientId}/sessions/new`);
    await page.getByRole('heading', { name: 'New session · Zofia Łukasiewicz', level: 1 }).waitFor();
    await page.getByText('No zone charted yet').waitFor();
    await chooseIndication('Fine lines and wrinkles');
    await startBar().getByRole('button', { name: 'Start from last session' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'charting: indication chosen, nothing charted');
    await startBar().getByRole('button', { name: 'Start from last session' }).click();
    await startBar().getByText(/Started from the session of .* by Dana Whitfield: Forehead 0.25 mm ×2, Periorbital .* 0.25 mm ×1, Perioral .* 0.25 mm ×3/).waitFor();
    await startBar().getByText(new RegExp(`lot ${fefoLotNumber} \\(first to expire here`)).waitFor();

    const map = faceMap(page);
    await expect(map.label('forehead').textContent()).resolves.toBe('0.25 mm');
    await expect(map.label('perioral').textContent()).resolves.toBe('0.25 mm');
    await expect(map.zone('Perioral / upper lip').getAttribute('aria-label')).resolves.toBe('Perioral / upper lip: 0.25 mm, 3 passes, within limits');
    await page.getByRole('button', { name: /^Periorbital .*: 0.25 mm, 1 pass, within limits$/ }).waitFor();
    const lot = page.getByRole('region', { name: 'Pen and cartridge' }).getByRole('textbox', { name: 'Lot' });
    await expect(lot.inputValue()).resolves.toContain(fefoLotNumber);
    await page.getByText('Cosmetic needling · max 0.25 mm').waitFor();
    await page.getByLabel('Walk-in reason').fill('Monthly fine-lines session');
    await checklist().getByText('Clear to start').waitFor();
    await expectNoSeriousA11yViolations(page, 'charting: started from the last session');
    await page.evaluate(() => window.scrollTo(0, 0));
    await documentScreen(page, 'charting-start-from-last-session', true);

    await page.getByRole('button', { name: 'Start session' }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
    sessionId = page.url().split('/').at(-1) as string;
    const zones = page.getByRole('table', { name: 'Zones' });
    await zones.getByRole('row').filter({ hasText: 'Perioral' }).getByText('0.25 mm').waitFor();
    await page.getByRole('table', { name: 'Cartridges' }).getByText(fefoLotNumber).waitFor();
    await page.getByText('Fine lines and wrinkles').waitFor();
    await expectNoSeriousA11yViolations(page, 'session in progress, started from the last session');
  });

  it('applies a template; a zone above its maximum without a reason is red and blocks, a warning is amber; the legend says which', async () => {
    await page.goto(`${server.baseUrl}/patients/${templatePatientId}/sessions/new`);
    await page.getByRole('heading', { name: 'New session · Marcus Bell', level: 1 }).waitFor();
    await chooseIndication('Acne scars');
    await startBar().getByRole('textbox', { name: 'Template' }).click();
    await page.getByRole('option', { name: 'Acne scars, full face' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'charting: template list open');
    await page.getByRole('option', { name: 'Acne scars, full face' }).click();
    await startBar().getByRole('button', { name: 'Apply template' }).click();
    await startBar().getByText('Applied “Acne scars, full face”: Forehead 0.5 mm ×2, Cheeks 1.5 mm ×3.', { exact: false }).waitFor();
    const map = faceMap(page);
    await expect(map.label('cheeks').textContent()).resolves.toBe('1.5 mm');
    await expect(map.zone('Cheeks').getAttribute('data-tone')).resolves.toBe('ok');
    await page.getByText('Medical needling · max 1.5 mm').waitFor();
    await page.getByLabel('Walk-in reason').fill('Acne-scar course, session 1');
    await checklist().getByText('Clear to start').waitFor();
    // The clinic writes US English, so the key is spelt 'Color'.
    const legend = page.getByRole('list', { name: 'Color key' });
    await legend.getByText('Blocks the session', { exact: true }).waitFor();
    await legend.getByText('Warning · may start', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'charting: template applied, clear to start');
    await page.evaluate(() => window.scrollTo(0, 0));
    await documentScreen(page, 'charting-legend', true);

    // The nose at 1 mm (maximum 0.75 mm) with no override reason: the preflight lists it as a blocker, the map shows red.
    await map.zone('Nose').locator('path').first().click();
    await map.setDepth('1.00');
    await expect(map.zone('Nose').getAttribute('data-tone')).resolves.toBe('blocked');
    await page.getByRole('region', { name: 'Edit Nose' }).getByText('Blocks the session:').waitFor();
    await checklist().getByText(/Nose: 1 mm is deeper than the zone maximum of 0.75 mm/).waitFor();
    await expect(checklist().locator('[data-tone="blocker"]').filter({ hasText: 'Nose' }).count()).resolves.toBe(1);
    await expectNoSeriousA11yViolations(page, 'charting: editing a zone that blocks the session');
    await page.getByRole('button', { name: 'Done' }).click();
    // Stretch marks at 2 mm: deeper than the maker's evaluated 1.5 mm, a warning that lets the session start: amber.
    await page.getByRole('button', { name: /^Stretch marks \(body\), not treated/ }).click();
    await map.setDepth('2.00');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('button', { name: /^Stretch marks \(body\) · 2 mm/ }).getAttribute('data-tone')).resolves.toBe('warning');
    await checklist().locator('[data-tone="warning"]').filter({ hasText: /Stretch marks.*2 mm is deeper than 1.5 mm/ }).waitFor();
    await expect(page.getByRole('button', { name: 'Start session' }).isDisabled()).resolves.toBe(true);
    await expectNoSeriousA11yViolations(page, 'charting: a blocked zone and a warning');
    const fills = await page.evaluate(() => {
      const fill = (selector: string) => getComputedStyle(document.querySelector(selector) as Element).fill;
      return { nose: fill('[data-zone="nose"] path'), forehead: fill('[data-zone="forehead"] path') };
    });
    expect(fills.nose).not.toBe(fills.forehead);
    await page.evaluate(() => window.scrollTo(0, 0));
    await documentScreen(page, 'charting-blocked-vs-warning', true);

    // "Remove zone" takes the nose off the chart again.
    await map.zone('Nose').locator('path').first().click();
    await page.getByRole('region', { name: 'Edit Nose' }).getByRole('button', { name: 'Remove zone' }).click();
    await expect(map.zone('Nose').getAttribute('aria-label')).resolves.toBe('Nose: not treated');
    await checklist().getByText('Clear to start').waitFor();
    await expectNoSeriousA11yViolations(page, 'charting: blocked zone removed');
  });

  it('shows a visible focus ring on the zone reached by keyboard, and Enter opens it', async () => {
    await page.getByRole('heading', { name: 'Zones and depth', level: 2 }).click();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-zone') === 'forehead')) break;
    }
    const forehead = faceMap(page).zone('Forehead');
    await expect(forehead.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(forehead.getAttribute('data-focus-ring')).resolves.toBe('visible');
    const ring = page.getByTestId('zone-focus-ring');
    await ring.waitFor();
    await expect(ring.locator('path').last().getAttribute('stroke')).resolves.toBe('var(--mantine-color-blue-7)');
    await expectNoSeriousA11yViolations(page, 'charting: zone focused by keyboard');
    await page.getByRole('group', { name: 'Face map' }).screenshot({ path: path.join(WORKSPACE, 'docs/screenshots/charting-focus-ring.png') });
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Edit Forehead' }).waitFor();
  });

  it('prints the signed session record (print view at 1440 and 768) and downloads it as a PDF', async () => {
    await page.goto(`${server.baseUrl}/sessions/${sessionId}`);
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign and lock the session' });
    await dialog.getByLabel(`Password of ${NURSE.name}`).waitFor();
    await expectNoSeriousA11yViolations(page, 'sign and lock dialog');
    await dialog.getByLabel(`Password of ${NURSE.name}`).fill(NURSE.password);
    await dialog.getByRole('button', { name: 'Sign and lock' }).click();
    await page.getByText('Signed · locked').first().waitFor();
    await page.getByLabel('New addendum').fill('Patient asked for a gentler perioral pass next time.');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await page.getByRole('list', { name: 'Addenda' }).getByText('gentler perioral pass').waitFor();
    await expectNoSeriousA11yViolations(page, 'signed session with an addendum and the session record link');

    await page.getByRole('link', { name: 'Session record' }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]+\/print$/);
    const sheet = page.getByRole('article', { name: 'Treatment session record' });
    await sheet.getByText('Zofia Łukasiewicz').first().waitFor();
    await sheet.getByRole('table', { name: 'Zones' }).getByRole('row').filter({ hasText: 'Perioral' }).getByText('0.25 mm').waitFor();
    await sheet.getByRole('table', { name: 'Cartridges' }).getByText(fefoLotNumber).waitFor();
    await sheet.getByText('SkinPen Precision · serial SP-220417').waitFor();
    await sheet.getByText(/Dana Whitfield \(treating practitioner/).waitFor();
    await expect(sheet.getByTestId('record-hash').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await sheet.getByText('Patient asked for a gentler perioral pass next time.').waitFor();
    await expectNoSeriousA11yViolations(page, 'session record print view');
    await documentScreen(page, 'session-record-print-1440');
    await page.setViewportSize({ width: 768, height: 1024 });
    await sheet.getByRole('table', { name: 'Zones' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'session record print view on a portrait tablet');
    await documentScreen(page, 'session-record-print-768');
    // On paper only the sheet is left: no navigation, no buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('navigation').first().isVisible()).resolves.toBe(false);
    await expect(sheet.isVisible()).resolves.toBe(true);
    await screenshot(page, 'session-record-print-media');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1440, height: 900 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^session-SL-\d+-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'session-pdf-'));
    try {
      const file = path.join(dir, 'record.pdf');
      await download.saveAs(file);
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Zofia Łukasiewicz');
      expect(text).toMatch(/Perioral \/ upper lip\s+0\.25 mm\s+3/);
      expect(text).toContain(fefoLotNumber);
      expect(text).toContain('Patient asked for a gentler perioral pass next time.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
