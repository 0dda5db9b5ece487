import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../../config/app-config';

/**
 * helmet's options. `upgrade-insecure-requests` and HSTS only behind TLS (SECURE_COOKIES=true): over plain HTTP from
 * a front-desk PC or a kiosk tablet (`http://<server's LAN address>:3000`) the first makes the browser fetch every
 * asset over https (a blank page) and the second is meaningless.
 */
export function securityHeaders(config: Pick<AppConfig, 'secureCookies'>): HelmetOptions {
  const behindTls = config.secureCookies;
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: behindTls ? [] : null,
      },
    },
    strictTransportSecurity: behindTls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}

/**
 * The header values helmet sets with these options, worked out once: helmet is run against a response that only
 * records what it is given. None of our options depends on the request (no nonces), so every answer gets the same.
 */
export function securityHeaderValues(config: Pick<AppConfig, 'secureCookies'>): ReadonlyArray<readonly [string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  let failure: unknown;
  helmet(securityHeaders(config))({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => (failure = error));
  if (failure) throw failure;
  return [...headers];
}

/**
 * The headers every answer carries, set in one hook when the request arrives (so API answers, pages, assets, errors
 * and 404s all have them): the security headers (as @fastify/helmet did, computed once), the request id, and for the
 * API `Cache-Control: no-store` (answers carry patient data: no browser or proxy keeps them). They go straight onto the
 * raw response, where a route's own `reply.header(...)` replaces them when Fastify writes the head, so a route that sets
 * a stricter Cache-Control keeps it.
 */
export function registerResponseHeaders(fastify: FastifyInstance, config: Pick<AppConfig, 'secureCookies'>): void {
  const headers = securityHeaderValues(config);
  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of headers) raw.setHeader(name, value);
    raw.setHeader('X-Request-Id', request.id as string);
    if (request.url.startsWith('/api')) raw.setHeader('Cache-Control', 'no-store');
    done();
  });
}
