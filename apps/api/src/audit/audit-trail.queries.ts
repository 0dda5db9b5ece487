import type { EntityManager } from 'typeorm';
import type { AuditChanges } from './audit-event.entity';

export interface AuditTrailRow {
  id: string;
  occurred_at: Date;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  changes: AuditChanges | null;
  chained: boolean;
}

/**
 * The events about one entity, oldest first (only `actions` when given), with the actor's name. Served by
 * audit_events_entity_time_idx (read backwards).
 */
export async function entityTrail(
  manager: EntityManager,
  organizationId: string,
  entityType: string,
  entityId: string,
  actions: readonly string[] | null,
): Promise<AuditTrailRow[]> {
  return manager.query(
    `SELECT e.id::text, e.occurred_at, e.action, e.actor_id, s.name AS actor_name, e.ip, e.changes, e.chain_seq IS NOT NULL AS chained
     FROM audit_events e LEFT JOIN staff_directory s ON s.id = e.actor_id
     WHERE e.organization_id = $1 AND e.entity_type = $2 AND e.entity_id = $3 AND ($4::text[] IS NULL OR e.action = ANY($4::text[]))
     ORDER BY e.occurred_at, e.id`,
    [organizationId, entityType, entityId, actions],
  );
}
