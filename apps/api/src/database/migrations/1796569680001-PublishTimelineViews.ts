import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each timeline source's rows as a view of its owner (issue 15): the patient's timeline reads every source's view in
 * ONE statement instead of one or two statements per source. Each view has `organization_id` and `patient_id`
 * beside the columns its source turns into entries. `security_invoker`, like the other published views.
 */
export class PublishTimelineViews1796569680001 implements MigrationInterface {
  name = 'PublishTimelineViews1796569680001';

  async up(q: QueryRunner): Promise<void> {
    // audit: the patient record's registration, edits, archiving and restoring (entity ids are text in the trail).
    await q.query(`
      CREATE VIEW patient_record_timeline_rows WITH (security_invoker = true) AS
        SELECT e.organization_id, e.entity_id AS patient_id, e.id::text AS id, e.occurred_at, e.action, e.changes, s.name AS actor_name
          FROM audit_events e LEFT JOIN staff_directory s ON s.id = e.actor_id
         WHERE e.entity_type = 'patient' AND e.action IN ('patient.created', 'patient.updated', 'patient.archived', 'patient.restored')`);
    // patients: each medical-history version with who recorded it.
    await q.query(`
      CREATE VIEW medical_history_timeline_rows WITH (security_invoker = true) AS
        SELECT h.organization_id, h.patient_id, h.id, h.version, h.recorded_at, s.name AS recorded_by_name
          FROM patient_medical_histories h LEFT JOIN staff_directory s ON s.id = h.recorded_by`);
    // scheduling: appointments with service, practitioner, place and the clinic's locale.
    await q.query(`
      CREATE VIEW appointment_timeline_rows WITH (security_invoker = true) AS
        SELECT a.organization_id, a.patient_id, a.id, a.starts_at, a.status, a.cancel_reason, s.name AS service_name, st.name AS practitioner_name,
               l.timezone, l.name AS location_name, (SELECT o.locale FROM organization_directory o WHERE o.id = a.organization_id) AS locale
          FROM appointments a JOIN services s ON s.id = a.service_id JOIN staff_directory st ON st.id = a.practitioner_id JOIN location_directory l ON l.id = a.location_id`);
    // treatments: sessions with the zones charted, addenda, adverse events.
    await q.query(`
      CREATE VIEW treatment_session_timeline_rows WITH (security_invoker = true) AS
        SELECT s.organization_id, s.patient_id, s.id, s.procedure_kind, s.max_depth_mm, s.started_at, s.signed_at, st.name AS practitioner_name,
               (SELECT string_agg(z.zone || ' ' || trim(trailing '.' from trim(trailing '0' from z.depth_mm::text)) || ' mm', ', ' ORDER BY z.position)
                  FROM treatment_session_zones z WHERE z.session_id = s.id) AS zones
          FROM treatment_sessions s JOIN staff_directory st ON st.id = s.practitioner_id`);
    await q.query(`
      CREATE VIEW session_addendum_timeline_rows WITH (security_invoker = true) AS
        SELECT a.organization_id, s.patient_id, a.session_id, a.text, a.created_at, st.name AS author_name
          FROM treatment_session_addenda a JOIN treatment_sessions s ON s.id = a.session_id JOIN staff_directory st ON st.id = a.author_id`);
    await q.query(`
      CREATE VIEW adverse_event_timeline_rows WITH (security_invoker = true) AS
        SELECT e.organization_id, e.patient_id, e.id, e.type, to_char(e.onset_on, 'YYYY-MM-DD') AS onset_on, e.grade, e.outcome, e.recorded_at,
               e.description, st.name AS recorded_by_name, (SELECT o.locale FROM organization_directory o WHERE o.id = e.organization_id) AS locale
          FROM adverse_events e JOIN staff_directory st ON st.id = e.recorded_by`);
    // consents: signed, witnessed, revoked, with the staff who took the signature or revoked it.
    await q.query(`
      CREATE VIEW consent_timeline_rows WITH (security_invoker = true) AS
        SELECT r.organization_id, r.patient_id, r.id, r.title, r.template_version, r.signed_at, r.signer_name, sv.name AS signed_via_staff_name,
               r.witnessed_at, r.witness_name, r.revoked_at, rb.name AS revoked_by_name, r.revocation_reason
          FROM consent_records r
          LEFT JOIN staff_directory sv ON sv.organization_id = r.organization_id AND sv.id = r.signed_via_staff
          LEFT JOIN staff_directory rb ON rb.organization_id = r.organization_id AND rb.id = r.revoked_by`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const view of [
      'consent_timeline_rows',
      'adverse_event_timeline_rows',
      'session_addendum_timeline_rows',
      'treatment_session_timeline_rows',
      'appointment_timeline_rows',
      'medical_history_timeline_rows',
      'patient_record_timeline_rows',
    ]) {
      await q.query(`DROP VIEW ${view}`);
    }
  }
}
