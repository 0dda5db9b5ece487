import { addMonths, isoDateInTimeZone, MEDICAL_HISTORY_FIELDS, type MedicalHistoryAnswers } from '@skinledger/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, type RunningServer } from './support/server';
import { signIn } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

/** setUpClinic's only location is in New York: "today" and every screened date are that clinic's calendar dates. */
const CLINIC_TIME_ZONE = 'America/New_York';

const label = (field: keyof MedicalHistoryAnswers): string => MEDICAL_HISTORY_FIELDS.find((f) => f.field === field)!.label;

/** A calendar date as the dashboard writes it for an en-US browser: "Feb 25, 2027". */
const readable = (isoDate: string): string =>
  new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

interface NewPatient {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  email: string;
  /** The start of the phototype option, e.g. "Type II". */
  phototype?: string;
}

/**
 * The patients module: register a patient, record a medical history with oral isotretinoin taken three months ago
 * and see medical needling blocked until six months after the last dose; register a second patient whose only
 * finding is a keloid history and see a warning to acknowledge, not a block; find the first by a misspelled name.
 */
describe('patients: registration, medical history and eligibility', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  const today = isoDateInTimeZone(new Date(), CLINIC_TIME_ZONE);
  const lastIsotretinoinDose = addMonths(today, -3);
  const eligibleFrom = addMonths(lastIsotretinoinDose, 6);

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

  async function openPatientList(): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('heading', { name: 'Patients', exact: true, level: 1 }).waitFor();
  }

  async function registerPatient(patient: NewPatient): Promise<void> {
    await openPatientList();
    await expectNoSeriousA11yViolations(page, 'patients list');
    await page.getByRole('button', { name: 'New patient' }).click();
    const dialog = page.getByRole('dialog', { name: 'New patient' });
    await dialog.getByLabel('First name').waitFor();
    await expectNoSeriousA11yViolations(page, 'new patient dialog');
    await dialog.getByLabel('First name').fill(patient.firstName);
    await dialog.getByLabel('Last name').fill(patient.lastName);
    await dialog.getByLabel('Date of birth').fill(patient.dateOfBirth);
    await dialog.getByLabel('Phone').fill(patient.phone);
    await dialog.getByLabel('Email').fill(patient.email);
    if (patient.phototype) {
      await dialog.getByRole('textbox', { name: 'Fitzpatrick phototype' }).click();
      await page.getByRole('option', { name: new RegExp(`^${patient.phototype}\\b`) }).click();
    }
    await dialog.getByRole('button', { name: 'Save patient' }).click();
    await page.getByRole('heading', { name: `${patient.firstName} ${patient.lastName}`, level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(page, 'patient profile: overview');
  }

  async function recordMedicalHistory(answer: (form: Locator) => Promise<void>): Promise<void> {
    await page.getByRole('tab', { name: 'Medical history' }).click();
    await page.getByRole('button', { name: 'Record medical history' }).click();
    const form = page.getByRole('dialog', { name: /^Medical history/ });
    await answer(form);
    await expectNoSeriousA11yViolations(page, 'medical history form');
    await form.getByRole('button', { name: 'Save medical history' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('Version 1, recorded').waitFor();
    await expectNoSeriousA11yViolations(page, 'patient profile: medical history tab');
  }

  async function checkEligibility(procedure: 'Cosmetic needling' | 'Medical needling'): Promise<void> {
    await page.getByRole('tab', { name: 'Eligibility' }).click();
    await page.getByRole('textbox', { name: 'Procedure' }).click();
    await page.getByRole('option', { name: procedure }).click();
    await expect(page.getByRole('textbox', { name: 'Procedure' }).inputValue()).resolves.toBe(procedure);
    await page.getByRole('status').filter({ hasText: procedure.toLowerCase() }).waitFor();
    await expectNoSeriousA11yViolations(page, `patient profile: eligibility tab (${procedure})`);
  }

  it('registers a patient and blocks medical needling until six months after the last isotretinoin dose', async () => {
    await registerPatient({
      firstName: 'Margaret',
      lastName: 'Thompson',
      dateOfBirth: '1984-03-12',
      phone: '(212) 555-0100',
      email: 'margaret.thompson@example.com',
    });
    await recordMedicalHistory(async (form) => {
      await form.getByLabel(label('isotretinoinLastDoseOn'), { exact: true }).fill(lastIsotretinoinDose);
    });

    await checkEligibility('Medical needling');
    const isotretinoin = page.getByRole('list', { name: 'Blockers' }).getByRole('listitem').filter({ hasText: 'isotretinoin' });
    await isotretinoin.waitFor();
    await expect(isotretinoin.getByText(`Eligible from ${readable(eligibleFrom)}`).isVisible()).resolves.toBe(true);
    await expect(page.getByText(`Not eligible for medical needling on ${readable(today)}`).isVisible()).resolves.toBe(true);
    // The banner at the top of the profile says the same wherever the patient is open.
    const banner = page.getByRole('region', { name: 'Patient alerts' });
    await banner.getByText('Not eligible today').waitFor();
    await expect(banner.getByText(`possible from ${readable(eligibleFrom)}`).isVisible()).resolves.toBe(true);
  });

  it('warns about a keloid history, to be acknowledged, without blocking treatment', async () => {
    await registerPatient({
      firstName: 'Samuel',
      lastName: 'Brooks',
      dateOfBirth: '1990-06-15',
      phone: '(718) 555-0142',
      email: 'samuel.brooks@example.com',
      // With the phototype recorded, the keloid history is the only finding.
      phototype: 'Type II',
    });
    await recordMedicalHistory(async (form) => {
      await form.getByRole('switch', { name: label('keloidHistory') }).check();
    });

    await checkEligibility('Medical needling');
    const warnings = page.getByRole('list', { name: 'Warnings' }).getByRole('listitem');
    await warnings.first().waitFor();
    await expect(warnings.count()).resolves.toBe(1);
    await expect(warnings.first().textContent()).resolves.toMatch(/keloid/i);
    await expect(page.getByRole('list', { name: 'Blockers' }).count()).resolves.toBe(0);
    await expect(page.getByText(/must acknowledge each warning with a reason/).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^Eligible from /).count()).resolves.toBe(0);
  });

  it('finds the first patient by a misspelled name', async () => {
    await openPatientList();
    const rows = page.getByRole('table').getByRole('row');
    await rows.filter({ hasText: 'Brooks, Samuel' }).waitFor();
    // Keyset pages: the range and the (capped) count, no page numbers.
    await page.getByText(/^1–\d+ of \d+$/).waitFor();
    await screenshot(page, 'patients-list');
    await page.getByLabel('Search patients').fill('Margret Tompson');
    await page.waitForURL(/[?&]q=Margret/);
    await rows.filter({ hasText: 'Brooks, Samuel' }).waitFor({ state: 'detached' });
    const match = page.getByRole('link', { name: 'Thompson, Margaret' });
    await match.waitFor();
    await expectNoSeriousA11yViolations(page, 'patients list searched');
    await page.getByText(/^1–\d+, best match first$/).waitFor();
    await screenshot(page, 'patients-list-searched');
    await match.click();
    await page.getByRole('heading', { name: 'Margaret Thompson', level: 1 }).waitFor();
  });

  it('imports a file Excel saved in a European locale: semicolons, Windows-1252', async () => {
    await page.goto(`${server.baseUrl}/patients/import`);
    await page.getByRole('heading', { name: 'Import patients', level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(page, 'patient import');

    // "Zoë" and "Müller" in Windows-1252 are single bytes (EB, FC): the file is not UTF-8.
    const text = ['firstName;lastName;dateOfBirth;notes', 'Zoë;Müller;1979-11-30;"Prefers ""mornings""; 50 € deposit"', 'Jörg;Straße;1980-01-02;'].join('\r\n');
    const buffer = Buffer.from(Array.from(text, (ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));
    await page.locator('input[type="file"]').setInputFiles({ name: 'patienten.csv', mimeType: 'text/csv', buffer });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('Read as Windows-1252 (Excel’s plain “CSV” on a Windows PC), with columns separated by semicolons.').waitFor();
    await screenshot(page, 'patients-import-report');
    await page.getByText('No problems found.').waitFor();
    await expectNoSeriousA11yViolations(page, 'patient import checked');

    await page.getByRole('button', { name: 'Import 2 valid rows' }).click();
    await page.getByText('2 patients imported').waitFor();
    await openPatientList();
    await page.getByLabel('Search patients').fill('Müller');
    await page.getByRole('link', { name: 'Müller, Zoë' }).waitFor();
  });

  it('pages through the patient list with Next and Previous, by cursor', async () => {
    // 30 patients surnamed Yarrow: the list passes one page of 25 whoever else is registered.
    const token = (await page.context().cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
    const firstNames = 'Aaron Beatrice Cyrus Delia Emil Flora Gideon Hazel Ivo Juno Kasper Lena Milo Nadia Otto Pia Quentin Rosa Silas Tessa Umar Vera Wade Xenia Yusuf Zara Zelda Zeno Ziva Zoltan'.split(' ');
    for (const firstName of firstNames) {
      const created = await page.request.post(`${server.baseUrl}/api/patients`, {
        headers: { 'X-CSRF-Token': token },
        data: { firstName, lastName: 'Yarrow', dateOfBirth: '1990-05-17' },
      });
      expect(created.status()).toBe(201);
    }
    const everyone = (await page.request.get(`${server.baseUrl}/api/patients?pageSize=100`).then((r) => r.json())) as { items: unknown[] };
    const total = everyone.items.length;
    expect(total).toBeGreaterThanOrEqual(30);

    // A fresh load: the dashboard keeps a list it read seconds ago for 30 s, and these came in through the API.
    await page.goto(`${server.baseUrl}/patients`);
    const pages = page.getByRole('navigation', { name: 'Patient list pages' });
    const rows = page.getByRole('table').getByRole('row');
    // The first page: from the top of the alphabet; the last Yarrow on the next.
    await page.getByText(`1–25 of ${total}`, { exact: true }).waitFor();
    await rows.filter({ hasText: 'Yarrow, Aaron' }).waitFor();
    await expect(rows.filter({ hasText: 'Yarrow, Zoltan' }).count()).resolves.toBe(0);
    await expect(pages.getByRole('button', { name: 'Previous' }).isDisabled()).resolves.toBe(true);

    await pages.getByRole('button', { name: 'Next' }).click();
    await page.getByText(`26–${total} of ${total}`, { exact: true }).waitFor();
    await rows.filter({ hasText: 'Yarrow, Zoltan' }).waitFor();
    await expect(rows.filter({ hasText: 'Yarrow, Aaron' }).count()).resolves.toBe(0);
    // The last page: nothing after it.
    await expect(pages.getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'patients-list-second-page');

    await pages.getByRole('button', { name: 'Previous' }).click();
    await page.getByText(`1–25 of ${total}`, { exact: true }).waitFor();
    await rows.filter({ hasText: 'Yarrow, Aaron' }).waitFor();
  });
});
