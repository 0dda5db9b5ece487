import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: the treatments module publishes what the outcomes-by-depth report needs, so the reports module reads
 * views, not treatments' tables. A course is a treatment plan, or for treatment outside a plan the patient's own
 * unplanned sessions and scores (the same baseline rule as the assessments list: the first score on a scale in the
 * same course). Only signed sessions count: an unsigned chart is not yet a record. The course of a session comes from
 * its appointment (scheduling's appointment_treatment_context). `security_invoker`, so the reader's row-level
 * security applies.
 */
export class PublishOutcomeReportFacts1796569800000 implements MigrationInterface {
  name = 'PublishOutcomeReportFacts1796569800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW course_session_facts WITH (security_invoker = true) AS
        SELECT s.organization_id, s.patient_id, c.treatment_plan_id AS course_id, s.id AS session_id, s.location_id,
               s.practitioner_id, s.device_id, s.max_depth_mm, s.procedure_kind, s.indication, s.performed_on
          FROM treatment_sessions s
          LEFT JOIN appointment_treatment_context c ON c.organization_id = s.organization_id AND c.id = s.appointment_id
         WHERE s.status = 'signed'`);
    await q.query(`
      CREATE VIEW course_outcome_scores WITH (security_invoker = true) AS
        SELECT a.organization_id, a.patient_id, a.plan_id AS course_id, a.id AS assessment_id, a.scale, a.score,
               a.assessed_on, a.recorded_at
          FROM outcome_assessments a`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW course_outcome_scores`);
    await q.query(`DROP VIEW course_session_facts`);
  }
}
