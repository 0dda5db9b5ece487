import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UnsupportedMediaTypeError } from '../problems/domain-error';

/**
 * The raw bytes of a `text/csv` body (the route decodes them). Fastify would hand a route any parsed body (a JSON
 * string looked like a CSV file to the import), so the media type is checked here, where the route reads it.
 */
export const CsvBody = createParamDecorator((_data: unknown, context: ExecutionContext): Buffer => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'text/csv' || !Buffer.isBuffer(request.body)) throw new UnsupportedMediaTypeError('text/csv');
  return request.body;
});
