import { addMonths, gtinCheckDigit, isoDateInTimeZone } from '@skinledger/domain';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, type RunningServer } from './support/server';
import { signIn } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

const CLINIC_TIME_ZONE = 'America/New_York';
const GS = '\u001d';

/** A GTIN-14 with a valid mod-10 check digit, unique per run. */
function makeGtin(): string {
  const body = `0081234${String(Date.now()).slice(-6)}`;
  return `${body}${gtinCheckDigit(body)}`;
}

/** YYYY-MM-DD as the GS1 YYMMDD of AI (17). */
const yymmdd = (isoDate: string) => isoDate.slice(2).replaceAll('-', '');

/**
 * The inventory module: receive a cartridge lot by typing a raw GS1 string (symbology prefix, GS separator) into the
 * scan field, create the unknown product on the way, see it on hand, recall it (class II), land on its patient
 * exposure list (with the CSV download), and see it blocked.
 */
describe('inventory: receive by scan and recall', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  const gtin = makeGtin();
  const lotNumber = `E2E${String(Date.now()).slice(-5)}`;
  const expiresOn = addMonths(isoDateInTimeZone(new Date(), CLINIC_TIME_ZONE), 12);
  // A device label with more than 01/17/10/21: an additional product id (240) and a count (30).
  const scanned = `]d201${gtin}17${yymmdd(expiresOn)}10${lotNumber}${GS}21SN0001${GS}240PEN-14N${GS}3010`;

  beforeAll(async () => {
    server = await startServer();
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    page = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await page.goto(`${server.baseUrl}/login`);
    await signIn(page, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  async function csrfHeaders(): Promise<Record<string, string>> {
    const cookies = await page.context().cookies();
    const token = cookies.find((c) => c.name === 'csrf_token')?.value ?? '';
    return { 'X-CSRF-Token': token };
  }

  it('receives a lot by scan, creating the unknown product, and shows it on hand', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory' }).click();
    await page.getByRole('heading', { name: 'Inventory', exact: true, level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(page, 'inventory overview (empty)');
    await page.getByRole('link', { name: 'Receive stock' }).click();
    await page.getByRole('heading', { name: 'Receive stock', level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(page, 'receive stock');

    const scan = page.getByLabel('Scan barcode');
    await scan.pressSequentially(scanned);
    await scan.press('Enter');
    // The label is read live: GTIN, lot and expiry.
    const read = page.getByRole('group', { name: 'Read from the barcode' });
    await read.getByText(gtin).waitFor();
    await read.getByText(lotNumber).waitFor();
    await read.getByText('PEN-14N').waitFor();
    await expect(scan.inputValue()).resolves.toContain(GS);

    await page.getByLabel('Quantity').fill('10');
    await page.getByRole('button', { name: 'Receive', exact: true }).click();

    // The GTIN is unknown: create the product inline, then the receipt is retried.
    const create = page.getByRole('region', { name: 'Create product' });
    await create.getByLabel('Manufacturer').fill('Crown Aesthetics');
    await create.getByLabel('Product name').fill('SkinPen cartridge, 14 needles');
    await create.getByLabel('Needle count').fill('14');
    await expectNoSeriousA11yViolations(page, 'receive stock: create the unknown product');
    await create.getByRole('button', { name: 'Create product and receive' }).click();

    const receipt = page.getByRole('status').filter({ hasText: 'Received 10' });
    await receipt.waitFor();
    await receipt.getByRole('link', { name: lotNumber }).click();

    await page.getByRole('heading', { name: new RegExp(lotNumber), level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'On hand', level: 2 }).waitFor();
    await page.getByText('10 in all').waitFor();
    // The lot keeps what the label said: 240, 30 and the whole element string.
    await page.getByText('Additional product id (240)').waitFor();
    await page.getByText(`(01)${gtin}(17)${yymmdd(expiresOn)}(10)${lotNumber}(21)SN0001(240)PEN-14N(30)10`).waitFor();
    await screenshot(page, 'inventory-lot-label');
    await expectNoSeriousA11yViolations(page, 'lot');
  });

  it('recalls the lot (class II) and blocks its use', async () => {
    await page.getByRole('button', { name: 'Recall lot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Recall lot' });
    await dialog.getByRole('textbox', { name: 'Recall class' }).click();
    await page.getByRole('option', { name: /^Class II:/ }).click();
    await dialog.getByLabel('Reason').fill('Possible breach of sterile barrier');
    await dialog.getByLabel('Reference').fill('Z-1234-2026');
    await expectNoSeriousA11yViolations(page, 'recall lot dialog');
    await dialog.getByRole('button', { name: 'Record recall' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The recall flow ends on the patients exposed to the lot (none here: no session used it), with the CSV.
    await page.getByRole('heading', { name: 'Patient exposure', level: 1 }).waitFor();
    await page.getByText('No patient was treated with it').waitFor();
    await expectNoSeriousA11yViolations(page, 'lot exposure (no patient)');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = await download;
    // Named by the API in full: the whole lot number and GTIN, then the product.
    expect(csv.suggestedFilename()).toBe(`lot-exposure_${lotNumber}_GTIN-${gtin}_SkinPen-cartridge-14-needles.csv`);
    await screenshot(page, 'inventory-recall-exposure');
    await page.getByRole('link', { name: 'Back to the lot' }).click();

    await page.getByText('Recalled', { exact: true }).first().waitFor();
    await page.getByText(/^Class II recall: Temporary or reversible harm/).waitFor();
    await page.getByRole('link', { name: 'Patients treated with this lot' }).waitFor();
    await expect(page.getByRole('button', { name: 'Transfer' }).getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(page.getByRole('button', { name: 'Adjust' }).getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(page.getByRole('button', { name: 'Waste' }).getAttribute('aria-disabled')).resolves.toBeNull();
    await expectNoSeriousA11yViolations(page, 'recalled lot');
    await screenshot(page, 'inventory-recalled-lot');

    // The API stays the guard: a transfer of the recalled lot is refused.
    const lotId = page.url().split('/').pop() ?? '';
    const headers = await csrfHeaders();
    const locations = await page.request.get(`${server.baseUrl}/api/locations`);
    const [from] = (await locations.json()) as { id: string }[];
    const second = await page.request.post(`${server.baseUrl}/api/locations`, {
      headers,
      data: { name: 'Riverside', timezone: CLINIC_TIME_ZONE },
    });
    expect(second.status()).toBe(201);
    const to = (await second.json()) as { id: string };
    const transfer = await page.request.post(`${server.baseUrl}/api/lots/${lotId}/movements`, {
      headers,
      data: { type: 'transferred', locationId: from?.id, toLocationId: to.id, quantity: 1 },
    });
    expect(transfer.status()).toBe(422);
    await expect(transfer.text()).resolves.toMatch(/recalled/);
  });

  it('lists lots, recalls and devices, and the overview with stock and alerts', async () => {
    await page.goto(`${server.baseUrl}/inventory/lots`);
    await page.getByRole('heading', { name: 'Lots', level: 1 }).waitFor();
    await page.getByText(lotNumber).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'lots list');
    await page.goto(`${server.baseUrl}/inventory/recalls`);
    await page.getByRole('heading', { name: 'Recalls', level: 1 }).waitFor();
    await page.getByText('Z-1234-2026').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'recalls');
    await page.goto(`${server.baseUrl}/inventory/devices`);
    await page.getByRole('heading', { name: 'Devices', level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(page, 'devices');
    await page.goto(`${server.baseUrl}/inventory`);
    await page.getByRole('heading', { name: 'Inventory', exact: true, level: 1 }).waitFor();
    await page.getByText(lotNumber).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'inventory overview');
  });
});
