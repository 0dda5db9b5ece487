import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inventory: products, lots, the append-only stock ledger, pen handpieces with their service log, and recalls.
 *
 * - Every table carries organization_id, and every reference is a composite (organization_id, id) foreign key, so a
 *   row can never point into another organization.
 * - `stock_movements` is the ledger: rows are never changed or deleted. `quantity` is the count as recorded (always
 *   positive, except a count adjustment, which is signed and non-zero); `delta` is its signed effect on the shelf.
 * - `stock_balances` holds on-hand per (lot, location), maintained only by a trigger on the ledger, with
 *   CHECK (on_hand >= 0): a movement that would take stock below zero fails in the database itself, whatever the
 *   application does. Its row lock also serializes concurrent withdrawals from the same shelf.
 * - Expired and depleted are derived (from the date and the balance); a lot stores only holds: quarantined, recalled.
 */
export class CreateInventory1795700000000 implements MigrationInterface {
  name = 'CreateInventory1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        manufacturer text NOT NULL CHECK (length(trim(manufacturer)) BETWEEN 1 AND 200),
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        gtin text CHECK (gtin ~ '^[0-9]{14}$'),
        kind text NOT NULL CHECK (kind IN ('needle_cartridge', 'anesthetic', 'serum', 'other')),
        needle_count smallint CHECK (needle_count BETWEEN 1 AND 100),
        single_use boolean NOT NULL,
        reorder_threshold integer NOT NULL DEFAULT 0 CHECK (reorder_threshold >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT products_needle_count_cartridges_only CHECK (needle_count IS NULL OR kind = 'needle_cartridge'),
        CONSTRAINT products_gtin_unique UNIQUE (organization_id, gtin),
        UNIQUE (organization_id, id)
      )`);

    await q.query(`
      CREATE TABLE lots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        product_id uuid NOT NULL,
        lot_number text NOT NULL CHECK (length(trim(lot_number)) BETWEEN 1 AND 20),
        expires_on date NOT NULL,
        manufactured_on date,
        supplier text CHECK (length(trim(supplier)) BETWEEN 1 AND 200),
        status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'quarantined', 'recalled')),
        status_reason text CHECK (length(status_reason) <= 1000),
        status_changed_at timestamptz,
        status_changed_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lots_manufactured_before_expiry CHECK (manufactured_on IS NULL OR manufactured_on <= expires_on),
        CONSTRAINT lots_hold_has_reason CHECK (status = 'available' OR status_reason IS NOT NULL),
        CONSTRAINT lots_number_unique UNIQUE (organization_id, product_id, lot_number),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, product_id) REFERENCES products(organization_id, id),
        FOREIGN KEY (organization_id, status_changed_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX lots_fefo_idx ON lots (organization_id, product_id, expires_on)`);

    await q.query(`
      CREATE TABLE stock_movements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        lot_id uuid NOT NULL,
        location_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('received', 'used', 'wasted', 'adjusted', 'transferred', 'returned')),
        quantity integer NOT NULL,
        -- Transfers are two linked rows: 'out' at the source, 'in' at the target, sharing transfer_id.
        direction text CHECK (direction IN ('in', 'out')),
        transfer_id uuid,
        counterpart_location_id uuid,
        reason text CHECK (length(reason) <= 1000),
        note text CHECK (length(note) <= 2000),
        -- The treatment session a 'used' movement belongs to; its foreign key comes with the sessions capability.
        treatment_session_id uuid,
        occurred_on date NOT NULL,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        delta integer GENERATED ALWAYS AS (
          CASE
            WHEN type IN ('received', 'adjusted') THEN quantity
            WHEN type = 'transferred' AND direction = 'in' THEN quantity
            ELSE -quantity
          END) STORED,
        CONSTRAINT stock_movements_quantity CHECK
          (CASE WHEN type = 'adjusted' THEN quantity <> 0 ELSE quantity > 0 END),
        CONSTRAINT stock_movements_transfer_linked CHECK
          ((type = 'transferred') = (transfer_id IS NOT NULL AND direction IS NOT NULL AND counterpart_location_id IS NOT NULL)),
        CONSTRAINT stock_movements_transfer_elsewhere CHECK (counterpart_location_id IS NULL OR counterpart_location_id <> location_id),
        CONSTRAINT stock_movements_transfer_pair UNIQUE (transfer_id, direction),
        CONSTRAINT stock_movements_waste_reason CHECK
          (type <> 'wasted' OR (reason IS NOT NULL AND reason IN ('dropped', 'packaging_damaged', 'contaminated', 'expired', 'other'))),
        CONSTRAINT stock_movements_adjustment_reason CHECK (type <> 'adjusted' OR (reason IS NOT NULL AND length(trim(reason)) > 0)),
        CONSTRAINT stock_movements_use_session CHECK ((type = 'used') = (treatment_session_id IS NOT NULL)),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, lot_id) REFERENCES lots(organization_id, id),
        FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id),
        FOREIGN KEY (organization_id, counterpart_location_id) REFERENCES locations(organization_id, id),
        FOREIGN KEY (organization_id, recorded_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX stock_movements_lot_idx ON stock_movements (lot_id, location_id, recorded_at)`);
    await q.query(`CREATE INDEX stock_movements_session_idx ON stock_movements (treatment_session_id) WHERE treatment_session_id IS NOT NULL`);
    await q.query(`
      CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row()`);
    await q.query(`
      CREATE TRIGGER stock_movements_no_truncate BEFORE TRUNCATE ON stock_movements
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);

    // A transfer is never half-recorded: at commit, each half must have its mirror (same lot and quantity, the
    // other direction, the locations swapped).
    await q.query(`
      CREATE FUNCTION check_transfer_pair() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM stock_movements m
          WHERE m.transfer_id = NEW.transfer_id AND m.id <> NEW.id AND m.lot_id = NEW.lot_id
            AND m.quantity = NEW.quantity AND m.direction <> NEW.direction
            AND m.location_id = NEW.counterpart_location_id AND m.counterpart_location_id = NEW.location_id
        ) THEN
          RAISE EXCEPTION 'transfer % has no matching % movement', NEW.transfer_id, CASE NEW.direction WHEN 'in' THEN 'out' ELSE 'in' END
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'stock_movements_transfer_pair';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER stock_movements_transfer_paired AFTER INSERT ON stock_movements
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.type = 'transferred')
      EXECUTE FUNCTION check_transfer_pair()`);

    await q.query(`
      CREATE TABLE stock_balances (
        organization_id uuid NOT NULL,
        lot_id uuid NOT NULL,
        location_id uuid NOT NULL,
        on_hand integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (lot_id, location_id),
        CONSTRAINT stock_balances_not_negative CHECK (on_hand >= 0),
        FOREIGN KEY (organization_id, lot_id) REFERENCES lots(organization_id, id),
        FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id)
      )`);
    await q.query(`CREATE INDEX stock_balances_location_idx ON stock_balances (organization_id, location_id)`);

    // Every ledger row moves the balance of its (lot, location); the CHECK above refuses a negative result. UPDATE
    // first: an upsert would check the proposed row (a negative delta) against the CHECK before finding the conflict.
    await q.query(`
      CREATE FUNCTION apply_stock_movement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE stock_balances SET on_hand = on_hand + NEW.delta, updated_at = now()
        WHERE lot_id = NEW.lot_id AND location_id = NEW.location_id;
        IF NOT FOUND THEN
          INSERT INTO stock_balances (organization_id, lot_id, location_id, on_hand)
          VALUES (NEW.organization_id, NEW.lot_id, NEW.location_id, NEW.delta)
          ON CONFLICT (lot_id, location_id)
          DO UPDATE SET on_hand = stock_balances.on_hand + EXCLUDED.on_hand, updated_at = now();
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER stock_movements_apply AFTER INSERT ON stock_movements
      FOR EACH ROW EXECUTE FUNCTION apply_stock_movement()`);

    // Balances are written only by the ledger trigger (trigger depth > 1), never directly.
    await q.query(`
      CREATE FUNCTION refuse_direct_stock_balance_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'stock_balances is derived from stock_movements: direct % refused', TG_OP
            USING ERRCODE = 'integrity_constraint_violation', HINT = 'Record a stock movement instead.';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER stock_balances_ledger_only BEFORE INSERT OR UPDATE OR DELETE ON stock_balances
      FOR EACH ROW EXECUTE FUNCTION refuse_direct_stock_balance_change()`);
    await q.query(`
      CREATE TRIGGER stock_balances_no_truncate BEFORE TRUNCATE ON stock_balances
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);

    await q.query(`
      CREATE TABLE recalls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        product_id uuid,
        gtin text CHECK (gtin ~ '^[0-9]{14}$'),
        recall_class text NOT NULL CHECK (recall_class IN ('I', 'II', 'III')),
        reason text NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 1000),
        reference text CHECK (length(trim(reference)) BETWEEN 1 AND 200),
        source text NOT NULL CHECK (source IN ('lot', 'notice')),
        lot_numbers text[] NOT NULL CHECK (cardinality(lot_numbers) >= 1),
        lot_numbers_not_found text[] NOT NULL DEFAULT '{}',
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT recalls_names_product CHECK (product_id IS NOT NULL OR gtin IS NOT NULL),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, product_id) REFERENCES products(organization_id, id),
        FOREIGN KEY (organization_id, recorded_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`
      CREATE TABLE recall_lots (
        organization_id uuid NOT NULL,
        recall_id uuid NOT NULL,
        lot_id uuid NOT NULL,
        PRIMARY KEY (recall_id, lot_id),
        FOREIGN KEY (organization_id, recall_id) REFERENCES recalls(organization_id, id),
        FOREIGN KEY (organization_id, lot_id) REFERENCES lots(organization_id, id)
      )`);
    await q.query(`CREATE INDEX recall_lots_lot_idx ON recall_lots (lot_id)`);
    for (const table of ['recalls', 'recall_lots']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);
    }

    await q.query(`
      CREATE TABLE devices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        location_id uuid NOT NULL,
        model text NOT NULL CHECK (length(trim(model)) BETWEEN 1 AND 200),
        serial_number text NOT NULL CHECK (length(trim(serial_number)) BETWEEN 1 AND 100),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'out_of_service', 'retired')),
        status_reason text CHECK (length(status_reason) <= 1000),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT devices_serial_number_unique UNIQUE (organization_id, serial_number),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id)
      )`);
    await q.query(`
      CREATE TABLE device_service_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        device_id uuid NOT NULL,
        occurred_on date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('inspection', 'maintenance', 'repair', 'calibration', 'other')),
        description text NOT NULL CHECK (length(trim(description)) BETWEEN 1 AND 2000),
        performed_by text CHECK (length(trim(performed_by)) BETWEEN 1 AND 200),
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        FOREIGN KEY (organization_id, device_id) REFERENCES devices(organization_id, id),
        FOREIGN KEY (organization_id, recorded_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX device_service_events_device_idx ON device_service_events (device_id, occurred_on)`);
    await q.query(`
      CREATE TRIGGER device_service_events_append_only BEFORE UPDATE OR DELETE ON device_service_events
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row()`);
    await q.query(`
      CREATE TRIGGER device_service_events_no_truncate BEFORE TRUNCATE ON device_service_events
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE device_service_events`);
    await q.query(`DROP TABLE devices`);
    await q.query(`DROP TABLE recall_lots`);
    await q.query(`DROP TABLE recalls`);
    await q.query(`DROP TABLE stock_balances`);
    await q.query(`DROP TABLE stock_movements`);
    await q.query(`DROP FUNCTION refuse_direct_stock_balance_change`);
    await q.query(`DROP FUNCTION check_transfer_pair`);
    await q.query(`DROP FUNCTION apply_stock_movement`);
    await q.query(`DROP TABLE lots`);
    await q.query(`DROP TABLE products`);
  }
}
