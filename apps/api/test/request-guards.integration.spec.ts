import { performance } from 'node:perf_hooks';
import { signedInOrganization } from './factories';
import { hostileBodies, sendRaw, type RawResponse } from './raw-http';
import { createTestApp, type TestApp } from './test-app';

const MiB = 1024 * 1024;
const LOGIN = '/api/auth/login';

function expectProblem(response: RawResponse, status: number, code: string): void {
  expect({ status: response.status, contentType: response.headers['content-type'] }).toEqual({ status, contentType: expect.stringContaining('application/problem+json') });
  expect(JSON.parse(response.text)).toMatchObject({ status, type: `urn:skinledger:problem:${code}` });
}

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1];
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** Request guards (issue 11): what an anonymous client can send before any route, validator or database runs. */
describe('request guards', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('JSON nesting', () => {
    it('refuses bodies nested deeper than 32 levels with 400 json-too-deep, arrays and objects alike', async () => {
      const deepArray = await sendRaw(app.baseUrl, { path: LOGIN, headers: { 'content-type': 'application/json' }, body: Buffer.from(nested(33)) });
      expectProblem(deepArray, 400, 'json-too-deep');
      expect(JSON.parse(deepArray.text).detail).toBe('The request body is nested deeper than 32 levels');
      const deepObject = `{"email":${'{"a":'.repeat(40)}1${'}'.repeat(40)},"password":"x"}`;
      expectProblem(await sendRaw(app.baseUrl, { path: LOGIN, headers: { 'content-type': 'application/json' }, body: Buffer.from(deepObject) }), 400, 'json-too-deep');
    });

    it('lets 32 levels and brackets inside strings through to validation', async () => {
      const atLimit = await app.client().post(LOGIN, undefined, { rawBody: `{"email":${nested(31)},"password":"x"}` });
      expect(atLimit.status).toBe(400);
      expect(atLimit.body.type).toBe('urn:skinledger:problem:validation');
      const inString = await app.client().post(LOGIN, { email: `${'['.repeat(200)}\\"{{{{@example.com`, password: 'not the password' });
      expect(inString.body.type).not.toBe('urn:skinledger:problem:json-too-deep');
      expect(inString.status).toBeLessThan(500);
    });

    it('refuses __proto__ and constructor.prototype keys without polluting Object.prototype', async () => {
      for (const rawBody of ['{"email":"a@b.co","password":"x","__proto__":{"polluted":true}}', '{"email":"a@b.co","constructor":{"prototype":{"polluted":true}}}']) {
        const response = await app.client().post(LOGIN, undefined, { rawBody });
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('sizes and media types', () => {
    it('answers 413 problem+json for JSON over 1 MiB, from the Content-Length or while it streams', async () => {
      const body = hostileBodies.flatString(MiB + 10);
      const declared = await sendRaw(app.baseUrl, { path: LOGIN, headers: { 'content-type': 'application/json' }, body });
      expectProblem(declared, 413, 'body-too-large');
      expect(JSON.parse(declared.text).detail).toBe('JSON request bodies are limited to 1 MiB');
      // A body declared far over the limit is not waited for: answered at once, connection closed.
      const huge = await sendRaw(app.baseUrl, { path: LOGIN, headers: { 'content-type': 'application/json', 'content-length': String(512 * MiB) }, body: Buffer.alloc(64 * 1024, ' '), chunked: true });
      expectProblem(huge, 413, 'body-too-large');
      expect(huge.headers.connection).toBe('close');
      expectProblem(await sendRaw(app.baseUrl, { path: LOGIN, headers: { 'content-type': 'application/json' }, body, chunked: true }), 413, 'body-too-large');
      // Just under the limit still reaches validation.
      const under = await sendRaw(app.baseUrl, { path: LOGIN, headers: { 'content-type': 'application/json' }, body: hostileBodies.flatString(MiB - 100) });
      expectProblem(under, 400, 'validation');
    });

    it('answers 415 problem+json for media types no route takes', async () => {
      for (const contentType of ['application/xml', 'application/x-www-form-urlencoded']) {
        const response = await sendRaw(app.baseUrl, { path: LOGIN, headers: { 'content-type': contentType }, body: Buffer.from('email=a') });
        expectProblem(response, 415, 'unsupported-media-type');
      }
    });

    it('answers 414 problem+json for a 5,000-character id', async () => {
      const { client } = await signedInOrganization(app, 'owner');
      const response = await client.get(`/api/patients/${'a'.repeat(5000)}`);
      expect(response.status).toBe(414);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 414, type: 'urn:skinledger:problem:uri-too-long' });
      expect(response.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('headers', () => {
    it('marks every /api answer no-store, errors included', async () => {
      const { client } = await signedInOrganization(app, 'owner');
      for (const path of ['/api/health', '/api/patients', '/api/auth/me', '/api/no-such-route']) {
        expect({ path, cacheControl: (await client.get(path)).headers.get('cache-control') }).toEqual({ path, cacheControl: 'no-store' });
      }
      expect((await app.client().get('/api/patients')).headers.get('cache-control')).toBe('no-store');
      const tooDeep = await sendRaw(app.baseUrl, { path: LOGIN, headers: { 'content-type': 'application/json' }, body: Buffer.from(nested(40)) });
      expect(tooDeep.headers['cache-control']).toBe('no-store');
    });

    it('sends neither HSTS nor upgrade-insecure-requests over plain HTTP (SECURE_COOKIES unset)', async () => {
      const response = await app.client().get('/api/health');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      // upgrade-insecure-requests is a page's directive (API answers load nothing: default-src 'none').
      const page = await app.client().get('/staff/123');
      expect(page.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    });

    it('sends both behind TLS (SECURE_COOKIES=true)', async () => {
      const secure = await createTestApp({ SECURE_COOKIES: 'true' });
      try {
        const response = await secure.client().get('/api/health');
        expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
        const page = await secure.client().get('/staff/123');
        expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
        expect(page.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
      } finally {
        await secure.close();
      }
    });
  });

  it('keeps /api/health answering while hostile bodies stream in, and refuses each of them quickly', async () => {
    const json = { 'content-type': 'application/json' };
    const bodySize = 1.5 * MiB;
    const hostile = [
      sendRaw(app.baseUrl, { path: LOGIN, headers: json, body: hostileBodies.nestedArrays(bodySize), chunked: true }),
      sendRaw(app.baseUrl, { path: LOGIN, headers: json, body: hostileBodies.nestedObjects(bodySize), chunked: true }),
      sendRaw(app.baseUrl, { path: LOGIN, headers: json, body: hostileBodies.flatString(bodySize), chunked: true }),
    ];
    let inFlight = true;
    const all = Promise.all(hostile).finally(() => {
      inFlight = false;
    });
    const healthMs: number[] = [];
    // At least 20 probes, and keep probing for as long as a hostile request is open (bounded at 200).
    while ((inFlight || healthMs.length < 20) && healthMs.length < 200) {
      const started = performance.now();
      const response = await fetch(`${app.baseUrl}/api/health`);
      await response.text();
      expect(response.status).toBe(200);
      healthMs.push(performance.now() - started);
    }
    const [arrays, objects, flat] = await all;
    expectProblem(arrays, 400, 'json-too-deep');
    expectProblem(objects, 400, 'json-too-deep');
    expectProblem(flat, 413, 'body-too-large');
    // Generous bounds for a loaded 2-core machine; the benchmark (npm run bench:hostile) measures the real figures.
    for (const response of [arrays, objects, flat]) expect(response.elapsedMs).toBeLessThan(5000);
    expect(p99(healthMs)).toBeLessThan(1000);
  });
});
