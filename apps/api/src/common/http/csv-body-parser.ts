import type { FastifyInstance } from 'fastify';

/** The largest CSV upload accepted (patient import); larger files are refused with 413 before they are read. */
export const CSV_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Lets routes take a `text/csv` body as its bytes (e.g. POST /api/patients/import): spreadsheets write UTF-8,
 * UTF-8 with a byte-order mark or Windows-1252 and rarely say which, so the route decodes them itself.
 */
export function registerCsvBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
}
