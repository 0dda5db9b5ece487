import type { EntityManager } from 'typeorm';

/** Which of the ids are not staff of the organization (staff_directory, published to every module). */
export async function unknownStaffIds(manager: EntityManager, organizationId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `SELECT wanted.id FROM unnest($2::uuid[]) AS wanted(id)
      WHERE NOT EXISTS (SELECT 1 FROM staff_directory s WHERE s.organization_id = $1 AND s.id = wanted.id)`,
    [organizationId, ids],
  );
  return rows.map((r) => r.id);
}

export interface PublicCatalogRow {
  /** [id, name, address, timezone, phone, latitude, longitude] of the open locations, by name. */
  locations: [string, string, string, string, string, number | null, number | null][] | null;
  /** [id, name, duration_min, procedure_kind, description, online_booking] of the services open online, by name. */
  services: [string, string, number, string, string, string][] | null;
  /** [id, name, role] of the active staff who work somewhere, by name. */
  people: [string, string, string][] | null;
  /** [staff_member_id, location_id] */
  places: [string, string][] | null;
  /** [staff_member_id, licence_type, expires_on] (practitioner_licences: no numbers) */
  licences: [string, string, string][] | null;
}

/**
 * What the public booking page may offer, in ONE statement, in a transaction already scoped to the clinic (the slug's
 * resolution set the tenant): open locations, services open online, active practitioners with where they work and
 * their licence types and expiries. Only the published views: no e-mail, no licence number is ever read.
 */
export async function publicCatalog(manager: EntityManager, organizationId: string): Promise<PublicCatalogRow> {
  const [row] = await manager.query(
    `WITH people AS (
       SELECT s.id, s.name, s.role FROM staff_directory s
        WHERE s.organization_id = $1 AND s.is_active
          AND EXISTS (SELECT 1 FROM practitioner_work_locations w WHERE w.organization_id = $1 AND w.staff_member_id = s.id)
     ), open_locations AS (
       SELECT l.id, l.name, l.address, l.timezone, l.phone, c.latitude, c.longitude
         FROM location_directory l LEFT JOIN location_coordinates c ON c.id = l.id AND c.organization_id = $1
        WHERE l.organization_id = $1 AND l.is_active
     )
     SELECT
       (SELECT json_agg(json_build_array(l.id, l.name, l.address, l.timezone, l.phone, l.latitude, l.longitude) ORDER BY l.name, l.id) FROM open_locations l) AS locations,
       (SELECT json_agg(json_build_array(v.id, v.name, v.duration_min, v.procedure_kind, v.description, v.online_booking) ORDER BY v.name, v.id)
          FROM online_bookable_services v WHERE v.organization_id = $1) AS services,
       (SELECT json_agg(json_build_array(p.id, p.name, p.role) ORDER BY p.name, p.id) FROM people p) AS people,
       (SELECT json_agg(json_build_array(w.staff_member_id, w.location_id))
          FROM practitioner_work_locations w WHERE w.organization_id = $1 AND w.staff_member_id IN (SELECT id FROM people) AND w.location_id IN (SELECT id FROM open_locations)) AS places,
       (SELECT json_agg(json_build_array(c.staff_member_id, c.licence_type, to_char(c.expires_on, 'YYYY-MM-DD')))
          FROM practitioner_licences c WHERE c.organization_id = $1 AND c.staff_member_id IN (SELECT id FROM people)) AS licences`,
    [organizationId],
  );
  return row;
}
