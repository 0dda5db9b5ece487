import type { EntityManager } from 'typeorm';

/**
 * The time zone of the staff member's default location, else of the organization's first location (active ones
 * first), else null, as a scalar subquery over the given parameter placeholders: the one definition, which another
 * module's statement may embed to judge "today" without a statement of its own (inventory's lot list). The default
 * location comes from staff's published `staff_directory`.
 */
export function defaultTimeZoneSql(organizationParam: string, staffMemberParam: string): string {
  return `(SELECT l.timezone
     FROM locations l
     LEFT JOIN staff_directory s ON s.id = ${staffMemberParam}::uuid AND s.default_location_id = l.id
     WHERE l.organization_id = ${organizationParam}::uuid
     ORDER BY (s.id IS NOT NULL) DESC, l.is_active DESC, l.created_at, l.id
     LIMIT 1)`;
}

export async function defaultTimeZoneOf(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<string | null> {
  const rows: { timezone: string | null }[] = await manager.query(`SELECT ${defaultTimeZoneSql('$1', '$2')} AS timezone`, [organizationId, staffMemberId]);
  return rows[0]?.timezone ?? null;
}
