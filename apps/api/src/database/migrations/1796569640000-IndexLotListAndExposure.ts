import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inventory's indexes for issue 15 (performance):
 *  - the lot list pages by (expiry, lot number, id) within the organization: one index range per page;
 *  - a lot's exposure report reads the lot's `used` movements from the index alone (session, organization and
 *    quantity included), where the old (lot_id, treatment_session_id) index sent it to ~200 scattered heap pages per
 *    lot at 1M sessions; it replaces stock_movements_exposure_idx;
 *  - the lot numbers each exposed session used come from the index alone too (session -> lot).
 * Partial on `used` (the only movements with a session), so receipts, waste and counts do not grow them.
 */
export class IndexLotListAndExposure1796569640000 implements MigrationInterface {
  name = 'IndexLotListAndExposure1796569640000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX lots_expiry_order_idx ON lots (organization_id, expires_on, lot_number, id)`);
    await q.query(`
      CREATE INDEX stock_movements_lot_use_idx ON stock_movements (lot_id, treatment_session_id)
      INCLUDE (organization_id, quantity) WHERE type = 'used'`);
    await q.query(`DROP INDEX stock_movements_exposure_idx`);
    await q.query(`
      CREATE INDEX stock_movements_session_use_idx ON stock_movements (treatment_session_id)
      INCLUDE (organization_id, lot_id) WHERE type = 'used'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX stock_movements_session_use_idx`);
    await q.query(`CREATE INDEX stock_movements_exposure_idx ON stock_movements (lot_id, treatment_session_id) WHERE type = 'used'`);
    await q.query(`DROP INDEX stock_movements_lot_use_idx`);
    await q.query(`DROP INDEX lots_expiry_order_idx`);
  }
}
