import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { loggableUrl } from './app-logger';

/** Liveness and readiness probes: polled every few seconds by the orchestrator, never logged. */
export function isProbe(url: string | undefined): boolean {
  return url !== undefined && (url === '/api/health' || url.startsWith('/api/health/') || url.startsWith('/api/health?'));
}

type AnyRequest = FastifyRequest | { url?: string; originalUrl?: string; id?: unknown };

/** The URL as the client sent it (middleware may rewrite `url` on its way). */
function urlOf(request: AnyRequest): string | undefined {
  return (request as { originalUrl?: string }).originalUrl ?? request.url;
}

/**
 * Fastify's request log lines, one per request ("request completed", with its request id as `reqId`), none for the
 * probes. No per-request child logger is built (see requestLoggerOptions): every line names its request id itself.
 */
class RequestLogController extends LogController {
  override isLogDisabled(request: AnyRequest): boolean {
    return isProbe(urlOf(request));
  }

  /** One line per request, at its end (as pino-http did), not two. */
  override incomingRequest(): void {
    return undefined;
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ reqId: request.id, req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ reqId: request.id, req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (reply.statusCode >= 500) reply.log.error({ reqId: request.id, req: request, res: reply, err: error }, error?.message);
    else reply.log.info({ reqId: request.id, res: reply, err: error }, error?.message);
  }

  override streamError(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') reply.log.info({ reqId: request.id, res: reply }, 'stream closed prematurely');
    else reply.log.warn({ reqId: request.id, err: error }, 'response terminated with an error with headers already sent');
  }

  override routeNotFound(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.info({ reqId: request.id }, `Route ${request.raw.method}:${loggableUrl(request.raw.url)} not found`);
  }

  override writeHeadError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    reply.log.warn({ reqId: request.id, req: request, res: reply, err: error }, error?.message);
  }

  override serializerError(error: Error, request: FastifyRequest, reply: FastifyReply, metadata: { statusCode: number }): void {
    if (this.isLogDisabled(request)) return;
    reply.log.error({ reqId: request.id, err: error, statusCode: metadata.statusCode }, 'The serializer for the given status code failed');
  }
}

/**
 * The Fastify options that log requests through `logger`: the lines carry the request id themselves, so every
 * request shares the one logger instead of building a child logger (with its bindings) per request.
 */
export function requestLoggerOptions(logger: Logger) {
  return {
    loggerInstance: logger as FastifyBaseLogger,
    logController: new RequestLogController(),
    childLoggerFactory: (parent: FastifyBaseLogger) => parent,
  };
}
