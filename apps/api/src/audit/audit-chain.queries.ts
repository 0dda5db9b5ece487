import type { EntityManager } from 'typeorm';
import { OCCURRED_AT_TEXT } from './audit-chain';

export interface LockedChainHead {
  lastSeq: number;
  lastMac: string | null;
  /** The instant the new events carry (clock_timestamp() once the lock is held), as ChainedContent renders it. */
  occurredAt: string;
  /** Each entry's changes as PostgreSQL's jsonb text (null stays null). */
  changes: (string | null)[];
}

/**
 * Locks the organization's chain head until the transaction ends (creating it on first use) and returns it, with
 * the time and the jsonb text of the changes about to be written. In READ COMMITTED the upsert waits for a
 * concurrent writer and then returns the head it left, so two writers never extend the same head.
 */
export async function lockChainHead(manager: EntityManager, organizationId: string, changes: readonly unknown[]): Promise<LockedChainHead> {
  const [row]: { last_seq: string; last_mac: string | null; occurred_at: string; changes: (string | null)[] | null }[] = await manager.query(
    `WITH head AS (
       INSERT INTO audit_chain_heads (organization_id) VALUES ($1)
       ON CONFLICT (organization_id) DO UPDATE SET last_seq = audit_chain_heads.last_seq
       RETURNING last_seq, last_mac)
     SELECT head.last_seq, encode(head.last_mac, 'hex') AS last_mac,
            (SELECT ${OCCURRED_AT_TEXT} FROM (SELECT clock_timestamp() AS occurred_at) t) AS occurred_at,
            (SELECT array_agg(CASE WHEN jsonb_typeof(c) = 'null' THEN NULL ELSE c::text END ORDER BY i)
               FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(c, i)) AS changes
     FROM head`,
    [organizationId, JSON.stringify(changes)],
  );
  return { lastSeq: Number(row.last_seq), lastMac: row.last_mac, occurredAt: row.occurred_at, changes: row.changes ?? [] };
}

export interface ChainedRow {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  requestId: string | null;
  changes: string | null;
  seq: number;
  mac: string;
}

/** Inserts the chained events and moves the head to the last one, in one statement. */
export async function appendChained(manager: EntityManager, organizationId: string, occurredAt: string, rows: readonly ChainedRow[]): Promise<void> {
  const last = rows[rows.length - 1];
  await manager.query(
    `WITH inserted AS (
       INSERT INTO audit_events (organization_id, actor_id, action, entity_type, entity_id, occurred_at, ip, request_id, changes, chain_seq, mac)
       SELECT $1, t.actor_id, t.action, t.entity_type, t.entity_id, $2::timestamptz, t.ip, t.request_id, t.changes::jsonb, t.seq, decode(t.mac, 'hex')
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::text[])
         AS t(actor_id, action, entity_type, entity_id, ip, request_id, changes, seq, mac)
       RETURNING 1)
     UPDATE audit_chain_heads SET last_seq = $12, last_mac = decode($13, 'hex')
     WHERE organization_id = $1 AND (SELECT count(*) FROM inserted) = $14`,
    [
      organizationId,
      occurredAt,
      rows.map((r) => r.actorId),
      rows.map((r) => r.action),
      rows.map((r) => r.entityType),
      rows.map((r) => r.entityId),
      rows.map((r) => r.ip),
      rows.map((r) => r.requestId),
      rows.map((r) => r.changes),
      rows.map((r) => r.seq),
      rows.map((r) => r.mac),
      last.seq,
      last.mac,
      rows.length,
    ],
  );
}
