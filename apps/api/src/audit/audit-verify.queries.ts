import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { CONTENT_TAIL_SQL, OCCURRED_AT_TEXT, type ChainedContent } from './audit-chain';

export interface ChainHead {
  lastSeq: number;
  lastMac: string | null;
  legacyMaxEventId: string;
}

export interface StoredChainedEvent extends ChainedContent {
  id: string;
  mac: string;
}

/** One keyset batch of chained events after `afterSeq`, in chain order, as text exactly as the MAC covers it. */
export async function chainedBatch(manager: EntityManager, organizationId: string, afterSeq: string, limit: number): Promise<StoredChainedEvent[]> {
  const rows: {
    id: string;
    seq: string;
    mac: string;
    actor_id: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
    occurred_at: string;
    ip: string | null;
    request_id: string | null;
    changes: string | null;
  }[] = await manager.query(
    `SELECT id::text, chain_seq::text AS seq, encode(mac, 'hex') AS mac, actor_id::text, action, entity_type, entity_id,
            ${OCCURRED_AT_TEXT} AS occurred_at, ip, request_id, changes::text AS changes
     FROM audit_events
     WHERE organization_id = $1 AND chain_seq IS NOT NULL AND chain_seq > $2
     ORDER BY chain_seq LIMIT $3`,
    [organizationId, afterSeq, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    mac: r.mac,
    organizationId,
    seq: r.seq,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    ip: r.ip,
    requestId: r.request_id,
    changes: r.changes,
  }));
}

/** The event just before `seq` in the chain (its MAC feeds this one's), for checking a single entry. */
export async function chainedEventsAround(manager: EntityManager, organizationId: string, seq: string): Promise<StoredChainedEvent[]> {
  const previous = BigInt(seq) - 1n;
  return chainedBatch(manager, organizationId, String(previous > 0n ? previous - 1n : 0n), previous > 0n ? 2 : 1);
}

// ORDER BY names the table's column: the output column chain_seq is text and would sort "10" before "2".
const RANGE_SQL = `SELECT chain_seq::text, encode(mac, 'hex'), ${CONTENT_TAIL_SQL}
FROM audit_events
WHERE organization_id = $1 AND chain_seq IS NOT NULL AND chain_seq > $2 AND chain_seq <= $3
ORDER BY audit_events.chain_seq`;

/** A batch row in RANGE_SQL's column order: seq, MAC (hex), the canonical content after the organization. */
export type ChainedTuple = [seq: string, mac: string, tail: string];

/**
 * The chained events with afterSeq < seq <= throughSeq, in chain order, rows as arrays of three texts: at a million
 * rows, parsing columns and building objects is the cost. Ranges of sequence numbers (not "the next N after the
 * last one seen") let the verifier ask for several batches at once; a missing row is simply absent from its range.
 * A named statement: parsed and planned once per connection.
 */
export async function chainedRange(client: PoolClient, organizationId: string, afterSeq: number, throughSeq: number): Promise<ChainedTuple[]> {
  const result = await client.query<ChainedTuple>({ name: 'audit-chain-range', text: RANGE_SQL, values: [organizationId, afterSeq, throughSeq], rowMode: 'array' });
  return result.rows;
}

/**
 * The start of a walk in ONE statement (issue 15: a normal chain verifies in one read): the head, the rows before the
 * chain (counted, skipped) and the first unchained row after them (an inserted row: a break), and the chained events
 * 1..min(head, firstThroughSeq) as RANGE_SQL renders them, all from one snapshot. Rows: the events in chain order
 * (seq, MAC, tail as RANGE_SQL), the first one also carrying the header as JSON in a fourth column; with no events, one
 * row of nulls carrying the header. The events come from an index scan in a LATERAL subquery joined to the one header
 * row (a nested loop, which keeps their order): sorting a whole batch of wide rows would cost more than the walk.
 */
const START_SQL = `WITH head AS (
  SELECT last_seq, last_mac, legacy_max_event_id FROM audit_chain_heads WHERE organization_id = $1
), header AS (
  SELECT json_build_object('lastSeq', h.last_seq::text, 'lastMac', encode(h.last_mac, 'hex'), 'legacyMaxEventId', h.legacy_max_event_id::text,
                           'legacy', u.legacy, 'firstIntruder', u.first_intruder)::text AS header,
         (SELECT min(chain_seq) FROM audit_events WHERE organization_id = $1 AND chain_seq > 0) AS first_seq
    FROM (SELECT count(*) FILTER (WHERE id <= coalesce((SELECT legacy_max_event_id FROM head), 0))::int AS legacy,
                 min(id) FILTER (WHERE id > coalesce((SELECT legacy_max_event_id FROM head), 0))::text AS first_intruder
            FROM audit_events WHERE organization_id = $1 AND chain_seq IS NULL) u
    LEFT JOIN head h ON true
)
SELECT e.seq, e.mac, e.tail, CASE WHEN e.seq IS NULL OR e.chain_seq = x.first_seq THEN x.header END
  FROM header x
  LEFT JOIN LATERAL (
    SELECT chain_seq, chain_seq::text AS seq, encode(mac, 'hex') AS mac, ${CONTENT_TAIL_SQL} AS tail
      FROM audit_events
     WHERE organization_id = $1 AND chain_seq > 0 AND chain_seq <= $2
     ORDER BY audit_events.chain_seq
  ) e ON true`;

export interface ChainStart {
  head: ChainHead | null;
  legacy: number;
  firstIntruderId: string | null;
  /** The chained events with seq <= min(head, firstThroughSeq), as chainedRange answers them. */
  firstBatch: ChainedTuple[];
}

export async function chainStart(client: PoolClient, organizationId: string, firstThroughSeq: number): Promise<ChainStart> {
  const result = await client.query<[string | null, string | null, string | null, string | null]>({
    name: 'audit-chain-start',
    text: START_SQL,
    values: [organizationId, firstThroughSeq],
    rowMode: 'array',
  });
  const header = JSON.parse(result.rows[0][3] as string) as {
    lastSeq: string | null;
    lastMac: string | null;
    legacyMaxEventId: string | null;
    legacy: number;
    firstIntruder: string | null;
  };
  return {
    head: header.lastSeq === null ? null : { lastSeq: Number(header.lastSeq), lastMac: header.lastMac, legacyMaxEventId: header.legacyMaxEventId ?? '0' },
    legacy: header.legacy,
    firstIntruderId: header.firstIntruder,
    // Events past the head (none in one snapshot, unless rows were inserted) are not the walk's, as in chainedRange.
    firstBatch: (result.rows[0][0] === null ? [] : result.rows.filter((row) => Number(row[0]) <= Number(header.lastSeq ?? 0))) as unknown as ChainedTuple[],
  };
}

/** The id of the chained event with this sequence number (named only when verification breaks there). */
export async function chainedEventId(client: PoolClient, organizationId: string, seq: string): Promise<string | null> {
  const result = await client.query<{ id: string }>(`SELECT id::text FROM audit_events WHERE organization_id = $1 AND chain_seq = $2`, [organizationId, seq]);
  return result.rows[0]?.id ?? null;
}

/** An event's place in its organization's chain: undefined when there is no such event, null when it predates the chain. */
export async function chainSeqOf(manager: EntityManager, organizationId: string, eventId: string): Promise<string | null | undefined> {
  const [row]: { seq: string | null }[] = await manager.query(`SELECT chain_seq::text AS seq FROM audit_events WHERE organization_id = $1 AND id = $2`, [organizationId, eventId]);
  return row ? row.seq : undefined;
}
