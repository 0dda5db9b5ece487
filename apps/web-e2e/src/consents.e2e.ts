import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, WORKSPACE, type RunningServer } from './support/server';
import { signIn } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

const SCREENSHOTS = path.join(WORKSPACE, 'docs/screenshots');
const PHYSICIAN = { name: 'Samuel Osei', email: 'samuel@harbour.example', password: 'amber quarry violin 7' };

/** Keeps a documentation screenshot in docs/screenshots as well as the run's artifacts. */
async function documentScreen(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, name);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.copyFileSync(file, path.join(SCREENSHOTS, `${name}.png`));
}

/**
 * Consents: the default forms and the editor; from the patient profile, prepare a medical-needling consent, sign it in
 * the kiosk by drawing on the canvas with the mouse, hand back and witness with the staff password, download the PDF
 * (a real PDF of more than one page) and see the consent listed as valid and intact.
 */
describe('consents: kiosk signing, witness, PDF', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let patientId: string;

  beforeAll(async () => {
    server = await startServer();
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    page = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1280, height: 800 }, locale: 'en-US', acceptDownloads: true });
    await page.goto(`${server.baseUrl}/login`);
    await signIn(page, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    const token = (await page.context().cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
    const created = await page.request.post(`${server.baseUrl}/api/patients`, {
      headers: { 'X-CSRF-Token': token },
      data: { firstName: 'Jordan', lastName: 'Avery', dateOfBirth: '1988-04-12', fitzpatrickType: 3 },
    });
    expect(created.status()).toBe(201);
    patientId = ((await created.json()) as { id: string }).id;
    // The owner prepares consents but does not treat: the consent names the physician who does.
    const physician = await page.request.post(`${server.baseUrl}/api/staff`, {
      headers: { 'X-CSRF-Token': token },
      data: {
        ...PHYSICIAN,
        role: 'physician',
        credentials: [{ licenceType: 'physician', licenceNumber: 'MD-20417', jurisdiction: 'NY', expiresOn: '2099-12-31' }],
      },
    });
    expect(physician.status()).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  it('lists the default forms flagged for review and edits one with a live preview', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Consent forms' }).click();
    await page.getByRole('heading', { name: 'Consent forms', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Consent forms' });
    for (const title of ['Consent to cosmetic micro-needling', 'Consent to medical micro-needling', 'Consent to topical anaesthetic', 'Consent to clinical photography']) {
      await table.getByRole('link', { name: title }).waitFor();
    }
    await expect(table.getByText('Review with your medical director').count()).resolves.toBe(4);
    await expectNoSeriousA11yViolations(page, 'consent forms');
    await documentScreen(page, 'consent-templates');

    await table.getByRole('link', { name: 'Consent to medical micro-needling' }).click();
    await page.getByRole('heading', { name: 'Consent to medical micro-needling', level: 1 }).waitFor();
    const preview = page.getByLabel('Preview');
    // The preview renders the placeholders with the sample patient.
    await preview.getByText('Jordan Sample, born 1988-04-12').waitFor();
    await page.getByText('This is a SkinLedger default. Review it with your medical director').waitFor();
    await expectNoSeriousA11yViolations(page, 'consent form editor');
    await documentScreen(page, 'consent-editor');
    await page.getByRole('button', { name: 'Approve version 1' }).click();
    await page.getByText('Approved v1').first().waitFor();
  });

  it('prepares a medical-needling consent, signs it in the kiosk and witnesses it', async () => {
    await page.goto(`${server.baseUrl}/patients/${patientId}?tab=consents`);
    await page.getByRole('heading', { name: 'Jordan Avery', level: 1 }).waitFor();
    await page.getByText('No consents yet').waitFor();
    await expectNoSeriousA11yViolations(page, 'patient profile: consents tab (none)');
    await page.getByRole('button', { name: 'Start consent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a consent' });
    await dialog.getByRole('textbox', { name: 'Consent form' }).click();
    await page.getByRole('option', { name: /Consent to medical micro-needling/ }).click();
    // The owner is not a practitioner: the field starts empty and the dialog waits for a choice.
    const practitioner = dialog.getByRole('textbox', { name: /Treating practitioner/ });
    await expect(practitioner.inputValue()).resolves.toBe('');
    await expect(dialog.getByRole('button', { name: 'Prepare and open kiosk' }).isDisabled()).resolves.toBe(true);
    await practitioner.click();
    await page.getByRole('option', { name: `${PHYSICIAN.name} · Physician` }).click();
    await dialog.getByLabel('Depth from (mm)').fill('0.5');
    await dialog.getByLabel('Depth to (mm)').fill('1.5');
    await expectNoSeriousA11yViolations(page, 'start a consent dialog');
    await documentScreen(page, 'start-consent');
    await dialog.getByRole('button', { name: 'Prepare and open kiosk' }).click();

    // The kiosk: only the document, no navigation into the dashboard.
    await page.waitForURL(/\/kiosk\/consents\//);
    await page.getByRole('heading', { name: 'Consent to medical micro-needling', level: 2 }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
    await page.getByText('Jordan Avery, born 1988-04-12').waitFor();
    await page.getByRole('region', { name: 'Practitioner and appointment' }).getByText(PHYSICIAN.name).waitFor();
    await expect(page.getByText(`Practitioner: ${DEFAULT_OWNER.name}`).count()).resolves.toBe(0);
    await page.getByText(/The planned needle depth is 0\.5–1\.5 mm/).waitFor();

    const signButton = page.getByRole('button', { name: 'Sign the consent' });
    // Every checkbox is on the page before they are listed (the list is taken once).
    await page.getByRole('checkbox', { name: 'I agree to sign electronically' }).waitFor();
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await page.getByLabel('Your full name').fill('Jordan Avery');
    await expect(signButton.isDisabled()).resolves.toBe(true); // not signed yet
    await expectNoSeriousA11yViolations(page, 'kiosk: consent to sign');

    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('signature pad not visible');
    await page.mouse.move(box.x + 40, box.y + box.height * 0.7);
    await page.mouse.down();
    for (let i = 1; i <= 24; i++) {
      await page.mouse.move(box.x + 40 + i * 14, box.y + box.height * (0.7 - 0.4 * Math.sin(i / 3)), { steps: 2 });
    }
    await page.mouse.up();
    await page.mouse.move(box.x + 120, box.y + box.height * 0.4);
    await page.mouse.down();
    await page.mouse.move(box.x + 260, box.y + box.height * 0.55, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => !(document.querySelector('button[disabled]')?.textContent ?? '').includes('Sign the consent'));
    await documentScreen(page, 'kiosk');
    await signButton.click();

    await page.getByText('Please hand the tablet back to the staff.').waitFor();
    await expectNoSeriousA11yViolations(page, 'kiosk: hand back to staff');
    await documentScreen(page, 'kiosk-hand-back');
    await page.getByLabel(`Password of ${DEFAULT_OWNER.name}`).fill('not my password');
    await page.getByRole('button', { name: 'Witness and finish' }).click();
    await page.getByText(/not the password of/i).waitFor();
    await expectNoSeriousA11yViolations(page, 'kiosk: witness password refused');
    await page.getByLabel(`Password of ${DEFAULT_OWNER.name}`).fill(DEFAULT_OWNER.password);
    await page.getByRole('button', { name: 'Witness and finish' }).click();
    await page.waitForURL(/\/patients\/.*tab=consents/);
  });

  it('lists the consent as valid, downloads its PDF and verifies it', async () => {
    const table = page.getByRole('table', { name: 'Consents' });
    const row = table.getByRole('row').filter({ hasText: 'Consent to medical micro-needling' });
    await row.getByText('Valid', { exact: true }).waitFor();
    await row.getByText('Jordan Avery').waitFor();
    await row.getByText(DEFAULT_OWNER.name).waitFor();
    await expectNoSeriousA11yViolations(page, 'patient profile: consents tab (signed)');

    await row.getByRole('button', { name: /Actions for/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Download PDF' }).click()]);
    const file = path.join(WORKSPACE, 'apps/web-e2e/artifacts/consent-medical-needling.pdf');
    await download.saveAs(file);
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBeGreaterThan(1);
    expect(download.suggestedFilename()).toMatch(/^consent-SL-\d+-medical_needling\.pdf$/);
    // The signed document names the physician as the treating practitioner, not the owner who prepared it.
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain(`Practitioner: ${PHYSICIAN.name}`);
    expect(text).toContain(`Treating practitioner: ${PHYSICIAN.name}`);
    expect(text).not.toContain(`Practitioner: ${DEFAULT_OWNER.name}`);

    await row.getByRole('button', { name: /Actions for/ }).click();
    await page.getByRole('menuitem', { name: 'Verify integrity' }).click();
    await page.getByText('the stored record matches its SHA-256 hash', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page, 'consent integrity verified');

    const valid = await page.request.get(`${server.baseUrl}/api/patients/${patientId}/consents?kind=medical_needling&valid=true`);
    expect(((await valid.json()) as unknown[]).length).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await documentScreen(page, 'patient-consents');
  });
});
