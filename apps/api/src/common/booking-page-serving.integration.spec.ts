import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../../test/test-app';

/** The patients' booking pages (issue 16): their own HTML, no session needed, the CSP kept; framable only at /book. */
describe('serving the public booking pages', () => {
  let app: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-book-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>SkinLedger</title><div id="root"></div>');
    fs.writeFileSync(path.join(webDir, 'book.html'), '<!doctype html><title>Book</title><div id="book"></div><script type="module" src="/assets/book-1.js"></script>');
    fs.writeFileSync(path.join(webDir, 'assets', 'book-1.js'), 'export {};\n');
    app = await createTestApp({ WEB_DIST_DIR: webDir });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  const csp = (headers: Headers) => headers.get('content-security-policy') ?? '';

  it.each(['/book', '/book/', '/book?organization=harbour-skin', '/book/manage/x', '/book/manage/AbC_d-123'])('answers %s with the booking page, without a staff cookie', async (route) => {
    // A plain fetch: no cookie, no CSRF header, nothing of a session.
    const response = await fetch(`${app.baseUrl}${route}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('set-cookie')).toBeNull();
    const html = await response.text();
    expect(html).toContain('<div id="book">');
    expect(html).not.toContain('<div id="root">');
    // The same script policy as the dashboard: no inline script, no eval.
    const scriptSrc = csp(response.headers).split(';').find((d) => d.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).toBe("script-src 'self'");
    expect(csp(response.headers)).toContain("default-src 'self'");
  });

  it('lets the booking steps be framed by the clinic’s website, never the manage page or the dashboard', async () => {
    const booking = await fetch(`${app.baseUrl}/book?organization=harbour-skin`);
    expect(csp(booking.headers)).toContain('frame-ancestors *');
    expect(booking.headers.get('x-frame-options')).toBeNull();

    for (const route of ['/book/manage/x', '/schedule', '/login']) {
      const response = await fetch(`${app.baseUrl}${route}`);
      expect(response.status).toBe(200);
      expect(csp(response.headers)).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
    const dashboard = await (await fetch(`${app.baseUrl}/schedule`)).text();
    expect(dashboard).toContain('<div id="root">');
  });

  it('keeps a missing booking asset a 404 and the API’s unknown routes problem documents', async () => {
    expect((await fetch(`${app.baseUrl}/assets/book-gone.js`)).status).toBe(404);
    const api = await fetch(`${app.baseUrl}/api/public/nothing`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });
});
