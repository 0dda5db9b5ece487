import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the preflight at the chair reads its appointment, the clinic's treatment settings and the practitioner's
 * licences in one statement. Organizations publishes the stored treatment settings (the key "treatment" of
 * `organizations.settings`, null when the clinic never set them: the defaults apply), as it does the reminder lead time.
 */
export class PublishTreatmentSettings1796569670002 implements MigrationInterface {
  name = 'PublishTreatmentSettings1796569670002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW organization_treatment_settings WITH (security_invoker = true) AS
        SELECT id AS organization_id, settings -> 'treatment' AS treatment_settings FROM organizations`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW organization_treatment_settings`);
  }
}
