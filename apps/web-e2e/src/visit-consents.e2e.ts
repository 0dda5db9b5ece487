import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { addDays, isoDateInTimeZone, localTimeToInstant } from '@skinledger/domain';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { apiAs, documentScreen } from './support/charting';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, WORKSPACE, type RunningServer } from './support/server';
import { signIn } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

const CLINIC_TIME_ZONE = 'America/New_York';
const NURSE = { name: 'Nora Reyes', email: 'nora@harbour.example', password: 'copper lantern ward 1' };
const DESK = { name: 'Tom Alvarez', email: 'tom@harbour.example', password: 'maple tram orbit 42' };
const SERVICE = 'Acne-scar needling (medical)';
const FORMS = ['Consent to medical micro-needling', 'Consent to topical anaesthetic', 'Consent to clinical photography'];

interface ConsentSeen {
  id: string;
  title: string;
  status: string;
  practitionerName: string;
  createdByName: string;
  witnessName: string | null;
  appointment: { id: string } | null;
}

/** Draws a signature on the kiosk's pad with the pointer: a wave and a stroke across it. */
async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 30 + i * 14, box.y + box.height * (0.7 - 0.4 * Math.sin(i / 3)), { steps: 2 });
  await page.mouse.up();
  await page.mouse.move(box.x + 100, box.y + box.height * 0.45);
  await page.mouse.down();
  await page.mouse.move(box.x + 240, box.y + box.height * 0.55, { steps: 8 });
  await page.mouse.up();
}

/**
 * Issue 13, the visit consent bundle: the front desk opens a medical-needling appointment's check-in drawer, sees the
 * three missing consents and the missing medical history, records the history in place, then "Prepare and hand over"
 * opens ONE kiosk session in which the patient signs all three forms (each read, ticked, agreed to sign electronically,
 * typed and signed), and ONE witness step (one password) witnesses them all. Back in the drawer the visit is ready;
 * the consents name the nurse (the appointment's practitioner), not the front desk, and so does the signed PDF.
 */
describe('visit consents: one kiosk session and one witness for every missing consent', () => {
  let server: RunningServer;
  let browser: Browser;
  let desk: Page;
  let patientId: string;
  let appointmentId: string;

  beforeAll(async () => {
    server = await startServer();
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    const owner = await browser.newPage({ locale: 'en-US' });
    await owner.goto(`${server.baseUrl}/login`);
    await signIn(owner, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    const api = apiAs(owner, server.baseUrl);
    const today = isoDateInTimeZone(new Date(), CLINIC_TIME_ZONE);
    const [location] = (await api.get('/api/locations')) as { id: string }[];
    const nurse = await api.post('/api/staff', {
      ...NURSE,
      role: 'nurse',
      defaultLocationId: location.id,
      credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-100200', jurisdiction: 'NY', expiresOn: addDays(today, 365) }],
    });
    await api.post('/api/staff', { ...DESK, role: 'front_desk', defaultLocationId: location.id });
    await api.put(`/api/staff/${nurse.id}/working-hours`, {
      locationId: location.id,
      blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: '07:00', endsAt: '20:00' })),
    });
    const service = await api.post('/api/services', {
      name: SERVICE,
      durationMin: 60,
      bufferMin: 15,
      procedureKind: 'medical_needling',
      consentKinds: ['medical_needling', 'topical_anesthetic', 'photography'],
    });
    const room = await api.post('/api/rooms', { locationId: location.id, name: 'Room 1' });
    // No medical history on file yet: the drawer offers to record it.
    patientId = (await api.post('/api/patients', { firstName: 'Elena', lastName: 'Marsh', dateOfBirth: '1988-04-02', sex: 'female', fitzpatrickType: 2 })).id;
    // Today at 10:00 in New York (already past when the suite runs later in the day: consents signed now still count).
    const startsAt = localTimeToInstant(today, 10 * 60, CLINIC_TIME_ZONE).toISOString();
    appointmentId = (await api.post('/api/appointments', { patientId, serviceId: service.id, practitionerId: nurse.id, roomId: room.id, locationId: location.id, startsAt })).id;
    await owner.close();

    desk = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1440, height: 900 }, locale: 'en-US', hasTouch: true });
    await desk.goto(`${server.baseUrl}/login`);
    await signIn(desk, DESK.email, DESK.password);
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  const drawer = () => desk.getByRole('dialog', { name: 'Elena Marsh' });
  const consentsOnFile = async (): Promise<ConsentSeen[]> => (await apiAs(desk, server.baseUrl).get(`/api/patients/${patientId}/consents`)) as ConsentSeen[];

  it('shows what the visit lacks in the check-in drawer and records the medical history in place', async () => {
    await desk.goto(`${server.baseUrl}/schedule`);
    await desk.locator('.rbc-event').getByText(`Elena Marsh · ${SERVICE}`).click();
    const status = drawer().getByRole('alert').filter({ hasText: 'Missing before treatment' });
    for (const kind of ['medical micro-needling', 'topical anesthetic', 'photography']) await status.getByText(`Missing consent: ${kind}`).waitFor();
    await status.getByText('No medical history on file', { exact: false }).waitFor();
    await drawer().getByRole('button', { name: 'Prepare and hand over' }).waitFor();
    await desk.waitForTimeout(400); // the drawer's slide-in
    await expectNoSeriousA11yViolations(desk, 'check-in drawer: consents and medical history missing');
    await documentScreen(desk, 'visit-drawer-missing', true);

    await drawer().getByRole('button', { name: 'Record medical history' }).click();
    const form = desk.getByRole('dialog', { name: 'Medical history: Elena Marsh' });
    await form.getByRole('button', { name: 'Save medical history' }).waitFor();
    await expectNoSeriousA11yViolations(desk, 'medical history questionnaire from the check-in drawer');
    await form.getByRole('button', { name: 'Save medical history' }).click();
    await form.waitFor({ state: 'hidden' });
    await drawer().getByRole('button', { name: 'Record medical history' }).waitFor({ state: 'detached' });
    await expect(drawer().getByText('No medical history on file', { exact: false }).count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(desk, 'check-in drawer: medical history recorded, consents missing');
  });

  it('prepares the three consents and walks the patient through them in one kiosk session', async () => {
    await desk.setViewportSize({ width: 768, height: 1024 });
    await drawer().getByRole('button', { name: 'Prepare and hand over' }).waitFor();
    await expectNoSeriousA11yViolations(desk, 'check-in drawer on a portrait tablet');
    await drawer().getByRole('button', { name: 'Prepare and hand over' }).click();
    await desk.waitForURL(/\/kiosk\/visits\//);
    const progress = desk.getByRole('list', { name: 'Forms to sign' });
    for (const title of FORMS) await progress.getByText(title).waitFor();
    // Only the forms: no way into the dashboard.
    await expect(desk.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);

    for (const [index, title] of FORMS.entries()) {
      await desk.getByRole('heading', { name: `Form ${index + 1} of 3`, level: 1 }).waitFor();
      await desk.getByRole('heading', { name: title, level: 2 }).waitFor();
      const visit = desk.getByRole('region', { name: 'Practitioner and appointment' });
      await visit.getByText(NURSE.name).waitFor();
      await visit.getByText(SERVICE).waitFor();
      await expect(visit.getByText(DESK.name).count()).resolves.toBe(0);
      await desk.getByRole('checkbox', { name: 'I agree to sign electronically' }).waitFor();
      await expectNoSeriousA11yViolations(desk, `visit kiosk: form ${index + 1} of 3 to sign`);
      if (index === 0) {
        // The staff's way out (password) is a dialog over the kiosk; closed again without leaving.
        await desk.getByRole('button', { name: 'Staff: leave kiosk' }).click();
        const leave = desk.getByRole('dialog', { name: 'Leave the signing kiosk' });
        await leave.getByLabel(`Password of ${DESK.name}`).waitFor();
        await expectNoSeriousA11yViolations(desk, 'visit kiosk: staff leave dialog');
        await leave.getByRole('button', { name: 'Close' }).click();
        await leave.waitFor({ state: 'hidden' });
      }
      for (const box of await desk.getByRole('checkbox').all()) await box.check();
      await desk.getByLabel('Your full name').fill('Elena Marsh');
      await drawSignature(desk);
      const label = index === FORMS.length - 1 ? 'Sign and finish' : 'Sign and continue';
      const sign = desk.getByRole('button', { name: label });
      // Enabled once everything is ticked, typed and drawn.
      await desk.waitForFunction((text) => Array.from(document.querySelectorAll('button')).some((b) => b.textContent?.includes(text) && !b.disabled), label);
      if (index === 0) await expectNoSeriousA11yViolations(desk, 'visit kiosk: form 1 of 3 ticked, typed and signed');
      await sign.click();
      if (index === 0) {
        await desk.getByRole('heading', { name: 'Form 2 of 3', level: 1 }).waitFor();
        await desk.evaluate(() => window.scrollTo(0, 0));
        await documentScreen(desk, 'kiosk-bundle-progress', true);
      }
    }
    await desk.getByText('All 3 consents are signed. Please hand the tablet back to the staff.').waitFor();
    const signed = await consentsOnFile();
    expect(signed.map((c) => c.status)).toEqual(['valid', 'valid', 'valid']);
    expect(signed.every((c) => c.witnessName === null)).toBe(true);
  });

  it('one witness step: a wrong password witnesses none, the right one witnesses all three', async () => {
    await desk.getByRole('heading', { name: 'Staff: witness the signatures' }).waitFor();
    await desk.getByText(`You confirm that you saw Elena Marsh sign these 3 consents`).waitFor();
    await expectNoSeriousA11yViolations(desk, 'visit kiosk: all signed, staff witness step');
    await documentScreen(desk, 'kiosk-bundle-witness', true);
    await desk.getByLabel(`Password of ${DESK.name}`).fill('not my password');
    await desk.getByRole('button', { name: 'Witness all 3 and finish' }).click();
    await desk.getByText(/not the password of/i).waitFor();
    await expectNoSeriousA11yViolations(desk, 'visit kiosk: witness password refused');
    expect((await consentsOnFile()).every((c) => c.witnessName === null)).toBe(true);

    await desk.getByLabel(`Password of ${DESK.name}`).fill(DESK.password);
    await desk.getByRole('button', { name: 'Witness all 3 and finish' }).click();
    await desk.waitForURL(/\/schedule\?appointment=/);
    await drawer().getByText('Ready for treatment').waitFor();
    await drawer().getByText('Every consent the visit needs is on file.').waitFor();
    await expect(drawer().getByRole('button', { name: 'Prepare and hand over' }).count()).resolves.toBe(0);
    await desk.waitForTimeout(400); // the drawer's slide-in
    await expectNoSeriousA11yViolations(desk, 'check-in drawer: ready for treatment, portrait tablet');
    await documentScreen(desk, 'visit-drawer-ready-tablet', true);
    await desk.setViewportSize({ width: 1440, height: 900 });
    await desk.waitForTimeout(400);
    await expectNoSeriousA11yViolations(desk, 'check-in drawer: ready for treatment');
    await documentScreen(desk, 'visit-drawer-ready', true);

    const consents = await consentsOnFile();
    expect(consents).toHaveLength(3);
    for (const consent of consents) {
      expect(consent).toMatchObject({ status: 'valid', practitionerName: NURSE.name, createdByName: DESK.name, witnessName: DESK.name, appointment: { id: appointmentId } });
    }
  });

  it('the signed PDF names the nurse as the treating practitioner and the appointment', async () => {
    const [consent] = (await consentsOnFile()).filter((c) => c.title === FORMS[0]);
    const response = await desk.request.get(`${server.baseUrl}/api/consents/${consent.id}/pdf`);
    expect(response.status()).toBe(200);
    const file = path.join(WORKSPACE, 'apps/web-e2e/artifacts/visit-consent-medical-needling.pdf');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await response.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain(`Practitioner: ${NURSE.name}`);
    expect(text).toContain(`Treating practitioner: ${NURSE.name}`);
    expect(text).toMatch(new RegExp(`Appointment: ${SERVICE.replace(/[()]/g, '\\$&')}, [A-Z][a-z]{2} \\d{1,2}, \\d{4}, 10:00 AM E[SD]T`));
    expect(text).toContain(`Witnessed by: ${DESK.name}`);
    expect(text).not.toMatch(new RegExp(`[Pp]ractitioner: ${DESK.name}`));
  });
});
