import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, type RunningServer } from './support/server';
import { signIn } from './support/session';

interface Loaded {
  name: string;
  /** Bytes of the body as sent (compressed), and once decoded: the browser's Resource Timing figures. */
  encoded: number;
  decoded: number;
  startTime: number;
  responseEnd: number;
}

/** What the page has fetched so far, as the browser's Resource Timing API reports it. */
function loaded(page: Page): Promise<Loaded[]> {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
      name: new URL(entry.name).pathname,
      encoded: entry.encodedBodySize,
      decoded: entry.decodedBodySize,
      startTime: entry.startTime,
      responseEnd: entry.responseEnd,
    })),
  );
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * What a browser downloads on its first visit (issue 15): the sign-in page without the rest of the dashboard, every
 * script compressed, no source map, and the calendar's day asked for together with the session check.
 */
describe('first load: what the browser fetches and when', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    await setUpClinic(server.baseUrl);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  it('opens /login with the sign-in code only, every script brotli-compressed, and serves no source map', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const encodings = new Map<string, string | undefined>();
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') encodings.set(new URL(response.url()).pathname, (await response.allHeaders())['content-encoding']);
    });
    await page.goto(`${server.baseUrl}/login`);
    await page.getByRole('heading', { name: 'Sign in to SkinLedger' }).waitFor();
    await page.waitForLoadState('networkidle');

    const scripts = (await loaded(page)).filter((entry) => entry.name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    expect([...encodings.values()].every((encoding) => encoding === 'br')).toBe(true);
    // None of the signed-in dashboard: the frame, the calendar and its date library, the signature pad, the QR encoder.
    expect(scripts.map((entry) => entry.name).join(' ')).not.toMatch(/AppLayout|SchedulePage|luxon|KioskSigningForm|SignatureCanvas|qrcode|browser-/);
    const encoded = scripts.reduce((sum, entry) => sum + entry.encoded, 0);
    const decoded = scripts.reduce((sum, entry) => sum + entry.decoded, 0);
    process.stdout.write(`/login: ${scripts.length} scripts, ${kb(encoded)} on the wire (brotli), ${kb(decoded)} decoded\n`);
    expect(encoded).toBeLessThan(200_000);

    for (const script of scripts) expect((await page.request.get(`${server.baseUrl}${script.name}.map`)).status()).toBe(404);
    await context.close();
  });

  it("asks for the day's schedule alongside the session check when /schedule is opened again", async () => {
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.goto(`${server.baseUrl}/login`);
    await signIn(page, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
    await page.goto(`${server.baseUrl}/schedule`);
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();

    // The next visit (a new tab, the next morning): nothing cached but what the browser keeps.
    const next = await context.newPage();
    await next.goto(`${server.baseUrl}/schedule`);
    await next.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    await next.waitForLoadState('networkidle');
    const calls = (await loaded(next)).filter((entry) => entry.name.startsWith('/api/'));
    const call = (name: string) => {
      const found = calls.find((entry) => entry.name === name);
      if (!found) throw new Error(`no request for ${name}; requests: ${calls.map((entry) => entry.name).join(', ')}`);
      return found;
    };
    const me = call('/api/auth/me');
    const schedule = call('/api/schedule');
    const locations = call('/api/locations');
    process.stdout.write(
      `/schedule again: ${calls.map((entry) => `${entry.name} ${entry.startTime.toFixed(0)}–${entry.responseEnd.toFixed(0)} ms`).join(', ')}\n`,
    );
    // One tier: the schedule and the locations went out before the session check had answered.
    expect(schedule.startTime).toBeLessThan(me.responseEnd);
    expect(locations.startTime).toBeLessThan(me.responseEnd);
    // And each was asked once: the page used the answers already on their way.
    expect(calls.filter((entry) => entry.name === '/api/schedule')).toHaveLength(1);
    expect(calls.filter((entry) => entry.name === '/api/locations')).toHaveLength(1);
    await context.close();
  });
});
