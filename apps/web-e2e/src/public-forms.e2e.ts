import { addDays, isoDateInTimeZone, localTimeToInstant } from '@skinledger/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';
import { launchBrowser } from './support/browser';
import { apiAs, documentScreen } from './support/charting';
import { DEFAULT_OWNER, queryServerDatabase, setUpClinic, startServer, stopServer, type RunningServer } from './support/server';
import { signIn } from './support/session';

const CLINIC_TIME_ZONE = 'America/New_York';

/**
 * Issue 16, "Done when", the patients' side on a phone-sized Chromium (375×812): a new patient books a consultation
 * (which needs the clinic's photography consent), opens her manage link, fills in her medical history and reads and
 * signs her consent through it, then moves and cancels the appointment — one continuous flow. And a patient booked for
 * medical needling whose history gives an isotretinoin dose inside its window is told plainly that the treatment must
 * wait (and signs her consent with a finger on a touch screen). axe finds nothing at all on each forms view; the database shows what she sent as hers.
 */
describe('public booking: pre-visit forms through the manage link', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: Page;
  let slug: string;
  const PHONE = { width: 375, height: 812 };
  let location: { id: string };
  let nurse: { id: string };
  let needling: { id: string };
  let room: { id: string };

  beforeAll(async () => {
    // Several flows' public requests in a few minutes: the per-IP limit (the API's own tests check it) is raised.
    server = await startServer({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' } });
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
    staff = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await staff.goto(`${server.baseUrl}/login`);
    await signIn(staff, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    const api = apiAs(staff, server.baseUrl);
    [location] = (await api.get('/api/locations')) as { id: string }[];
    nurse = await api.post('/api/staff', {
      email: 'nora@harbour.example',
      name: 'Nora Reyes',
      role: 'nurse',
      password: 'nurse password 12345',
      credentials: [{ licenceType: 'registered_nurse', licenceNumber: 'RN-100200', jurisdiction: 'NY', expiresOn: '2099-12-31' }],
    });
    await api.put(`/api/staff/${nurse.id}/working-hours`, { locationId: location.id, blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: '07:00', endsAt: '20:00' })) });
    room = await api.post('/api/rooms', { locationId: location.id, name: 'Room 1' });
    // The consultation asks the clinic's photography consent (the default form, which asks a staff witness).
    await api.post('/api/services', {
      name: 'Consultation',
      durationMin: 30,
      bufferMin: 0,
      procedureKind: 'consultation',
      consentKinds: ['photography'],
      onlineBooking: 'anyone',
      description: 'Skin assessment, photos and a treatment plan.',
    });
    needling = await api.post('/api/services', { name: 'Medical needling', durationMin: 60, bufferMin: 15, procedureKind: 'medical_needling', consentKinds: ['medical_needling'], onlineBooking: 'existing_patients' });
    const settings = await api.put('/api/settings/online-booking', {
      enabled: true,
      minimumNoticeHours: 2,
      maximumDaysAhead: 60,
      cancellationWindowHours: 24,
      policyText: 'Please cancel or move your appointment at least 24 hours ahead.',
      excludedPractitionerIds: [],
    });
    slug = settings.publicBookingSlug;
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  async function phone(touch = false): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ ...A11Y_CONTEXT, viewport: PHONE, locale: 'en-US', timezoneId: 'America/New_York', hasTouch: touch, isMobile: touch });
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    return { context, page };
  }

  /** A forms view: its heading has the focus, axe finds nothing at all, and a screenshot for a person to look at. */
  async function view(page: Page, name: string, heading: string | RegExp) {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await expectNoSeriousA11yViolations(page, `public forms: ${name}`, { failOn: 'any' });
    await documentScreen(page, `public-forms-${name}`);
  }

  /** Every yes/no question of the questionnaire answered "No" (the radios the API's questions gave). */
  async function answerAllNo(page: Page) {
    const noes = page.locator('input[type="radio"][value="no"]');
    const count = await noes.count();
    expect(count).toBeGreaterThan(10);
    for (let i = 0; i < count; i++) await noes.nth(i).check();
  }

  async function drawSignature(page: Page) {
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('no signature pad');
    await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
    await page.mouse.down();
    for (const [dx, dy] of [[60, -50], [110, 10], [160, -40], [220, 20], [280, -30]]) await page.mouse.move(box.x + 30 + dx, box.y + box.height * 0.7 + dy, { steps: 6 });
    await page.mouse.up();
  }

  /** A signature drawn with a finger: touch events through the DevTools protocol (a touch screen's, not a mouse's). */
  async function drawSignatureByTouch(page: Page) {
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('no signature pad');
    const cdp = await page.context().newCDPSession(page);
    const at = (dx: number, dy: number) => [{ x: box.x + 30 + dx, y: box.y + box.height * 0.6 + dy }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0, 0) });
    for (const [dx, dy] of [[40, -30], [80, 10], [120, -35], [170, 15], [230, -20], [280, 5]]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(dx, dy) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  it('a new patient books a consultation, fills in her history and signs her consent through her link, then moves and cancels it', async () => {
    const { context, page } = await phone();
    await page.goto(`${server.baseUrl}/book?organization=${slug}`);
    await page.getByRole('button', { name: /^Harbour Street/ }).click();
    await page.getByRole('button', { name: /^Consultation/ }).click();
    await page.getByRole('button', { name: /^Any practitioner/ }).click();
    // The last day shown: outside the 24-hour window, so she can still move and cancel it.
    await page.getByRole('list', { name: 'Day', exact: true }).getByRole('button').last().click();
    await page.getByRole('list', { name: /^Free times on/ }).getByRole('button').first().click();
    const amara = { email: 'amara.okafor@example.com', dateOfBirth: '1990-04-02' };
    await page.getByLabel('First name').fill('Amara');
    await page.getByLabel('Last name').fill('Okafor');
    await page.getByLabel('Date of birth').fill(amara.dateOfBirth);
    await page.getByLabel('E-mail').fill(amara.email);
    await page.getByLabel('Phone').fill('(212) 555-0142');
    await page.getByLabel('I accept the clinic’s booking and cancellation policy').check();
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enter the 6-digit code we e-mailed you' }).waitFor();
    const [message] = await queryServerDatabase<{ body: string }>(server, `SELECT body FROM outbound_messages WHERE kind = 'booking_code' AND recipient = $1`, [amara.email]);
    await page.getByLabel('6-digit code', { exact: true }).fill(/\b(\d{6})\b/.exec(message.body)?.[1] ?? '');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { level: 1, name: 'You’re booked' }).waitFor();
    const href = (await page.getByRole('link', { name: 'Manage your appointment' }).getAttribute('href')) ?? '';

    // Her manage link: "Before your visit" lists her history and the consent, neither done.
    await page.goto(`${server.baseUrl}${href}`);
    await page.getByRole('heading', { level: 2, name: 'Before your visit' }).waitFor();
    const historyButton = page.getByRole('button', { name: /^Fill in your medical history/ });
    const consentButton = page.getByRole('button', { name: /^Read and sign: Consent to clinical photography/ });
    await historyButton.filter({ hasText: 'To do' }).waitFor();
    await consentButton.filter({ hasText: 'To do' }).waitFor();
    await view(page, '1-manage', 'Your appointment');

    // The questionnaire, sent empty: the summary lists each unanswered question and takes the focus; a link moves to its field.
    await historyButton.click();
    await view(page, '2-history', 'Your medical history');
    await page.getByRole('group', { name: /^Conditions that mean needling has to wait/ }).waitFor();
    await page.getByRole('button', { name: 'Save my medical history' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Please check these answers' });
    await summary.waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    await expectNoSeriousA11yViolations(page, 'public forms: history with errors', { failOn: 'any' });
    await documentScreen(page, 'public-forms-2-history-errors', true);
    await summary.getByRole('link', { name: 'Pregnant or breastfeeding: Answer yes or no' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'q-pregnantOrBreastfeeding-yes');
    await answerAllNo(page);
    await page.getByLabel('Current medications').fill('Vitamin D 1000 IU');
    await page.getByLabel('What you are allergic to').fill('Lidocaine');
    expect(await page.getByLabel('What kind of thing it is').inputValue()).toBe('amide_anesthetic');
    await page.getByRole('button', { name: 'Save my medical history' }).click();
    await view(page, '3-history-saved', 'Medical history saved');
    await page.getByRole('button', { name: 'Back to my appointment' }).click();
    await historyButton.filter({ hasText: 'Done' }).waitFor();

    // The consent: its text, the acknowledgements, her name, her date of birth (a wrong one refused on its field), her signature.
    await consentButton.click();
    // The signature pad (signature_pad, loaded with the signing view only) is on screen before the view is checked.
    await page.getByTestId('signature-pad').waitFor();
    await view(page, '4-consent', /^Read and sign: Consent to clinical photography/);
    await page.getByRole('article').getByRole('heading', { level: 2 }).first().waitFor();
    await page.getByRole('button', { name: 'Sign the form' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sign in the signature box' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'public forms: consent with errors', { failOn: 'any' });
    const confirm = page.getByRole('group', { name: 'Please confirm' }).getByRole('checkbox');
    for (let i = 0; i < (await confirm.count()); i++) await confirm.nth(i).check();
    await page.getByLabel('I agree to sign electronically').check();
    await page.getByLabel('Your full name').fill('Amara Okafor');
    await page.getByLabel('Your date of birth').fill('1990-04-03');
    await drawSignature(page);
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await page.getByRole('button', { name: 'Sign the form' }).click();
    const dob = page.getByLabel('Your date of birth');
    await page.getByText('This is not the date of birth the clinic has for you. Check it, or call the clinic.').first().waitFor();
    expect(await dob.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(page, 'public forms: wrong date of birth', { failOn: 'any' });
    // The summary's link takes her to the field, its error below it.
    await page.getByRole('link', { name: /^This is not the date of birth/ }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'date-of-birth');
    await documentScreen(page, 'public-forms-4-consent-wrong-date-of-birth', true);
    await dob.fill(amara.dateOfBirth);
    await page.getByRole('button', { name: 'Sign the form' }).click();
    await page.getByText('Signed — the clinic will witness it at your visit.').waitFor();
    await view(page, '5-consent-signed', 'Consent to clinical photography');
    await page.getByRole('button', { name: 'Back to my appointment' }).click();
    await consentButton.filter({ hasText: 'Signed' }).filter({ hasText: 'The clinic will witness it at your visit' }).waitFor();
    await documentScreen(page, 'public-forms-6-manage-done');

    // In the database: the history is hers (source patient), the consent signed remotely by her, for this visit.
    const [history] = await queryServerDatabase<{ source: string; recorded_by: string | null; answers: { allergies: unknown; medications: unknown } }>(
      server,
      `SELECT h.source, h.recorded_by, h.answers FROM patient_medical_histories h JOIN patients p ON p.id = h.patient_id WHERE p.email = $1 ORDER BY h.version DESC LIMIT 1`,
      [amara.email],
    );
    expect(history).toMatchObject({ source: 'patient', recorded_by: null });
    expect(history.answers).toMatchObject({ medications: ['Vitamin D 1000 IU'], allergies: [{ substance: 'Lidocaine', class: 'amide_anesthetic' }] });
    const [consent] = await queryServerDatabase<{ signed_remotely: boolean; signer_name: string; signed_at: Date | null; witnessed_at: Date | null; signature: string }>(
      server,
      `SELECT r.signed_remotely, r.signer_name, r.signed_at, r.witnessed_at, r.signature FROM consent_records r JOIN patients p ON p.id = r.patient_id JOIN appointments a ON a.id = r.appointment_id WHERE p.email = $1`,
      [amara.email],
    );
    expect(consent).toMatchObject({ signed_remotely: true, signer_name: 'Amara Okafor', witnessed_at: null });
    expect(consent.signed_at).not.toBeNull();
    expect(consent.signature).toMatch(/^data:image\/png;base64,/);

    // Then she moves it, and then cancels it, through the same link.
    const [before] = await queryServerDatabase<{ id: string; starts_at: Date }>(server, `SELECT a.id, a.starts_at FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE p.email = $1`, [amara.email]);
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose a new time' }).waitFor();
    const days = page.getByRole('list', { name: 'Day', exact: true }).getByRole('button');
    await days.nth((await days.count()) - 2).click();
    await page.getByRole('list', { name: /^Free times on/ }).getByRole('button').first().click();
    await page.getByRole('button', { name: 'Move my appointment' }).click();
    await page.getByRole('status').filter({ hasText: 'Your appointment is moved to' }).waitFor();
    const [moved] = await queryServerDatabase<{ starts_at: Date }>(server, `SELECT starts_at FROM appointments WHERE id = $1`, [before.id]);
    expect(moved.starts_at.getTime()).not.toBe(before.starts_at.getTime());
    // Her forms stay done for the moved visit.
    await historyButton.filter({ hasText: 'Done' }).waitFor();
    await page.getByRole('button', { name: 'Cancel appointment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cancel your appointment' }).waitFor();
    await page.getByRole('button', { name: 'Cancel appointment' }).click();
    await page.getByRole('status').filter({ hasText: 'Your appointment is cancelled' }).waitFor();
    // A cancelled visit has no forms: the section is gone.
    expect(await page.getByRole('heading', { name: 'Before your visit' }).count()).toBe(0);
    const [cancelled] = await queryServerDatabase<{ status: string }>(server, `SELECT status FROM appointments WHERE id = $1`, [before.id]);
    expect(cancelled.status).toBe('cancelled');
    await context.close();
  });

  it('a patient whose history gives an isotretinoin dose inside its window is told plainly that the treatment must wait, and signs her consent with a finger', async () => {
    const api = apiAs(staff, server.baseUrl);
    const today = isoDateInTimeZone(new Date(), CLINIC_TIME_ZONE);
    const patient = await api.post('/api/patients', { firstName: 'Elena', lastName: 'Marsh', dateOfBirth: '1988-04-02', sex: 'female', fitzpatrickType: 2, email: 'elena@example.com' });
    const startsAt = localTimeToInstant(addDays(today, 3), 10 * 60, CLINIC_TIME_ZONE).toISOString();
    const appointment = await api.post('/api/appointments', { patientId: patient.id, serviceId: needling.id, practitionerId: nurse.id, roomId: room.id, locationId: location.id, startsAt });
    await api.post(`/api/appointments/${appointment.id}/send-forms`, {}, 200);
    const [mail] = await queryServerDatabase<{ body: string }>(server, `SELECT body FROM outbound_messages WHERE kind = 'forms_request' AND recipient = $1`, ['elena@example.com']);
    const path = /\/book\/manage\/[A-Za-z0-9_-]{43}\/forms/.exec(mail.body)?.[0];
    expect(path).toBeDefined();

    // The e-mail's link opens her page at "Before your visit".
    const { context, page } = await phone(true);
    await page.goto(`${server.baseUrl}${path}`);
    await page.waitForFunction(() => document.activeElement?.id === 'forms-heading');
    await page.getByRole('button', { name: /^Fill in your medical history/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Your medical history' }).waitFor();
    await answerAllNo(page);
    await page.getByLabel(/^Last dose of oral isotretinoin/).fill(addDays(today, -60));
    await page.getByRole('button', { name: 'Save my medical history' }).click();
    await page.getByRole('heading', { level: 1, name: 'Medical history saved' }).waitFor();
    const notice = page.locator('.notice.wait');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/has to wait/);
    await view(page, '7-history-must-wait', 'Medical history saved');
    const [history] = await queryServerDatabase<{ source: string }>(server, `SELECT source FROM patient_medical_histories WHERE patient_id = $1 ORDER BY version DESC LIMIT 1`, [patient.id]);
    expect(history.source).toBe('patient');

    // Her needling consent, signed with a finger on a touch screen.
    await page.getByRole('button', { name: 'Back to my appointment' }).click();
    await page.getByRole('button', { name: /^Read and sign:/ }).click();
    await page.getByTestId('signature-pad').waitFor();
    const confirm = page.getByRole('group', { name: 'Please confirm' }).getByRole('checkbox');
    for (let i = 0; i < (await confirm.count()); i++) await confirm.nth(i).check();
    await page.getByLabel('I agree to sign electronically').check();
    await page.getByLabel('Your full name').fill('Elena Marsh');
    await page.getByLabel('Your date of birth').fill('1988-04-02');
    await drawSignatureByTouch(page);
    await page.getByRole('button', { name: 'Undo' }).and(page.locator(':enabled')).waitFor();
    await page.getByRole('button', { name: 'Sign the form' }).click();
    await page.getByText('Signed — the clinic will witness it at your visit.').waitFor();
    const [consent] = await queryServerDatabase<{ signed_remotely: boolean; signature: string }>(server, `SELECT signed_remotely, signature FROM consent_records WHERE appointment_id = $1`, [appointment.id]);
    expect(consent.signed_remotely).toBe(true);
    expect(consent.signature).toMatch(/^data:image\/png;base64,/);
    await context.close();
  });
});
