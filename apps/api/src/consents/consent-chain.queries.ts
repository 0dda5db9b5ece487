import type { EntityManager } from 'typeorm';

export interface ConsentChainEntry {
  eventId: string;
  chained: boolean;
  hash: string | null;
}

/** The latest audit event of this kind for the consent, with the hash it carries in its HMAC'd changes. */
export async function consentChainEntry(
  manager: EntityManager,
  organizationId: string,
  consentId: string,
  action: 'consent.signed' | 'consent.witnessed',
): Promise<ConsentChainEntry | null> {
  const field = action === 'consent.signed' ? 'contentHash' : 'recordHash';
  const [row]: { id: string; chained: boolean; hash: string | null }[] = await manager.query(
    `SELECT id::text, chain_seq IS NOT NULL AS chained, changes -> $4::text ->> 'to' AS hash
     FROM audit_events
     WHERE organization_id = $1 AND entity_type = 'consent' AND entity_id = $2 AND action = $3
     ORDER BY id DESC LIMIT 1`,
    [organizationId, consentId, action, field],
  );
  return row ? { eventId: row.id, chained: row.chained, hash: row.hash } : null;
}
