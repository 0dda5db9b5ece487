import type { EntityManager } from 'typeorm';

/**
 * The time zone of the staff member's default location, else of the organization's first location (active ones
 * first), else null. The default location comes from staff's published `staff_directory`.
 */
export async function defaultTimeZoneOf(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<string | null> {
  const rows: { timezone: string }[] = await manager.query(
    `SELECT l.timezone
     FROM locations l
     LEFT JOIN staff_directory s ON s.id = $2 AND s.default_location_id = l.id
     WHERE l.organization_id = $1
     ORDER BY (s.id IS NOT NULL) DESC, l.is_active DESC, l.created_at, l.id
     LIMIT 1`,
    [organizationId, staffMemberId],
  );
  return rows[0]?.timezone ?? null;
}
