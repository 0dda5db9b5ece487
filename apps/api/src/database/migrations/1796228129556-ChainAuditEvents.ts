import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tamper-evident audit chain (issue 11). Each organization's events form a chain: `chain_seq` numbers them
 * 1, 2, 3... per organization and `mac` is an HMAC-SHA256 over the event's canonical content and the previous
 * event's MAC, computed by the API with AUDIT_HMAC_KEY, a key the database never holds.
 *
 * - `audit_chain_heads` holds each organization's last sequence number and MAC. Writers lock their organization's
 *   row (INSERT ... ON CONFLICT DO UPDATE) until commit, so concurrent writers append one after another and never
 *   fork the chain. A trigger only lets the head move forward.
 * - Rows written before this migration cannot be chained here (the key is not in the database): they keep
 *   chain_seq NULL and are "before the chain". `legacy_max_event_id` records, per organization, the last such row;
 *   verification skips those and counts them, and any unchained row after it is a break (an inserted row).
 */
export class ChainAuditEvents1796228129556 implements MigrationInterface {
  name = 'ChainAuditEvents1796228129556';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events ADD COLUMN chain_seq bigint, ADD COLUMN mac bytea`);
    await q.query(`
      ALTER TABLE audit_events ADD CONSTRAINT audit_events_chained_together
        CHECK ((chain_seq IS NULL AND mac IS NULL) OR (chain_seq >= 1 AND octet_length(mac) = 32))`);
    await q.query(`CREATE UNIQUE INDEX audit_events_chain_idx ON audit_events (organization_id, chain_seq) WHERE chain_seq IS NOT NULL`);

    await q.query(`
      CREATE TABLE audit_chain_heads (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id),
        last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
        last_mac bytea CHECK (octet_length(last_mac) = 32),
        legacy_max_event_id bigint NOT NULL DEFAULT 0,
        CHECK ((last_seq = 0) = (last_mac IS NULL))
      )`);
    await q.query(`
      INSERT INTO audit_chain_heads (organization_id, legacy_max_event_id)
      SELECT organization_id, max(id) FROM audit_events GROUP BY organization_id`);
    await q.query(`
      CREATE FUNCTION audit_chain_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'audit_chain_heads: DELETE refused' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NEW.organization_id <> OLD.organization_id OR NEW.legacy_max_event_id <> OLD.legacy_max_event_id
           OR NEW.last_seq < OLD.last_seq THEN
          RAISE EXCEPTION 'audit_chain_heads: the chain head only moves forward' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_chain_heads_forward BEFORE UPDATE OR DELETE ON audit_chain_heads
      FOR EACH ROW EXECUTE FUNCTION audit_chain_head_moves_forward()`);
    await q.query(`
      CREATE TRIGGER audit_chain_heads_no_truncate BEFORE TRUNCATE ON audit_chain_heads
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);
    await q.query(`ALTER TABLE audit_chain_heads ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE audit_chain_heads FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON audit_chain_heads
        USING (organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid)
        WITH CHECK (organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_chain_heads`);
    await q.query(`DROP FUNCTION audit_chain_head_moves_forward`);
    await q.query(`DROP INDEX audit_events_chain_idx`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_chained_together`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN mac, DROP COLUMN chain_seq`);
  }
}
