import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServer, stopServer, type RunningServer } from './support/server';
import { signIn, signOut } from './support/session';
import { A11Y_CONTEXT, expectNoSeriousA11yViolations } from './support/a11y';

/**
 * The first flow a clinic goes through: set up the clinic, sign in as the owner, add a nurse, sign out,
 * sign in as the nurse, and (as the owner again) find both actions in the audit log.
 */
describe('clinic setup, staff and audit log', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const baseUrl = () => server.baseUrl;

  const owner = { name: 'Dr. Maya Okafor', email: 'maya@harbour.example', password: 'harbour owner password' };
  const nurse = { name: 'Dana Whitfield', email: 'dana@harbour.example', password: 'temporary nurse pass' };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ ...A11Y_CONTEXT, viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  it('shows the setup page on an empty database and creates the clinic', async () => {
    await page.goto(baseUrl());
    await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'setup');
    await page.getByLabel('Organization name').fill('Harbour Skin Clinic');
    await page.getByLabel('First location name').fill('Harbour Street');
    await page.getByLabel('Your name').fill(owner.name);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Create clinic' }).click();
    await page.getByRole('heading', { name: 'Sign in to SkinLedger' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'login');
  });

  it('signs the owner in and adds a nurse', async () => {
    const emailField = page.getByLabel('Email');
    if ((await emailField.inputValue()) !== owner.email) await emailField.fill(owner.email);
    await signIn(page, owner.email, owner.password);

    await page.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { name: 'Staff', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'staff list');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Full name').waitFor();
    await expectNoSeriousA11yViolations(page, 'add staff member dialog');
    await dialog.getByLabel('Full name').fill(nurse.name);
    await dialog.getByLabel('Email').fill(nurse.email);
    await dialog.getByRole('textbox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Nurse' }).click();
    await dialog.getByLabel('Temporary password').fill(nurse.password);
    await dialog.getByRole('button', { name: 'Create staff member' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: nurse.name, exact: false }).filter({ hasText: nurse.email }).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'staff list with the nurse');
  });

  it('signs out, and the nurse signs in with the new account and replaces the temporary password', async () => {
    await signOut(page);
    await signIn(page, nurse.email, nurse.password);
    await expect(page.getByRole('link', { name: 'Audit log' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Change password' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'account menu open');
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    await dialog.getByLabel('Current password').waitFor();
    await expectNoSeriousA11yViolations(page, 'change password dialog');
    await dialog.getByLabel('Current password').fill(nurse.password);
    await dialog.getByLabel(/^New password/).fill('quiet lantern morning 2026');
    await dialog.getByLabel('Repeat new password').fill('quiet lantern morning 2026');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await signOut(page);
    await signIn(page, nurse.email, 'quiet lantern morning 2026');
    await signOut(page);
  });

  it('shows the owner both actions in the audit log', async () => {
    await signIn(page, owner.email, owner.password);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    // Sentences with names, not action codes.
    await page.getByTestId('audit-sentence').filter({ hasText: `${owner.name} added ${nurse.name} to the staff (role: Nurse)` }).waitFor();
    await page.getByTestId('audit-sentence').filter({ hasText: `${nurse.name} signed in` }).first().waitFor();
    await page.getByTestId('audit-sentence').filter({ hasText: `${nurse.name} changed their password` }).waitFor();
    await expect(page.getByRole('table').innerText()).resolves.not.toMatch(/\b(auth|staff)\.[a-z_]+/);
    await expectNoSeriousA11yViolations(page, 'audit log');
    await screenshot(page, 'audit-log-after-first-flow');
  });
});
