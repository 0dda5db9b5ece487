import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { AppConfig } from '../../config/app-config';

/**
 * helmet's options, built once at start-up (helmet turns them into header values once, not per request).
 * `upgrade-insecure-requests` and HSTS only behind TLS (SECURE_COOKIES=true): over plain HTTP from a front-desk PC
 * or a kiosk tablet (`http://<server's LAN address>:3000`) the first makes the browser fetch every asset over https
 * (a blank page) and the second is meaningless.
 */
export function securityHeaders(config: AppConfig): FastifyHelmetOptions {
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
