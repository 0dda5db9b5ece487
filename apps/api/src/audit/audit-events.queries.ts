import type { EntityManager } from 'typeorm';
import { COUNT_CAP } from '../common/pagination/capped-count';
import type { KeysetValue } from '../common/pagination/keyset-cursor';
import { LABEL_COLUMNS, LABELS_SQL, type LabelledEventRow } from './audit-labels.queries';

export interface AuditEventFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export interface AuditSearchRow extends LabelledEventRow {
  ip: string | null;
  request_id: string | null;
  /** The sort key to the microsecond (a Date keeps milliseconds only, which would skip events on the next page). */
  cursor_at: string;
  /** Matching events up to COUNT_CAP + 1, first page only (null after a cursor). */
  capped_total: string | null;
}

/** The filters as SQL conditions on `e`, each a prefix of one of the organization's audit indexes (1796569630000). */
function filterConditions(filter: AuditEventFilter, params: unknown[]): string[] {
  const conditions = ['e.organization_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.entityType !== undefined) add((p) => `e.entity_type = ${p}`, filter.entityType);
  if (filter.entityId !== undefined) add((p) => `e.entity_id = ${p}`, filter.entityId);
  if (filter.actorId !== undefined) add((p) => `e.actor_id = ${p}::uuid`, filter.actorId);
  if (filter.action !== undefined) add((p) => `e.action = ${p}`, filter.action);
  if (filter.from !== undefined) add((p) => `e.occurred_at >= ${p}::timestamptz`, filter.from);
  if (filter.to !== undefined) add((p) => `e.occurred_at < ${p}::timestamptz`, filter.to);
  return conditions;
}

/**
 * One keyset page of the organization's audit trail, newest first (occurred_at DESC, id DESC), `limit` rows after
 * the cursor's key, with the actor's name and the labels of every id on the page (LABELS_SQL), in one statement.
 * Only the filters given become conditions, so each filter's index serves both the filter and the order and a page
 * costs the same at event 50 and event 900,000. The first page also counts matches up to the cap (an index range of
 * at most 1,001 entries), never the whole trail.
 */
export async function auditEventPage(
  manager: EntityManager,
  organizationId: string,
  filter: AuditEventFilter,
  after: KeysetValue[] | null,
  limit: number,
): Promise<AuditSearchRow[]> {
  const params: unknown[] = [organizationId];
  const conditions = filterConditions(filter, params);
  const matching = conditions.join(' AND ');
  const count = after === null ? `(SELECT count(*) FROM (SELECT 1 FROM audit_events e WHERE ${matching} LIMIT ${COUNT_CAP + 1}) capped)` : 'NULL::bigint';
  if (after !== null) {
    params.push(after[0], after[1]);
    conditions.push(`(e.occurred_at, e.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
  }
  params.push(limit);
  return manager.query(
    `WITH page AS (
       SELECT e.id::text AS id, e.occurred_at, e.actor_id, e.action, e.entity_type, e.entity_id, e.ip, e.request_id, e.changes,
              to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
         FROM audit_events e
        WHERE ${conditions.join(' AND ')}
        ORDER BY e.occurred_at DESC, e.id DESC
        LIMIT $${params.length}
     ),
     ${LABELS_SQL}
     SELECT page.*, s.name AS actor_name, ${count} AS capped_total, ${LABEL_COLUMNS}
       FROM page LEFT JOIN staff_directory s ON s.organization_id = $1 AND s.id = page.actor_id
      ORDER BY page.occurred_at DESC, page.id::bigint DESC`,
    params,
  );
}
