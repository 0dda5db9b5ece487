import { EventSubscriber, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { ConflictError } from '../problems/domain-error';
import { idempotentRequests } from './idempotency-context';
import { markCommitted, scopeToOrganization } from './idempotency-keys.queries';

/**
 * Writes "committed" on the request's key inside every transaction the route commits, so the key and the record
 * it created commit together (a request that fails before leaves the key 'processing', which a retry may take
 * over). If a retry already took the claim over, the update finds no row and the transaction is refused.
 */
@EventSubscriber() // TypeORM only instantiates subscribers registered with the decorator
export class IdempotencyCommitSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const request = idempotentRequests.getStore();
    if (!request || request.phase !== 'handling') return;
    await scopeToOrganization(event.queryRunner, request.scope.organizationId);
    if (!(await markCommitted(event.queryRunner, request.scope, request.token))) {
      throw new ConflictError('idempotency-key-taken-over', 'Another request with this Idempotency-Key took over; this one was not saved');
    }
  }
}
