import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * Issue 17: the safety report counts preflight refusals by reason, so every refused session start is now recorded
 * (treatments' `preflight_refusals`, append-only like the other clinical facts): who tried to start a session for
 * whom, where, from which appointment, and every reason the preflight gave (codes for counting, the messages as
 * shown). Written in a transaction of its own, so it stays although the request that was refused rolls back.
 *
 * And what the safety report reads, published by treatments: adverse events with their session's date, depth, pen
 * and place; the overrides a practitioner made (relative contraindications acknowledged with a reason, zones deeper
 * than the clinic's maximum with a reason); the refusals.
 */
export class RecordPreflightRefusals1796569800003 implements MigrationInterface {
  name = 'RecordPreflightRefusals1796569800003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE preflight_refusals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        patient_id uuid NOT NULL,
        location_id uuid NOT NULL,
        practitioner_id uuid NOT NULL,
        appointment_id uuid,
        procedure_kind text CHECK (procedure_kind IN ('cosmetic', 'medical')),
        codes text[] NOT NULL CHECK (cardinality(codes) BETWEEN 1 AND 50),
        reasons jsonb NOT NULL CHECK (jsonb_typeof(reasons) = 'array'),
        refused_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id),
        FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id),
        FOREIGN KEY (organization_id, practitioner_id) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, appointment_id) REFERENCES appointments(organization_id, id)
      )`);
    await q.query(`CREATE INDEX preflight_refusals_time_idx ON preflight_refusals (organization_id, refused_at)`);
    await q.query(`ALTER TABLE preflight_refusals ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE preflight_refusals FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON preflight_refusals USING (organization_id = ${TENANT}) WITH CHECK (organization_id = ${TENANT})`);
    await q.query(`
      CREATE TRIGGER preflight_refusals_append_only BEFORE UPDATE OR DELETE ON preflight_refusals
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row()`);
    await q.query(`
      CREATE TRIGGER preflight_refusals_no_truncate BEFORE TRUNCATE ON preflight_refusals
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);

    await q.query(`
      CREATE VIEW adverse_event_facts WITH (security_invoker = true) AS
        SELECT e.organization_id, e.id AS adverse_event_id, e.type, e.session_id, s.performed_on, s.max_depth_mm, s.device_id,
               s.location_id, s.practitioner_id
          FROM adverse_events e
          JOIN treatment_sessions s ON s.organization_id = e.organization_id AND s.id = e.session_id`);
    await q.query(`
      CREATE VIEW treatment_override_facts WITH (security_invoker = true) AS
        SELECT s.organization_id, s.id AS session_id, s.performed_on, s.location_id, s.practitioner_id, 'contraindication'::text AS kind,
               a.value->>'code' AS subject, NULL::numeric AS depth_mm, a.value->>'reason' AS reason
          FROM treatment_sessions s CROSS JOIN LATERAL jsonb_array_elements(s.acknowledgements) a
         WHERE s.status = 'signed'
        UNION ALL
        SELECT s.organization_id, s.id, s.performed_on, s.location_id, s.practitioner_id, 'depth', z.zone, z.depth_mm, z.override_reason
          FROM treatment_sessions s
          JOIN treatment_session_zones z ON z.organization_id = s.organization_id AND z.session_id = s.id
         WHERE s.status = 'signed' AND z.override_reason IS NOT NULL`);
    await q.query(`
      CREATE VIEW preflight_refusal_facts WITH (security_invoker = true) AS
        SELECT organization_id, id AS refusal_id, location_id, practitioner_id, procedure_kind, codes, refused_at FROM preflight_refusals`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW preflight_refusal_facts`);
    await q.query(`DROP VIEW treatment_override_facts`);
    await q.query(`DROP VIEW adverse_event_facts`);
    await q.query(`DROP TABLE preflight_refusals`);
  }
}
