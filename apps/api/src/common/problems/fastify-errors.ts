import type { ProblemCode } from '@skinledger/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDocument } from './problem-document';

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
}

/** Errors Fastify raises before a route runs, with the rule each one enforces named for the client. */
const FASTIFY_PROBLEMS: Record<string, { code: ProblemCode; detail: (request: FastifyRequest) => string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported-media-type',
    detail: (request) =>
      `Content-Type ${String(request.headers['content-type'] ?? '(none)')} is not accepted: send application/json (photos: multipart/form-data, the patient import: text/csv)`,
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body-too-large', detail: () => 'The request body is larger than this route accepts' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed-json', detail: () => 'The request says it carries JSON but its body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad-content-length', detail: () => 'The body does not match its Content-Length' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'uri-too-long', detail: () => 'A path segment is longer than 100 characters' },
  FST_ERR_BAD_URL: { code: 'bad-url', detail: () => 'The URL is not valid (bad percent-encoding)' },
};

/**
 * Nest turns Fastify's errors into a bare HttpException(message, status), dropping the error code; the status and
 * message are enough to tell which rule was broken.
 */
function fastifyCodeOf(error: FastifyLikeError): string | undefined {
  if (error.code) return error.code;
  if (error.statusCode === 413) return 'FST_ERR_CTP_BODY_TOO_LARGE';
  if (error.statusCode === 415) return 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
  if (error.statusCode === 400 && /^Body cannot be empty/.test(error.message ?? '')) return 'FST_ERR_CTP_EMPTY_JSON_BODY';
  return undefined;
}

/** A problem document for an error Fastify raised itself (4xx only; anything else is the caller's 500). */
export function fastifyProblem(error: unknown, request: FastifyRequest): ProblemDocument | undefined {
  const raw = error as (FastifyLikeError & { getStatus?: () => number }) | undefined;
  const wrappedByNest = typeof raw?.getStatus === 'function';
  const candidate: FastifyLikeError | undefined = raw && wrappedByNest ? { message: raw.message, statusCode: raw.getStatus?.() } : raw;
  const status = candidate?.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const fastifyCode = candidate ? fastifyCodeOf(candidate) : undefined;
  const known = fastifyCode ? FASTIFY_PROBLEMS[fastifyCode] : undefined;
  // Any other HttpException is the application's own (e.g. a 404), answered by the filter.
  if (wrappedByNest && !known) return undefined;
  return problem(status, known?.code ?? 'bad-request', known ? known.detail(request) : (candidate?.message ?? 'Bad request'));
}

/**
 * Fastify's `frameworkErrors` hook: the router refuses some URLs (a path segment over maxParamLength answers 414,
 * bad percent-encoding 400) before any route or Nest filter exists, with a bare application/json body of its own.
 */
export function sendFrameworkError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const document = fastifyProblem(error, request) ?? problem(400, 'bad-request', 'Bad request');
  void reply
    .status(document.status)
    .header('Content-Type', PROBLEM_CONTENT_TYPE)
    .header('Cache-Control', 'no-store')
    .send({ ...document, instance: request.url.slice(0, 200), requestId: String(request.id) });
}
