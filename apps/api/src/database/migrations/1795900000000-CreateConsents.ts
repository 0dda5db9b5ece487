import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent forms (domain.md section 6): templates with immutable published versions, and consent records that are
 * frozen once signed.
 *
 * - `consent_templates` is the editable head (kind, title, current version, medical-director approval);
 *   `consent_template_versions` are the published texts, never changed or deleted, so a signed record always points
 *   at the exact words the patient saw.
 * - `consent_records` carry a rendered snapshot from creation. A guard trigger refuses DELETE, any change to the
 *   snapshot, and any change to the signed content once signed; the witness and the revocation may each be set once
 *   and never changed afterwards. CHECKs keep a signed row complete (signature, typed name, hash, IP, user agent, the
 *   consent to sign electronically).
 * - `consent_template_seeds` remembers that an organization received the default templates, so they are seeded
 *   exactly once (at setup, or lazily for organizations that existed before this migration) and never come back
 *   after an admin changed them.
 */
export class CreateConsents1795900000000 implements MigrationInterface {
  name = 'CreateConsents1795900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consent_template_seeds (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id),
        seeded_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE consent_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        kind text NOT NULL CHECK (kind IN ('cosmetic_needling', 'medical_needling', 'topical_anesthetic', 'photography', 'custom')),
        title text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
        is_default boolean NOT NULL DEFAULT false,
        current_version integer NOT NULL DEFAULT 0 CHECK (current_version >= 0),
        -- "Review with your medical director": the version an owner or admin approved, by whom and when.
        approved_version integer,
        approved_at timestamptz,
        approved_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT consent_templates_approval_complete CHECK
          ((approved_version IS NULL) = (approved_at IS NULL) AND (approved_version IS NULL) = (approved_by IS NULL)),
        CONSTRAINT consent_templates_approved_published CHECK (approved_version IS NULL OR approved_version BETWEEN 1 AND current_version),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, approved_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX consent_templates_org_kind_idx ON consent_templates (organization_id, kind)`);

    await q.query(`
      CREATE TABLE consent_template_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        template_id uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        title text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 50000),
        acknowledgements jsonb NOT NULL CHECK (jsonb_typeof(acknowledgements) = 'array' AND jsonb_array_length(acknowledgements) BETWEEN 1 AND 30),
        valid_days integer NOT NULL CHECK (valid_days BETWEEN 1 AND 3650),
        requires_reconsent boolean NOT NULL DEFAULT false,
        change_note text CHECK (length(change_note) <= 1000),
        -- NULL for the defaults seeded by the system.
        published_by uuid,
        published_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT consent_template_versions_unique UNIQUE (template_id, version),
        CONSTRAINT consent_template_versions_first_no_reconsent CHECK (version > 1 OR NOT requires_reconsent),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, template_id) REFERENCES consent_templates(organization_id, id),
        FOREIGN KEY (organization_id, published_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`
      CREATE TRIGGER consent_template_versions_immutable BEFORE UPDATE OR DELETE ON consent_template_versions
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row()`);
    await q.query(`
      CREATE TRIGGER consent_template_versions_no_truncate BEFORE TRUNCATE ON consent_template_versions
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);

    await q.query(`
      CREATE TABLE consent_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        patient_id uuid NOT NULL,
        template_id uuid NOT NULL,
        template_version_id uuid NOT NULL,
        template_version integer NOT NULL CHECK (template_version >= 1),
        kind text NOT NULL CHECK (kind IN ('cosmetic_needling', 'medical_needling', 'topical_anesthetic', 'photography', 'custom')),
        -- The frozen snapshot: the version rendered with the patient's data when the consent was prepared.
        title text NOT NULL,
        body text NOT NULL,
        acknowledgements jsonb NOT NULL CHECK (jsonb_typeof(acknowledgements) = 'array'),
        placeholder_values jsonb NOT NULL CHECK (jsonb_typeof(placeholder_values) = 'object'),
        valid_days integer NOT NULL CHECK (valid_days BETWEEN 1 AND 3650),
        -- The clinic time zone whose calendar decides expiry and in which the documents show times.
        time_zone text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        -- Signature (ESIGN/UETA evidence).
        signed_at timestamptz,
        signer_name text CHECK (length(trim(signer_name)) BETWEEN 1 AND 200),
        accepted_acknowledgements text[],
        electronic_signature_consent boolean,
        signature text CHECK (length(signature) <= 700000),
        signer_ip text CHECK (length(signer_ip) <= 100),
        signer_user_agent text CHECK (length(signer_user_agent) <= 1000),
        signed_via_staff uuid,
        content_hash text CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        -- Witness: a staff member, chained into record_hash.
        witnessed_at timestamptz,
        witnessed_by uuid,
        witness_name text,
        record_hash text CHECK (record_hash ~ '^[0-9a-f]{64}$'),
        -- Withdrawal (or voiding before signing): who, when, why.
        revoked_at timestamptz,
        revoked_by uuid,
        revocation_reason text CHECK (length(trim(revocation_reason)) BETWEEN 1 AND 1000),
        CONSTRAINT consent_records_signed_complete CHECK (
          (signed_at IS NULL AND signer_name IS NULL AND accepted_acknowledgements IS NULL AND electronic_signature_consent IS NULL
            AND signature IS NULL AND signer_ip IS NULL AND signer_user_agent IS NULL AND content_hash IS NULL AND signed_via_staff IS NULL)
          OR (signed_at IS NOT NULL AND signer_name IS NOT NULL AND accepted_acknowledgements IS NOT NULL
            AND electronic_signature_consent AND signature ~ '^data:image/(png|svg\\+xml);base64,' AND signer_ip IS NOT NULL
            AND signer_user_agent IS NOT NULL AND content_hash IS NOT NULL AND signed_via_staff IS NOT NULL)),
        CONSTRAINT consent_records_witness_complete CHECK (
          (witnessed_at IS NULL AND witnessed_by IS NULL AND witness_name IS NULL AND record_hash IS NULL)
          OR (witnessed_at IS NOT NULL AND witnessed_by IS NOT NULL AND witness_name IS NOT NULL AND record_hash IS NOT NULL
            AND signed_at IS NOT NULL AND witnessed_at >= signed_at)),
        CONSTRAINT consent_records_revocation_complete CHECK (
          (revoked_at IS NULL AND revoked_by IS NULL AND revocation_reason IS NULL)
          OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revocation_reason IS NOT NULL)),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id),
        FOREIGN KEY (organization_id, template_id) REFERENCES consent_templates(organization_id, id),
        FOREIGN KEY (organization_id, template_version_id) REFERENCES consent_template_versions(organization_id, id),
        FOREIGN KEY (template_id, template_version) REFERENCES consent_template_versions(template_id, version),
        FOREIGN KEY (organization_id, created_by) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, signed_via_staff) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, witnessed_by) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, revoked_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX consent_records_patient_idx ON consent_records (organization_id, patient_id, kind, signed_at)`);

    // Signed content is frozen; the witness and the revocation are set at most once. Nothing is ever deleted.
    await q.query(`
      CREATE FUNCTION guard_consent_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'consent_records are never deleted' USING ERRCODE = 'integrity_constraint_violation',
            HINT = 'Revoke the consent instead.';
        END IF;
        IF (NEW.id, NEW.organization_id, NEW.patient_id, NEW.template_id, NEW.template_version_id, NEW.template_version, NEW.kind,
            NEW.title, NEW.body, NEW.acknowledgements, NEW.placeholder_values, NEW.valid_days, NEW.time_zone, NEW.created_by, NEW.created_at)
           IS DISTINCT FROM
           (OLD.id, OLD.organization_id, OLD.patient_id, OLD.template_id, OLD.template_version_id, OLD.template_version, OLD.kind,
            OLD.title, OLD.body, OLD.acknowledgements, OLD.placeholder_values, OLD.valid_days, OLD.time_zone, OLD.created_by, OLD.created_at) THEN
          RAISE EXCEPTION 'consent % snapshot cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.signed_at IS NOT NULL AND
           (NEW.signed_at, NEW.signer_name, NEW.accepted_acknowledgements, NEW.electronic_signature_consent, NEW.signature,
            NEW.signer_ip, NEW.signer_user_agent, NEW.signed_via_staff, NEW.content_hash)
           IS DISTINCT FROM
           (OLD.signed_at, OLD.signer_name, OLD.accepted_acknowledgements, OLD.electronic_signature_consent, OLD.signature,
            OLD.signer_ip, OLD.signer_user_agent, OLD.signed_via_staff, OLD.content_hash) THEN
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
      END $$`);
    await q.query(`
      CREATE TRIGGER consent_records_guard BEFORE UPDATE OR DELETE ON consent_records
      FOR EACH ROW EXECUTE FUNCTION guard_consent_record()`);
    await q.query(`
      CREATE TRIGGER consent_records_no_truncate BEFORE TRUNCATE ON consent_records
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consent_records`);
    await q.query(`DROP FUNCTION guard_consent_record`);
    await q.query(`DROP TABLE consent_template_versions`);
    await q.query(`DROP TABLE consent_templates`);
    await q.query(`DROP TABLE consent_template_seeds`);
  }
}
