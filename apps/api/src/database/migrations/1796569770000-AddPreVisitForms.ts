import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, pre-visit forms through the manage link: the patient fills her medical history and signs her consents at
 * home, before the visit.
 *
 * - `patient_medical_histories.source`: 'staff' (entered by a signed-in staff member, `recorded_by` names them) or
 *   'patient' (filled in by the patient through her manage link: nobody on the staff recorded it, so `recorded_by` is
 *   NULL). Staff see a patient-reported version as "patient-reported, review at check-in". Versions stay append-only.
 * - `consent_records.signed_remotely`: signed by the patient through her manage link, not on the clinic's kiosk, so no
 *   staff member handed the tablet over (`signed_via_staff` is NULL then, and only then). Frozen with the signature
 *   by the guard trigger, like every signed column.
 * - `consent_records.created_by` may be NULL for a consent prepared when a patient's online booking was confirmed
 *   (nobody on the staff prepared it); such a consent always names its appointment.
 * - `consent_templates.witness_required`: the clinic's forms ask a staff witness by default (its kiosk practice); a
 *   remotely signed form that asks one is witnessed by staff at check-in.
 * - `outbound_messages.kind` 'forms_request': the e-mail with the manage link asking for the pre-visit forms.
 * - The timeline's rows say who recorded each version (`source`).
 * - The published views gain what check-in shows: the source of the latest history (patient_screening_facts) and,
 *   per signed consent, its title, whether signed remotely and whether witnessed or still to be (signed_consent_validity).
 */
export class AddPreVisitForms1796569770000 implements MigrationInterface {
  name = 'AddPreVisitForms1796569770000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE patient_medical_histories
        ADD COLUMN source text NOT NULL DEFAULT 'staff' CONSTRAINT patient_medical_histories_source_check CHECK (source IN ('staff', 'patient')),
        ALTER COLUMN recorded_by DROP NOT NULL,
        ADD CONSTRAINT patient_medical_histories_recorded_by_staff CHECK ((source = 'staff') = (recorded_by IS NOT NULL))`);

    await q.query(`ALTER TABLE consent_records ADD COLUMN signed_remotely boolean NOT NULL DEFAULT false, ALTER COLUMN created_by DROP NOT NULL`);
    await q.query(`ALTER TABLE consent_records DROP CONSTRAINT consent_records_signed_complete`);
    await q.query(`
      ALTER TABLE consent_records
        ADD CONSTRAINT consent_records_signed_complete CHECK (
          (signed_at IS NULL AND signer_name IS NULL AND accepted_acknowledgements IS NULL AND electronic_signature_consent IS NULL
            AND signature IS NULL AND signer_ip IS NULL AND signer_user_agent IS NULL AND content_hash IS NULL AND signed_via_staff IS NULL
            AND NOT signed_remotely)
          OR (signed_at IS NOT NULL AND signer_name IS NOT NULL AND accepted_acknowledgements IS NOT NULL
            AND electronic_signature_consent AND signature ~ '^data:image/(png|svg\\+xml);base64,' AND signer_ip IS NOT NULL
            AND signer_user_agent IS NOT NULL AND content_hash IS NOT NULL AND (signed_via_staff IS NULL) = signed_remotely)),
        ADD CONSTRAINT consent_records_prepared_by CHECK (created_by IS NOT NULL OR appointment_id IS NOT NULL)`);
    await q.query(guardFunction(true));

    await q.query(`ALTER TABLE consent_templates ADD COLUMN witness_required boolean NOT NULL DEFAULT true`);

    await q.query(`ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_kind_check`);
    await q.query(`
      ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_kind_check
        CHECK (kind IN ('booked', 'reminder', 'cancellation', 'reschedule', 'confirmation', 'no_show', 'waitlist_offer', 'booking_code', 'forms_request'))`);

    await q.query(`
      CREATE OR REPLACE VIEW patient_screening_facts WITH (security_invoker = true) AS
        SELECT p.organization_id, p.id AS patient_id, p.fitzpatrick_type, p.allergies, p.archived_at IS NOT NULL AS archived,
               h.version AS history_version, h.answers AS history_answers, h.recorded_at AS history_recorded_at,
               (SELECT s.screening FROM organization_screening_settings s WHERE s.organization_id = p.organization_id) AS screening,
               h.source AS history_source
          FROM patients p
          LEFT JOIN LATERAL (SELECT m.version, m.answers, m.recorded_at, m.source FROM patient_medical_histories m
                              WHERE m.organization_id = p.organization_id AND m.patient_id = p.id
                              ORDER BY m.version DESC LIMIT 1) h ON true`);
    await q.query(`
      CREATE OR REPLACE VIEW medical_history_timeline_rows WITH (security_invoker = true) AS
        SELECT h.organization_id, h.patient_id, h.id, h.version, h.recorded_at, s.name AS recorded_by_name, h.source
          FROM patient_medical_histories h LEFT JOIN staff_directory s ON s.id = h.recorded_by`);
    await q.query(`
      CREATE OR REPLACE VIEW signed_consent_validity WITH (security_invoker = true) AS
        SELECT r.organization_id, r.patient_id, r.id, r.kind, r.signed_at, r.revoked_at, r.valid_days, r.time_zone, r.template_version,
               coalesce((SELECT array_agg(v.version ORDER BY v.version) FROM consent_template_versions v
                          WHERE v.organization_id = r.organization_id AND v.template_id = r.template_id AND v.requires_reconsent), '{}') AS reconsent_versions,
               r.title, r.signed_remotely, r.witnessed_at IS NOT NULL AS witnessed,
               (SELECT t.witness_required FROM consent_templates t WHERE t.organization_id = r.organization_id AND t.id = r.template_id) AS witness_required,
               r.appointment_id
          FROM consent_records r
         WHERE r.signed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW signed_consent_validity`);
    await q.query(`
      CREATE VIEW signed_consent_validity WITH (security_invoker = true) AS
        SELECT r.organization_id, r.patient_id, r.id, r.kind, r.signed_at, r.revoked_at, r.valid_days, r.time_zone, r.template_version,
               coalesce((SELECT array_agg(v.version ORDER BY v.version) FROM consent_template_versions v
                          WHERE v.organization_id = r.organization_id AND v.template_id = r.template_id AND v.requires_reconsent), '{}') AS reconsent_versions
          FROM consent_records r
         WHERE r.signed_at IS NOT NULL`);
    await q.query(`DROP VIEW medical_history_timeline_rows`);
    await q.query(`
      CREATE VIEW medical_history_timeline_rows WITH (security_invoker = true) AS
        SELECT h.organization_id, h.patient_id, h.id, h.version, h.recorded_at, s.name AS recorded_by_name
          FROM patient_medical_histories h LEFT JOIN staff_directory s ON s.id = h.recorded_by`);
    await q.query(`DROP VIEW patient_screening_facts`);
    await q.query(`
      CREATE VIEW patient_screening_facts WITH (security_invoker = true) AS
        SELECT p.organization_id, p.id AS patient_id, p.fitzpatrick_type, p.allergies, p.archived_at IS NOT NULL AS archived,
               h.version AS history_version, h.answers AS history_answers, h.recorded_at AS history_recorded_at,
               (SELECT s.screening FROM organization_screening_settings s WHERE s.organization_id = p.organization_id) AS screening
          FROM patients p
          LEFT JOIN LATERAL (SELECT m.version, m.answers, m.recorded_at FROM patient_medical_histories m
                              WHERE m.organization_id = p.organization_id AND m.patient_id = p.id
                              ORDER BY m.version DESC LIMIT 1) h ON true`);
    await q.query(`DELETE FROM outbound_messages WHERE kind = 'forms_request'`);
    await q.query(`ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_kind_check`);
    await q.query(`
      ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_kind_check
        CHECK (kind IN ('booked', 'reminder', 'cancellation', 'reschedule', 'confirmation', 'no_show', 'waitlist_offer', 'booking_code'))`);
    await q.query(`ALTER TABLE consent_templates DROP COLUMN witness_required`);
    // Going down cannot keep what only the new columns allow (records signed remotely, patient-reported histories):
    // the down migration is for development databases only.
    await q.query(guardFunction(false));
    await q.query(`ALTER TABLE consent_records DROP CONSTRAINT consent_records_prepared_by, DROP CONSTRAINT consent_records_signed_complete`);
    await q.query(`ALTER TABLE consent_records DROP COLUMN signed_remotely`);
    await q.query(`
      ALTER TABLE consent_records
        ADD CONSTRAINT consent_records_signed_complete CHECK (
          (signed_at IS NULL AND signer_name IS NULL AND accepted_acknowledgements IS NULL AND electronic_signature_consent IS NULL
            AND signature IS NULL AND signer_ip IS NULL AND signer_user_agent IS NULL AND content_hash IS NULL AND signed_via_staff IS NULL)
          OR (signed_at IS NOT NULL AND signer_name IS NOT NULL AND accepted_acknowledgements IS NOT NULL
            AND electronic_signature_consent AND signature ~ '^data:image/(png|svg\\+xml);base64,' AND signer_ip IS NOT NULL
            AND signer_user_agent IS NOT NULL AND content_hash IS NOT NULL AND signed_via_staff IS NOT NULL)) NOT VALID`);
    await q.query(`ALTER TABLE consent_records ALTER COLUMN created_by SET NOT NULL`);
    await q.query(`
      ALTER TABLE patient_medical_histories
        DROP CONSTRAINT patient_medical_histories_recorded_by_staff,
        DROP COLUMN source,
        ALTER COLUMN recorded_by SET NOT NULL`);
  }
}

/** The consent guard of NameConsentPractitioner, with (or, going down, without) `signed_remotely` frozen with the signature. */
function guardFunction(withRemote: boolean): string {
  const extraNew = withRemote ? ', NEW.signed_remotely' : '';
  const extraOld = withRemote ? ', OLD.signed_remotely' : '';
  return `
    CREATE OR REPLACE FUNCTION guard_consent_record() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'consent_records are never deleted' USING ERRCODE = 'integrity_constraint_violation',
          HINT = 'Revoke the consent instead.';
      END IF;
      IF (NEW.id, NEW.organization_id, NEW.patient_id, NEW.template_id, NEW.template_version_id, NEW.template_version, NEW.kind,
          NEW.title, NEW.body, NEW.acknowledgements, NEW.placeholder_values, NEW.valid_days, NEW.time_zone, NEW.created_by, NEW.created_at,
          NEW.practitioner_id, NEW.appointment_id)
         IS DISTINCT FROM
         (OLD.id, OLD.organization_id, OLD.patient_id, OLD.template_id, OLD.template_version_id, OLD.template_version, OLD.kind,
          OLD.title, OLD.body, OLD.acknowledgements, OLD.placeholder_values, OLD.valid_days, OLD.time_zone, OLD.created_by, OLD.created_at,
          OLD.practitioner_id, OLD.appointment_id) THEN
        RAISE EXCEPTION 'consent % snapshot cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF OLD.signed_at IS NOT NULL AND
         (NEW.signed_at, NEW.signer_name, NEW.accepted_acknowledgements, NEW.electronic_signature_consent, NEW.signature,
          NEW.signer_ip, NEW.signer_user_agent, NEW.signed_via_staff, NEW.content_hash${extraNew})
         IS DISTINCT FROM
         (OLD.signed_at, OLD.signer_name, OLD.accepted_acknowledgements, OLD.electronic_signature_consent, OLD.signature,
          OLD.signer_ip, OLD.signer_user_agent, OLD.signed_via_staff, OLD.content_hash${extraOld}) THEN
        RAISE EXCEPTION 'consent % is signed: its signed content cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF OLD.witnessed_at IS NOT NULL AND
         (NEW.witnessed_at, NEW.witnessed_by, NEW.witness_name, NEW.record_hash)
         IS DISTINCT FROM (OLD.witnessed_at, OLD.witnessed_by, OLD.witness_name, OLD.record_hash) THEN
        RAISE EXCEPTION 'consent % is witnessed: the witness cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF OLD.revoked_at IS NOT NULL AND
         (NEW.revoked_at, NEW.revoked_by, NEW.revocation_reason) IS DISTINCT FROM (OLD.revoked_at, OLD.revoked_by, OLD.revocation_reason) THEN
        RAISE EXCEPTION 'consent % is revoked: the revocation cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF OLD.revoked_at IS NOT NULL AND OLD.signed_at IS NULL AND NEW.signed_at IS NOT NULL THEN
        RAISE EXCEPTION 'consent % was voided: it cannot be signed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN NEW;
    END $$`;
}
