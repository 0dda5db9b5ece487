import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { takesBody } from './takes-body';
import { BodyTooLargeError, JsonTooDeepError } from '../problems/request-guard-errors';
import { JsonDepthScanner } from './json-depth-scanner';

/** The largest JSON body any route accepts; photos (multipart) and CSV imports have limits of their own. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
/** No DTO of this API nests anywhere near this deep; deeper bodies are attacks on the recursive validators. */
export const JSON_MAX_DEPTH = 32;

/** After a refusal, this much more of the body is read and thrown away (so the client can read the answer), then the socket is cut. */
const DISCARD_AFTER_REFUSAL_BYTES = 4 * 1024 * 1024;
const DISCARD_AFTER_REFUSAL_MS = 5_000;

type Done = (error: Error | null, body?: unknown) => void;

const refusedRequests = new WeakSet<IncomingMessage>();

/**
 * A lingering close, bounded: a client still uploading when the answer arrives would otherwise meet a reset socket
 * (EPIPE) and lose the 400/413 it was sent. The rest of the body is read and dropped, never kept, up to a few MiB and
 * seconds; a client that keeps sending past that has its connection cut.
 */
function discardRestOfBody(raw: IncomingMessage): void {
  refusedRequests.add(raw);
  let discardedBytes = 0;
  const cut = () => raw.socket?.destroy();
  const timer = setTimeout(cut, DISCARD_AFTER_REFUSAL_MS);
  timer.unref();
  raw.on('data', (chunk: Buffer) => {
    discardedBytes += chunk.length;
    if (discardedBytes > DISCARD_AFTER_REFUSAL_BYTES) cut();
  });
  raw.once('close', () => clearTimeout(timer));
  raw.resume();
}

/**
 * Replaces Fastify's JSON parser with one that guards before it parses: the Content-Length is checked first, then
 * every chunk is counted and scanned for nesting as it arrives, so a hostile body is refused after the bytes that
 * prove it (33 `[` are enough) and is never buffered whole or handed to JSON.parse and the ValidationPipe. What follows
 * a refusal is discarded unread, within bounds (discardRestOfBody), and the socket cut beyond them.
 * `__proto__` and `constructor.prototype` keys are refused by Fastify's secure-json-parse, as before.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', (request: FastifyRequest, payload: NodeJS.ReadableStream, done: Done) => {
    const declaredLength = Number(request.headers['content-length']);
    if (declaredLength > JSON_BODY_LIMIT_BYTES) {
      // A body declared far larger is not waited for: the answer goes out with `Connection: close`.
      if (declaredLength <= JSON_BODY_LIMIT_BYTES + DISCARD_AFTER_REFUSAL_BYTES) discardRestOfBody(request.raw);
      done(new BodyTooLargeError(JSON_BODY_LIMIT_BYTES));
      return;
    }
    const scanner = new JsonDepthScanner(JSON_MAX_DEPTH);
    const chunks: Buffer[] = [];
    let receivedBytes = 0;

    const stop = (): void => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
      chunks.length = 0;
    };
    const refuse = (error: Error): void => {
      stop();
      discardRestOfBody(request.raw);
      done(error);
    };
    function onData(chunk: Buffer): void {
      receivedBytes += chunk.length;
      if (receivedBytes > JSON_BODY_LIMIT_BYTES) return refuse(new BodyTooLargeError(JSON_BODY_LIMIT_BYTES));
      if (!scanner.feed(chunk)) return refuse(new JsonTooDeepError(JSON_MAX_DEPTH));
      chunks.push(chunk);
    }
    function onEnd(): void {
      const body = Buffer.concat(chunks).toString('utf8');
      stop();
      parseJson(request, body, done);
    }
    function onError(error: Error & { statusCode?: number }): void {
      stop();
      error.statusCode ??= 400;
      done(error);
    }
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
    payload.resume();
  });
  // Fastify answers a parser error with `Connection: close`; while the rest of a refused body is discarded the
  // connection stays open so the answer is read, and Node reuses it once the body has ended.
  // A callback hook on the routes that take a body (only a body can be refused), not an async one.
  const keepConnection = (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: Error | null, payload?: unknown) => void) => {
    if (refusedRequests.has(request.raw)) reply.removeHeader('connection');
    done(null, payload);
  };
  fastify.addHook('onRoute', (route) => {
    if (!takesBody(route.method)) return;
    const existing = route.onSend;
    route.onSend = (existing === undefined ? [keepConnection] : [...(Array.isArray(existing) ? existing : [existing]), keepConnection]) as typeof route.onSend;
  });
}
