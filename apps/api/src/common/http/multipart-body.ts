import Busboy from '@fastify/busboy';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidFieldError } from '../problems/domain-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** A multipart/form-data body, unread: the route that takes uploads reads it (readMultipartForm). */
    multipartPayload: NodeJS.ReadableStream | null;
  }
}

/** What a multipart route accepts: one file of up to `fileSizeBytes` and a few short text fields. */
export interface MultipartLimits {
  fileSizeBytes: number;
  fields: number;
  fieldSizeBytes: number;
}

/** A multipart form as read: its text fields and its one file (`file` undefined when none came). */
export interface MultipartForm {
  fields: Record<string, string>;
  file: { fieldName: string; mimeType: string; bytes: Buffer } | undefined;
  /** Files in the body: more than one is refused by the reader, so this is 0 or 1. */
  fileCount: number;
}

/**
 * Lets routes take a `multipart/form-data` body (clinical photos). The parser does not read it: the one route that
 * takes uploads reads it with readMultipartForm, under its own limits; any other route leaves it unread, and Node
 * discards it after the answer. Instead of @fastify/multipart, whose global async onResponse hook (to delete temporary
 * files this app never writes) cost every request of every route a promise (issue 15).
 */
export function registerMultipartBodyParser(fastify: FastifyInstance): void {
  fastify.decorateRequest('multipartPayload', null);
  fastify.addContentTypeParser('multipart/form-data', (request: FastifyRequest, payload: NodeJS.ReadableStream, done: (error: Error | null) => void) => {
    // The payload after the preParsing hooks (the Idempotency-Key fingerprint may have read and handed it on).
    request.multipartPayload = payload;
    done(null);
  });
}

/**
 * Reads a multipart body: its text fields and exactly one file, held in memory (a photo is decoded and re-encoded
 * before anything is stored). A file over the limit, a second file, too many or too long fields, or a body that is not
 * well-formed multipart are refused with a 400 naming `file` or the field.
 */
export function readMultipartForm(request: FastifyRequest, limits: MultipartLimits): Promise<MultipartForm> {
  const payload = request.multipartPayload;
  if (!payload) return Promise.reject(new InvalidFieldError('file', 'send it as multipart/form-data'));
  return new Promise<MultipartForm>((resolve, reject) => {
    // Field names are the client's: no prototype for one named `__proto__` or `constructor` to reach.
    const form: MultipartForm = { fields: Object.create(null) as Record<string, string>, file: undefined, fileCount: 0 };
    let refusal: InvalidFieldError | undefined;
    const refuse = (error: InvalidFieldError) => (refusal ??= error);
    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({
        headers: request.headers as Parameters<typeof Busboy>[0]['headers'],
        limits: { fileSize: limits.fileSizeBytes, files: 1, fields: limits.fields, fieldSize: limits.fieldSizeBytes, parts: limits.fields + 1 },
      });
    } catch (error) {
      reject(new InvalidFieldError('file', `send it as multipart/form-data with a boundary (${error instanceof Error ? error.message : String(error)})`));
      return;
    }
    parser.on('file', (fieldName, stream, _fileName, _encoding, mimeType) => {
      form.fileCount += 1;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A part cut short errors on its own stream too: unhandled, that would end the process.
      stream.on('error', (error: Error) => reject(new InvalidFieldError('file', `the upload was cut off (${error.message})`)));
      stream.on('limit', () => refuse(new InvalidFieldError('file', `is larger than ${Math.round(limits.fileSizeBytes / (1024 * 1024))} MB`)));
      stream.on('end', () => {
        form.file = { fieldName, mimeType, bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) refuse(new InvalidFieldError(name, `is longer than ${limits.fieldSizeBytes} bytes`));
      form.fields[name] = value;
    });
    parser.on('filesLimit', () => refuse(new InvalidFieldError('file', 'exactly one file is accepted')));
    parser.on('fieldsLimit', () => refuse(new InvalidFieldError('file', `at most ${limits.fields} fields are accepted besides the file`)));
    parser.on('partsLimit', () => refuse(new InvalidFieldError('file', `at most ${limits.fields} fields are accepted besides the file`)));
    parser.on('error', (error: unknown) => reject(new InvalidFieldError('file', `the multipart body is malformed (${error instanceof Error ? error.message : String(error)})`)));
    parser.on('finish', () => (refusal ? reject(refusal) : resolve(form)));
    payload.on('error', (error: Error) => reject(new InvalidFieldError('file', `the upload was cut off (${error.message})`)));
    payload.pipe(parser);
  });
}
