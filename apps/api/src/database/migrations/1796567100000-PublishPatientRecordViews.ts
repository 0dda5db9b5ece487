import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which patient a record belongs to, published by the module that owns each record (issue 12: a module owns its
 * tables) for the patient's access log, which audit assembles in one statement: events on the patient's consents,
 * treatment sessions, appointments and courses. One single-table view per owner, `security_invoker` so the reader's
 * privileges and the tables' row-level security apply (and, being single-table, a write through it is refused for
 * want of privilege like on the directory views).
 */
export class PublishPatientRecordViews1796567100000 implements MigrationInterface {
  name = 'PublishPatientRecordViews1796567100000';

  async up(q: QueryRunner): Promise<void> {
    // consents
    await q.query(`
      CREATE VIEW consent_record_patients WITH (security_invoker = true) AS
        SELECT id, organization_id, patient_id FROM consent_records`);
    // treatments
    await q.query(`
      CREATE VIEW treatment_session_patients WITH (security_invoker = true) AS
        SELECT id, organization_id, patient_id FROM treatment_sessions`);
    // scheduling
    await q.query(`
      CREATE VIEW appointment_patients WITH (security_invoker = true) AS
        SELECT id, organization_id, patient_id FROM appointments`);
    // A course's patient: scheduling's treatment_course_directory (1796567000000) already publishes it.
  }

  async down(q: QueryRunner): Promise<void> {
    for (const view of ['appointment_patients', 'treatment_session_patients', 'consent_record_patients']) {
      await q.query(`DROP VIEW ${view}`);
    }
  }
}
