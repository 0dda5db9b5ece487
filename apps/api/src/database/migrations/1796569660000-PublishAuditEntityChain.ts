import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit module publishes a record's audit events with what checking each one's place in the HMAC chain needs
 * (issue 15: a consent's verification and PDF read the record, its trail and the chain check in ONE statement):
 * the event, its MAC, its canonical content after the organization as the MAC covers it (CONTENT_TAIL_SQL in
 * audit/audit-chain.ts, frozen here) and the MAC of the event before it in the chain. The MAC itself is recomputed by
 * the audit module's code (the key never reaches SQL). `security_invoker`, so the reader's row-level security applies.
 */
export class PublishAuditEntityChain1796569660000 implements MigrationInterface {
  name = 'PublishAuditEntityChain1796569660000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW audit_entity_chain WITH (security_invoker = true) AS
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
                 WHERE p.organization_id = e.organization_id AND p.chain_seq = e.chain_seq - 1) AS previous_mac
          FROM audit_events e`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW audit_entity_chain`);
  }
}
