import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { CONTENT_TAIL_SQL, OCCURRED_AT_TEXT, type ChainedContent } from './audit-chain';

/** A lane's head as the chain heads table holds it. */
export interface ChainHead {
  lane: number;
  lastSeq: number;
  lastMac: string | null;
}

export interface StoredChainedEvent extends ChainedContent {
  id: string;
  mac: string;
}

/** One keyset batch of a lane's chained events after `afterSeq`, in chain order, as text exactly as the MAC covers it. */
export async function chainedBatch(manager: EntityManager, organizationId: string, lane: number, afterSeq: string, limit: number): Promise<StoredChainedEvent[]> {
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
     WHERE organization_id = $1 AND chain_lane = $4 AND chain_seq IS NOT NULL AND chain_seq > $2
     ORDER BY chain_seq LIMIT $3`,
    [organizationId, afterSeq, limit, lane],
  );
  return rows.map((r) => ({
    id: r.id,
    mac: r.mac,
    organizationId,
    lane,
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

/** The event at `seq` in the lane and the one just before it (its MAC feeds this one's), for checking a single entry. */
export async function chainedEventsAround(manager: EntityManager, organizationId: string, lane: number, seq: string): Promise<StoredChainedEvent[]> {
  const previous = BigInt(seq) - 1n;
  return chainedBatch(manager, organizationId, lane, String(previous > 0n ? previous - 1n : 0n), previous > 0n ? 2 : 1);
}

/**
 * The events of the given lanes with afterSeq < seq <= min(the lane's head, throughSeq): the same window of sequence
 * numbers in every lane. Lanes fill up side by side (a clinic's concurrent requests append to them at once), so one
 * window's events of all lanes lie in the same part of the table: reading them together reads each page once, where
 * walking one lane after another would read every page of the table once per lane. An index scan per lane in a
 * LATERAL subquery (a nested loop over the lanes, which keeps each lane's rows in order).
 * ORDER BY names the table's column: the output column chain_seq is text and would sort "10" before "2".
 */
export const RANGE_SQL = `SELECT h.lane::text, e.seq, e.mac, e.tail
  FROM unnest($2::smallint[], $3::bigint[]) AS h(lane, last_seq)
  CROSS JOIN LATERAL (
    SELECT chain_seq::text AS seq, encode(mac, 'hex') AS mac, ${CONTENT_TAIL_SQL} AS tail
      FROM audit_events
     WHERE organization_id = $1 AND chain_lane = h.lane AND chain_seq IS NOT NULL AND chain_seq > $4 AND chain_seq <= least(h.last_seq, $5::bigint)
     ORDER BY audit_events.chain_seq
  ) e`;

/** A batch row of one lane: seq, MAC (hex), the canonical content after the organization. */
export type ChainedTuple = [seq: string, mac: string, tail: string];

/** Rows of (lane, seq, MAC, tail) as each lane's tuples in chain order. */
function byLane(rows: readonly (readonly (string | null)[])[], into = new Map<number, ChainedTuple[]>()): Map<number, ChainedTuple[]> {
  for (const row of rows) {
    if (row[0] === null) continue;
    const lane = Number(row[0]);
    let batch = into.get(lane);
    if (!batch) into.set(lane, (batch = []));
    batch.push([row[1], row[2], row[3]] as ChainedTuple);
  }
  // Each lane's rows come in chain order from its index scan; should a plan ever interleave them, order them here
  // rather than report a reordered chain.
  for (const batch of into.values()) {
    if (batch.some((row, i) => i > 0 && Number(row[0]) <= Number(batch[i - 1][0]))) batch.sort((a, b) => Number(a[0]) - Number(b[0]));
  }
  return into;
}

/**
 * The window afterSeq < seq <= throughSeq of each lane in `lanes` (up to its head), by lane, rows as arrays of texts:
 * at a million rows, parsing columns and building objects is the cost. Windows of sequence numbers (not "the next N
 * after the last one seen") let the verifier ask for several batches at once; a missing row is simply absent from its
 * window. A named statement: parsed and planned once per connection.
 */
export async function chainedRange(
  client: PoolClient,
  organizationId: string,
  lanes: readonly { lane: number; lastSeq: number }[],
  afterSeq: number,
  throughSeq: number,
): Promise<Map<number, ChainedTuple[]>> {
  const result = await client.query<(string | null)[]>({
    name: 'audit-chain-range',
    text: RANGE_SQL,
    values: [organizationId, lanes.map((l) => l.lane), lanes.map((l) => l.lastSeq), afterSeq, throughSeq],
    rowMode: 'array',
  });
  return byLane(result.rows);
}

/**
 * The start of a walk in ONE statement (issue 15: a normal chain verifies in one read): every lane's head, the rows
 * before the chain (counted, skipped) and the first unchained row after them (an inserted row: a break), and each
 * lane's first events as RANGE_SQL renders them, all from one snapshot. A lane's first read is its events 1..min(head,
 * firstThrough): all of them when the whole chain fits in `budget` events, else an equal share of the budget per lane.
 * Rows: one header row (nulls, the header as JSON in the fifth column), and the events (lane, seq, MAC, tail, null),
 * each lane's in chain order: an index scan per lane in a LATERAL subquery (a nested loop over the heads, which keeps
 * their order); sorting a whole batch of wide rows would cost more than the walk. legacy_max_event_id is on lane 0's
 * head (a CHECK keeps the others at 0).
 */
export const START_SQL = `WITH head AS (
  SELECT lane, last_seq, last_mac, legacy_max_event_id FROM audit_chain_heads WHERE organization_id = $1
), first AS (
  SELECT CASE WHEN coalesce(sum(last_seq), 0) <= $2::bigint THEN $2::bigint ELSE $2::bigint / count(*) END AS through,
         coalesce(max(legacy_max_event_id), 0) AS legacy_max_event_id
    FROM head
)
SELECT NULL::text, NULL::text, NULL::text, NULL::text,
       json_build_object(
         'lanes', (SELECT coalesce(json_agg(json_build_object('lane', h.lane, 'lastSeq', h.last_seq::text, 'lastMac', encode(h.last_mac, 'hex')) ORDER BY h.lane), '[]') FROM head h),
         'firstThrough', f.through::text, 'legacy', u.legacy, 'firstIntruder', u.first_intruder)::text
  FROM first f,
       LATERAL (SELECT count(*) FILTER (WHERE id <= f.legacy_max_event_id)::int AS legacy,
                       min(id) FILTER (WHERE id > f.legacy_max_event_id)::text AS first_intruder
                  FROM audit_events WHERE organization_id = $1 AND chain_seq IS NULL) u
UNION ALL
SELECT h.lane::text, e.seq, e.mac, e.tail, NULL
  FROM head h CROSS JOIN first f
  CROSS JOIN LATERAL (
    SELECT chain_seq::text AS seq, encode(mac, 'hex') AS mac, ${CONTENT_TAIL_SQL} AS tail
      FROM audit_events
     WHERE organization_id = $1 AND chain_lane = h.lane AND chain_seq > 0 AND chain_seq <= least(h.last_seq, f.through)
     ORDER BY audit_events.chain_seq
  ) e`;

export interface ChainStart {
  /** Every lane's head, by lane. */
  heads: ChainHead[];
  /** Each lane's first read ends at min(its head, firstThrough): the first window of chainedRange. */
  firstThrough: number;
  legacy: number;
  firstIntruderId: string | null;
  /** Each lane's chained events with seq <= min(head, firstThrough), as chainedRange answers them. */
  firstBatches: Map<number, ChainedTuple[]>;
}

export async function chainStart(client: PoolClient, organizationId: string, budget: number): Promise<ChainStart> {
  const result = await client.query<[string | null, string | null, string | null, string | null, string | null]>({
    name: 'audit-chain-start',
    text: START_SQL,
    values: [organizationId, budget],
    rowMode: 'array',
  });
  let header: { lanes: { lane: number; lastSeq: string; lastMac: string | null }[]; firstThrough: string; legacy: number; firstIntruder: string | null } | undefined;
  for (const row of result.rows) if (row[0] === null) header = JSON.parse(row[4] as string) as typeof header;
  if (!header) throw new Error('audit-chain-start answered no header');
  const firstBatches = byLane(result.rows);
  return {
    heads: header.lanes.map((h) => ({ lane: h.lane, lastSeq: Number(h.lastSeq), lastMac: h.lastMac })),
    firstThrough: Number(header.firstThrough),
    legacy: header.legacy,
    firstIntruderId: header.firstIntruder,
    firstBatches,
  };
}

/** The id of the lane's chained event with this sequence number (named only when verification breaks there). */
export async function chainedEventId(client: PoolClient, organizationId: string, lane: number, seq: string): Promise<string | null> {
  const result = await client.query<{ id: string }>(`SELECT id::text FROM audit_events WHERE organization_id = $1 AND chain_lane = $2 AND chain_seq = $3`, [organizationId, lane, seq]);
  return result.rows[0]?.id ?? null;
}

/**
 * An event's place in its organization's chain (lane and sequence number): undefined when there is no such event,
 * null when it predates the chain.
 */
export async function chainPlaceOf(manager: EntityManager, organizationId: string, eventId: string): Promise<{ lane: number; seq: string } | null | undefined> {
  const [row]: { seq: string | null; lane: number }[] = await manager.query(
    `SELECT chain_seq::text AS seq, chain_lane AS lane FROM audit_events WHERE organization_id = $1 AND id = $2`,
    [organizationId, eventId],
  );
  if (!row) return undefined;
  return row.seq === null ? null : { lane: row.lane, seq: row.seq };
}
