import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, screenshot } from './support/browser';
import { DEFAULT_OWNER, setUpClinic, startServer, stopServer, type RunningServer } from './support/server';
import { signIn } from './support/session';

/**
 * A front-desk PC or kiosk tablet opens the dashboard by the server's LAN address over plain HTTP. The server listens
 * on 127.0.0.2, and the browser also reaches it by a LAN-style host name (mapped to 127.0.0.2), an origin the browser
 * does not treat as secure: with `upgrade-insecure-requests` in the CSP every asset would be fetched over https and
 * the page would stay blank.
 */
describe('the dashboard over plain HTTP from another address', () => {
  const LAN_HOST = 'skinledger.clinic.test';
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ host: '127.0.0.2' });
    await setUpClinic(server.baseUrl);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.2`],
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  it('sends no upgrade-insecure-requests and no Strict-Transport-Security over plain HTTP', async () => {
    // The page's CSP (the API's answers load nothing at all: default-src 'none').
    for (const [path, defaultSrc] of [['/', "default-src 'self'"], ['/api/health', "default-src 'none'"]]) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain(defaultSrc);
      expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it.each([
    ['the IP address', () => server.baseUrl],
    ['a LAN host name', () => server.baseUrl.replace('127.0.0.2', LAN_HOST)],
  ])('shows the login page by %s and signs in', async (_name, address) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    try {
      await page.goto(address());
      expect(new URL(page.url()).protocol).toBe('http:');
      await signIn(page, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
      expect(failed.filter((url) => url.startsWith('https:'))).toEqual([]);
    } catch (error) {
      await screenshot(page, `plain-http-lan-${new URL(address()).hostname}`);
      throw error;
    } finally {
      await context.close();
    }
  });
});
