import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../../config/app-config';

/**
 * helmet's options. `upgrade-insecure-requests` and HSTS only behind TLS (SECURE_COOKIES=true): over plain HTTP from
 * a front-desk PC or a kiosk tablet (`http://<server's LAN address>:3000`) the first makes the browser fetch every
 * asset over https (a blank page) and the second is meaningless.
 */
export function securityHeaders(config: Pick<AppConfig, 'secureCookies'>, framable = false): HelmetOptions {
  const behindTls = config.secureCookies;
  return {
    // The booking page alone may sit in an iframe on the clinic's own website (the embed snippet in Settings →
    // Online booking): see BOOKING_PAGE_FRAMING. Everything else, the dashboard above all, is never framed.
    xFrameOptions: framable ? false : { action: 'sameorigin' },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: framable ? ['*'] : ["'none'"],
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
export function securityHeaderValues(config: Pick<AppConfig, 'secureCookies'>, framable = false): ReadonlyArray<readonly [string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  let failure: unknown;
  helmet(securityHeaders(config, framable))({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => (failure = error));
  if (failure) throw failure;
  return [...headers];
}

/**
 * What an API answer (JSON, CSV, PDF, a photo, a problem document) carries: the headers the OWASP REST Security Cheat
 * Sheet lists for API responses ("Security Headers": no caching, not framed, no MIME sniffing, HSTS behind TLS), plus
 * Cross-Origin-Resource-Policy so no other site can pull patient data into its page. helmet's other headers
 * (Cross-Origin-Opener-Policy, Origin-Agent-Cluster, X-DNS-Prefetch-Control, X-Download-Options,
 * X-Permitted-Cross-Domain-Policies, X-XSS-Protection, Referrer-Policy and a page's CSP) govern HTML documents; an
 * answer nobody renders as a page gains nothing from them, and each costs every request its bytes and its checks
 * (issue 15: 840 header bytes on a 15-byte health answer). No content may load from an API answer: `default-src 'none'`.
 */
export function apiSecurityHeaderValues(config: Pick<AppConfig, 'secureCookies'>): ReadonlyArray<readonly [string, string]> {
  return [
    ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ...(config.secureCookies ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as const] : []),
    // Answers carry patient data: no browser or proxy keeps them.
    ['Cache-Control', 'no-store'],
  ];
}

/**
 * Whether a request is answered by the API: by the route it matched (the router decodes the path, so `/%61pi/…` is an
 * API route too), else by its path. The API's own HTML page (Swagger UI at /api/docs) is a page: it keeps the pages'.
 */
const isApiAnswer = (request: FastifyRequest): boolean => {
  // The URL as sent decides when it holds no escapes (nearly always): `routeOptions` builds a frozen object per call.
  const path = request.url.includes('%') ? (request.routeOptions.url ?? request.url) : request.url;
  return path.startsWith('/api') && !path.startsWith('/api/docs');
};

/**
 * The headers every answer carries, set in one hook when the request arrives (so API answers, pages, assets, errors
 * and 404s all have them): for the API the set above, for pages and assets helmet's (as @fastify/helmet did, computed
 * once); and the request id. They go into Fastify's own header store for the reply, written once with the head (a
 * route's own `reply.header(...)` replaces one, so a route that sets a stricter Cache-Control keeps it); set on the
 * raw response instead, Node validated and stored each of them twice per request (8 % of a health probe's throughput).
 */
export function registerResponseHeaders(fastify: FastifyInstance, config: Pick<AppConfig, 'secureCookies'>): void {
  const pageHeaders = Object.fromEntries(securityHeaderValues(config));
  const apiHeaders = Object.fromEntries(apiSecurityHeaderValues(config));
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(isApiAnswer(request) ? apiHeaders : pageHeaders).header('X-Request-Id', request.id);
    done();
  });
}

/**
 * Why the public booking page (`/book`, the booking steps) may be framed by any site, and nothing else may:
 * - the clinic embeds it in its own website; we do not know that site's origin (no setting names it), so the page
 *   allows every ancestor (`frame-ancestors *`, no X-Frame-Options) rather than the clinic's site only;
 * - framing it gives the framing site nothing: the page holds no session and no cookie (the public API reads none),
 *   shows only what the clinic publishes, and a cross-origin parent cannot read it;
 * - a click-jacked click cannot book: a booking needs the patient's typed details and the 6-digit code from her e-mail.
 * The manage page (`/book/manage/<key>`) is not framable: one click there confirms or cancels a real appointment, so
 * it keeps `frame-ancestors 'none'` like the dashboard; the booking page's "done" step opens it in a new tab.
 */
export const isFramableBookingPage = (pathname: string): boolean => pathname === '/book' || pathname === '/book/';

/** The headers of the framable booking page: the same as every answer's, but for frame-ancestors and X-Frame-Options. */
export function replaceWithFramableHeaders(reply: { header(name: string, value: string): unknown; removeHeader(name: string): unknown }, values: ReadonlyArray<readonly [string, string]>): void {
  reply.removeHeader('X-Frame-Options');
  for (const [name, value] of values) reply.header(name, value);
}
