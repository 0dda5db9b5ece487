import { createHash } from 'node:crypto';
import { pipeline, Readable, Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest, RequestPayload } from 'fastify';
import { takesBody } from '../http/takes-body';
import { DomainError } from '../problems/domain-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** SHA-256 (hex) of the raw request body, computed only for requests carrying an Idempotency-Key. */
    bodySha256?: string;
  }
}

/** Multipart uploads (photos) are buffered to be hashed; the photo route's own 15 MB file limit plus fields. */
const MULTIPART_HASH_LIMIT_BYTES = 16 * 1024 * 1024;
const EMPTY_SHA256 = createHash('sha256').digest('hex');

function isMultipart(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
}

async function readAll(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    length += bytes.length;
    if (length > limit) throw new DomainError(413, 'payload-too-large', 'Payload Too Large', `The upload is larger than ${limit} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/**
 * A retry rebuilds its form and so gets a new random boundary: hash the parts without their boundary lines' token,
 * so the same fields and file give the same fingerprint.
 */
function multipartSha256(body: Buffer, contentType: string): string {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const text = body.toString('latin1');
  return createHash('sha256')
    .update(boundary ? text.split(boundary).join('') : text, 'latin1')
    .digest('hex');
}

/**
 * Hashes the raw bytes of a request that carries an Idempotency-Key, as they arrive (the draft fingerprints the
 * payload, not our parse of it). Parsed bodies (JSON, CSV) are hashed on the way through to their parser; a multipart
 * body is read whole here (its boundary left out of the hash) and handed on as the payload.
 */
export function registerBodyFingerprint(fastify: FastifyInstance): void {
  // A callback hook: the requests without an Idempotency-Key (nearly all) pass straight through, without a promise.
  const fingerprint = (request: FastifyRequest, _reply: unknown, payload: RequestPayload, done: (error: Error | null, body?: RequestPayload) => void) => {
    if (request.headers['idempotency-key'] === undefined) return done(null, payload);
    fingerprinted(request, payload).then((body) => done(null, body), done);
  };
  // Only routes that take a body: a read has no bytes to fingerprint, and its requests skip the hook.
  fastify.addHook('onRoute', (route) => {
    if (!takesBody(route.method)) return;
    const existing = route.preParsing;
    route.preParsing = (existing === undefined ? [fingerprint] : [...(Array.isArray(existing) ? existing : [existing]), fingerprint]) as typeof route.preParsing;
  });
}

async function fingerprinted(request: FastifyRequest, payload: RequestPayload): Promise<RequestPayload> {
  if (isMultipart(request)) {
    const body = await readAll(payload, MULTIPART_HASH_LIMIT_BYTES);
    request.bodySha256 = multipartSha256(body, request.headers['content-type'] ?? '');
    // The bytes already read go on to the multipart parser (multipart-body.ts) as the payload.
    return Readable.from([body]);
  }
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      request.bodySha256 = hash.digest('hex');
      done();
    },
  });
  // pipeline passes an aborted upload's error on to the parser instead of leaving it hanging.
  return pipeline(payload, hashing, () => undefined);
}

/** The draft's fingerprint: method, path (with query) and the body's SHA-256. */
export function requestFingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url} ${request.bodySha256 ?? EMPTY_SHA256}`)
    .digest('hex');
}
