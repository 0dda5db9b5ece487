import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Treatments' read contract for scheduling: the patient's medical needling sessions by date, which the medical
 * interval at booking counts beside booked appointments (domain.md section 3). Scheduling reads this view, never
 * treatment_sessions, so the two modules no longer read each other's tables (issue 12: the hidden cycle). The
 * partial index treatment_sessions_medical_idx serves it. `security_invoker` keeps the table's row-level security.
 */
export class PublishMedicalSessionHistory1796567000001 implements MigrationInterface {
  name = 'PublishMedicalSessionHistory1796567000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW medical_session_history WITH (security_invoker = true) AS
        SELECT id, organization_id, patient_id, appointment_id, performed_on
          FROM treatment_sessions WHERE procedure_kind = 'medical'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW medical_session_history`);
  }
}
