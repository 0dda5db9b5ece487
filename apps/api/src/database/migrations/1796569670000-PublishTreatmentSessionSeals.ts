import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: a treatment session reads in one statement, the record hash sealed at signing included. The hash lives in
 * the HMAC-chained `treatment_session.signed` audit event, which treatments may not read from audit_events; audit
 * publishes it here (the session's id, when it was sealed, the hash), served by audit_events_entity_idx.
 */
export class PublishTreatmentSessionSeals1796569670000 implements MigrationInterface {
  name = 'PublishTreatmentSessionSeals1796569670000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW treatment_session_seals WITH (security_invoker = true) AS
        SELECT e.organization_id, e.entity_id AS session_id, e.id AS event_id, e.occurred_at,
               e.changes -> 'sessionHash' ->> 'to' AS session_hash
          FROM audit_events e
         WHERE e.entity_type = 'treatment_session' AND e.action = 'treatment_session.signed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW treatment_session_seals`);
  }
}
