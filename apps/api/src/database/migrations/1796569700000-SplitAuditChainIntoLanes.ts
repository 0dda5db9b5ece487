import type { MigrationInterface, QueryRunner } from 'typeorm';

/** audit_entity_chain's columns up to previous_mac (as 1796569660000 published them), with `lane` the lane to match. */
const entityChainColumns = (sameLane: string) => `
  SELECT e.organization_id, e.entity_type, e.entity_id, e.id, e.action, e.occurred_at, e.actor_id, e.ip, e.changes,
         e.chain_seq::text AS chain_seq, encode(e.mac, 'hex') AS mac,
         concat_ws(',',
           COALESCE('"' || e.chain_seq::text || '"', 'null'),
           COALESCE('"' || to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '"', 'null'),
           COALESCE('"' || e.actor_id::text || '"', 'null'),
           COALESCE(to_json(e.action)::text, 'null'),
           COALESCE(to_json(e.entity_type)::text, 'null'),
           COALESCE(to_json(e.entity_id)::text, 'null'),
           COALESCE(to_json(e.ip)::text, 'null'),
           COALESCE(to_json(e.request_id)::text, 'null'),
           COALESCE(to_json(e.changes::text)::text, 'null')) || ']' AS chain_tail,
         (SELECT encode(p.mac, 'hex') FROM audit_events p
           WHERE p.organization_id = e.organization_id${sameLane} AND p.chain_seq = e.chain_seq - 1) AS previous_mac`;

/**
 * Lanes of the audit chain (issue 15, performance). A writer holds its chain's head locked until its transaction
 * commits, so with one chain per organization every audited request of a clinic waited for the previous one's commit
 * (its fsync): ~250 requests/s per clinic whatever the CPU. Each organization now has several independent chains,
 * "lanes", each a complete HMAC chain with its own head; concurrent transactions append to different lanes and commit
 * together (PostgreSQL's group commit). The API gives each database connection its own lane (AuditService).
 *
 * - `audit_chain_heads` is keyed by (organization_id, lane); the trigger keeps each lane's head moving forward only
 *   and refuses DELETE, TRUNCATE stays refused. `legacy_max_event_id` (the rows before the chain) stays on lane 0's
 *   row, where migration 1796228129556 put it; other lanes' rows must hold 0, so a new lane row cannot hide
 *   inserted unchained rows.
 * - `audit_events.chain_lane` NOT NULL DEFAULT 0: existing chained rows are lane 0 with no rewrite of the table
 *   (a constant default is stored once, and the append-only trigger never sees an UPDATE). Unchained rows (before
 *   the chain, chain_seq NULL) keep being told apart by chain_seq alone, as everywhere so far; their lane is 0.
 * - The sequence is unique per (organization_id, chain_lane); that index serves the verifier's range reads per lane
 *   and the previous event's look-up in audit_entity_chain. A partial index of the unchained rows serves the
 *   verifier's count of them.
 * - audit_entity_chain finds an event's predecessor in its own lane and publishes `chain_lane`, which selects the
 *   MAC's message (lane 0: v1 as before; others: v2, which covers the lane).
 */
export class SplitAuditChainIntoLanes1796569700000 implements MigrationInterface {
  name = 'SplitAuditChainIntoLanes1796569700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_events
        ADD COLUMN chain_lane smallint NOT NULL DEFAULT 0,
        ADD CONSTRAINT audit_events_chain_lane CHECK (chain_lane >= 0 AND (chain_seq IS NOT NULL OR chain_lane = 0))`);
    await q.query(`CREATE UNIQUE INDEX audit_events_chain_lane_idx ON audit_events (organization_id, chain_lane, chain_seq) WHERE chain_seq IS NOT NULL`);
    await q.query(`DROP INDEX audit_events_chain_idx`);
    // The verifier's first statement counts the rows before the chain and looks for unchained rows after it: without
    // this (small: only unchained rows enter it) it scans the whole table.
    await q.query(`CREATE INDEX audit_events_unchained_idx ON audit_events (organization_id, id) WHERE chain_seq IS NULL`);

    await q.query(`
      ALTER TABLE audit_chain_heads
        ADD COLUMN lane smallint NOT NULL DEFAULT 0 CONSTRAINT audit_chain_heads_lane CHECK (lane >= 0),
        ADD CONSTRAINT audit_chain_heads_legacy_in_lane_0 CHECK (lane = 0 OR legacy_max_event_id = 0)`);
    // Existing heads are lane 0; from now on every writer names its lane.
    await q.query(`ALTER TABLE audit_chain_heads ALTER COLUMN lane DROP DEFAULT`);
    await q.query(`ALTER TABLE audit_chain_heads DROP CONSTRAINT audit_chain_heads_pkey, ADD PRIMARY KEY (organization_id, lane)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_chain_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'audit_chain_heads: DELETE refused' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NEW.organization_id <> OLD.organization_id OR NEW.lane <> OLD.lane OR NEW.legacy_max_event_id <> OLD.legacy_max_event_id
           OR NEW.last_seq < OLD.last_seq THEN
          RAISE EXCEPTION 'audit_chain_heads: the chain head only moves forward' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);

    // Same columns in the same order (CREATE OR REPLACE keeps the app role's grant), chain_lane added at the end.
    await q.query(`
      CREATE OR REPLACE VIEW audit_entity_chain WITH (security_invoker = true) AS
        ${entityChainColumns(' AND p.chain_lane = e.chain_lane')},
               e.chain_lane
          FROM audit_events e`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ lanes }] = await q.query(`SELECT count(*)::int AS lanes FROM audit_chain_heads WHERE lane > 0`);
    // Lanes cannot be merged back into one chain without the key (their MACs would have to be recomputed).
    if (lanes > 0) throw new Error('Audit chain lanes other than 0 are in use: their events cannot be merged back into one chain without the HMAC key');
    await q.query(`DROP VIEW audit_entity_chain`);
    await q.query(`
      CREATE VIEW audit_entity_chain WITH (security_invoker = true) AS
        ${entityChainColumns('')}
          FROM audit_events e`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_chain_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`ALTER TABLE audit_chain_heads DROP CONSTRAINT audit_chain_heads_pkey, ADD PRIMARY KEY (organization_id)`);
    await q.query(`ALTER TABLE audit_chain_heads DROP CONSTRAINT audit_chain_heads_legacy_in_lane_0, DROP COLUMN lane`);
    await q.query(`DROP INDEX audit_events_unchained_idx`);
    await q.query(`CREATE UNIQUE INDEX audit_events_chain_idx ON audit_events (organization_id, chain_seq) WHERE chain_seq IS NOT NULL`);
    await q.query(`DROP INDEX audit_events_chain_lane_idx`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_chain_lane, DROP COLUMN chain_lane`);
  }
}
