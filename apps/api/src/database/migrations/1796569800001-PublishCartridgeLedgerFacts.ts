import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: inventory publishes its stock ledger of needle cartridges for the cartridges report, which must come from
 * the ledger only (it is the truth: balances are kept from it by the database). One row per movement with its lot,
 * the lot's expiry and product, the waste reason, the session a use belongs to and who recorded it. Transfers appear
 * as their two legs (out and in), so summing `delta` gives on-hand per location and nets to zero clinic-wide.
 */
export class PublishCartridgeLedgerFacts1796569800001 implements MigrationInterface {
  name = 'PublishCartridgeLedgerFacts1796569800001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW cartridge_ledger_facts WITH (security_invoker = true) AS
        SELECT m.organization_id, m.location_id, m.lot_id, l.lot_number, l.expires_on, l.product_id, p.name AS product_name,
               m.type, m.quantity, m.delta, m.reason, m.treatment_session_id, m.occurred_on, m.recorded_by
          FROM stock_movements m
          JOIN lots l ON l.organization_id = m.organization_id AND l.id = m.lot_id
          JOIN products p ON p.organization_id = l.organization_id AND p.id = l.product_id
         WHERE p.kind = 'needle_cartridge'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW cartridge_ledger_facts`);
  }
}
