import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { problemTypeOf, spell, type ClinicLocale } from '@skinledger/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { fromDatabaseError } from './database-errors';
import { fastifyProblem } from './fastify-errors';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDocument } from './problem-document';
import { RequestValidationError } from './validation';

type SpaFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/** The one place where errors become HTTP answers: RFC 9457 problem+json, never a stack trace. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly spaFallback?: SpaFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const document = inClinicSpelling(this.toProblem(exception, request), request.actor?.locale);

    if (document.status === 404 && this.spaFallback?.(request, reply)) return;
    if (document.status === 503) {
      this.logger.warn({ err: exception, requestId: request.id }, 'Service unavailable');
    } else if (document.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }
    const retryAfter = document.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
    void reply.status(document.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(document);
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDocument {
    const context = { instance: request.url, requestId: String(request.id) };
    if (exception instanceof RequestValidationError) {
      const fields = exception.fieldProblems.map((f) => f.field).join(', ');
      return {
        ...problem(400, 'validation', `Invalid fields: ${fields}`, { errors: exception.fieldProblems }, 'Invalid request'),
        ...context,
      };
    }
    const domain = exception instanceof DomainError ? exception : fromDatabaseError(exception);
    if (domain) {
      return { ...problem(domain.status, domain.code, domain.detail, domain.extensions, domain.title), ...context };
    }
    if (isMalformedJson(exception)) {
      return { ...problem(400, 'malformed-json', 'The request body is not valid JSON'), ...context };
    }
    // Errors raised by Fastify before a route runs (wrong media type, body too large), bare or wrapped by Nest.
    const fromFastify = fastifyProblem(exception, request);
    if (fromFastify) return { ...fromFastify, ...context };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const detail = status === 404 ? `No route or resource at ${request.method} ${request.url}` : exception.message;
      // A framework's own HttpException carries no code: the status stays in `status`, the code is the catalog's.
      const code = status === 404 ? 'not-found' : status === 400 ? 'bad-request' : 'http-error';
      return { ...problem(status, code, detail), ...context };
    }
    return {
      ...problem(500, 'internal', `An unexpected error occurred. Quote request id ${context.requestId} to support.`),
      ...context,
    };
  }
}

/** Fastify's JSON body parser fails with FST_ERR_CTP_INVALID_JSON; Nest may wrap it in a 400 HttpException. */
function isMalformedJson(exception: unknown): boolean {
  const candidate = exception as { code?: string; cause?: { code?: string }; message?: string };
  return (
    candidate?.code === 'FST_ERR_CTP_INVALID_JSON' ||
    candidate?.cause?.code === 'FST_ERR_CTP_INVALID_JSON' ||
    (exception instanceof HttpException && exception.getStatus() === 400 && /is not valid JSON/.test(candidate.message ?? ''))
  );
}

/**
 * The document's words in the clinic's English variant (issue 13: one spelling): title, detail and the messages of
 * `errors` and `violations`. Codes, fields and other members are left as they are, and so are validation problems,
 * whose messages quote the request's field names. Without a signed-in actor (sign-in, setup) the text stays as written.
 */
function inClinicSpelling(document: ProblemDocument, locale: ClinicLocale | undefined): ProblemDocument {
  // Validation messages name the request's own fields ("property colour should not exist"): those stay as sent.
  if (!locale || document.type === problemTypeOf('validation')) return document;
  const respell = (list: unknown) =>
    Array.isArray(list)
      ? list.map((item: unknown) =>
          typeof item === 'object' && item !== null && typeof (item as { message?: unknown }).message === 'string'
            ? { ...item, message: spell((item as { message: string }).message, locale) }
            : item,
        )
      : list;
  return {
    ...document,
    title: spell(document.title, locale),
    detail: spell(document.detail, locale),
    ...(document.errors !== undefined ? { errors: respell(document.errors) } : {}),
    ...(document.violations !== undefined ? { violations: respell(document.violations) } : {}),
  };
}
