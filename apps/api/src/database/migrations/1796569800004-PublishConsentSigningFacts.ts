import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: consents publish how each consent was signed, for the consent coverage report (kiosk against remote
 * signing through the patient's booking link, 1796569770000): when, on which clinic calendar, remotely or not, and the
 * visit it was prepared for (the report filters by the visit's place and practitioner).
 */
export class PublishConsentSigningFacts1796569800004 implements MigrationInterface {
  name = 'PublishConsentSigningFacts1796569800004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW consent_signing_facts WITH (security_invoker = true) AS
        SELECT organization_id, id AS consent_id, kind, signed_at, time_zone, signed_remotely, appointment_id
          FROM consent_records WHERE signed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW consent_signing_facts`);
  }
}
