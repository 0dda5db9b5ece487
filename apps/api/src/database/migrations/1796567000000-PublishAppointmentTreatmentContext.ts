import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduling's read contract for treatments (issue 12: a module owns its tables). A treatment needs of its appointment
 * who, where, with whom, its status, its course, and what the booked service asks (planned needling, consent kinds,
 * medical interval); assessments need a course's patient. Treatments joins these views instead of appointments,
 * services and treatment_plans, so scheduling may change its tables as long as the views keep their columns.
 * `security_invoker` keeps the tables' row-level security; the app role gets SELECT only (locks go through
 * AppointmentsService).
 */
export class PublishAppointmentTreatmentContext1796567000000 implements MigrationInterface {
  name = 'PublishAppointmentTreatmentContext1796567000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW appointment_treatment_context WITH (security_invoker = true) AS
        SELECT a.id, a.organization_id, a.patient_id, a.location_id, a.practitioner_id, a.status, a.starts_at, a.treatment_plan_id,
               s.procedure_kind AS service_procedure_kind, s.consent_kinds AS service_consent_kinds,
               s.min_days_since_previous_medical AS min_days_between_medical_sessions
          FROM appointments a JOIN services s ON s.id = a.service_id`);
    await q.query(`
      CREATE VIEW treatment_course_directory WITH (security_invoker = true) AS
        SELECT id, organization_id, patient_id, service_id, status FROM treatment_plans`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW treatment_course_directory`);
    await q.query(`DROP VIEW appointment_treatment_context`);
  }
}
