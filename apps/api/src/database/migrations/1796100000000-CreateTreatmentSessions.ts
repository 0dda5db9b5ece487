import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Treatment sessions: the clinical record of one needling session, its depth per zone, addenda, adverse events,
 * photos and outcome assessments.
 *
 * - A session is charted while `in_progress` and locked by the treating practitioner's signature. Once signed, the
 *   database refuses any UPDATE or DELETE of the session and any change to its zones; corrections are addenda,
 *   which are append-only themselves.
 * - Depths are stored as numeric on the device's 0.25 mm steps from 0 to 2.5 mm (domain.md section 2): the CHECK
 *   refuses anything else even if the application were bypassed.
 * - The cartridge lots a session used are its `used` stock movements (stock_movements.treatment_session_id, whose
 *   foreign key is added here). The exposure index finds every session of a lot without touching other lots' rows.
 */
export class CreateTreatmentSessions1796100000000 implements MigrationInterface {
  name = 'CreateTreatmentSessions1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE treatment_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        patient_id uuid NOT NULL,
        location_id uuid NOT NULL,
        practitioner_id uuid NOT NULL,
        appointment_id uuid,
        walk_in_reason text CHECK (length(trim(walk_in_reason)) BETWEEN 1 AND 500),
        device_id uuid NOT NULL,
        procedure_kind text NOT NULL CHECK (procedure_kind IN ('cosmetic', 'medical')),
        max_depth_mm numeric(4, 2) NOT NULL CHECK (max_depth_mm BETWEEN 0 AND 2.5),
        performed_on date NOT NULL,
        started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        technique text CHECK (length(technique) <= 500),
        clinical_endpoint text CHECK (length(clinical_endpoint) <= 500),
        -- Immediate skin response (domain.md section 7: erythema grade 0-4).
        erythema_grade smallint CHECK (erythema_grade BETWEEN 0 AND 4),
        anesthetic_product text CHECK (length(trim(anesthetic_product)) BETWEEN 1 AND 200),
        anesthetic_strength text CHECK (length(trim(anesthetic_strength)) BETWEEN 1 AND 100),
        anesthetic_lot_number text CHECK (length(trim(anesthetic_lot_number)) BETWEEN 1 AND 40),
        anesthetic_area text CHECK (length(trim(anesthetic_area)) BETWEEN 1 AND 200),
        anesthetic_applied_at timestamptz,
        anesthetic_removed_at timestamptz,
        topical_products jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(topical_products) = 'array'),
        post_care_instructions text CHECK (length(post_care_instructions) <= 10000),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
        -- Relative contraindications the practitioner acknowledged, each with a reason, and the preflight warnings
        -- shown when the session started: part of the record of why treatment went ahead.
        acknowledgements jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(acknowledgements) = 'array'),
        preflight_warnings jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(preflight_warnings) = 'array'),
        photos_planned boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'signed')),
        signed_at timestamptz,
        signed_by uuid,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT treatment_sessions_walk_in_reason CHECK (appointment_id IS NOT NULL OR walk_in_reason IS NOT NULL),
        CONSTRAINT treatment_sessions_medical_depth CHECK ((procedure_kind = 'medical') = (max_depth_mm >= 0.5)),
        CONSTRAINT treatment_sessions_anesthetic_times CHECK
          (anesthetic_removed_at IS NULL OR (anesthetic_applied_at IS NOT NULL AND anesthetic_removed_at >= anesthetic_applied_at)),
        CONSTRAINT treatment_sessions_signature CHECK
          ((status = 'signed') = (signed_at IS NOT NULL AND signed_by IS NOT NULL)),
        -- Only the treating practitioner signs.
        CONSTRAINT treatment_sessions_signed_by_practitioner CHECK (signed_by IS NULL OR signed_by = practitioner_id),
        CONSTRAINT treatment_sessions_one_per_appointment UNIQUE (organization_id, appointment_id),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id),
        FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id),
        FOREIGN KEY (organization_id, practitioner_id) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, device_id) REFERENCES devices(organization_id, id),
        FOREIGN KEY (organization_id, appointment_id) REFERENCES appointments(organization_id, id),
        FOREIGN KEY (organization_id, created_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX treatment_sessions_patient_idx ON treatment_sessions (organization_id, patient_id, performed_on DESC)`);
    await q.query(`CREATE INDEX treatment_sessions_device_idx ON treatment_sessions (device_id, performed_on)`);
    await q.query(`
      CREATE INDEX treatment_sessions_medical_idx ON treatment_sessions (organization_id, patient_id, performed_on)
      WHERE procedure_kind = 'medical'`);

    // A signed session is the legal record: no UPDATE, no DELETE (corrections are addenda). An unsigned session may
    // be charted further but is never deleted: its cartridge was opened and its use is in the ledger.
    await q.query(`
      CREATE FUNCTION refuse_change_to_signed_session() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'treatment sessions are never deleted'
            USING ERRCODE = 'integrity_constraint_violation', HINT = 'Record an addendum instead.';
        END IF;
        IF OLD.status = 'signed' THEN
          RAISE EXCEPTION 'treatment session % is signed: % refused', OLD.id, TG_OP
            USING ERRCODE = 'integrity_constraint_violation', HINT = 'Record an addendum instead.';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER treatment_sessions_signed_immutable BEFORE UPDATE OR DELETE ON treatment_sessions
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_session()`);
    await q.query(`
      CREATE TRIGGER treatment_sessions_no_truncate BEFORE TRUNCATE ON treatment_sessions
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);

    await q.query(`
      CREATE TABLE treatment_session_zones (
        organization_id uuid NOT NULL,
        session_id uuid NOT NULL,
        zone text NOT NULL CHECK (zone ~ '^[a-z_]{1,40}$'),
        depth_mm numeric(4, 2) NOT NULL CHECK (depth_mm BETWEEN 0 AND 2.5 AND mod(depth_mm * 100, 25) = 0),
        passes smallint NOT NULL CHECK (passes BETWEEN 1 AND 20),
        override_reason text CHECK (length(trim(override_reason)) BETWEEN 1 AND 500),
        position smallint NOT NULL,
        PRIMARY KEY (session_id, zone),
        FOREIGN KEY (organization_id, session_id) REFERENCES treatment_sessions(organization_id, id)
      )`);
    await q.query(`
      CREATE FUNCTION refuse_change_to_signed_session_part() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        parent uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.session_id ELSE OLD.session_id END;
      BEGIN
        IF EXISTS (SELECT 1 FROM treatment_sessions WHERE id = parent AND status = 'signed') THEN
          RAISE EXCEPTION 'treatment session % is signed: % on % refused', parent, TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation', HINT = 'Record an addendum instead.';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER treatment_session_zones_signed_immutable BEFORE INSERT OR UPDATE OR DELETE ON treatment_session_zones
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_session_part()`);
    await q.query(`
      CREATE TRIGGER treatment_session_zones_no_truncate BEFORE TRUNCATE ON treatment_session_zones
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);

    await q.query(`
      CREATE TABLE treatment_session_addenda (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        session_id uuid NOT NULL,
        text text NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 5000),
        author_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        FOREIGN KEY (organization_id, session_id) REFERENCES treatment_sessions(organization_id, id),
        FOREIGN KEY (organization_id, author_id) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX treatment_session_addenda_session_idx ON treatment_session_addenda (session_id, created_at)`);

    await q.query(`
      CREATE TABLE adverse_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        session_id uuid NOT NULL,
        patient_id uuid NOT NULL,
        type text NOT NULL CHECK (type ~ '^[a-z_]{1,60}$'),
        onset_on date NOT NULL,
        -- Erythema-style grade 0-4 (domain.md section 7); null where a grade does not apply.
        grade smallint CHECK (grade BETWEEN 0 AND 4),
        duration_days integer CHECK (duration_days BETWEEN 0 AND 3650),
        description text NOT NULL CHECK (length(trim(description)) BETWEEN 1 AND 5000),
        treatment text NOT NULL DEFAULT '' CHECK (length(treatment) <= 5000),
        outcome text NOT NULL CHECK (outcome IN ('ongoing', 'resolving', 'resolved', 'resolved_with_sequelae', 'unknown')),
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, session_id) REFERENCES treatment_sessions(organization_id, id),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id),
        FOREIGN KEY (organization_id, recorded_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX adverse_events_session_idx ON adverse_events (session_id)`);
    await q.query(`CREATE INDEX adverse_events_patient_idx ON adverse_events (organization_id, patient_id, onset_on)`);

    await q.query(`
      CREATE TABLE treatment_session_photos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        session_id uuid NOT NULL,
        patient_id uuid NOT NULL,
        phase text NOT NULL CHECK (phase IN ('before', 'after')),
        angle text NOT NULL CHECK (angle IN ('front', 'left45', 'right45', 'left90', 'right90')),
        storage_key text NOT NULL CHECK (length(storage_key) BETWEEN 1 AND 300),
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
        byte_size integer NOT NULL CHECK (byte_size > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by uuid NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (organization_id, id),
        UNIQUE (storage_key),
        FOREIGN KEY (organization_id, session_id) REFERENCES treatment_sessions(organization_id, id),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id),
        FOREIGN KEY (organization_id, uploaded_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX treatment_session_photos_session_idx ON treatment_session_photos (session_id)`);
    await q.query(`CREATE INDEX treatment_session_photos_patient_idx ON treatment_session_photos (organization_id, patient_id, angle)`);

    await q.query(`
      CREATE TABLE outcome_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        patient_id uuid NOT NULL,
        scale text NOT NULL CHECK (scale ~ '^[a-z_]{1,60}$'),
        scale_version text NOT NULL CHECK (length(trim(scale_version)) BETWEEN 1 AND 60),
        score numeric(8, 2) NOT NULL,
        method text CHECK (length(trim(method)) BETWEEN 1 AND 200),
        assessed_on date NOT NULL,
        session_id uuid,
        plan_id uuid,
        photo_ids uuid[] NOT NULL DEFAULT '{}',
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
        assessor_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id),
        FOREIGN KEY (organization_id, session_id) REFERENCES treatment_sessions(organization_id, id),
        FOREIGN KEY (organization_id, plan_id) REFERENCES treatment_plans(organization_id, id),
        FOREIGN KEY (organization_id, assessor_id) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX outcome_assessments_patient_idx ON outcome_assessments (organization_id, patient_id, scale, assessed_on)`);

    for (const table of ['treatment_session_addenda', 'adverse_events', 'treatment_session_photos', 'outcome_assessments']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);
    }

    // The ledger's `used` rows now point at real sessions, and a lot's exposure is one index range.
    await q.query(`
      ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_treatment_session_fk
      FOREIGN KEY (organization_id, treatment_session_id) REFERENCES treatment_sessions(organization_id, id)`);
    await q.query(`
      CREATE INDEX stock_movements_exposure_idx ON stock_movements (lot_id, treatment_session_id) WHERE type = 'used'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX stock_movements_exposure_idx`);
    await q.query(`ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_treatment_session_fk`);
    await q.query(`DROP TABLE outcome_assessments`);
    await q.query(`DROP TABLE treatment_session_photos`);
    await q.query(`DROP TABLE adverse_events`);
    await q.query(`DROP TABLE treatment_session_addenda`);
    await q.query(`DROP TABLE treatment_session_zones`);
    await q.query(`DROP TABLE treatment_sessions`);
    await q.query(`DROP FUNCTION refuse_change_to_signed_session_part`);
    await q.query(`DROP FUNCTION refuse_change_to_signed_session`);
  }
}
