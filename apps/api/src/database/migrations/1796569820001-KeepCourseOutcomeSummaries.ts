import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;
/** Courses without a plan share this key per patient (the outcomes report's rule). */
const NO_PLAN = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * Issue 17: the outcomes-by-depth and safety reports read summaries treatments keeps in the transactions that write
 * the facts, instead of ranking every score and every signed session (1,000,000 sessions made them 1.5–3.6 s):
 *
 * - `course_outcome_summaries`: per course and scale, the baseline (first score), the last score, its date and how many
 *   scores — recomputed for the courses an insert touches (assessments are append-only). The order is the
 *   assessments list's: assessed_on, then recorded_at, then id.
 * - `course_depth_summaries`: per course, location, practitioner and indication, the deepest signed depth and how many
 *   signed sessions; counted when a session is signed (a signed session never changes). The course is the session's
 *   appointment's plan at signing (scheduling's appointment_treatment_context).
 * - `signed_session_lot_days`: per day, location, practitioner and lot, how many signed sessions used the lot (inventory's
 *   session_cartridge_uses at signing: cartridges are recorded while the session is open, and the ledger refuses a use
 *   on a signed session, 1796569820002).
 * - a covering index of signed sessions by day, so depth and pen counts over a year read the index alone; adverse events
 *   count only on signed sessions (as the other safety figures), which lets their sessions come from that index.
 * - overrides are rare: partial indexes find the sessions with acknowledged contraindications and the zones treated
 *   past the maximum, instead of unpacking every session's acknowledgements.
 *
 * Written only by the triggers (a direct change is refused); published to the reports module as views.
 */
export class KeepCourseOutcomeSummaries1796569820001 implements MigrationInterface {
  name = 'KeepCourseOutcomeSummaries1796569820001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE course_outcome_summaries (
        organization_id uuid NOT NULL,
        scale text NOT NULL,
        patient_id uuid NOT NULL,
        course_key uuid NOT NULL,
        baseline_score numeric(8, 2) NOT NULL,
        last_score numeric(8, 2) NOT NULL,
        last_on date NOT NULL,
        assessments integer NOT NULL CHECK (assessments > 0),
        PRIMARY KEY (organization_id, scale, patient_id, course_key),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id)
      )`);
    await q.query(`CREATE INDEX course_outcome_summaries_last_idx ON course_outcome_summaries (organization_id, scale, last_on) WHERE assessments >= 2`);
    await q.query(`
      CREATE TABLE course_depth_summaries (
        organization_id uuid NOT NULL,
        patient_id uuid NOT NULL,
        course_key uuid NOT NULL,
        location_id uuid NOT NULL,
        practitioner_id uuid NOT NULL,
        indication text,
        deepest_mm numeric NOT NULL,
        sessions integer NOT NULL CHECK (sessions > 0),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX course_depth_summaries_key ON course_depth_summaries
        (organization_id, patient_id, course_key, location_id, practitioner_id, indication) NULLS NOT DISTINCT`);
    await q.query(`
      CREATE TABLE signed_session_lot_days (
        organization_id uuid NOT NULL,
        performed_on date NOT NULL,
        location_id uuid NOT NULL,
        practitioner_id uuid NOT NULL,
        lot_id uuid NOT NULL,
        sessions integer NOT NULL CHECK (sessions > 0),
        PRIMARY KEY (organization_id, performed_on, location_id, practitioner_id, lot_id)
      )`);
    for (const table of ['course_outcome_summaries', 'course_depth_summaries', 'signed_session_lot_days']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${TENANT}) WITH CHECK (organization_id = ${TENANT})`);
      await q.query(`
        CREATE TRIGGER ${table}_derived BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_direct_report_summary_change()`);
    }
    await q.query(`
      CREATE INDEX treatment_sessions_signed_day_idx ON treatment_sessions (organization_id, performed_on)
        INCLUDE (location_id, practitioner_id, max_depth_mm, device_id, id) WHERE status = 'signed'`);

    await q.query(`
      CREATE INDEX treatment_sessions_acknowledged_idx ON treatment_sessions (organization_id, performed_on)
        WHERE status = 'signed' AND acknowledgements <> '[]'::jsonb`);
    await q.query(`CREATE INDEX treatment_session_zones_override_idx ON treatment_session_zones (organization_id, session_id) WHERE override_reason IS NOT NULL`);
    await q.query(`
      CREATE OR REPLACE VIEW treatment_override_facts WITH (security_invoker = true) AS
        SELECT s.organization_id, s.id AS session_id, s.performed_on, s.location_id, s.practitioner_id, 'contraindication'::text AS kind,
               a.value->>'code' AS subject, NULL::numeric AS depth_mm, a.value->>'reason' AS reason
          FROM treatment_sessions s CROSS JOIN LATERAL jsonb_array_elements(s.acknowledgements) a
         WHERE s.status = 'signed' AND s.acknowledgements <> '[]'::jsonb
        UNION ALL
        SELECT s.organization_id, s.id, s.performed_on, s.location_id, s.practitioner_id, 'depth', z.zone, z.depth_mm, z.override_reason
          FROM treatment_sessions s
          JOIN treatment_session_zones z ON z.organization_id = s.organization_id AND z.session_id = s.id
         WHERE s.status = 'signed' AND z.override_reason IS NOT NULL`);
    await q.query(`
      CREATE OR REPLACE VIEW adverse_event_facts WITH (security_invoker = true) AS
        SELECT e.organization_id, e.id AS adverse_event_id, e.type, e.session_id, s.performed_on, s.max_depth_mm, s.device_id,
               s.location_id, s.practitioner_id
          FROM adverse_events e
          JOIN treatment_sessions s ON s.organization_id = e.organization_id AND s.id = e.session_id
         WHERE s.status = 'signed'`);

    // A course's scores on a scale, summarised again from the assessments (the index on patient and scale serves it).
    // Two assessments of one course recorded at once must not overwrite each other's summary with a view that missed
    // the other: each course's summary row is locked first (created empty if new; in key order), and the summary is
    // read after the lock, by a statement of its own that sees what the other committed. Row locks, not advisory
    // ones: a bulk load touches 100,000 courses, more than the lock table holds.
    await q.query(`
      CREATE FUNCTION summarise_course_outcomes(courses jsonb) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO course_outcome_summaries (organization_id, scale, patient_id, course_key, baseline_score, last_score, last_on, assessments)
        SELECT DISTINCT c.organization_id, c.scale, c.patient_id, c.course_key, 0, 0, '-infinity'::date, 1
          FROM jsonb_to_recordset(courses) AS c(organization_id uuid, scale text, patient_id uuid, course_key uuid)
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (organization_id, scale, patient_id, course_key) DO NOTHING;
        PERFORM 1
           FROM course_outcome_summaries t
           JOIN jsonb_to_recordset(courses) AS c(organization_id uuid, scale text, patient_id uuid, course_key uuid)
             ON t.organization_id = c.organization_id AND t.scale = c.scale AND t.patient_id = c.patient_id AND t.course_key = c.course_key
          ORDER BY t.organization_id, t.scale, t.patient_id, t.course_key
            FOR UPDATE OF t;
        INSERT INTO course_outcome_summaries AS t (organization_id, scale, patient_id, course_key, baseline_score, last_score, last_on, assessments)
        SELECT c.organization_id, c.scale, c.patient_id, c.course_key,
               (array_agg(a.score ORDER BY a.assessed_on, a.recorded_at, a.id))[1],
               (array_agg(a.score ORDER BY a.assessed_on DESC, a.recorded_at DESC, a.id DESC))[1],
               max(a.assessed_on), count(*)
          FROM jsonb_to_recordset(courses) AS c(organization_id uuid, scale text, patient_id uuid, course_key uuid)
          JOIN outcome_assessments a ON a.organization_id = c.organization_id AND a.patient_id = c.patient_id AND a.scale = c.scale
                                    AND COALESCE(a.plan_id, ${NO_PLAN}) = c.course_key
         GROUP BY 1, 2, 3, 4
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (organization_id, scale, patient_id, course_key)
        DO UPDATE SET baseline_score = excluded.baseline_score, last_score = excluded.last_score, last_on = excluded.last_on,
                      assessments = excluded.assessments;
      END $fn$`);
    await q.query(`
      CREATE FUNCTION keep_course_outcome_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM summarise_course_outcomes((
          SELECT jsonb_agg(DISTINCT jsonb_build_object('organization_id', organization_id, 'scale', scale, 'patient_id', patient_id,
                                                       'course_key', COALESCE(plan_id, ${NO_PLAN})))
            FROM new_assessments));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER course_outcome_summaries_insert AFTER INSERT ON outcome_assessments
      REFERENCING NEW TABLE AS new_assessments FOR EACH STATEMENT EXECUTE FUNCTION keep_course_outcome_summaries()`);

    // What signing a session adds: its depth to its course's summary, its lots to the day's lot counts.
    await q.query(`
      CREATE FUNCTION count_signed_sessions(session_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO course_depth_summaries AS t (organization_id, patient_id, course_key, location_id, practitioner_id, indication, deepest_mm, sessions)
        SELECT s.organization_id, s.patient_id, COALESCE(c.treatment_plan_id, ${NO_PLAN}), s.location_id, s.practitioner_id, s.indication,
               max(s.max_depth_mm), count(*)
          FROM unnest(session_ids) i(id) JOIN treatment_sessions s ON s.id = i.id
          LEFT JOIN appointment_treatment_context c ON c.organization_id = s.organization_id AND c.id = s.appointment_id
         GROUP BY 1, 2, 3, 4, 5, 6
         ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (organization_id, patient_id, course_key, location_id, practitioner_id, indication)
        DO UPDATE SET deepest_mm = greatest(t.deepest_mm, excluded.deepest_mm), sessions = t.sessions + excluded.sessions;
        INSERT INTO signed_session_lot_days AS t (organization_id, performed_on, location_id, practitioner_id, lot_id, sessions)
        SELECT s.organization_id, s.performed_on, s.location_id, s.practitioner_id, u.lot_id, count(DISTINCT s.id)
          FROM unnest(session_ids) i(id) JOIN treatment_sessions s ON s.id = i.id
          JOIN session_cartridge_uses u ON u.organization_id = s.organization_id AND u.treatment_session_id = s.id
         GROUP BY 1, 2, 3, 4, 5
         ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (organization_id, performed_on, location_id, practitioner_id, lot_id)
        DO UPDATE SET sessions = t.sessions + excluded.sessions
      $$`);
    await q.query(`
      CREATE FUNCTION keep_signed_session_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM count_signed_sessions((SELECT array_agg(n.id) FROM new_sessions n WHERE n.status = 'signed'));
        ELSE
          PERFORM count_signed_sessions((SELECT array_agg(n.id) FROM new_sessions n JOIN old_sessions o ON o.id = n.id
                                          WHERE n.status = 'signed' AND o.status <> 'signed'));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER treatment_session_summaries_insert AFTER INSERT ON treatment_sessions
      REFERENCING NEW TABLE AS new_sessions FOR EACH STATEMENT EXECUTE FUNCTION keep_signed_session_summaries()`);
    await q.query(`
      CREATE TRIGGER treatment_session_summaries_sign AFTER UPDATE ON treatment_sessions
      REFERENCING OLD TABLE AS old_sessions NEW TABLE AS new_sessions FOR EACH STATEMENT EXECUTE FUNCTION keep_signed_session_summaries()`);

    // Summarises every clinic again from its facts (this migration; bulk loads that ran without triggers).
    await q.query(`
      CREATE FUNCTION resummarise_treatment_reports() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ALTER TABLE course_outcome_summaries DISABLE TRIGGER course_outcome_summaries_derived;
        ALTER TABLE course_depth_summaries DISABLE TRIGGER course_depth_summaries_derived;
        ALTER TABLE signed_session_lot_days DISABLE TRIGGER signed_session_lot_days_derived;
        DELETE FROM course_outcome_summaries;
        DELETE FROM course_depth_summaries;
        DELETE FROM signed_session_lot_days;
        PERFORM summarise_course_outcomes((
          SELECT jsonb_agg(DISTINCT jsonb_build_object('organization_id', organization_id, 'scale', scale, 'patient_id', patient_id,
                                                       'course_key', COALESCE(plan_id, ${NO_PLAN})))
            FROM outcome_assessments));
        PERFORM count_signed_sessions((SELECT array_agg(s.id) FROM treatment_sessions s WHERE s.status = 'signed'));
        ALTER TABLE course_outcome_summaries ENABLE TRIGGER course_outcome_summaries_derived;
        ALTER TABLE course_depth_summaries ENABLE TRIGGER course_depth_summaries_derived;
        ALTER TABLE signed_session_lot_days ENABLE TRIGGER signed_session_lot_days_derived;
      END $$`);
    await q.query(`SELECT resummarise_treatment_reports()`);
    for (const table of ['course_outcome_summaries', 'course_depth_summaries', 'signed_session_lot_days']) await q.query(`ANALYZE ${table}`);

    await q.query(`
      CREATE VIEW course_outcome_summary_facts WITH (security_invoker = true) AS
        SELECT organization_id, scale, patient_id, course_key, baseline_score, last_score, last_on, assessments FROM course_outcome_summaries`);
    await q.query(`
      CREATE VIEW course_depth_facts WITH (security_invoker = true) AS
        SELECT organization_id, patient_id, course_key, location_id, practitioner_id, indication, deepest_mm, sessions FROM course_depth_summaries`);
    await q.query(`
      CREATE VIEW signed_session_lot_facts WITH (security_invoker = true) AS
        SELECT organization_id, performed_on, location_id, practitioner_id, lot_id, sessions FROM signed_session_lot_days`);
    await q.query(`
      CREATE VIEW signed_session_day_facts WITH (security_invoker = true) AS
        SELECT organization_id, id AS session_id, performed_on, location_id, practitioner_id, max_depth_mm, device_id
          FROM treatment_sessions WHERE status = 'signed'`);
    await q.query(`
      CREATE VIEW treatment_session_directory WITH (security_invoker = true) AS
        SELECT organization_id, id AS session_id, practitioner_id, status FROM treatment_sessions`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const view of ['treatment_session_directory', 'signed_session_day_facts', 'signed_session_lot_facts', 'course_depth_facts', 'course_outcome_summary_facts']) {
      await q.query(`DROP VIEW ${view}`);
    }
    await q.query(`DROP FUNCTION resummarise_treatment_reports()`);
    await q.query(`DROP TRIGGER treatment_session_summaries_sign ON treatment_sessions`);
    await q.query(`DROP TRIGGER treatment_session_summaries_insert ON treatment_sessions`);
    await q.query(`DROP FUNCTION keep_signed_session_summaries()`);
    await q.query(`DROP FUNCTION count_signed_sessions(uuid[])`);
    await q.query(`DROP TRIGGER course_outcome_summaries_insert ON outcome_assessments`);
    await q.query(`DROP FUNCTION keep_course_outcome_summaries()`);
    await q.query(`DROP FUNCTION summarise_course_outcomes(jsonb)`);
    await q.query(`
      CREATE OR REPLACE VIEW adverse_event_facts WITH (security_invoker = true) AS
        SELECT e.organization_id, e.id AS adverse_event_id, e.type, e.session_id, s.performed_on, s.max_depth_mm, s.device_id,
               s.location_id, s.practitioner_id
          FROM adverse_events e
          JOIN treatment_sessions s ON s.organization_id = e.organization_id AND s.id = e.session_id`);
    await q.query(`
      CREATE OR REPLACE VIEW treatment_override_facts WITH (security_invoker = true) AS
        SELECT s.organization_id, s.id AS session_id, s.performed_on, s.location_id, s.practitioner_id, 'contraindication'::text AS kind,
               a.value->>'code' AS subject, NULL::numeric AS depth_mm, a.value->>'reason' AS reason
          FROM treatment_sessions s CROSS JOIN LATERAL jsonb_array_elements(s.acknowledgements) a
         WHERE s.status = 'signed'
        UNION ALL
        SELECT s.organization_id, s.id, s.performed_on, s.location_id, s.practitioner_id, 'depth', z.zone, z.depth_mm, z.override_reason
          FROM treatment_sessions s
          JOIN treatment_session_zones z ON z.organization_id = s.organization_id AND z.session_id = s.id
         WHERE s.status = 'signed' AND z.override_reason IS NOT NULL`);
    await q.query(`DROP INDEX treatment_session_zones_override_idx`);
    await q.query(`DROP INDEX treatment_sessions_acknowledged_idx`);
    await q.query(`DROP INDEX treatment_sessions_signed_day_idx`);
    for (const table of ['signed_session_lot_days', 'course_depth_summaries', 'course_outcome_summaries']) await q.query(`DROP TABLE ${table}`);
  }
}
