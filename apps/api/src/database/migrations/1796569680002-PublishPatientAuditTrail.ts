import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every audit event about a patient record, with who did it, published by audit for the patients module: the
 * patient export reads its access log in the same statement as the record, the history and the timeline.
 * `security_invoker`, like the other published views.
 */
export class PublishPatientAuditTrail1796569680002 implements MigrationInterface {
  name = 'PublishPatientAuditTrail1796569680002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW patient_audit_trail_rows WITH (security_invoker = true) AS
        SELECT e.organization_id, e.entity_id AS patient_id, e.id, e.occurred_at, e.action, s.name AS actor_name
          FROM audit_events e LEFT JOIN staff_directory s ON s.id = e.actor_id
         WHERE e.entity_type = 'patient'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW patient_audit_trail_rows`);
  }
}
