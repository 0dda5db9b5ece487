import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import helmet from 'helmet';
import { Client } from 'pg';
import { newPatient, signedInOrganization } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { securityHeaders } from './security-headers';
import { splitStatements } from '../../../test/statement-counter';

/**
 * The request pipeline every answer goes through (issue 15): one JSON log line per request with its request id and
 * no secrets, none for the health probes; the security headers exactly as before they were computed once; the
 * sign-in check in one statement.
 */

/** The security headers the API sent before they were precomputed (taken from the app on main, plain HTTP). */
const HEADERS_BEFORE: Record<string, string> = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'none';img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/**
 * What an API answer carries instead: the OWASP REST Security Cheat Sheet's headers for API responses, and
 * Cross-Origin-Resource-Policy (issue 15: helmet's document headers cost a 15-byte answer 840 bytes of head).
 */
const API_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/** Headers about the answer itself rather than its security (content-encoding: the dashboard may be sent precompressed). */
const NOT_SECURITY = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-type', 'transfer-encoding', 'x-request-id', 'cache-control', 'etag', 'last-modified', 'accept-ranges', 'vary', 'content-encoding']);

function securityHeadersOf(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers.entries()].filter(([name]) => !NOT_SECURITY.has(name)).sort(([a], [b]) => a.localeCompare(b)));
}

/** What helmet itself sets with our options, through a plain Node server: the reference nobody on the team wrote. */
async function helmetReference(secureCookies: boolean): Promise<Record<string, string>> {
  const middleware = helmet(securityHeaders({ secureCookies }));
  const server = http.createServer((req, res) => middleware(req, res, () => res.end('ok')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`);
    return securityHeadersOf(response.headers);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Statements sent to PostgreSQL by any connection of this process while `work` runs (the API runs in-process). */
async function statementsOf(work: () => Promise<void>): Promise<string[]> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    await work();
    return spy.mock.calls.map(([query]) => String(typeof query === 'string' ? query : (query as { text?: string }).text));
  } finally {
    spy.mockRestore();
  }
}

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  context?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
  [key: string]: unknown;
}

/**
 * Each route's hooks of one method, from Fastify's printed route table: a radix tree whose lines are "├── segment (GET)"
 * (indented four characters a level, the path being the segments of the line and its parents) followed by
 * "• (preHandler) [\"openStore()\"]" lines.
 */
function routeHooks(app: TestApp, method: string): Map<string, Record<string, string[]>> {
  const table = app.app.getHttpAdapter().getInstance().printRoutes({ includeHooks: true, commonPrefix: false, method });
  const routes = new Map<string, Record<string, string[]>>();
  const segments: string[] = [];
  let current: Record<string, string[]> = {};
  for (const line of table.split('\n')) {
    const route = /^(.*?)── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    const hook = /• \((\w+)\) (\[.*\])$/.exec(line);
    if (hook) {
      current[hook[1]] = (JSON.parse(hook[2]) as string[]).map((name) => name.replace(/\(\)$/, ''));
    } else if (route) {
      const depth = (route[1].length - 1) / 4;
      segments.length = depth;
      segments[depth] = route[2];
      current = { preHandler: [], onSend: [] };
      if (route[3]) routes.set(segments.join(''), current);
    }
  }
  return routes;
}

describe('the request pipeline', () => {
  let app: TestApp;
  let webDir: string;
  const written: string[] = [];
  const lines = (): LogLine[] => written.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine);

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>SkinLedger</title><div id="root"></div>');
    app = await createTestApp({ LOG_LEVEL: 'info', WEB_DIST_DIR: webDir }, { logDestination: { write: (chunk: string) => void written.push(chunk) } });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  describe('logging', () => {
    it('logs no line for the liveness and readiness probes, one per other request', async () => {
      written.length = 0;
      // Nor does any request build a child logger of its own (the lines carry the request id themselves).
      const child = jest.spyOn(app.app.getHttpAdapter().getInstance().log, 'child');
      try {
        for (let i = 0; i < 5; i++) expect((await app.client().get('/api/health')).status).toBe(200);
        expect((await app.client().get('/api/health/ready')).status).toBe(200);
        expect((await app.client().get('/api/health?verbose=1')).status).toBe(200);
        expect((await app.client().get('/api/nothing-here')).status).toBe(404);
        expect(child).not.toHaveBeenCalled();
      } finally {
        child.mockRestore();
      }
      const requestLines = lines().filter((l) => l.req);
      expect(requestLines.map((l) => l.req?.url)).toEqual(['/api/nothing-here']);
    });

    it('puts the request id on the answer and on its log line', async () => {
      written.length = 0;
      const given = await app.client().get('/api/nothing-here', { headers: { 'x-request-id': 'front-desk-7f3a' } });
      expect(given.headers.get('x-request-id')).toBe('front-desk-7f3a');
      const assigned = await app.client().get('/api/nothing-there');
      const assignedId = assigned.headers.get('x-request-id');
      expect(assignedId).toMatch(/^[0-9a-f-]{36}$/);
      const byUrl = Object.fromEntries(lines().filter((l) => l.req).map((l) => [l.req?.url, l]));
      expect(byUrl['/api/nothing-here']).toMatchObject({ reqId: 'front-desk-7f3a', msg: 'request completed', req: { method: 'GET' }, res: { statusCode: 404 }, service: 'skinledger-api' });
      expect(byUrl['/api/nothing-there']).toMatchObject({ reqId: assignedId, res: { statusCode: 404 } });
      expect(typeof byUrl['/api/nothing-there'].responseTime).toBe('number');
    });

    it('writes no cookie, authorization header or CSRF token', async () => {
      written.length = 0;
      await app.client().get('/api/nothing-here', {
        headers: { cookie: 'sl_session=secret-session-token; csrf_token=secret-csrf-cookie', authorization: 'Bearer secret-bearer', 'x-csrf-token': 'secret-csrf-header' },
      });
      new Logger('PipelineSpec').warn({ headers: { cookie: 'secret-logged-cookie', authorization: 'Basic secret-logged-auth', 'x-csrf-token': 'secret-logged-csrf' } }, 'headers seen');
      expect(lines().length).toBeGreaterThanOrEqual(2);
      expect(written.join('')).not.toContain('secret-');
    });

    it("keeps Nest's Logger writing application logs as JSON lines with their context", async () => {
      written.length = 0;
      new Logger('PipelineSpec').log('an application message');
      new Logger('PipelineSpec').error({ requestId: 'req-1' }, 'an application failure');
      expect(lines()).toEqual([
        expect.objectContaining({ level: 30, context: 'PipelineSpec', msg: 'an application message', service: 'skinledger-api' }),
        expect.objectContaining({ level: 50, context: 'PipelineSpec', msg: 'an application failure', requestId: 'req-1' }),
      ]);
    });
  });

  describe('security headers', () => {
    it('sends pages helmet’s set as before, and API answers (errors too) the set for APIs; Swagger UI is a page', async () => {
      const reference = await helmetReference(false);
      expect(reference).toEqual(HEADERS_BEFORE);
      for (const url of ['/staff/123', '/', '/api/docs']) {
        const response = await app.client().get(url);
        expect([url, securityHeadersOf(response.headers)]).toEqual([url, HEADERS_BEFORE]);
      }
      // '/%61pi/health' is routed to /api/health (the router decodes the path): an API answer too.
      for (const url of ['/api/health', '/api/nothing-here', '/api/patients', '/%61pi/health']) {
        const response = await app.client().get(url);
        expect([url, securityHeadersOf(response.headers)]).toEqual([url, API_HEADERS]);
      }
    });

    it('adds HSTS behind TLS: to API answers, and to pages with upgrade-insecure-requests exactly as helmet does', async () => {
      const tls = await createTestApp({ SECURE_COOKIES: 'true' });
      try {
        const api = await tls.client().get('/api/health');
        expect(securityHeadersOf(api.headers)).toEqual({ ...API_HEADERS, 'strict-transport-security': 'max-age=31536000; includeSubDomains' });
        const page = await tls.client().get('/staff/123');
        expect(securityHeadersOf(page.headers)).toEqual(await helmetReference(true));
      } finally {
        await tls.close();
      }
    });
  });

  describe('per-request work (issue 15)', () => {
    it('puts the request id and, on the API, Cache-Control: no-store on every answer, public, signed-in, error or page', async () => {
      const org = await signedInOrganization(app, 'owner');
      for (const [url, client, status, cacheControl] of [
        ['/api/health', app.client(), 200, 'no-store'],
        ['/api/nothing-here', app.client(), 404, 'no-store'],
        ['/api/patients', org.client, 200, 'no-store'],
        ['/api/patients', app.client(), 401, 'no-store'],
        ['/', app.client(), 200, 'no-cache'],
      ] as const) {
        const response = await client.get(url);
        expect([url, response.status, response.headers.get('cache-control'), response.headers.get('x-request-id')]).toEqual([url, status, cacheControl, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
        expect([url, securityHeadersOf(response.headers)]).toEqual([url, url.startsWith('/api') ? API_HEADERS : HEADERS_BEFORE]);
      }
    });

    it('gives public routes neither the request-transaction hooks nor compression of their few bytes; others keep both', () => {
      // The request transaction's hooks are openStore, settle, afterResponse and safetyNet; compress's are onRequest and onSend.
      const ours = (method: string, url: string) => {
        const hooks = routeHooks(app, method).get(url);
        if (!hooks) throw new Error(`No route ${method} ${url}`);
        const named = (kind: string, names: string[]) => (hooks[kind] ?? []).filter((name) => names.includes(name));
        return {
          preHandler: named('preHandler', ['openStore']),
          onRequest: named('onRequest', ['onRequest']),
          onSend: named('onSend', ['settle', 'onSend']),
          onResponse: named('onResponse', ['afterResponse']),
          onRequestAbort: named('onRequestAbort', ['safetyNet']),
        };
      };
      const none = { preHandler: [], onRequest: [], onSend: [], onResponse: [], onRequestAbort: [] };
      expect(ours('GET', '/api/health')).toEqual(none);
      expect(ours('GET', '/api/health/ready')).toEqual(none);
      // Public, but answers may be large: compressed.
      expect(ours('POST', '/api/auth/login')).toEqual({ ...none, onRequest: ['onRequest'], onSend: ['onSend'] });
      // Compress's onSend after settle, which may still swap the answer for a problem document.
      expect(ours('GET', '/api/patients')).toEqual({ preHandler: ['openStore'], onRequest: ['onRequest'], onSend: ['settle', 'onSend'], onResponse: ['afterResponse'], onRequestAbort: ['safetyNet'] });
    });
  });

  describe('the sign-in check', () => {
    it('is one statement (session, staff member and the clinic\u2019s MFA rule together); health sends none', async () => {
      const org = await signedInOrganization(app, 'owner');
      await newPatient(app.dataSource, org.organization.id, { firstName: 'Isabella', lastName: 'Fontaine' });
      expect((await org.client.get('/api/patients')).status).toBe(200);
      const statements = await statementsOf(async () => {
        expect((await org.client.get('/api/patients')).status).toBe(200);
      });
      const health = await statementsOf(async () => {
        expect((await app.client().get('/api/health')).status).toBe(200);
      });
      process.stdout.write(`GET /api/patients: ${statements.length} round trips; GET /api/health: ${health.length}\n`);
      // The transaction opens together with the sign-in check (one round trip), then the route's own reads.
      expect(statements[0]).toMatch(/^START TRANSACTION; SELECT \* FROM auth_resolve_session\(decode\('[0-9a-f]{64}', 'hex'\), \d+\)$/);
      expect(splitStatements(statements[0])).toHaveLength(2);
      expect(statements[1]).toMatch(/FROM patients/);
      expect(statements.filter((s) => /auth_|staff_members|settings|staff_totp_authenticators/.test(s))).toHaveLength(1);
      expect(statements.at(-1)).toBe('COMMIT');
      expect(health).toEqual([]);
    });
  });
});
