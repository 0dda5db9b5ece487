import { addDays, emptyMedicalHistory, isoDateInTimeZone, localTimeToInstant } from '@skinledger/domain';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { apiAs, documentScreen } from './support/charting';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, type RunningServer } from './support/server';
import { signIn } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

const CLINIC_TIME_ZONE = 'America/New_York';
const NURSE = { name: 'Nora Reyes', email: 'nora@harbour.example', password: 'copper lantern ward 1' };
const DESK = { name: 'Tom Alvarez', email: 'tom@harbour.example', password: 'maple tram orbit 42' };
/** A drawn signature as signature_pad's toSVG() gives it. */
const SIGNATURE = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100"><path d="M 10 80 C 60 10, 90 10, 140 60 S 220 90, 280 20 L 282 24 C 220 95, 150 70, 138 64 C 90 16, 62 16, 12 84 Z" fill="rgb(0,0,0)"/></svg>',
).toString('base64')}`;

/**
 * Issue 16, pre-visit forms: the front desk sends a staff-booked patient her forms from the appointment drawer; she
 * (through the public API, as the booking pages will) fills in her history (an isotretinoin dose too recent: she is
 * told the treatment must wait) and signs her consent at home; back in the drawer the desk sees the patient-reported
 * history to review and the consent signed remotely, and witnesses it with her at check-in.
 */
describe('pre-visit forms: send forms, fill in and sign at home, review and witness at check-in', () => {
  let server: RunningServer;
  let browser: Browser;
  let desk: Page;
  let owner: Page;
  let appointmentId: string;

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
    const service = await api.post('/api/services', { name: 'Cosmetic needling', durationMin: 60, bufferMin: 15, procedureKind: 'cosmetic_needling', consentKinds: ['cosmetic_needling'] });
    const room = await api.post('/api/rooms', { locationId: location.id, name: 'Room 1' });
    const patientId = (await api.post('/api/patients', { firstName: 'Elena', lastName: 'Marsh', dateOfBirth: '1988-04-02', sex: 'female', fitzpatrickType: 2, email: 'elena@example.com' })).id;
    // Tomorrow at 10:00 in New York: a visit still to come.
    const startsAt = localTimeToInstant(addDays(today, 1), 10 * 60, CLINIC_TIME_ZONE).toISOString();
    appointmentId = (await api.post('/api/appointments', { patientId, serviceId: service.id, practitionerId: nurse.id, roomId: room.id, locationId: location.id, startsAt })).id;
    desk = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await desk.goto(`${server.baseUrl}/login`);
    await signIn(desk, DESK.email, DESK.password);
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  const drawer = () => desk.getByRole('dialog', { name: 'Elena Marsh' });

  it('sends the forms from the drawer; she fills them in and signs at home; the desk reviews and witnesses at check-in', async () => {
    await desk.goto(`${server.baseUrl}/schedule?appointment=${appointmentId}`);
    await drawer().getByRole('button', { name: 'Send forms' }).click();
    await drawer().getByRole('status').filter({ hasText: 'Forms sent to elena@example.com (1 consent to sign).' }).waitFor();
    await desk.waitForTimeout(400); // the drawer's slide-in
    await expectNoSeriousA11yViolations(desk, 'appointment drawer: forms sent');

    // The e-mail in the outbox carries her link (the outbox is the owner's to read).
    const outbox = (await apiAs(owner, server.baseUrl).get('/api/outbound-messages')) as { items: { kind: string; body: string }[] };
    const email = outbox.items.find((m) => m.kind === 'forms_request');
    const key = /\/book\/manage\/([A-Za-z0-9_-]{43})\/forms/.exec(email?.body ?? '')?.[1];
    expect(key).toBeDefined();

    // At home: her forms, her history (isotretinoin two months ago), her signature.
    const link = `${server.baseUrl}/api/public/appointments/${key}`;
    const forms = await (await fetch(`${link}/forms`)).json();
    expect(forms.consents).toHaveLength(1);
    const lastDose = addDays(isoDateInTimeZone(new Date(), CLINIC_TIME_ZONE), -60);
    const history = await fetch(`${link}/medical-history`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...emptyMedicalHistory(), isotretinoinLastDoseOn: lastDose }),
    });
    expect(history.status).toBe(200);
    expect((await history.json()).message).toMatch(/has to wait/);
    const [consent] = forms.consents;
    const signed = await fetch(`${link}/consents/${consent.id}/sign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (iPhone) pre-visit e2e' },
      body: JSON.stringify({
        signerName: 'Elena Marsh',
        dateOfBirth: '1988-04-02',
        acknowledgements: consent.acknowledgements.map((a: { key: string }) => a.key),
        signature: SIGNATURE,
        electronicSignatureConsent: true,
      }),
    });
    expect(signed.status).toBe(200);

    // Back at the desk: the history to review, the contraindication (summarised for the front desk), the consent signed remotely.
    await desk.reload();
    await drawer().getByText('Patient-reported history to review').waitFor();
    await drawer().getByRole('region', { name: 'Signed remotely' }).getByText(`${consent.title} — to witness at check-in`).waitFor();
    await desk.waitForTimeout(400);
    await expectNoSeriousA11yViolations(desk, 'appointment drawer: patient-reported history, consent signed remotely');
    await documentScreen(desk, 'visit-drawer-pre-visit-forms', true);

    await drawer().getByRole('button', { name: `Witness “${consent.title}”` }).click();
    const witness = desk.getByRole('dialog', { name: 'Witness a signature made at home' });
    await witness.getByLabel(`Password of ${DESK.name}`).fill(DESK.password);
    await witness.getByRole('button', { name: 'Witness' }).click();
    await drawer().getByText(`${consent.title} — witnessed`).waitFor();
    await expectNoSeriousA11yViolations(desk, 'appointment drawer: remote signature witnessed');
  });
});
