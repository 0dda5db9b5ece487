import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: "start from last session" reads the previous chart and the lot to use in one statement. Inventory
 * publishes what it would suggest from: each lot usable at a location today — not on hold, not expired by the
 * location's own date, some on hand there — with its product, number, expiry and count. First expiry, first out is
 * `ORDER BY expires_on, lot_number, lot_id` over it, the order GET /api/lots/suggest answers in.
 */
export class PublishUsableLotStock1796569670001 implements MigrationInterface {
  name = 'PublishUsableLotStock1796569670001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW usable_lot_stock WITH (security_invoker = true) AS
        SELECT b.organization_id, b.location_id, l.id AS lot_id, l.product_id, l.lot_number, l.expires_on, b.on_hand
          FROM stock_balances b
          JOIN lots l ON l.organization_id = b.organization_id AND l.id = b.lot_id
          JOIN location_directory loc ON loc.organization_id = b.organization_id AND loc.id = b.location_id
         WHERE l.status = 'available' AND b.on_hand > 0 AND l.expires_on >= (now() AT TIME ZONE loc.timezone)::date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW usable_lot_stock`);
  }
}
