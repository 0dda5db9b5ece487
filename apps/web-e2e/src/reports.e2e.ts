import fs from 'node:fs';
import path from 'node:path';
import { addDays, addMonths, gtinCheckDigit, isoDateInTimeZone, monthLabel, monthsOfRange } from '@skinledger/domain';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, WORKSPACE, type RunningServer } from './support/server';
import { signIn } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

const SCREENSHOTS = path.join(WORKSPACE, 'docs/screenshots');
const ZONE = 'America/New_York';
const TODAY = isoDateInTimeZone(new Date(), ZONE);
/** A calendar day `days` from today in the clinic's zone. */
const day = (days: number) => addDays(TODAY, days);
/** 15:00 UTC is late morning in New York all year: the appointment stays on its day there. */
const at = (date: string, hourUtc: number) => `${date}T${String(hourUtc).padStart(2, '0')}:00:00Z`;
/** The report's default range: the last 12 months to today. */
const FROM = addDays(addMonths(TODAY, -12), 1);
const MONTHS = monthsOfRange(FROM, TODAY);
/** "Mar 2026", the month a day of the seed falls in. */
const monthOf = (date: string) => monthLabel(date.slice(0, 7));

/**
 * The Reports page (issue 17) over a clinic seeded with a year of history: sessions at known depths with known
 * baselines and last scores, a stock ledger with use and waste and a lot expiring soon, and appointments that were
 * completed, missed and cancelled. History cannot be recorded through the API on past dates (rightly), so it is
 * written into the tables as apps/api/test/report-factories.ts does, through this run's own database; what the API
 * records as of today (staff, patients, services, rooms, products) goes through the API. Each tab's table is checked
 * against the seed, a CSV downloaded, axe run, and the screens kept at 1440×900 and 1024×768.
 */
describe('reports: outcomes by depth, cartridges, appointments', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let db: Client;

  beforeAll(async () => {
    server = await startServer();
    if (!server.database) throw new Error('reports.e2e seeds history through SQL: run it with DATABASE_URL set (a PostgreSQL server the test may create a database on)');
    await setUpClinic(server.baseUrl);
    const url = new URL(server.database.serverUrl);
    url.pathname = `/${server.database.name}`;
    db = new Client({ connectionString: url.toString() });
    await db.connect();
    browser = await launchBrowser();
    context = await browser.newContext({ ...A11Y_CONTEXT, viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: ZONE, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.goto(`${server.baseUrl}/login`);
    await signIn(page, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    await seed();
  });
  afterAll(async () => {
    await db?.end();
    await browser?.close();
    if (server) await stopServer(server);
  });

  async function api(method: 'get' | 'post' | 'put', url: string, data?: unknown) {
    const token = (await context.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
    const response = await page.request[method](`${server.baseUrl}${url}`, { headers: { 'X-CSRF-Token': token }, data });
    if (response.status() >= 300) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
    return response.json();
  }

  const sql = async <T = { id: string }>(text: string, values: unknown[]): Promise<T[]> => (await db.query(text, values)).rows as T[];

  async function seed() {
    const [location] = await api('get', '/api/locations');
    const [{ id: organizationId }] = await sql(`SELECT id FROM organizations LIMIT 1`, []);
    const nurse = await api('post', '/api/staff', {
      email: 'nora@harbour.example',
      name: 'Nora Reyes',
      role: 'nurse',
      password: 'nurse password 12345',
      credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-100200', jurisdiction: 'NY', expiresOn: '2099-12-31' }],
    });
    await api('put', `/api/staff/${nurse.id}/working-hours`, { locationId: location.id, blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startsAt: '09:00', endsAt: '17:00' })) });
    const patients: string[] = [];
    for (const [i, name] of ['Ava', 'Ben', 'Cleo', 'Dan', 'Eve', 'Finn', 'Gia', 'Hal'].entries()) {
      patients.push((await api('post', '/api/patients', { firstName: name, lastName: 'Report', dateOfBirth: `198${i}-03-1${i}` })).id);
    }
    const [device] = await sql(`INSERT INTO devices (organization_id, location_id, model, serial_number) VALUES ($1, $2, 'SkinPen Precision', 'SN-REPORTS-1') RETURNING id`, [
      organizationId,
      location.id,
    ]);

    // The stock ledger: lot A1 of the 14-pin cartridge, 20 received, 3 used in three sessions (below, while they are
    // open: the ledger refuses a signed one), 2 dropped; lot SOON1 of
    // the 12-pin cartridge, 4 on the shelf, expiring in 30 days.
    const product = async (name: string, needleCount: number) => {
      const body = `0081234${String(Date.now()).slice(-6)}`;
      const created = await api('post', '/api/products', { manufacturer: 'Crown Aesthetics', name, gtin: `${body}${gtinCheckDigit(body)}`, kind: 'needle_cartridge', needleCount });
      await new Promise((r) => setTimeout(r, 5)); // a different GTIN for the next one
      return created.id as string;
    };
    const lot = async (productId: string, lotNumber: string, expiresOn: string) =>
      (await sql(`INSERT INTO lots (organization_id, product_id, lot_number, expires_on) VALUES ($1, $2, $3, $4) RETURNING id`, [organizationId, productId, lotNumber, expiresOn]))[0].id;
    const movement = (m: { lotId: string; type: 'received' | 'used' | 'wasted'; quantity: number; on: string; sessionId?: string; reason?: string }) =>
      sql(
        `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, reason, treatment_session_id, occurred_on, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [organizationId, m.lotId, location.id, m.type, m.quantity, m.reason ?? null, m.sessionId ?? null, m.on, nurse.id],
      );
    const a1 = await lot(await product('SkinPen cartridge 14-pin', 14), 'A1', addMonths(TODAY, 12));
    const soon = await lot(await product('SkinPen cartridge 12-pin', 12), 'SOON1', day(30));
    await movement({ lotId: a1, type: 'received', quantity: 20, on: day(-200) });
    await movement({ lotId: soon, type: 'received', quantity: 4, on: day(-200) });
    await movement({ lotId: a1, type: 'wasted', quantity: 2, on: day(-50), reason: 'dropped' });

    /** A signed session at one depth on a day, and the patient's Goodman & Baron scores: baseline the day before, the last later. */
    const course = async (patientId: string, depthMm: number, baseline: number, last: number, cartridgeLotId?: string) => {
      const [session] = await sql(
        `INSERT INTO treatment_sessions (organization_id, patient_id, location_id, practitioner_id, walk_in_reason, device_id, procedure_kind,
                                         max_depth_mm, performed_on, created_by, indication)
         VALUES ($1, $2, $3, $4, 'report seed', $5, $6, $7, $8, $4, 'acne_scars') RETURNING id`,
        [organizationId, patientId, location.id, nurse.id, device.id, depthMm >= 0.5 ? 'medical' : 'cosmetic', depthMm, day(-100)],
      );
      await sql(`INSERT INTO treatment_session_zones (organization_id, session_id, zone, depth_mm, passes, position) VALUES ($1, $2, 'cheeks', $3, 2, 0) RETURNING session_id AS id`, [
        organizationId,
        session.id,
        depthMm,
      ]);
      if (cartridgeLotId) await movement({ lotId: cartridgeLotId, type: 'used', quantity: 1, on: day(-100), sessionId: session.id });
      await sql(`UPDATE treatment_sessions SET status = 'signed', signed_by = practitioner_id, signed_at = now() WHERE id = $1 RETURNING id`, [session.id]);
      for (const [on, score] of [
        [day(-101), baseline],
        [day(-30), last],
      ] as const) {
        await sql(
          `INSERT INTO outcome_assessments (organization_id, patient_id, scale, scale_version, score, assessed_on, assessor_id, method)
           VALUES ($1, $2, 'goodman_baron_quantitative', 'Goodman & Baron 2006', $3, $4, $5, NULL) RETURNING id`,
          [organizationId, patientId, score, on, nurse.id],
        );
      }
      return session.id;
    };
    // 0.5–1.0 mm: five patients, 20 → 10, 15, 16, 18, 20 (improvement 50, 25, 20, 10, 0 %): median 20, quartiles 10 and 25.
    const medical: string[] = [];
    for (const [i, last] of [10, 15, 16, 18, 20].entries()) medical.push(await course(patients[i], i === 0 ? 0.75 : 0.5, 20, last, i < 3 ? a1 : undefined));
    // Two adverse events (erythema) after the first two 0.5–1.0 mm sessions: 2 in 8 signed sessions, 25 per 100.
    for (const [i, sessionId] of medical.slice(0, 2).entries()) {
      await sql(
        `INSERT INTO adverse_events (organization_id, session_id, patient_id, type, onset_on, description, outcome, recorded_by)
         VALUES ($1, $2, $3, 'erythema', $4, 'Redness for three days', 'resolved', $5) RETURNING id`,
        [organizationId, sessionId, patients[i], day(-99), nurse.id],
      );
    }
    // Below 0.5 mm: two patients, 20 → 19 and 18 (5 and 10 %): too few to compare.
    await course(patients[5], 0.25, 20, 19);
    await course(patients[6], 0.25, 20, 18);
    // 2.0–2.5 mm: one patient, worse after (20 → 24): −20 %.
    await course(patients[7], 2.5, 20, 24);

    // Appointments with Nora: three completed, one missed, one cancelled late by the patient.
    const service = await api('post', '/api/services', { name: 'Medical needling', durationMin: 60, bufferMin: 0, procedureKind: 'medical_needling', consentKinds: ['medical_needling'] });
    const room = await api('post', '/api/rooms', { locationId: location.id, name: 'Room 1' });
    const book = (patientId: string, on: string, status: string, cancelled = false) =>
      sql(
        `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until,
                                   status, cancel_reason, cancelled_by, late_cancellation, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, 'staff') RETURNING id`,
        [organizationId, location.id, patientId, service.id, nurse.id, room.id, at(on, 15), at(on, 16), status, cancelled ? 'Patient unwell' : null, cancelled ? 'patient' : null, cancelled],
      );
    await book(patients[0], day(-40), 'completed');
    await book(patients[1], day(-39), 'completed');
    await book(patients[2], day(-38), 'completed');
    await book(patients[3], day(-37), 'no_show');
    await book(patients[4], day(-36), 'cancelled', true);
    // Next week: Finn's medical needling, with neither the consent nor a medical history on file.
    await book(patients[5], day(3), 'booked');
  }

  /** The texts of a table row's cells (header cell first), by the row's first cell. */
  async function rowCells(testId: string, first: string): Promise<string[]> {
    const row = page.getByTestId(testId).locator('tr').filter({ has: page.getByRole('rowheader', { name: first, exact: true }) });
    await row.waitFor();
    return row.locator('th, td').allInnerTexts();
  }

  /** Waits for the charts (their code loads after the page), checks with axe, keeps the screen at desktop and tablet width. */
  async function documentScreen(name: string, drawn = '[data-testid="report-chart"] svg.recharts-surface') {
    await page.locator(drawn).first().waitFor();
    await page.waitForTimeout(300);
    await expectNoSeriousA11yViolations(page, name);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    fs.copyFileSync(await screenshot(page, name), path.join(SCREENSHOTS, `${name}.png`));
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.waitForTimeout(400);
    await expectNoSeriousA11yViolations(page, `${name} (tablet)`);
    fs.copyFileSync(await screenshot(page, `${name}-tablet`), path.join(SCREENSHOTS, `${name}-tablet.png`));
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  async function downloadCsv(): Promise<{ name: string; text: string }> {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const file = await download;
    const text = fs.readFileSync(await file.path(), 'utf8');
    return { name: file.suggestedFilename(), text };
  }

  it('opens from the navigation on the last 12 months and shows outcomes by depth as in the seed', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const from = FROM;
    await expect(page.getByRole('textbox', { name: 'From', exact: true }).inputValue()).resolves.toBe(from);
    await expect(page.getByRole('textbox', { name: 'To', exact: true }).inputValue()).resolves.toBe(TODAY);
    await page.getByRole('tab', { name: 'Outcomes by depth', selected: true }).waitFor();
    await page.getByTestId('outcomes-table').waitFor();

    await expect(rowCells('outcomes-table', '0.5–1.0 mm')).resolves.toEqual(['0.5–1.0 mm', 'Medical', '5', '5', '10', '+10 %', '+20 %', '+25 %', 'Comparable']);
    await expect(rowCells('outcomes-table', '<0.5 mm')).resolves.toEqual(['<0.5 mm', 'Cosmetic', '2', '2', '4', '+6.3 %', '+7.5 %', '+8.8 %', 'Too few to compare']);
    await expect(rowCells('outcomes-table', '1.0–1.5 mm')).resolves.toEqual(['1.0–1.5 mm', 'Medical', '0', '0', '0', '—', '—', '—', 'Too few to compare']);
    await expect(rowCells('outcomes-table', '2.0–2.5 mm')).resolves.toEqual(['2.0–2.5 mm', 'Medical', '1', '1', '2', '−20 %', '−20 %', '−20 %', 'Too few to compare']);
    await page.getByText('Improvement shown as positive.', { exact: false }).waitFor();
    // The chart is named and summarised for assistive technology; its drawing is hidden, the table has the numbers.
    const figure = page.getByRole('figure', { name: /Improvement from baseline by deepest depth/ });
    await expect(figure.getAttribute('aria-describedby')).resolves.toBeTruthy();
    await figure.getByText('Median improvement from baseline: 0.5–1.0 mm +20 %. Too few to compare: <0.5 mm', { exact: false }).waitFor();
    await documentScreen('reports-outcomes');

    const csv = await downloadCsv();
    expect(csv.name).toBe(`outcomes-by-depth_goodman_baron_quantitative_${from}_${TODAY}.csv`);
    expect(csv.text).toMatch(/0\.5–1\.0/);
  });

  it('shows cartridges used and wasted per product and the lot expiring within 60 days', async () => {
    await page.getByRole('tab', { name: 'Cartridges' }).click();
    await page.getByTestId('cartridges-table').waitFor();
    await expect(rowCells('cartridges-table', 'SkinPen cartridge 14-pin')).resolves.toEqual([
      'SkinPen cartridge 14-pin', '20', '3', '2', '2 dropped', '40 %', '0', '15', '3', '1',
    ]);
    await expect(rowCells('expiring-lots-table', 'SOON1')).resolves.toEqual(['SOON1', 'SkinPen cartridge 12-pin', expect.stringContaining('(in 30 days)'), '4']);
    await documentScreen('reports-cartridges');

    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Lot$/ }).click();
    await expect(rowCells('cartridges-table', 'A1 · SkinPen cartridge 14-pin')).resolves.toEqual([
      'A1 · SkinPen cartridge 14-pin', '20', '3', '2', '2 dropped', '40 %', '0', '15', '3', '1',
    ]);
    const csv = await downloadCsv();
    expect(csv.name).toMatch(/^cartridges.*\.csv$/);
    expect(csv.text).toContain('A1');

    // Per month: every month of the range in order; the uses (100 days ago) and the waste (50 days ago) in theirs.
    const cartridgesPerMonth = page.waitForResponse((r) => r.url().includes('/api/reports/cartridges?') && r.url().includes('groupBy=month'));
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Month$/ }).click();
    await cartridgesPerMonth;
    await page.getByTestId('cartridges-table').getByRole('rowheader', { name: MONTHS[0].label, exact: true }).waitFor();
    const monthRows = page.getByTestId('cartridges-table').locator('tbody tr');
    await expect(monthRows.locator('th').allInnerTexts()).resolves.toEqual(MONTHS.map((m) => m.label));
    await expect(rowCells('cartridges-table', monthOf(day(-200)))).resolves.toEqual([monthOf(day(-200)), '24', '0', '0', '—', '—', '—', '—', '0', '—']);
    await expect(rowCells('cartridges-table', monthOf(day(-100)))).resolves.toEqual([monthOf(day(-100)), '0', '3', '0', '—', '0 %', '—', '—', '3', '1']);
    await expect(rowCells('cartridges-table', monthOf(day(-50)))).resolves.toEqual([monthOf(day(-50)), '0', '0', '2', '2 dropped', '100 %', '—', '—', '0', '—']);
    await documentScreen('reports-cartridges-month');
    const perMonth = await downloadCsv();
    expect(perMonth.name).toBe(`cartridges-by-month_${FROM}_${TODAY}.csv`);
    expect(perMonth.text).toContain(monthOf(day(-100)));
  });

  it('shows appointments, no-shows and the total per practitioner', async () => {
    await page.getByRole('tab', { name: 'Appointments' }).click();
    await page.getByTestId('appointments-table').waitFor();
    const nora = await rowCells('appointments-table', 'Nora Reyes');
    // Booked, completed, cancelled, of them late (Late), no-shows, no-show rate, booked time (cancelled time given back).
    expect(nora.slice(0, 8)).toEqual(['Nora Reyes', '5', '3', '1', '1', '1', '25 %', '4 h']);
    const total = await rowCells('appointments-table', 'Total');
    expect(total.slice(0, 8)).toEqual(['Total', '5', '3', '1', '1', '1', '25 %', '4 h']);
    await documentScreen('reports-appointments');
    const csv = await downloadCsv();
    expect(csv.name).toMatch(/^appointments.*\.csv$/);
    expect(csv.text).toContain('Nora Reyes');
  });

  it('shows the no-show trend per month and utilisation by weekday and hour', async () => {
    await page.getByRole('tab', { name: 'Appointments' }).click();
    const appointmentsPerMonth = page.waitForResponse((r) => r.url().includes('/api/reports/appointments?') && r.url().includes('groupBy=month'));
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Month$/ }).click();
    await appointmentsPerMonth;
    await page.getByTestId('appointments-table').getByRole('rowheader', { name: MONTHS[0].label, exact: true }).waitFor();
    const monthRows = page.getByTestId('appointments-table').locator('tbody tr');
    await expect(monthRows.locator('th').allInnerTexts()).resolves.toEqual(MONTHS.map((m) => m.label));
    // The seed's five appointments, 40 to 36 days ago: completed ×3, a no-show, a late cancellation.
    const seeded: [string, 'completed' | 'no_show' | 'cancelled'][] = [
      [day(-40), 'completed'],
      [day(-39), 'completed'],
      [day(-38), 'completed'],
      [day(-37), 'no_show'],
      [day(-36), 'cancelled'],
    ];
    for (const month of new Set(seeded.map(([on]) => monthOf(on)))) {
      const inMonth = seeded.filter(([on]) => monthOf(on) === month).map(([, status]) => status);
      const count = (status: string) => inMonth.filter((s) => s === status).length;
      const due = count('completed') + count('no_show');
      const rate = due === 0 ? '—' : `${Math.round((count('no_show') / due) * 1000) / 10} %`;
      const cells = await rowCells('appointments-table', month);
      expect(cells.slice(0, 7)).toEqual([month, String(inMonth.length), String(count('completed')), String(count('cancelled')), String(count('cancelled')), String(count('no_show')), rate]);
    }
    await documentScreen('reports-appointments-trend');
    const trendCsv = await downloadCsv();
    expect(trendCsv.name).toBe(`appointments-by-month_${FROM}_${TODAY}.csv`);

    // Nora works Monday to Friday 09:00–17:00: 40 hours of the week, each a cell and a row of the table.
    const perHour = page.waitForResponse((r) => r.url().includes('/api/reports/appointments?') && r.url().includes('groupBy=weekdayHour'));
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Weekday × hour$/ }).click();
    await perHour;
    await page.getByTestId('utilisation-heat-map').waitFor();
    await page.getByTestId('appointments-table').getByRole('rowheader', { name: 'Mon 09:00', exact: true }).waitFor();
    const noraHours = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].flatMap((d) => [9, 10, 11, 12, 13, 14, 15, 16].map((h) => `${d} ${String(h).padStart(2, '0')}:00`));
    await expect(page.getByTestId('appointments-table').locator('tbody tr th').allInnerTexts()).resolves.toEqual(expect.arrayContaining(noraHours));
    await expect(rowCells('appointments-table', 'Mon 09:00')).resolves.toEqual(expect.arrayContaining(['Mon 09:00']));
    await expect(page.getByTestId('utilisation-heat-map').getByText('Wednesday', { exact: true }).isVisible()).resolves.toBe(true);
    await documentScreen('reports-appointments-heatmap', '[data-testid="utilisation-heat-map"]');
    const heatCsv = await downloadCsv();
    expect(heatCsv.name).toBe(`appointments-by-weekdayHour_${FROM}_${TODAY}.csv`);
    expect(heatCsv.text).toContain('Fri 16:00');
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Practitioner$/ }).click();
  });

  it('shows safety signals: adverse events per 100 sessions by type and depth', async () => {
    await page.getByRole('tab', { name: 'Safety' }).click();
    await page.getByTestId('safety-by-type').waitFor();
    await expect(rowCells('safety-by-type', 'Erythema (prolonged redness)')).resolves.toEqual(['Erythema (prolonged redness)', '8', '2', '25']);
    const band = await rowCells('safety-by-depth', (await page.getByTestId('safety-by-depth').getByRole('rowheader').filter({ hasText: '0.5–1.0' }).innerText()).trim());
    expect(band.slice(1)).toEqual(['5', '2', '40']);
    await documentScreen('reports-safety');
    const csv = await downloadCsv();
    expect(csv.name).toMatch(/^safety.*\.csv$/);
  });

  it('shows consent coverage: next week’s visit missing its consent and history', async () => {
    await page.getByRole('tab', { name: 'Consent coverage' }).click();
    await page.getByTestId('not-ready-table').waitFor();
    const row = page.getByTestId('not-ready-table').locator('tbody tr').filter({ hasText: 'Finn Report' });
    await row.getByText('Medical needling', { exact: true }).waitFor();
    await row.getByText(/Medical micro-needling consent; No medical history/).waitFor();
    await documentScreen('reports-consents');
    const csv = await downloadCsv();
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text).toContain('Finn');
  });

  it('prints the report shown and its tables, without the navigation and the pickers', async () => {
    await page.getByRole('tab', { name: 'Outcomes by depth' }).click();
    await page.locator('[data-testid="report-chart"] svg.recharts-surface').first().waitFor();
    await page.mouse.move(0, 0);
    await page.emulateMedia({ media: 'print' });
    try {
      await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(false);
      await expect(page.getByRole('search', { name: 'Report filters' }).isVisible()).resolves.toBe(false);
      await expect(page.getByRole('link', { name: 'Download CSV' }).isVisible()).resolves.toBe(false);
      await expect(page.getByTestId('outcomes-table').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('tablist').isVisible()).resolves.toBe(false);
      const file = await screenshot(page, 'reports-print');
      fs.copyFileSync(file, path.join(SCREENSHOTS, 'reports-print.png'));
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
