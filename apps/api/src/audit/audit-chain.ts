import { createHmac } from 'node:crypto';

/**
 * What an audit event's MAC covers, each field as text exactly as the database renders it back (so the writer and
 * the verifier compute the same bytes): the timestamp to the microsecond in UTC, `changes` as PostgreSQL's own
 * jsonb text. The organization and the sequence number are inside, so a row moved to another place or organization
 * no longer matches.
 */
export interface ChainedContent {
  organizationId: string;
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

const VERSION = 'skinledger-audit-v1';

/** HMAC-SHA256 (hex) over the previous event's MAC (hex, '' for the first) and this event's canonical content. */
export function eventMac(key: Buffer, previousMac: string | null, c: ChainedContent): string {
  const message = JSON.stringify([
    VERSION,
    previousMac ?? '',
    c.organizationId,
    c.seq,
    c.occurredAt,
    c.actorId,
    c.action,
    c.entityType,
    c.entityId,
    c.ip,
    c.requestId,
    c.changes,
  ]);
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}
