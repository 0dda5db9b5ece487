import { AsyncLocalStorage } from 'node:async_hooks';
import type { KeyScope } from './idempotency-keys.queries';

/** The idempotent request the current code runs for, so the record's transaction can commit its key with it. */
export interface IdempotentRequest {
  scope: KeyScope;
  token: string;
  /** 'handling' while the route runs; the interceptor's own bookkeeping runs as 'done' and is not marked. */
  phase: 'handling' | 'done';
}

export const idempotentRequests = new AsyncLocalStorage<IdempotentRequest>();
