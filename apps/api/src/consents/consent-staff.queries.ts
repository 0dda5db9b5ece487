import type { EntityManager } from 'typeorm';

/** Staff names by id, from the staff module's published directory (for "prepared by", "approved by" and the like). */
export async function staffNames(manager: EntityManager, organizationId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await manager.query(
    `SELECT id, name FROM staff_directory WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
    [organizationId, wanted],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
