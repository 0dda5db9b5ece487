import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { screenshot } from './browser';
import { WORKSPACE } from './server';

const SCREENSHOTS = path.join(WORKSPACE, 'docs/screenshots');

/** Keeps a documentation screenshot in docs/screenshots: the whole page, or only what the tablet shows (`viewport`). */
export async function documentScreen(page: Page, name: string, viewport = false): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const target = path.join(SCREENSHOTS, `${name}.png`);
  if (viewport) {
    await page.screenshot({ path: target });
    return;
  }
  fs.copyFileSync(await screenshot(page, name), target);
}

/** JSON calls as a signed-in browser context (its cookies, and the CSRF token echoed on writes). */
export function apiAs(page: Page, baseUrl: string) {
  const request: APIRequestContext = page.request;
  const headers = async () => ({ 'X-CSRF-Token': (await page.context().cookies()).find((c) => c.name === 'csrf_token')?.value ?? '' });
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown, expected = method === 'POST' ? 201 : 200) => {
    const response = await request.fetch(`${baseUrl}${url}`, { method, headers: await headers(), ...(data === undefined ? {} : { data }) });
    if (response.status() !== expected) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, data: unknown, expected?: number) => call('POST', url, data, expected),
    put: (url: string, data: unknown) => call('PUT', url, data),
  };
}

/** The face map of the charting screen: tap a zone, step its depth on the device's 0.25 mm settings. */
export function faceMap(page: Page) {
  const zone = (name: string) => page.getByRole('group', { name: 'Face map' }).getByRole('button', { name: new RegExp(`^${name}:`) });
  const depth = () => page.getByTestId('zone-depth');
  return {
    zone,
    /** The depth (or name) printed on a zone, drawn above every zone shape; by zone code, the first for paired zones. */
    label: (code: string) => page.getByRole('group', { name: 'Face map' }).locator(`[data-zone-label="${code}"]`).first(),
    /** Taps the zone's first shape (the patient's right side for paired zones such as the cheeks). */
    tap: (name: string) => zone(name).locator('path').first().tap(),
    async setDepth(target: string): Promise<void> {
      while ((await depth().textContent()) !== target) {
        const current = Number(await depth().textContent());
        await page.getByRole('button', { name: current < Number(target) ? 'Deeper by 0.25 mm' : 'Shallower by 0.25 mm' }).tap();
      }
    },
  };
}
