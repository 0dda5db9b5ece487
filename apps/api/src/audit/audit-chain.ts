import { createHmac } from 'node:crypto';

/**
 * What an audit event's MAC covers, each field as text exactly as the database renders it back (so the writer and
 * the verifier compute the same bytes): the timestamp to the microsecond in UTC, `changes` as PostgreSQL's own
 * jsonb text. The organization, the lane and the sequence number are inside, so a row moved to another place, lane
 * or organization no longer matches.
 */
export interface ChainedContent {
  organizationId: string;
  /** The organization's chain lane (see AUDIT_LANES); 0 is the chain as it was before lanes. */
  lane: number;
  seq: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  requestId: string | null;
  /** jsonb::text of the changes, or null. */
  changes: string | null;
}

/** SQL rendering of occurred_at that ChainedContent.occurredAt uses (UTC, microseconds). */
export const OCCURRED_AT_TEXT = `to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Versions the canonical message, so a later change of its form cannot be confused with this one. */
export const AUDIT_MAC_VERSION = 'skinledger-audit-v1';
/** The message of an event in a lane > 0: v1's with the lane right after the organization. */
export const AUDIT_LANE_MAC_VERSION = 'skinledger-audit-v2';

/**
 * Independent chains per organization (issue 15). A chain's head stays locked until the writing transaction commits,
 * so one chain per clinic made all its audited requests wait for each other's commit (fsync) in turn; with lanes,
 * concurrent transactions append to different heads and commit together. Each process gives each of its database
 * connections a lane of its own (AuditService), so this is at least the pool's size (10). Lane 0 is the chain as it
 * was before lanes (existing events, same MAC message).
 */
export const AUDIT_LANES = 16;

/**
 * HMAC-SHA256 (hex) over the previous event's MAC (hex, '' for the first) and this event's canonical content: the
 * JSON array [version, previousMac, organizationId, seq, occurredAt, actorId, action, entityType, entityId, ip,
 * requestId, changes] as JSON.stringify writes it; in a lane > 0, [v2, previousMac, organizationId, lane, seq, …].
 */
export function eventMac(key: Buffer, previousMac: string | null, c: ChainedContent): string {
  return macOverTail(key, previousMac, JSON.stringify(c.organizationId), contentTail(c), c.lane);
}

/**
 * The canonical message up to and including the organization (and the lane), with the trailing comma: lane 0 keeps
 * v1's bytes exactly, so chains written before lanes still verify.
 */
export function macPrefix(previousMac: string | null, organizationJson: string, lane: number): string {
  return lane === 0
    ? `["${AUDIT_MAC_VERSION}","${previousMac ?? ''}",${organizationJson},`
    : `["${AUDIT_LANE_MAC_VERSION}","${previousMac ?? ''}",${organizationJson},${lane},`;
}

/** The canonical message after the organization, without the leading comma: `"seq","occurredAt",…,changes]`. */
function contentTail(c: ChainedContent): string {
  // Slicing off '[' keeps JSON.stringify's own escaping, which CONTENT_TAIL_SQL reproduces byte for byte.
  return JSON.stringify([
    c.seq,
    c.occurredAt,
    c.actorId,
    c.action,
    c.entityType,
    c.entityId,
    c.ip,
    c.requestId,
    c.changes,
  ]).slice(1);
}

/**
 * The same MAC from its parts: the organization as a JSON string and the content tail (as contentTail or
 * CONTENT_TAIL_SQL renders it). The verifier's hot path: PostgreSQL renders the tail as one text column, so Node
 * parses one value per row instead of ten and builds no objects.
 */
export function macOverTail(key: Buffer, previousMac: string | null, organizationJson: string, tail: string, lane: number): string {
  return createHmac('sha256', key)
    .update(macPrefix(previousMac, organizationJson, lane), 'utf8')
    .update(tail, 'utf8')
    .digest('hex');
}

/**
 * A value as JSON text, `null` for SQL NULL. to_json escapes text exactly as JSON.stringify does (quote, backslash,
 * control characters; those without a short form as lowercase u00xx escapes), so both sides hash the same bytes.
 */
const json = (expression: string) => `COALESCE(to_json(${expression})::text, 'null')`;

/**
 * A value that never needs escaping (digits, a UUID, the timestamp rendering) as a JSON string, `null` for SQL NULL:
 * to_json costs more per call than the rest of the row, so it is kept for the text that may need it.
 */
const quoted = (expression: string) => `COALESCE('"' || ${expression} || '"', 'null')`;

/** SQL over an audit_events row that renders contentTail(row) as one text value. */
export const CONTENT_TAIL_SQL = `concat_ws(',', ${[
  quoted('chain_seq::text'),
  quoted(OCCURRED_AT_TEXT),
  quoted('actor_id::text'),
  ...['action', 'entity_type', 'entity_id', 'ip', 'request_id', 'changes::text'].map(json),
].join(', ')}) || ']'`;
