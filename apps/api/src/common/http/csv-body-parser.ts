import type { FastifyInstance } from 'fastify';

/** The largest CSV upload accepted (patient import); larger files are refused with 413 before they are read. */
export const CSV_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/** Lets routes take a `text/csv` body as one string (e.g. POST /api/patients/import). */
export function registerCsvBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
}
