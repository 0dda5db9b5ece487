import fs from 'node:fs';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, WORKSPACE, type RunningServer } from './support/server';
import { signIn, signOut } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

const SCREENSHOTS = path.join(WORKSPACE, 'docs/screenshots');

/** What the screen shows (not the full page: a modal's overlay and the fixed shell only cover the viewport). */
async function documentScreen(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** The code an authenticator app shows at `timestamp`, computed here from the key the page showed (RFC 6238 defaults). */
function totpCode(secret: string, timestamp = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

async function signInWithPassword(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in to SkinLedger' }).waitFor();
  await page.getByLabel('Email').fill(DEFAULT_OWNER.email);
  await page.getByLabel('Password').fill(DEFAULT_OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Two-step sign-in as the owner does it: the password-strength meter on the change-password form, enrolling an
 * authenticator from the account menu, signing in with password + code, then with a recovery code, and the Security
 * settings where the owner chooses the roles that must use it.
 */
describe('two-step sign-in (TOTP) and password strength', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let secret = '';
  let recoveryCodes: string[] = [];

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

  it('shows the strength of a new password as it is typed, weak then strong', async () => {
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    const meter = dialog.getByTestId('password-strength');
    const label = dialog.getByTestId('password-strength-label');

    await dialog.getByLabel(/^New password/).fill('password1234');
    await meter.waitFor();
    await expect(label.textContent()).resolves.toMatch(/Very weak|Weak/);
    await dialog.getByText('Not a common password').getByText('(not met)').waitFor({ state: 'attached' });

    await dialog.getByLabel(/^New password/).fill('maya harbour 2026');
    await dialog.getByText('Not your name or e-mail').getByText('(not met)').waitFor({ state: 'attached' });

    await dialog.getByLabel(/^New password/).fill('violet kettle drums at noon');
    await page.waitForFunction(() => /^(Strong|Very strong)$/.test(document.querySelector('[data-testid="password-strength-label"]')?.textContent ?? ''));
    await expect(dialog.getByText('(not met)').count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(page, 'change password with the strength meter');
    await documentScreen(page, 'password-strength');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('enrols an authenticator from the account menu and shows the recovery codes once', async () => {
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Set up two-step sign-in' }).click();
    const dialog = page.getByRole('dialog', { name: 'Two-step sign-in' });
    await dialog.getByLabel('Your password').fill(DEFAULT_OWNER.password);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    secret = ((await dialog.getByTestId('totp-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoSeriousA11yViolations(page, 'two-step sign-in enrolment');
    await documentScreen(page, 'mfa-enrolment');

    await dialog.getByLabel('Code from the app').fill(totpCode(secret));
    await dialog.getByRole('button', { name: 'Turn on' }).click();
    await dialog.getByText('Two-step sign-in is on.').waitFor();
    recoveryCodes = (await dialog.getByTestId('recovery-codes').locator('code').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    await expectNoSeriousA11yViolations(page, 'recovery codes');
    await documentScreen(page, 'mfa-recovery-codes');
    await dialog.getByRole('button', { name: 'I have saved them' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Account menu' }).click();
    await expect(page.getByRole('menuitem', { name: 'Set up two-step sign-in' }).count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
  });

  it('signs out, and signing in again asks for the code after the password, then lands in the app', async () => {
    await signOut(page);
    await signInWithPassword(page);
    const code = page.getByLabel('Authentication code');
    await code.waitFor();
    await expectNoSeriousA11yViolations(page, 'sign-in: authentication code');
    await expect(page.getByRole('button', { name: 'Account menu' }).count()).resolves.toBe(0);
    // The code of the next 30-second step: the one used to turn MFA on must not be replayed.
    await code.fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('button', { name: 'Account menu' }).waitFor();
  });

  it('signs in with a recovery code instead, and that code works only once', async () => {
    await signOut(page);
    await signInWithPassword(page);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('button', { name: 'Account menu' }).waitFor();

    await signOut(page);
    await signInWithPassword(page);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').filter({ hasText: 'not correct' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'sign-in: recovery code refused');
    await page.getByLabel('Recovery code').fill(recoveryCodes[1]);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('button', { name: 'Account menu' }).waitFor();
  });

  it('lets the owner choose in Settings → Security which roles must use two-step sign-in', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Security' });
    await section.getByRole('checkbox', { name: 'Owner' }).check();
    await section.getByRole('checkbox', { name: 'Physician' }).check();
    await section.getByRole('button', { name: 'Save security settings' }).click();
    await page.getByText('Two-step sign-in requirements updated.').waitFor();
    await expectNoSeriousA11yViolations(page, 'settings: security saved');
    await section.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await documentScreen(page, 'settings-security');

    const saved = await page.request.get(`${server.baseUrl}/api/settings/security`);
    expect(((await saved.json()) as { mfaRequiredRoles: string[] }).mfaRequiredRoles.sort()).toEqual(['owner', 'physician']);
  });

  it('lets the owner reset two-step sign-in for a staff member who lost their phone', async () => {
    const desk = { name: 'Sam Rivera', email: 'sam@harbour.example', password: 'front desk temporary' };
    const ownerToken = (await page.context().cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
    const created = await page.request.post(`${server.baseUrl}/api/staff`, {
      headers: { 'X-CSRF-Token': ownerToken },
      data: { ...desk, role: 'front_desk' },
    });
    expect(created.status()).toBe(201);

    // Sam enrols through the API from a browser context of their own.
    const samContext = await browser.newContext();
    const sam = samContext.request;
    expect((await sam.post(`${server.baseUrl}/api/auth/login`, { data: { email: desk.email, password: desk.password } })).status()).toBe(200);
    const csrf = { 'X-CSRF-Token': (await samContext.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '' };
    const enrolled = await sam.post(`${server.baseUrl}/api/auth/mfa/totp/enroll`, { headers: csrf, data: { password: desk.password } });
    const samSecret = ((await enrolled.json()) as { secret: string }).secret;
    expect((await sam.post(`${server.baseUrl}/api/auth/mfa/totp/activate`, { headers: csrf, data: { code: totpCode(samSecret) } })).status()).toBe(200);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('button', { name: `Edit ${desk.name}` }).click();
    const drawer = page.getByRole('dialog', { name: `Edit ${desk.name}` });
    await expect(drawer.getByTestId('staff-mfa-status').textContent()).resolves.toBe('On');
    await expectNoSeriousA11yViolations(page, 'edit staff member drawer');
    await drawer.getByRole('button', { name: 'Reset two-step sign-in' }).click();
    const confirm = page.getByRole('dialog', { name: `Reset two-step sign-in for ${desk.name}?` });
    await confirm.waitFor();
    await expectNoSeriousA11yViolations(page, 'confirm two-step sign-in reset');
    await confirm.getByRole('button', { name: 'Reset and sign them out' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('Two-step sign-in reset').waitFor();
    await expect(drawer.getByTestId('staff-mfa-status').textContent()).resolves.toBe('Off');
    await expect(drawer.getByRole('button', { name: 'Reset two-step sign-in' }).count()).resolves.toBe(0);

    // Their session ended; the password alone signs them in again.
    expect((await sam.get(`${server.baseUrl}/api/auth/me`)).status()).toBe(401);
    expect((await sam.post(`${server.baseUrl}/api/auth/login`, { data: { email: desk.email, password: desk.password } })).status()).toBe(200);
    await samContext.close();
  });
});
