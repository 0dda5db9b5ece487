import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inventory's read contract for treatments (issue 12: a module owns its tables): a lot with its product (the
 * preflight's cartridge checks, the exposure report's subject), a pen handpiece (the preflight's device check, the
 * session record), and the cartridges each session used, from the ledger's `used` movements (the session record,
 * adverse events, the exposure reports). Simple views: PostgreSQL inlines them, so the lot exposure report still
 * walks stock_movements_exposure_idx. `security_invoker` keeps the tables' row-level security.
 */
export class PublishInventoryForTreatments1796567000002 implements MigrationInterface {
  name = 'PublishInventoryForTreatments1796567000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW lot_directory WITH (security_invoker = true) AS
        SELECT l.id, l.organization_id, l.product_id, l.lot_number, l.expires_on, l.status,
               p.name AS product_name, p.kind AS product_kind, p.gtin
          FROM lots l JOIN products p ON p.id = l.product_id`);
    await q.query(`
      CREATE VIEW device_directory WITH (security_invoker = true) AS
        SELECT id, organization_id, location_id, model, serial_number, status, status_reason FROM devices`);
    await q.query(`
      CREATE VIEW session_cartridge_uses WITH (security_invoker = true) AS
        SELECT m.id, m.organization_id, m.treatment_session_id, m.lot_id, l.lot_number, l.expires_on, p.name AS product_name,
               m.quantity, m.reason, m.recorded_at
          FROM stock_movements m JOIN lots l ON l.id = m.lot_id JOIN products p ON p.id = l.product_id
         WHERE m.type = 'used'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const view of ['session_cartridge_uses', 'device_directory', 'lot_directory']) await q.query(`DROP VIEW ${view}`);
  }
}
