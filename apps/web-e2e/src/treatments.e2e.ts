import { addDays, emptyMedicalHistory, gtinCheckDigit, isoDateInTimeZone } from '@skinledger/domain';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { apiAs, documentScreen, faceMap } from './support/charting';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, type RunningServer } from './support/server';
import { gradientPng } from './support/png';
import { signIn } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

const CLINIC_TIME_ZONE = 'America/New_York';
const NURSE = { name: 'Dana Whitfield', email: 'dana@harbour.example', password: 'copper lantern ward 1' };
const SIGNATURE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100">' +
  '<path d="M 10 80 C 60 10, 90 10, 140 60 S 220 90, 280 20 L 282 24 C 220 95, 150 70, 138 64 C 90 16, 62 16, 12 84 Z" fill="rgb(0,0,0)"/></svg>';

/**
 * Treatment sessions at the chair: a nurse with a licence, a pen, a cartridge lot and a screened patient with signed
 * cosmetic and medical needling consents (set up through the API); then in Chromium at tablet size: start a walk-in
 * from the patient, chart cheeks 1.5 mm and forehead 0.5 mm on the face map with the FEFO lot, start, sign with the
 * password, and follow the lot: on-hand dropped by one and the patient is on the lot's exposure list.
 */
describe('treatments: chart a walk-in session on the face map, sign it, trace the lot', () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: Page;
  let page: Page;
  let patientId: string;
  let lotId: string;
  let lotNumber: string;
  let nurseId: string;

  /** A consent of the kind naming the nurse, signed by the patient through the API (as the kiosk would). */
  async function signConsent(kind: string): Promise<void> {
    const api = apiAs(owner, server.baseUrl);
    const templates = (await api.get('/api/consent-templates')) as { id: string; kind: string }[];
    const template = templates.find((t) => t.kind === kind);
    const consent = await api.post(`/api/patients/${patientId}/consents`, { templateId: template?.id, practitionerId: nurseId });
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

  beforeAll(async () => {
    server = await startServer();
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    owner = await browser.newPage({ locale: 'en-US' });
    await owner.goto(`${server.baseUrl}/login`);
    await signIn(owner, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    const api = apiAs(owner, server.baseUrl);
    const today = isoDateInTimeZone(new Date(), CLINIC_TIME_ZONE);

    const [location] = (await api.get('/api/locations')) as { id: string }[];
    nurseId = (
      await api.post('/api/staff', {
        ...NURSE,
        role: 'nurse',
        defaultLocationId: location.id,
        credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-482913', jurisdiction: 'NY', expiresOn: addDays(today, 365) }],
      })
    ).id;
    const gtinBody = `0081234${String(Date.now()).slice(-6)}`;
    const product = await api.post('/api/products', {
      manufacturer: 'Crown Aesthetics',
      name: 'SkinPen cartridge, 14 needles',
      gtin: `${gtinBody}${gtinCheckDigit(gtinBody)}`,
      kind: 'needle_cartridge',
      needleCount: 14,
    });
    lotNumber = `CH${String(Date.now()).slice(-5)}`;
    // Two lots: the one expiring first is the one the picker suggests (FEFO).
    await api.post('/api/lots', { productId: product.id, locationId: location.id, lotNumber: `LATE${lotNumber}`, expiresOn: addDays(today, 700), quantity: 5 });
    const received = await api.post('/api/lots', { productId: product.id, locationId: location.id, lotNumber, expiresOn: addDays(today, 200), quantity: 5 });
    lotId = received.lot.id;
    await api.post('/api/devices', { model: 'SkinPen Precision', serialNumber: 'SP-220417', locationId: location.id });

    const patient = await api.post('/api/patients', { firstName: 'Jordan', lastName: 'Avery', dateOfBirth: '1988-04-12', fitzpatrickType: 3 });
    patientId = patient.id;
    await api.put(`/api/patients/${patientId}/medical-history`, emptyMedicalHistory());
    for (const kind of ['cosmetic_needling', 'medical_needling']) await signConsent(kind);
    // A baseline outcome a month ago, for the outcomes chart.
    await api.post(`/api/patients/${patientId}/assessments`, { scale: 'goodman_baron_quantitative', score: 24, assessedOn: addDays(today, -30) });

    page = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1024, height: 768 }, locale: 'en-US', hasTouch: true });
    await page.goto(`${server.baseUrl}/login`);
    await signIn(page, NURSE.email, NURSE.password);
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  const zone = (name: string) => faceMap(page).zone(name);
  const tapZone = (name: string) => faceMap(page).tap(name);
  const setDepth = (target: string) => faceMap(page).setDepth(target);

  it('charts cheeks 1.5 mm and forehead 0.5 mm on the face map with the FEFO lot, and starts the session', async () => {
    await page.goto(`${server.baseUrl}/patients/${patientId}`);
    await page.getByRole('heading', { name: 'Jordan Avery', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Start session' }).click();
    await page.getByRole('heading', { name: 'New session · Jordan Avery', level: 1 }).waitFor();
    await zone('Cheeks').waitFor();
    await expectNoSeriousA11yViolations(page, 'charting: walk-in, nothing charted');

    await tapZone('Cheeks');
    await setDepth('1.50');
    await page.getByRole('textbox', { name: 'Passes' }).fill('3');
    await tapZone('Forehead');
    await setDepth('0.50');
    await page.getByRole('button', { name: 'Done' }).tap();
    await expect(faceMap(page).label('cheeks').textContent()).resolves.toBe('1.5 mm');
    await expect(zone('Cheeks').getAttribute('data-tone')).resolves.toBe('ok');
    // 0.5 mm and deeper is medical needling (domain.md section 1).
    await page.getByText('Medical needling · max 1.5 mm').first().waitFor();

    // The pen (the only one here) and the cartridge (the only product) are chosen; the lot expiring first is picked.
    const lot = page.getByRole('region', { name: 'Pen and cartridge' }).getByRole('textbox', { name: 'Lot' });
    await expect(lot.inputValue()).resolves.toContain(lotNumber);
    await page.getByLabel('Walk-in reason').fill('Follow-up treatment; came in without booking');

    const checklist = page.getByRole('region', { name: 'Safety checklist' });
    await checklist.getByText('Clear to start').waitFor();
    await expectNoSeriousA11yViolations(page, 'charting: zones charted, clear to start');
    await page.evaluate(() => window.scrollTo(0, 0));
    await documentScreen(page, 'charting-screen-zones', true);
    await page.getByRole('button', { name: /^Cheeks/ }).filter({ hasText: '1.5 mm · 3 passes' }).tap();
    await page.getByRole('region', { name: 'Edit Cheeks' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'charting: editing a zone');
    await page.evaluate(() => window.scrollTo(0, 0));
    await documentScreen(page, 'charting-screen', true);
    await documentScreen(page, 'charting-screen-full');

    await page.getByRole('button', { name: 'Start session' }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
    await page.getByRole('heading', { name: 'Session · Jordan Avery', level: 1 }).waitFor();
    const zones = page.getByRole('table', { name: 'Zones' });
    await zones.getByRole('row').filter({ hasText: 'Cheeks' }).getByText('1.5 mm').waitFor();
    await zones.getByRole('row').filter({ hasText: 'Forehead' }).getByText('0.5 mm').waitFor();
    await page.getByRole('table', { name: 'Cartridges' }).getByText(lotNumber).waitFor();
    await expectNoSeriousA11yViolations(page, 'session in progress');
  });

  it('re-charts a zone while in progress, then signs the session with the password and locks it', async () => {
    // Nose added mid-session on the same face map; the API checks the chart again before saving.
    await page.getByRole('button', { name: 'Edit zones' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit zones' });
    await edit.waitFor();
    await expectNoSeriousA11yViolations(page, 'session: edit zones dialog');
    await tapZone('Nose');
    await setDepth('0.25');
    await page.getByRole('button', { name: 'Done' }).tap();
    await edit.getByRole('button', { name: 'Save zones' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Zones' }).getByRole('row').filter({ hasText: 'Nose' }).getByText('0.25 mm').waitFor();

    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign and lock the session' });
    await dialog.getByLabel(`Password of ${NURSE.name}`).fill('not my password');
    await dialog.getByRole('button', { name: 'Sign and lock' }).click();
    await dialog.getByText(`is not the password of ${NURSE.name}`).waitFor();
    await expectNoSeriousA11yViolations(page, 'sign and lock dialog, wrong password');
    await dialog.getByLabel(`Password of ${NURSE.name}`).fill(NURSE.password);
    await dialog.getByRole('button', { name: 'Sign and lock' }).click();
    await page.getByText('Signed · locked').first().waitFor();
    await expect(page.getByRole('button', { name: 'Sign', exact: true }).count()).resolves.toBe(0);

    await page.getByLabel('New addendum').fill('Patient reported mild stinging on the left cheek during the last pass.');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await page.getByRole('list', { name: 'Addenda' }).getByText('mild stinging').waitFor();
    await expectNoSeriousA11yViolations(page, 'signed session with an addendum');

    // Photos need the photography consent: refused first, then taken once the patient signed it.
    const photos = page.getByRole('region', { name: 'Photos' });
    const photo = { name: 'after-front.png', mimeType: 'image/png', buffer: gradientPng() };
    await photos.getByText('After', { exact: true }).click();
    await photos.locator('input[type="file"]').setInputFiles(photo);
    await photos.getByText('No valid photography consent on file').waitFor();
    await expectNoSeriousA11yViolations(page, 'session: photo refused without consent');
    await signConsent('photography');
    await photos.locator('input[type="file"]').setInputFiles(photo);
    await photos.getByRole('img', { name: 'After · Front' }).waitFor();

    // An adverse event two days later, linked to the session (and so to its lot and pen).
    await page.getByRole('button', { name: 'Record adverse event' }).click();
    const event = page.getByRole('dialog', { name: 'Record an adverse event' });
    await event.getByRole('textbox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Erythema (prolonged redness)' }).click();
    await event.getByLabel('Grade (0–4)').fill('2');
    await event.getByLabel('What happened').fill('Redness of both cheeks lasting into day 3');
    await expectNoSeriousA11yViolations(page, 'adverse event dialog');
    await event.getByRole('button', { name: 'Record adverse event' }).click();
    await page.getByRole('table', { name: 'Adverse events' }).getByText('Erythema (prolonged redness)').waitFor();

    await page.getByRole('link', { name: 'After-care sheet' }).click();
    await page.getByRole('heading', { name: 'After your micro-needling treatment', level: 1 }).waitFor();
    await page.getByText(/Use a broad-spectrum sunscreen/).waitFor();
    await expectNoSeriousA11yViolations(page, 'after-care sheet');
    await page.goBack();
    await page.getByText('Signed · locked').first().waitFor();
    await page.getByRole('table', { name: 'Adverse events' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'signed session with photo and adverse event');
    await page.evaluate(() => window.scrollTo(0, 0));
    await documentScreen(page, 'session-signed');
  });

  it("shows the lot's on-hand dropped by one and the patient on the lot's exposure list", async () => {
    await page.goto(`${server.baseUrl}/inventory/lots/${lotId}`);
    await page.getByText('4 in all').waitFor();
    await expectNoSeriousA11yViolations(page, 'lot after use');
    await page.goto(`${server.baseUrl}/inventory/lots/${lotId}/exposure`);
    await page.getByRole('table', { name: 'Exposed sessions' }).getByText('Jordan Avery').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'lot exposure with a patient and an adverse event');
  });

  it('lists the session on the patient and charts the outcome against the baseline', async () => {
    await page.goto(`${server.baseUrl}/patients/${patientId}?tab=sessions`);
    const sessions = page.getByRole('table', { name: 'Treatment sessions' });
    await sessions.getByText('1.5 mm').waitFor();
    await sessions.getByText('Signed · locked').waitFor();
    await expectNoSeriousA11yViolations(page, 'patient profile: sessions tab');

    await page.getByRole('tab', { name: 'Outcomes' }).click();
    const form = page.getByRole('form', { name: 'Record an assessment' });
    await form.getByLabel(/^Score/).fill('18');
    await form.getByRole('button', { name: 'Record assessment' }).click();
    await page.getByRole('table', { name: 'Assessments' }).getByText('-25 %').waitFor();
    await page.getByRole('img', { name: /Goodman & Baron quantitative acne-scar score over time/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'patient profile: outcomes tab');
    await page.evaluate(() => window.scrollTo(0, 0));
    await documentScreen(page, 'patient-outcomes');

    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByRole('tabpanel', { name: 'Timeline' }).locator('.mantine-Timeline-item').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'patient profile: timeline tab');
    await page.getByRole('tab', { name: 'Access log' }).click();
    await page.getByRole('table', { name: 'Access log' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'patient profile: access log tab');
  });

  it('stacks the charting screen on a portrait tablet and shows a blocker in red', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${server.baseUrl}/patients/${patientId}/sessions/new`);
    await tapZone('Cheeks');
    await page.getByRole('region', { name: 'Safety checklist' }).getByText('Give the walk-in reason').waitFor();
    await page.getByRole('region', { name: 'Safety checklist' }).getByText(/licence allows up to/).waitFor();
    // Today's medical session blocks another within the clinic's interval (domain.md section 3): shown red, start disabled.
    await page.getByRole('region', { name: 'Safety checklist' }).getByText(/needs at least 28 days between sessions/).waitFor();
    await expect(page.getByRole('button', { name: 'Start session' }).isDisabled()).resolves.toBe(true);
    await expectNoSeriousA11yViolations(page, 'charting on a portrait tablet, blocked');
    await documentScreen(page, 'charting-screen-portrait', true);
  });
});
