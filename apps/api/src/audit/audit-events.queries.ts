import type { EntityManager } from 'typeorm';
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
  total: string;
}

/**
 * One page of the organization's audit trail, newest first, with the actor's name, the total of matching events and
 * the labels of every id on the page (LABELS_SQL), in one statement. Served by the organization's time index.
 */
export async function auditEventPage(manager: EntityManager, organizationId: string, filter: AuditEventFilter, limit: number, offset: number): Promise<AuditSearchRow[]> {
  return manager.query(
    `WITH page AS (
       SELECT e.id::text AS id, e.occurred_at, e.actor_id, e.action, e.entity_type, e.entity_id, e.ip, e.request_id, e.changes,
              count(*) OVER () AS total
         FROM audit_events e
        WHERE e.organization_id = $1
          AND ($2::text IS NULL OR e.entity_type = $2) AND ($3::text IS NULL OR e.entity_id = $3)
          AND ($4::uuid IS NULL OR e.actor_id = $4) AND ($5::text IS NULL OR e.action = $5)
          AND ($6::timestamptz IS NULL OR e.occurred_at >= $6) AND ($7::timestamptz IS NULL OR e.occurred_at < $7)
        ORDER BY e.occurred_at DESC, e.id DESC
        LIMIT $8 OFFSET $9
     ),
     ${LABELS_SQL}
     SELECT page.*, s.name AS actor_name, ${LABEL_COLUMNS}
       FROM page LEFT JOIN staff_directory s ON s.organization_id = $1 AND s.id = page.actor_id
      ORDER BY page.occurred_at DESC, page.id::bigint DESC`,
    [
      organizationId,
      filter.entityType ?? null,
      filter.entityId ?? null,
      filter.actorId ?? null,
      filter.action ?? null,
      filter.from ?? null,
      filter.to ?? null,
      limit,
      offset,
    ],
  );
}

/** The number of matching events, for a page past the end (no row carries the window count there). */
export async function auditEventCount(manager: EntityManager, organizationId: string, filter: AuditEventFilter): Promise<number> {
  const [row] = await auditEventPage(manager, organizationId, filter, 1, 0);
  return row ? Number(row.total) : 0;
}
