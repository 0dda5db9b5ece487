import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-key-header';
import { IdempotencyInterceptor } from './idempotency.interceptor';

export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Optional key (1–255 printable ASCII characters, e.g. a UUID) that makes a retry safe: the first request with a key ' +
  'is processed and its answer kept 24 h; the same key again with the same method, path and body replays that answer ' +
  '(same status and body, header Idempotent-Replayed: true); 409 while the first is still being processed; 422 when ' +
  'the key was used for a different request. Failed requests (4xx, 5xx) are not kept: the key can be reused.';

/** On a POST that creates records: honours the Idempotency-Key header (see IdempotencyInterceptor). */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: IDEMPOTENCY_KEY_DESCRIPTION, schema: { type: 'string', minLength: 1, maxLength: 255 } }),
  );
