import type { EntityManager } from 'typeorm';
import { namedQuery } from '../database/named-query';
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
 * Locks the head of the organization's chain lane until the transaction ends (creating it on first use) and returns
 * it, with the time and the jsonb text of the changes about to be written. In READ COMMITTED the upsert waits for a
 * concurrent writer of the lane and then returns the head it left, so two writers never extend the same head.
 */
export async function lockChainHead(manager: EntityManager, organizationId: string, lane: number, changes: readonly unknown[]): Promise<LockedChainHead> {
  const [row]: { last_seq: string; last_mac: string | null; occurred_at: string; changes: (string | null)[] | null }[] = await manager.query(
    `WITH head AS (
       INSERT INTO audit_chain_heads (organization_id, lane) VALUES ($1, $3::smallint)
       ON CONFLICT (organization_id, lane) DO UPDATE SET last_seq = audit_chain_heads.last_seq
       RETURNING last_seq, last_mac)
     SELECT head.last_seq, encode(head.last_mac, 'hex') AS last_mac,
            (SELECT ${OCCURRED_AT_TEXT} FROM (SELECT clock_timestamp() AS occurred_at) t) AS occurred_at,
            (SELECT array_agg(CASE WHEN jsonb_typeof(c) = 'null' THEN NULL ELSE c::text END ORDER BY i)
               FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(c, i)) AS changes
     FROM head`,
    [organizationId, JSON.stringify(changes), lane],
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

/** Inserts the chained events into the lane and moves its head to the last one, in one statement. */
export async function appendChained(manager: EntityManager, organizationId: string, lane: number, occurredAt: string, rows: readonly ChainedRow[]): Promise<void> {
  const last = rows[rows.length - 1];
  await manager.query(
    `WITH inserted AS (
       INSERT INTO audit_events (organization_id, actor_id, action, entity_type, entity_id, occurred_at, ip, request_id, changes, chain_seq, mac, chain_lane)
       SELECT $1, t.actor_id, t.action, t.entity_type, t.entity_id, $2::timestamptz, t.ip, t.request_id, t.changes::jsonb, t.seq, decode(t.mac, 'hex'), $15::smallint
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::text[])
         AS t(actor_id, action, entity_type, entity_id, ip, request_id, changes, seq, mac)
       RETURNING 1)
     UPDATE audit_chain_heads SET last_seq = $12, last_mac = decode($13, 'hex')
     WHERE organization_id = $1 AND lane = $15::smallint AND (SELECT count(*) FROM inserted) = $14`,
    [
      organizationId,
      occurredAt,
      ...eventColumns(rows),
      last.seq,
      last.mac,
      rows.length,
      lane,
    ],
  );
}

/** The head a writer expects to extend: the sequence number and MAC (hex) of the last event of the organization's lane. */
export interface ExpectedHead {
  lastSeq: number;
  lastMac: string | null;
}

/**
 * Appends events whose MACs the writer computed from the head it expects, in ONE statement: the head moves to the
 * last new event and the events are inserted only if the head is still the expected one and PostgreSQL renders the
 * timestamp and each `changes` exactly as the writer hashed them. The UPDATE takes the head's row lock (waiting for a
 * concurrent writer's commit, then looking at the head it left), so two writers never extend the same head; when the
 * check fails nothing is written (the head keeps its value, still locked) and the caller appends the slow way. False
 * when nothing was written (also when the organization has no head row yet).
 */
export async function appendAtExpectedHead(manager: EntityManager, organizationId: string, lane: number, expected: ExpectedHead, occurredAt: string, rows: readonly ChainedRow[]): Promise<boolean> {
  const last = rows[rows.length - 1];
  // Sent by nearly every request: a named statement, parsed and planned once per connection.
  const [row] = await namedQuery<{ advanced: boolean | null }>(manager, 'audit_append_at_expected_head', APPEND_AT_EXPECTED_HEAD_SQL, [
    organizationId,
    occurredAt,
    ...eventColumns(rows),
    expected.lastSeq,
    expected.lastMac,
    last.seq,
    last.mac,
    lane,
  ]);
  return row?.advanced === true;
}

// $12/$13: the expected head; $14/$15: the new head; $16: the lane. `fits` is computed in both SET expressions (an UPDATE cannot
// name a value computed once per row), and RETURNING sees the new row: it moved exactly when it now holds our MAC.
const FITS = `(h.last_seq = $12 AND h.last_mac IS NOT DISTINCT FROM decode($13, 'hex')
  AND to_char($2::text::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') = $2::text
  AND (SELECT bool_and(c IS NULL OR c::jsonb::text = c) FROM unnest($9::text[]) AS c))`;
const APPEND_AT_EXPECTED_HEAD_SQL = `WITH head AS (
  UPDATE audit_chain_heads h
     SET last_seq = CASE WHEN ${FITS} THEN $14 ELSE h.last_seq END,
         last_mac = CASE WHEN ${FITS} THEN decode($15, 'hex') ELSE h.last_mac END
   WHERE h.organization_id = $1 AND h.lane = $16::smallint
  RETURNING h.last_seq = $14 AND h.last_mac = decode($15, 'hex') AS advanced),
inserted AS (
  INSERT INTO audit_events (organization_id, actor_id, action, entity_type, entity_id, occurred_at, ip, request_id, changes, chain_seq, mac, chain_lane)
  SELECT $1, t.actor_id, t.action, t.entity_type, t.entity_id, $2::text::timestamptz, t.ip, t.request_id, t.changes::jsonb, t.seq, decode(t.mac, 'hex'), $16::smallint
    FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::text[])
      AS t(actor_id, action, entity_type, entity_id, ip, request_id, changes, seq, mac)
   WHERE (SELECT advanced FROM head)
  RETURNING 1)
SELECT (SELECT advanced FROM head) AND (SELECT count(*) FROM inserted) = cardinality($10::bigint[]) AS advanced`;

/** The events as the nine column arrays both appends unnest ($3–$11), in the INSERT's column order. */
function eventColumns(rows: readonly ChainedRow[]): unknown[][] {
  return [
    rows.map((r) => r.actorId),
    rows.map((r) => r.action),
    rows.map((r) => r.entityType),
    rows.map((r) => r.entityId),
    rows.map((r) => r.ip),
    rows.map((r) => r.requestId),
    rows.map((r) => r.changes),
    rows.map((r) => r.seq),
    rows.map((r) => r.mac),
  ];
}
