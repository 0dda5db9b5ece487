import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  claimKey,
  completeKey,
  findKey,
  releaseKey,
  scopeToOrganization,
  sweepExpired,
  type KeyScope,
  type Queryable,
  type StoredKey,
} from './idempotency-keys.queries';

export type Claim = { kind: 'claimed'; token: string } | { kind: 'stored'; stored: StoredKey };

/** The interceptor's short transactions on idempotency_keys, each scoped to the actor's organization. */
export class IdempotencyKeysStore {
  constructor(private readonly dataSource: DataSource) {}

  private inOrganization<T>(organizationId: string, work: (q: Queryable) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await scopeToOrganization(manager, organizationId);
      return work(manager);
    });
  }

  /** Committed at once, so a concurrent duplicate sees the claim (and gets 409) while this request runs. */
  claim(scope: KeyScope, fingerprint: string): Promise<Claim> {
    return this.inOrganization(scope.organizationId, async (q) => {
      await sweepExpired(q, scope.organizationId);
      const token = randomUUID();
      if (await claimKey(q, scope, fingerprint, token)) return { kind: 'claimed', token };
      const stored = await findKey(q, scope);
      // The holder finished and released it between our insert and our read: treat as a request in flight.
      return { kind: 'stored', stored: stored ?? { fingerprint, state: 'processing', responseStatus: null, responseBody: null } };
    });
  }

  complete(scope: KeyScope, token: string, status: number, body: string): Promise<void> {
    return this.inOrganization(scope.organizationId, (q) => completeKey(q, scope, token, status, body));
  }

  release(scope: KeyScope, token: string): Promise<void> {
    return this.inOrganization(scope.organizationId, (q) => releaseKey(q, scope, token));
  }
}
