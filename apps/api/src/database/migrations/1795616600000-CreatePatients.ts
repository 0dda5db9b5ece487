import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patients with a per-organization medical record number, normalized columns for search, and the append-only
 * versions of their medical-history questionnaire.
 *
 * - MRNs come from `patient_mrn_counters`, one row per organization incremented with an upsert inside the creating
 *   transaction: concurrent creates queue on that row, so numbers never collide (and a rolled-back create gives its
 *   number back).
 * - `search_name` (lower-cased, common Latin accents folded) and `phone_digits` are generated, so every writer,
 *   including bulk SQL, keeps them right. Name search uses a GIN trigram index led by organization_id (btree_gin), so
 *   one clinic's search never wades through another's patients.
 * - Patients are never deleted (archive instead); medical-history versions are never changed or deleted.
 */
export class CreatePatients1795616600000 implements MigrationInterface {
  name = 'CreatePatients1795616600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);

    // The same folding is applied to search terms (see patient-search.service.ts), so "José" finds "Jose".
    await q.query(`
      CREATE FUNCTION patient_search_text(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
      AS $$ SELECT translate(lower(value),
        'àáâãäåāăąçćčďđèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿžźż',
        'aaaaaaaaacccddeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz') $$`);

    await q.query(`
      CREATE FUNCTION refuse_hard_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are never deleted: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'integrity_constraint_violation', HINT = 'Archive the record instead.';
      END $$`);

    await q.query(`
      CREATE TABLE patient_mrn_counters (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id),
        last_number integer NOT NULL CHECK (last_number >= 0)
      )`);

    await q.query(`
      CREATE TABLE patients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        mrn text NOT NULL CHECK (mrn ~ '^SL-[0-9]{6,}$'),
        external_id text CHECK (length(trim(external_id)) BETWEEN 1 AND 100),
        first_name text NOT NULL CHECK (length(trim(first_name)) BETWEEN 1 AND 100),
        last_name text NOT NULL CHECK (length(trim(last_name)) BETWEEN 1 AND 100),
        preferred_name text CHECK (length(trim(preferred_name)) BETWEEN 1 AND 100),
        date_of_birth date NOT NULL,
        -- HL7 FHIR administrative gender.
        sex text NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        -- Stored normalized: an optional leading + and 7 to 15 digits (E.164 length).
        phone text CHECK (phone ~ '^\\+?[0-9]{7,15}$'),
        email text CHECK (email = lower(email) AND email LIKE '%_@_%' AND length(email) <= 254),
        address jsonb CHECK (jsonb_typeof(address) = 'object'),
        emergency_contact jsonb CHECK (jsonb_typeof(emergency_contact) = 'object'),
        fitzpatrick_type smallint CHECK (fitzpatrick_type BETWEEN 1 AND 6),
        allergies jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(allergies) = 'array'),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
        tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 30),
        archived_at timestamptz,
        archived_by uuid,
        archive_reason text CHECK (length(archive_reason) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        phone_digits text GENERATED ALWAYS AS (nullif(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '')) STORED,
        search_name text GENERATED ALWAYS AS
          (patient_search_text(first_name || ' ' || last_name || coalesce(' ' || preferred_name, ''))) STORED,
        CONSTRAINT patients_mrn_unique UNIQUE (organization_id, mrn),
        CONSTRAINT patients_external_id_unique UNIQUE (organization_id, external_id),
        -- Not after today anywhere on Earth (UTC+14 is the first to reach a date), whatever the server's zone.
        CONSTRAINT patients_date_of_birth_past CHECK
          (date_of_birth BETWEEN DATE '1900-01-01' AND (now() AT TIME ZONE 'Pacific/Kiritimati')::date),
        CONSTRAINT patients_archived_consistent CHECK
          ((archived_at IS NULL) = (archived_by IS NULL) AND (archive_reason IS NULL OR archived_at IS NOT NULL)),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, archived_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX patients_search_name_trgm_idx ON patients USING gin (organization_id, search_name gin_trgm_ops)`);
    // Phone search matches the end of the number ("555 0100" finds +1 212 555 0100): a prefix search on the reversed digits.
    await q.query(`
      CREATE INDEX patients_phone_digits_idx ON patients (organization_id, reverse(phone_digits) text_pattern_ops)
      WHERE phone_digits IS NOT NULL`);
    await q.query(`CREATE INDEX patients_email_idx ON patients (organization_id, email text_pattern_ops) WHERE email IS NOT NULL`);
    await q.query(`CREATE INDEX patients_date_of_birth_idx ON patients (organization_id, date_of_birth)`);
    await q.query(`CREATE INDEX patients_name_order_idx ON patients (organization_id, last_name, first_name, id)`);
    // Counts the organization's active patients from the index alone (the unfiltered list's total).
    await q.query(`CREATE INDEX patients_active_idx ON patients (organization_id) WHERE archived_at IS NULL`);
    await q.query(`
      CREATE TRIGGER patients_never_deleted BEFORE DELETE ON patients
      FOR EACH ROW EXECUTE FUNCTION refuse_hard_delete()`);
    await q.query(`
      CREATE TRIGGER patients_no_truncate BEFORE TRUNCATE ON patients
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_hard_delete()`);

    await q.query(`
      CREATE TABLE patient_medical_histories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        patient_id uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id),
        FOREIGN KEY (organization_id, recorded_by) REFERENCES staff_members(organization_id, id),
        CONSTRAINT patient_medical_histories_version_unique UNIQUE (patient_id, version)
      )`);
    await q.query(`
      CREATE TRIGGER patient_medical_histories_append_only BEFORE UPDATE OR DELETE ON patient_medical_histories
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row()`);
    await q.query(`
      CREATE TRIGGER patient_medical_histories_no_truncate BEFORE TRUNCATE ON patient_medical_histories
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE patient_medical_histories`);
    await q.query(`DROP TABLE patients`);
    await q.query(`DROP TABLE patient_mrn_counters`);
    await q.query(`DROP FUNCTION refuse_hard_delete`);
    await q.query(`DROP FUNCTION patient_search_text`);
  }
}
