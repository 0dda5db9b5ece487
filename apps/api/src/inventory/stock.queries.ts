import type { LotHoldStatus, ProductKind, RecallClass } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

/** On-hand of a lot at a location: the sum of its movements there. */
export async function movementSum(manager: EntityManager, lotId: string, locationId: string): Promise<number> {
  const [row]: { on_hand: number }[] = await manager.query(
    `SELECT coalesce(sum(delta), 0)::int AS on_hand FROM stock_movements WHERE lot_id = $1 AND location_id = $2`,
    [lotId, locationId],
  );
  return row.on_hand;
}

/** On-hand of a lot over all locations. */
export async function lotOnHand(manager: EntityManager, lotId: string): Promise<number> {
  const [row]: { on_hand: number }[] = await manager.query(`SELECT coalesce(sum(on_hand), 0)::int AS on_hand FROM stock_balances WHERE lot_id = $1`, [lotId]);
  return row.on_hand;
}

export interface ShelfRow {
  lot_id: string;
  lot_number: string;
  expires_on: string;
  status: LotHoldStatus;
  product_id: string;
  product_name: string;
  kind: ProductKind;
  gtin: string | null;
  reorder_threshold: number;
  location_id: string;
  location_name: string;
  timezone: string;
  on_hand: number;
  recall_class: RecallClass | null;
}

/**
 * Every (lot, location) balance of the organization, with its product, latest recall class and the location's name
 * and time zone (from organizations' published `location_directory`).
 */
export async function shelfRows(manager: EntityManager, organizationId: string, locationId?: string): Promise<ShelfRow[]> {
  return manager.query(
    `SELECT b.lot_id, l.lot_number, l.expires_on::text AS expires_on, l.status,
            p.id AS product_id, p.name AS product_name, p.kind, p.gtin, p.reorder_threshold,
            loc.id AS location_id, loc.name AS location_name, loc.timezone, b.on_hand,
            (SELECT r.recall_class FROM recall_lots rl JOIN recalls r ON r.id = rl.recall_id
             WHERE rl.lot_id = l.id ORDER BY r.recorded_at DESC LIMIT 1) AS recall_class
     FROM stock_balances b
     JOIN lots l ON l.organization_id = b.organization_id AND l.id = b.lot_id
     JOIN products p ON p.organization_id = l.organization_id AND p.id = l.product_id
     JOIN location_directory loc ON loc.organization_id = b.organization_id AND loc.id = b.location_id
     WHERE b.organization_id = $1 AND ($2::uuid IS NULL OR b.location_id = $2)
     ORDER BY l.expires_on, l.lot_number`,
    [organizationId, locationId ?? null],
  );
}
