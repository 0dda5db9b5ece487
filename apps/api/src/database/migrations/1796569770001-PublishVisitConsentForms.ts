import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 (pre-visit forms) within issue 15's budget: the manage link's forms page reads the appointment, the
 * patient's latest medical history and the visit's consents in ONE statement. The consents module publishes a visit's
 * consents as its patient may read and sign them: not revoked, and when unsigned not superseded by a re-consent
 * version of the template (those are prepared again, not signed); with the text, acknowledgements, the practitioner
 * named, where the signature stands and whether the form asks a witness. `security_invoker`, so the reader's
 * row-level security applies.
 */
export class PublishVisitConsentForms1796569770001 implements MigrationInterface {
  name = 'PublishVisitConsentForms1796569770001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW visit_consent_forms WITH (security_invoker = true) AS
        SELECT r.organization_id, r.patient_id, r.appointment_id, r.id, r.kind, r.title, r.body, r.acknowledgements,
               r.placeholder_values ->> 'practitioner' AS practitioner_name, r.signed_at, r.signed_remotely, r.witnessed_at,
               t.witness_required, r.created_at
          FROM consent_records r
          JOIN consent_templates t ON t.organization_id = r.organization_id AND t.id = r.template_id
         WHERE r.appointment_id IS NOT NULL AND r.revoked_at IS NULL
           AND (r.signed_at IS NOT NULL OR NOT EXISTS (
                 SELECT 1 FROM consent_template_versions v
                  WHERE v.organization_id = r.organization_id AND v.template_id = r.template_id
                    AND v.version > r.template_version AND v.requires_reconsent))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW visit_consent_forms`);
  }
}
