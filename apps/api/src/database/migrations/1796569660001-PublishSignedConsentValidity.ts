import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consents module publishes what a signed consent's validity depends on (issue 15: check-in and the next
 * appointment's missing consents read the appointment and the patient's consents in ONE statement): kind, when signed
 * and revoked, validity days on the clinic calendar recorded with it, the template version and the template's
 * re-consent versions. The rule itself stays consents' code (ConsentStatusService). `security_invoker`, so the
 * reader's row-level security applies.
 */
export class PublishSignedConsentValidity1796569660001 implements MigrationInterface {
  name = 'PublishSignedConsentValidity1796569660001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW signed_consent_validity WITH (security_invoker = true) AS
        SELECT r.organization_id, r.patient_id, r.id, r.kind, r.signed_at, r.revoked_at, r.valid_days, r.time_zone, r.template_version,
               coalesce((SELECT array_agg(v.version ORDER BY v.version) FROM consent_template_versions v
                          WHERE v.organization_id = r.organization_id AND v.template_id = r.template_id AND v.requires_reconsent), '{}') AS reconsent_versions
          FROM consent_records r
         WHERE r.signed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW signed_consent_validity`);
  }
}
