import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/** The indications of libs/domain TREATMENT_INDICATIONS, as they were when this migration was written. */
const INDICATIONS = `('fine_lines', 'texture_pores', 'pigmentation', 'acne_scars', 'other_scars', 'stretch_marks', 'hair_loss')`;
/** The zones of libs/domain ZONE_CODES, likewise. */
const ZONES = `('forehead', 'glabella', 'periorbital', 'nose', 'cheeks', 'perioral', 'chin_jawline', 'neck_decollete', 'acne_scars', 'stretch_marks', 'scalp')`;

/**
 * Issue 13, at the chair:
 * - `treatment_sessions.indication`: what a session treats (acne scars, fine lines …), so "Start from last session"
 *   repeats the previous session of the same indication. Null for sessions charted before it existed. Adding a
 *   nullable column touches no row, so the signed-session lock trigger is not involved.
 * - `treatment_templates` and their zones: named protocols per indication (zones, depths, passes) kept by the clinic.
 *   Depths are on the device's 0.25 mm steps like a session's; the API also holds them to the clinic's zone maximums
 *   (libs/domain evaluateZoneDepths) when saving. A template is a starting point the practitioner edits, never part of
 *   a signed record, so it may be changed and deleted (its zones go with it); every change is audited.
 */
export class AddIndicationsAndTreatmentTemplates1796568300000 implements MigrationInterface {
  name = 'AddIndicationsAndTreatmentTemplates1796568300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE treatment_sessions ADD COLUMN indication text CONSTRAINT treatment_sessions_indication CHECK (indication IN ${INDICATIONS})`);
    await q.query(`
      CREATE INDEX treatment_sessions_patient_indication_idx ON treatment_sessions (organization_id, patient_id, indication, performed_on DESC)
      WHERE indication IS NOT NULL`);

    await q.query(`
      CREATE TABLE treatment_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120 AND name = trim(name)),
        indication text NOT NULL CHECK (indication IN ${INDICATIONS}),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, created_by) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, updated_by) REFERENCES staff_members(organization_id, id)
      )`);
    // One name per clinic, whatever the letter case ("Acne scars, full face" and "acne scars, full face" are one).
    await q.query(`CREATE UNIQUE INDEX treatment_templates_name_key ON treatment_templates (organization_id, lower(name))`);
    await q.query(`CREATE INDEX treatment_templates_indication_idx ON treatment_templates (organization_id, indication)`);

    await q.query(`
      CREATE TABLE treatment_template_zones (
        organization_id uuid NOT NULL,
        template_id uuid NOT NULL,
        zone text NOT NULL CHECK (zone IN ${ZONES}),
        depth_mm numeric(4, 2) NOT NULL CHECK (depth_mm BETWEEN 0 AND 2.5 AND mod(depth_mm * 100, 25) = 0),
        passes smallint NOT NULL CHECK (passes BETWEEN 1 AND 20),
        position smallint NOT NULL CHECK (position >= 0),
        PRIMARY KEY (template_id, zone),
        FOREIGN KEY (organization_id, template_id) REFERENCES treatment_templates(organization_id, id) ON DELETE CASCADE
      )`);

    for (const table of ['treatment_templates', 'treatment_template_zones']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${TENANT}) WITH CHECK (organization_id = ${TENANT})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE treatment_template_zones`);
    await q.query(`DROP TABLE treatment_templates`);
    await q.query(`DROP INDEX treatment_sessions_patient_indication_idx`);
    await q.query(`ALTER TABLE treatment_sessions DROP COLUMN indication`);
  }
}
