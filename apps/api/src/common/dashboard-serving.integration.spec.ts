import fs from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createTestApp, type TestApp } from '../../test/test-app';

/** One GET on its own connection, the body as the bytes on the wire (Node's http does not decode them, fetch would). */
function getRaw(baseUrl: string, pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(pathname, baseUrl), { headers, agent: false }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('serving the dashboard', () => {
  let app: TestApp;
  let webDir: string;
  // A script as the build writes it: the file, its brotli and gzip siblings (vite.config.ts), and its source map.
  const script = Buffer.from(`export const schedule = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ slot: i, label: `slot ${i}` })))};\n`);
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>SkinLedger</title><div id="root"></div>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1234.js'), script);
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1234.js.br'), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1234.js.gz'), zlib.gzipSync(script));
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1234.js.map'), JSON.stringify({ version: 3, sources: ['src/secret.ts'], mappings: '' }));
    app = await createTestApp({ WEB_DIST_DIR: webDir });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html for page routes so deep links work', async () => {
    const response = await app.client().get('/staff/123');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.text).toContain('<div id="root">');
  });

  it('answers HEAD for a page route as GET would, without a body', async () => {
    const response = await fetch(`${app.baseUrl}/login`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toBe('');
  });

  it('serves fingerprinted assets as immutable and a missing asset as 404', async () => {
    const asset = await app.client().get('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await app.client().get('/assets/app-gone.js')).status).toBe(404);
  });

  it('sends the brotli file to a browser that accepts brotli, the gzip file to one that accepts only gzip', async () => {
    const br = await getRaw(app.baseUrl, '/assets/app-1234.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.body.length).toBeLessThan(script.length / 4);
    expect(zlib.brotliDecompressSync(br.body).equals(script)).toBe(true);

    const gzip = await getRaw(app.baseUrl, '/assets/app-1234.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect(zlib.gunzipSync(gzip.body).equals(script)).toBe(true);

    const plain = await getRaw(app.baseUrl, '/assets/app-1234.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(script)).toBe(true);
  });

  it('does not publish source maps', async () => {
    for (const encoding of ['', 'br', 'gzip']) {
      const map = await getRaw(app.baseUrl, '/assets/app-1234.js.map', encoding ? { 'accept-encoding': encoding } : {});
      expect(map.status).toBe(404);
      expect(map.body.toString('utf8')).not.toContain('secret.ts');
    }
  });

  it('compresses API answers over 1 KB for clients that accept it, and the decoded answer is the same JSON', async () => {
    const plain = await getRaw(app.baseUrl, '/api/docs-json');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const document = JSON.parse(plain.body.toString('utf8'));

    const br = await getRaw(app.baseUrl, '/api/docs-json', { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(JSON.parse(zlib.brotliDecompressSync(br.body).toString('utf8'))).toEqual(document);

    const gzip = await getRaw(app.baseUrl, '/api/docs-json', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gzip.body).toString('utf8'))).toEqual(document);
  });

  it('keeps unknown API routes as problem documents', async () => {
    const response = await app.client().get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
