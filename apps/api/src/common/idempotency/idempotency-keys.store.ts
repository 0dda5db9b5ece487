import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { restartRequestTransaction } from '../../database/request-transaction';
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

  /**
   * Committed at once (the request's transaction so far is committed with it, and the request goes on in a new
   * one), so a concurrent duplicate sees the claim (and gets 409) while this request runs.
   */
  async claim(scope: KeyScope, fingerprint: string): Promise<Claim> {
    const claim = await this.inOrganization(scope.organizationId, async (q): Promise<Claim> => {
      await sweepExpired(q, scope.organizationId);
      const token = randomUUID();
      if (await claimKey(q, scope, fingerprint, token)) return { kind: 'claimed', token };
      const stored = await findKey(q, scope);
      // The holder finished and released it between our insert and our read: treat as a request in flight.
      return { kind: 'stored', stored: stored ?? { fingerprint, state: 'processing', responseStatus: null, responseBody: null } };
    });
    await restartRequestTransaction(true, scope.organizationId);
    return claim;
  }

  /** In the request's transaction: the stored answer commits with the record. */
  complete(scope: KeyScope, token: string, status: number, body: string): Promise<void> {
    return this.inOrganization(scope.organizationId, (q) => completeKey(q, scope, token, status, body));
  }

  /** The claim was committed on its own, so its release must be too (the failed request's transaction rolls back). */
  async release(scope: KeyScope, token: string): Promise<void> {
    await restartRequestTransaction(false, scope.organizationId);
    await this.inOrganization(scope.organizationId, (q) => releaseKey(q, scope, token));
    await restartRequestTransaction(true, scope.organizationId);
  }
}
