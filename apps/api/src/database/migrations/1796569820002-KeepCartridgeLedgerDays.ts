import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * Issue 17: the cartridges report reads the stock ledger summed per day instead of every movement (2,000,000 ledger
 * rows made it 2.8–3.1 s). Inventory keeps `cartridge_ledger_days` in the statement that appends a movement (the ledger
 * is append-only, so a row only ever adds): received, used and wasted quantities per location, lot, day, practitioner
 * (a use's is its session's, from treatments' treatment_session_directory; otherwise whoever recorded it) and
 * waste reason, with how many sessions made their first use of the lot, of the product, and at all there — so distinct
 * sessions add up per lot, per product and per practitioner. "First" is by recorded_at then id; a use is recorded under
 * its lot's row lock, so two uses of one lot never race.
 *
 * A cartridge is used in an open session: the ledger now refuses a use on a signed session (the record is closed, and
 * treatments counts a session's lots when it is signed).
 *
 * On hand at the end of a range is the balance (stock_balances, kept by the ledger) less what moved after it; that
 * needs the movements of a few days, by date: an index on the day.
 */
export class KeepCartridgeLedgerDays1796569820002 implements MigrationInterface {
  name = 'KeepCartridgeLedgerDays1796569820002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cartridge_ledger_days (
        organization_id uuid NOT NULL,
        occurred_on date NOT NULL,
        location_id uuid NOT NULL,
        lot_id uuid NOT NULL,
        product_id uuid NOT NULL,
        practitioner_id uuid,
        type text NOT NULL CHECK (type IN ('received', 'used', 'wasted')),
        reason text,
        quantity integer NOT NULL,
        first_uses_of_lot integer NOT NULL DEFAULT 0,
        first_uses_of_product integer NOT NULL DEFAULT 0,
        first_uses integer NOT NULL DEFAULT 0,
        FOREIGN KEY (organization_id, lot_id) REFERENCES lots(organization_id, id)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX cartridge_ledger_days_key ON cartridge_ledger_days
        (organization_id, occurred_on, location_id, lot_id, practitioner_id, type, reason) NULLS NOT DISTINCT`);
    await q.query(`ALTER TABLE cartridge_ledger_days ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE cartridge_ledger_days FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON cartridge_ledger_days USING (organization_id = ${TENANT}) WITH CHECK (organization_id = ${TENANT})`);
    await q.query(`
      CREATE TRIGGER cartridge_ledger_days_derived BEFORE INSERT OR UPDATE OR DELETE ON cartridge_ledger_days
      FOR EACH ROW EXECUTE FUNCTION refuse_direct_report_summary_change()`);
    await q.query(`CREATE INDEX stock_movements_day_idx ON stock_movements (organization_id, occurred_on) INCLUDE (lot_id, location_id, delta)`);

    await q.query(`
      CREATE FUNCTION refuse_use_on_signed_session() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        session_status text;
      BEGIN
        -- A plain read (the app role may not lock another module's rows through its view): the API records a cartridge
        -- and signs a session each under that session's row lock, so a signing in flight is never raced.
        SELECT s.status INTO session_status FROM treatment_session_directory s
         WHERE s.organization_id = NEW.organization_id AND s.session_id = NEW.treatment_session_id;
        IF session_status = 'signed' THEN
          RAISE EXCEPTION 'treatment session % is signed: a cartridge use can no longer be recorded on it', NEW.treatment_session_id
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'stock_movements_use_open_session';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER stock_movements_use_open_session BEFORE INSERT ON stock_movements
      FOR EACH ROW WHEN (NEW.type = 'used') EXECUTE FUNCTION refuse_use_on_signed_session()`);
    await q.query(`
      CREATE FUNCTION keep_cartridge_ledger_days() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        lot_product uuid;
        practitioner uuid := NEW.recorded_by;
        earlier_of_lot boolean := false;
        earlier_of_product boolean := false;
        earlier boolean := false;
      BEGIN
        SELECT product_id INTO lot_product FROM lots WHERE organization_id = NEW.organization_id AND id = NEW.lot_id;
        IF NEW.type = 'used' THEN
          SELECT COALESCE(p.practitioner_id, NEW.recorded_by) INTO practitioner
            FROM treatment_session_directory p WHERE p.organization_id = NEW.organization_id AND p.session_id = NEW.treatment_session_id;
          SELECT COALESCE(bool_or(m.lot_id = NEW.lot_id), false), COALESCE(bool_or(l.product_id = lot_product), false), count(*) > 0
            INTO earlier_of_lot, earlier_of_product, earlier
            FROM stock_movements m JOIN lots l ON l.organization_id = m.organization_id AND l.id = m.lot_id
           WHERE m.treatment_session_id = NEW.treatment_session_id AND m.type = 'used' AND (m.recorded_at, m.id) < (NEW.recorded_at, NEW.id);
        END IF;
        INSERT INTO cartridge_ledger_days AS t (organization_id, occurred_on, location_id, lot_id, product_id, practitioner_id, type, reason,
                                                quantity, first_uses_of_lot, first_uses_of_product, first_uses)
        VALUES (NEW.organization_id, NEW.occurred_on, NEW.location_id, NEW.lot_id, lot_product, practitioner, NEW.type,
                CASE WHEN NEW.type = 'wasted' THEN NEW.reason END, NEW.quantity,
                (NEW.type = 'used' AND NOT earlier_of_lot)::int, (NEW.type = 'used' AND NOT earlier_of_product)::int, (NEW.type = 'used' AND NOT earlier)::int)
        ON CONFLICT (organization_id, occurred_on, location_id, lot_id, practitioner_id, type, reason)
        DO UPDATE SET quantity = t.quantity + excluded.quantity, first_uses_of_lot = t.first_uses_of_lot + excluded.first_uses_of_lot,
                      first_uses_of_product = t.first_uses_of_product + excluded.first_uses_of_product, first_uses = t.first_uses + excluded.first_uses;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER stock_movements_report_days AFTER INSERT ON stock_movements
      FOR EACH ROW WHEN (NEW.type IN ('received', 'used', 'wasted')) EXECUTE FUNCTION keep_cartridge_ledger_days()`);

    // Counts every clinic's ledger again (this migration; bulk loads that ran without triggers).
    await q.query(`
      CREATE FUNCTION recount_cartridge_ledger_days() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ALTER TABLE cartridge_ledger_days DISABLE TRIGGER cartridge_ledger_days_derived;
        DELETE FROM cartridge_ledger_days;
        INSERT INTO cartridge_ledger_days (organization_id, occurred_on, location_id, lot_id, product_id, practitioner_id, type, reason,
                                           quantity, first_uses_of_lot, first_uses_of_product, first_uses)
        SELECT organization_id, occurred_on, location_id, lot_id, product_id, practitioner_id, type, reason, sum(quantity),
               count(*) FILTER (WHERE type = 'used' AND of_lot = 1), count(*) FILTER (WHERE type = 'used' AND of_product = 1),
               count(*) FILTER (WHERE type = 'used' AND of_session = 1)
          FROM (SELECT m.organization_id, m.occurred_on, m.location_id, m.lot_id, l.product_id, COALESCE(p.practitioner_id, m.recorded_by) AS practitioner_id,
                       m.type, CASE WHEN m.type = 'wasted' THEN m.reason END AS reason, m.quantity,
                       row_number() OVER (PARTITION BY m.treatment_session_id, m.lot_id ORDER BY m.recorded_at, m.id) AS of_lot,
                       row_number() OVER (PARTITION BY m.treatment_session_id, l.product_id ORDER BY m.recorded_at, m.id) AS of_product,
                       row_number() OVER (PARTITION BY m.treatment_session_id ORDER BY m.recorded_at, m.id) AS of_session
                  FROM stock_movements m
                  JOIN lots l ON l.organization_id = m.organization_id AND l.id = m.lot_id
                  LEFT JOIN treatment_session_directory p ON p.organization_id = m.organization_id AND p.session_id = m.treatment_session_id
                 WHERE m.type IN ('received', 'used', 'wasted')) m
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
        ALTER TABLE cartridge_ledger_days ENABLE TRIGGER cartridge_ledger_days_derived;
      END $$`);
    await q.query(`SELECT recount_cartridge_ledger_days()`);
    await q.query(`ANALYZE cartridge_ledger_days`);

    // What the reports module reads: the days of needle cartridges with names, and the balances of cartridge lots.
    await q.query(`
      CREATE VIEW cartridge_ledger_day_facts WITH (security_invoker = true) AS
        SELECT d.organization_id, d.occurred_on, d.location_id, d.lot_id, l.lot_number, l.expires_on, d.product_id, p.name AS product_name,
               d.practitioner_id, d.type, d.reason, d.quantity, d.first_uses_of_lot, d.first_uses_of_product, d.first_uses
          FROM cartridge_ledger_days d
          JOIN lots l ON l.organization_id = d.organization_id AND l.id = d.lot_id
          JOIN products p ON p.organization_id = d.organization_id AND p.id = d.product_id
         WHERE p.kind = 'needle_cartridge'`);
    await q.query(`
      CREATE VIEW cartridge_lot_balances WITH (security_invoker = true) AS
        SELECT b.organization_id, b.location_id, b.lot_id, l.lot_number, l.expires_on, l.product_id, p.name AS product_name, b.on_hand
          FROM stock_balances b
          JOIN lots l ON l.organization_id = b.organization_id AND l.id = b.lot_id
          JOIN products p ON p.organization_id = l.organization_id AND p.id = l.product_id
         WHERE p.kind = 'needle_cartridge'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW cartridge_lot_balances`);
    await q.query(`DROP VIEW cartridge_ledger_day_facts`);
    await q.query(`DROP FUNCTION recount_cartridge_ledger_days()`);
    await q.query(`DROP TRIGGER stock_movements_report_days ON stock_movements`);
    await q.query(`DROP FUNCTION keep_cartridge_ledger_days()`);
    await q.query(`DROP TRIGGER stock_movements_use_open_session ON stock_movements`);
    await q.query(`DROP FUNCTION refuse_use_on_signed_session()`);
    await q.query(`DROP INDEX stock_movements_day_idx`);
    await q.query(`DROP TABLE cartridge_ledger_days`);
  }
}
