import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the preflight of a booked appointment reads the appointment, the patient's screening facts and signed
 * consents in ONE statement. The patients module publishes what screening a patient needs: phototype, the allergies
 * on the record, whether archived, the latest medical history (version, answers, when recorded) and the clinic's
 * screening overrides. The screening rule itself stays patients' code (EligibilityService), which reads this same
 * view for its own check. `security_invoker`, so the reader's row-level security applies.
 */
export class PublishPatientScreeningFacts1796569710000 implements MigrationInterface {
  name = 'PublishPatientScreeningFacts1796569710000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW patient_screening_facts WITH (security_invoker = true) AS
        SELECT p.organization_id, p.id AS patient_id, p.fitzpatrick_type, p.allergies, p.archived_at IS NOT NULL AS archived,
               h.version AS history_version, h.answers AS history_answers, h.recorded_at AS history_recorded_at,
               (SELECT s.screening FROM organization_screening_settings s WHERE s.organization_id = p.organization_id) AS screening
          FROM patients p
          LEFT JOIN LATERAL (SELECT m.version, m.answers, m.recorded_at FROM patient_medical_histories m
                              WHERE m.organization_id = p.organization_id AND m.patient_id = p.id
                              ORDER BY m.version DESC LIMIT 1) h ON true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW patient_screening_facts`);
  }
}
