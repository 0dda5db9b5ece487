import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * Issue 16, the clinic's side of online booking (patients module).
 *
 * - A self-registered patient (booked online, record created by the patient) shows "verify identity" until a staff
 *   member confirms it: who and when, set once together.
 * - Possible duplicates found when the public confirm created that record are kept as pairs (the new record, the
 *   existing one it resembles, what matched) until staff dismiss the pair ("not the same person") or merge the new
 *   record into the existing one.
 * - A merged record is never deleted (patients_never_deleted): it names the record it was merged into, when and by
 *   whom, and is archived, so lists, search and booking leave it out while its history stays readable.
 * - patient_identity_checks (published to scheduling): whether a patient's identity still needs checking, so the
 *   calendar and the check-in drawer can say so without reading the patients table.
 */
export class VerifyIdentityAndRecordPossibleDuplicates1796569780000 implements MigrationInterface {
  name = 'VerifyIdentityAndRecordPossibleDuplicates1796569780000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE patients
        ADD COLUMN identity_verified_at timestamptz,
        ADD COLUMN identity_verified_by uuid,
        ADD COLUMN merged_into_patient_id uuid,
        ADD COLUMN merged_at timestamptz,
        ADD COLUMN merged_by uuid,
        ADD CONSTRAINT patients_identity_verified_together CHECK ((identity_verified_at IS NULL) = (identity_verified_by IS NULL)),
        ADD CONSTRAINT patients_merged_together CHECK (
          (merged_into_patient_id IS NULL) = (merged_at IS NULL) AND (merged_at IS NULL) = (merged_by IS NULL)),
        ADD CONSTRAINT patients_merged_record_archived CHECK (merged_at IS NULL OR archived_at IS NOT NULL),
        ADD CONSTRAINT patients_not_merged_into_itself CHECK (merged_into_patient_id <> id),
        ADD CONSTRAINT patients_merged_into_fk FOREIGN KEY (organization_id, merged_into_patient_id) REFERENCES patients(organization_id, id)`);

    await q.query(`
      CREATE TABLE patient_possible_duplicates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        patient_id uuid NOT NULL,
        existing_patient_id uuid NOT NULL,
        matched_on text[] NOT NULL CHECK (cardinality(matched_on) > 0 AND matched_on <@ ARRAY['name_and_date_of_birth', 'email', 'phone']),
        found_at timestamptz NOT NULL DEFAULT now(),
        resolution text CHECK (resolution IN ('dismissed', 'merged')),
        resolved_at timestamptz,
        resolved_by uuid,
        CONSTRAINT patient_possible_duplicates_resolved_together CHECK (
          (resolution IS NULL) = (resolved_at IS NULL) AND (resolved_at IS NULL) = (resolved_by IS NULL)),
        CONSTRAINT patient_possible_duplicates_two_records CHECK (patient_id <> existing_patient_id),
        UNIQUE (organization_id, patient_id, existing_patient_id),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id),
        FOREIGN KEY (organization_id, existing_patient_id) REFERENCES patients(organization_id, id)
      )`);
    await q.query(`CREATE INDEX patient_possible_duplicates_open_idx ON patient_possible_duplicates (organization_id, found_at) WHERE resolution IS NULL`);
    await q.query(`ALTER TABLE patient_possible_duplicates ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE patient_possible_duplicates FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON patient_possible_duplicates USING (organization_id = ${TENANT}) WITH CHECK (organization_id = ${TENANT})`);

    await q.query(`
      CREATE VIEW patient_identity_checks WITH (security_invoker = true) AS
        SELECT id, organization_id, self_registered AND identity_verified_at IS NULL AS identity_to_verify
          FROM patients`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW patient_identity_checks`);
    await q.query(`DROP TABLE patient_possible_duplicates`);
    await q.query(`
      ALTER TABLE patients
        DROP CONSTRAINT patients_merged_into_fk,
        DROP COLUMN merged_by,
        DROP COLUMN merged_at,
        DROP COLUMN merged_into_patient_id,
        DROP COLUMN identity_verified_by,
        DROP COLUMN identity_verified_at`);
  }
}
