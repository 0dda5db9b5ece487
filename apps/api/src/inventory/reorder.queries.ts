import type { EntityManager } from 'typeorm';

export interface ReorderPairRow {
  product_id: string;
  product_name: string;
  reorder_threshold: number;
  location_id: string;
  location_name: string;
}

/**
 * Every product with a reorder threshold at every location it is watched at (the one asked for, else each active
 * location), products and locations by name: one statement for the low-stock check (issue 15). Locations come from
 * organizations' published `location_directory`.
 */
export async function reorderPairs(manager: EntityManager, organizationId: string, locationId?: string): Promise<ReorderPairRow[]> {
  return manager.query(
    `SELECT p.id AS product_id, p.name AS product_name, p.reorder_threshold, loc.id AS location_id, loc.name AS location_name
     FROM products p JOIN location_directory loc ON loc.organization_id = p.organization_id
     WHERE p.organization_id = $1 AND p.reorder_threshold > 0 AND (CASE WHEN $2::uuid IS NULL THEN loc.is_active ELSE loc.id = $2 END)
     ORDER BY p.name, p.id, loc.name, loc.id`,
    [organizationId, locationId ?? null],
  );
}
