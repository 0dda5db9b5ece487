import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, of, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { ConflictError, DomainError } from '../problems/domain-error';
import { requestFingerprint } from './body-fingerprint';
import { idempotentRequests, type IdempotentRequest } from './idempotency-context';
import { parseIdempotencyKey } from './idempotency-key-header';
import type { KeyScope, StoredKey } from './idempotency-keys.queries';
import { IdempotencyKeysStore } from './idempotency-keys.store';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Idempotency-Key on creating POSTs (IETF httpapi draft). First request: processed, its 2xx answer stored for 24 h.
 * Same key while it runs: 409. Same key and same fingerprint later: the stored status and body, with
 * `Idempotent-Replayed: true`. Same key, other fingerprint: 422. Errors (4xx and 5xx) are not stored: the key is
 * released, so the client may correct the request and send it again with the same key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private readonly keys: IdempotencyKeysStore;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.keys = new IdempotencyKeysStore(dataSource);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = parseIdempotencyKey(request.headers['idempotency-key']);
    if (key === undefined || !request.actor) return next.handle();

    const scope: KeyScope = { organizationId: request.actor.organizationId, staffMemberId: request.actor.staffMemberId, key };
    const fingerprint = requestFingerprint(request);
    const claim = await this.keys.claim(scope, fingerprint);
    if (claim.kind === 'stored') return of(this.replay(claim.stored, fingerprint, reply));

    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;
    const tracked: IdempotentRequest = { scope, token: claim.token, phase: 'handling' };
    return from(idempotentRequests.run(tracked, () => this.handle(next, tracked, status)));
  }

  private async handle(next: CallHandler, tracked: IdempotentRequest, status: number): Promise<unknown> {
    let result: unknown;
    try {
      result = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      tracked.phase = 'done';
      await this.keys.release(tracked.scope, tracked.token).catch((releaseError: unknown) =>
        // Left 'processing': a retry takes it over after STALE_CLAIM_SECONDS.
        this.logger.warn({ err: releaseError }, 'Could not release an idempotency key after a failed request'),
      );
      throw error;
    }
    tracked.phase = 'done';
    try {
      await this.keys.complete(tracked.scope, tracked.token, status, result === undefined ? '' : JSON.stringify(result));
    } catch (error) {
      // The record is saved; the client gets its answer. A retry with this key sees 409 until the key expires.
      this.logger.warn({ err: error }, 'Could not store the response of an idempotent request');
    }
    return result;
  }

  private replay(stored: StoredKey, fingerprint: string, reply: FastifyReply): unknown {
    if (stored.fingerprint !== fingerprint) {
      throw new DomainError(
        422,
        'idempotency-key-reused',
        'Unprocessable',
        'This Idempotency-Key was already used for a different request (method, path or body); use a new key',
      );
    }
    if (stored.state !== 'completed' || stored.responseStatus === null) {
      throw new ConflictError('idempotency-key-in-use', 'A request with this Idempotency-Key is still being processed; retry shortly', {
        retryAfterSeconds: 1,
      });
    }
    void reply.status(stored.responseStatus).header(REPLAYED_HEADER, 'true');
    if (!stored.responseBody) return undefined;
    void reply.header('Content-Type', 'application/json; charset=utf-8');
    return stored.responseBody;
  }
}
