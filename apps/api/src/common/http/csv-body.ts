import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UnsupportedMediaTypeError } from '../problems/domain-error';

/**
 * The raw text of a `text/csv` body. Fastify would hand a route any parsed body (a JSON string looked like
 * a CSV file to the import), so the media type is checked here, where the route reads it.
 */
export const CsvBody = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'text/csv' || typeof request.body !== 'string') throw new UnsupportedMediaTypeError('text/csv');
  return request.body;
});
