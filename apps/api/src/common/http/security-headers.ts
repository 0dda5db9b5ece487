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

/** Sets the security headers on every answer (API, pages, assets, errors), as @fastify/helmet did, minus its per-request work. */
export function registerSecurityHeaders(fastify: FastifyInstance, config: Pick<AppConfig, 'secureCookies'>): void {
  const headers = securityHeaderValues(config);
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
