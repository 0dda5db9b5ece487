import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BodyTooLargeError, JsonTooDeepError } from '../problems/request-guard-errors';
import { JsonDepthScanner } from './json-depth-scanner';

/** The largest JSON body any route accepts; photos (multipart) and CSV imports have limits of their own. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
/** No DTO of this API nests anywhere near this deep; deeper bodies are attacks on the recursive validators. */
export const JSON_MAX_DEPTH = 32;

type Done = (error: Error | null, body?: unknown) => void;

/**
 * Replaces Fastify's JSON parser with one that guards before it parses: the Content-Length is checked first, then
 * every chunk is counted and scanned for nesting as it arrives, so a hostile body is refused after the bytes that
 * prove it (33 `[` are enough) and is never buffered whole or handed to JSON.parse and the ValidationPipe. On a refusal
 * Fastify answers with `Connection: close`, so the rest of the upload is dropped with the socket.
 * `__proto__` and `constructor.prototype` keys are refused by Fastify's secure-json-parse, as before.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', (request: FastifyRequest, payload: NodeJS.ReadableStream, done: Done) => {
    const declaredLength = Number(request.headers['content-length']);
    if (declaredLength > JSON_BODY_LIMIT_BYTES) {
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
}
