import type { AuditTrailEntry } from '../audit/audit-query.service';

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
