import type { AuditTrailEntry } from '../audit/audit-query.service';
import type { AuditChanges } from '../audit/audit.service';
import type { ConsentTrailJson } from './consent-views.queries';

export type ConsentChainAction = 'consent.signed' | 'consent.witnessed';

/** The audit actions whose HMAC'd changes carry a consent's hashes. */
export const CONSENT_CHAIN_ACTIONS: readonly ConsentChainAction[] = ['consent.signed', 'consent.witnessed'];

export interface ConsentChainEntry {
  eventId: string;
  chained: boolean;
  hash: string | null;
}

/**
 * The latest event of this kind in the consent's audit trail, with the hash it carries: the content hash for the
 * signing, the record hash for the witnessing.
 */
export function consentChainEntry(trail: readonly AuditTrailEntry[], action: ConsentChainAction): ConsentChainEntry | null {
  const field = action === 'consent.signed' ? 'contentHash' : 'recordHash';
  const event = trail.filter((e) => e.action === action).reduce<AuditTrailEntry | null>((latest, e) => (latest && BigInt(latest.id) > BigInt(e.id) ? latest : e), null);
  if (!event) return null;
  const hash = event.changes?.[field]?.to;
  return { eventId: event.id, chained: event.chained, hash: typeof hash === 'string' ? hash : null };
}

/** A trail event as the audit module's own trail read answers it, from the consent's one-statement read. */
export function trailEntryOf(event: ConsentTrailJson): AuditTrailEntry {
  return {
    id: event.id,
    occurredAt: new Date(event.occurredAt),
    action: event.action,
    actorId: event.actorId,
    actorName: event.actorName,
    ip: event.ip,
    changes: event.changes as AuditChanges | null,
    chained: event.chainSeq !== null,
  };
}
