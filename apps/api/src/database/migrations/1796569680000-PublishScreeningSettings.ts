import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clinic's screening overrides (settings key "screening"), published by organizations for the patients module:
 * the eligibility check then reads the patient, the latest medical history and the overrides in one statement.
 * `security_invoker`, like the other published views.
 */
export class PublishScreeningSettings1796569680000 implements MigrationInterface {
  name = 'PublishScreeningSettings1796569680000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW organization_screening_settings WITH (security_invoker = true) AS
        SELECT id AS organization_id, settings -> 'screening' AS screening FROM organizations`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW organization_screening_settings`);
  }
}
