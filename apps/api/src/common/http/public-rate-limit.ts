import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TooManyRequestsError } from '../problems/domain-error';

/** The public, session-less API (online booking): the only routes a stranger can call as often as she likes. */
export const PUBLIC_API_PREFIX = '/api/public/';

/**
 * Per-IP rate limit on /api/public/* (@fastify/rate-limit, in-process memory: one API process per clinic server).
 * Only those routes get the limiter's hook (staff routes pay nothing); beyond `perMinute` requests in a minute the
 * answer is 429 problem+json `too-many-requests` with Retry-After, through the app's problem filter like any error.
 * request.ip honours X-Forwarded-For only behind a trusted proxy (TRUST_PROXY), so a client cannot pick its own key.
 */
export async function registerPublicRateLimit(app: NestFastifyApplication, perMinute: number): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(fastifyRateLimit, {
    global: false,
    // Retry-After and the remaining count; the problem document says the same in retryAfterSeconds.
    addHeadersOnExceeding: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true },
    addHeaders: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true, 'retry-after': true },
    errorResponseBuilder: (_request, context) =>
      new TooManyRequestsError(`Too many requests from this network: at most ${context.max} a minute. Try again in ${context.after}`, Math.max(1, Math.ceil(context.ttl / 1000))),
  });
  // ONE limiter (one counter per IP) shared by every public route: a client cannot multiply its allowance by
  // spreading requests over the routes. Nest adds its routes after this, so each public one gets the hook.
  const limit = fastify.rateLimit({ max: perMinute, timeWindow: 60_000 });
  fastify.addHook('onRoute', (route) => {
    if (!route.url.startsWith(PUBLIC_API_PREFIX)) return;
    const existing = route.onRequest;
    route.onRequest = existing === undefined ? [limit] : [...(Array.isArray(existing) ? existing : [existing]), limit];
  });
}
