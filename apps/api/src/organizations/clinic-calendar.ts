import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';

/**
 * The time zone whose calendar "today" means for the actor: their default location's, else the organization's
 * first location's (active ones first), else UTC.
 */
export async function clinicTimeZone(manager: EntityManager, actor: Actor): Promise<string> {
  const rows: { timezone: string }[] = await manager.query(
    `SELECT l.timezone
     FROM locations l
     LEFT JOIN staff_members s ON s.id = $2 AND s.default_location_id = l.id
     WHERE l.organization_id = $1
     ORDER BY (s.id IS NOT NULL) DESC, l.is_active DESC, l.created_at, l.id
     LIMIT 1`,
    [actor.organizationId, actor.staffMemberId],
  );
  return rows[0]?.timezone ?? 'UTC';
}
