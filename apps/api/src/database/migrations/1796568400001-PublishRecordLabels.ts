import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a record is called, published by each owning module for the audit log (issue 13: the audit log names people,
 * records and times, never ids). Every view has the same columns, so audit resolves every id of a page of events
 * — the events' entities, actors and the ids inside their `changes` — in one statement over these views and the
 * directories:
 *
 *   organization_id, id, kind (the audit entity type), label (the record's own name: a service, a lot number, a
 *   serial), detail (what qualifies it: the lot's product, the pen's model, a recall's class), patient_id,
 *   staff_member_id (the practitioner), location_id, at (when it happens or happened).
 *
 * `security_invoker`, so the reader's privileges and row-level security apply.
 */
export class PublishRecordLabels1796568400001 implements MigrationInterface {
  name = 'PublishRecordLabels1796568400001';

  async up(q: QueryRunner): Promise<void> {
    // scheduling: appointments (by their service), rooms, services, courses, waitlist entries (their date range as detail).
    await q.query(`
      CREATE VIEW scheduling_record_labels WITH (security_invoker = true) AS
        SELECT a.organization_id, a.id, 'appointment'::text AS kind,
               (SELECT s.name FROM services s WHERE s.organization_id = a.organization_id AND s.id = a.service_id) AS label,
               NULL::text AS detail, a.patient_id, a.practitioner_id AS staff_member_id, a.location_id, a.starts_at AS at
          FROM appointments a
        UNION ALL
        SELECT r.organization_id, r.id, 'room', r.name, NULL, NULL, NULL, r.location_id, NULL FROM rooms r
        UNION ALL
        SELECT s.organization_id, s.id, 'service', s.name, NULL, NULL, NULL, NULL, NULL FROM services s
        UNION ALL
        SELECT p.organization_id, p.id, 'treatment_plan',
               (SELECT s.name FROM services s WHERE s.organization_id = p.organization_id AND s.id = p.service_id),
               p.sessions || ' sessions', p.patient_id, p.practitioner_id, p.location_id, NULL
          FROM treatment_plans p
        UNION ALL
        SELECT w.organization_id, w.id, 'waitlist_entry',
               (SELECT s.name FROM services s WHERE s.organization_id = w.organization_id AND s.id = w.service_id),
               to_char(w.earliest_on, 'YYYY-MM-DD') || '/' || to_char(w.latest_on, 'YYYY-MM-DD'), w.patient_id, w.practitioner_id, w.location_id, NULL
          FROM waitlist_entries w`);
    // inventory: products, lots (with their product), pens (with their model), recalls (with their product or GTIN).
    await q.query(`
      CREATE VIEW inventory_record_labels WITH (security_invoker = true) AS
        SELECT p.organization_id, p.id, 'product'::text AS kind, p.name AS label, p.manufacturer AS detail,
               NULL::uuid AS patient_id, NULL::uuid AS staff_member_id, NULL::uuid AS location_id, NULL::timestamptz AS at
          FROM products p
        UNION ALL
        SELECT l.organization_id, l.id, 'lot', l.lot_number,
               (SELECT p.name FROM products p WHERE p.organization_id = l.organization_id AND p.id = l.product_id), NULL, NULL, NULL, NULL
          FROM lots l
        UNION ALL
        SELECT d.organization_id, d.id, 'device', d.serial_number, d.model, NULL, NULL, d.location_id, NULL FROM devices d
        UNION ALL
        SELECT r.organization_id, r.id, 'recall',
               coalesce((SELECT p.name FROM products p WHERE p.organization_id = r.organization_id AND p.id = r.product_id), 'GTIN ' || r.gtin),
               'class ' || r.recall_class, NULL, NULL, NULL, r.recorded_at
          FROM recalls r`);
    // consents: a patient's consent records (their title) and the templates.
    await q.query(`
      CREATE VIEW consent_record_labels WITH (security_invoker = true) AS
        SELECT c.organization_id, c.id, 'consent'::text AS kind, c.title AS label, NULL::text AS detail,
               c.patient_id, NULL::uuid AS staff_member_id, NULL::uuid AS location_id, c.created_at AS at
          FROM consent_records c
        UNION ALL
        SELECT t.organization_id, t.id, 'consent_template', t.title, NULL, NULL, NULL, NULL, NULL FROM consent_templates t`);
    // treatments: sessions (their patient, practitioner, place and start) and named treatment templates.
    await q.query(`
      CREATE VIEW treatment_record_labels WITH (security_invoker = true) AS
        SELECT s.organization_id, s.id, 'treatment_session'::text AS kind, s.procedure_kind AS label, NULL::text AS detail,
               s.patient_id, s.practitioner_id AS staff_member_id, s.location_id, s.started_at AS at
          FROM treatment_sessions s
        UNION ALL
        SELECT t.organization_id, t.id, 'treatment_template', t.name, t.indication, NULL, NULL, NULL, NULL FROM treatment_templates t`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const view of ['treatment_record_labels', 'consent_record_labels', 'inventory_record_labels', 'scheduling_record_labels']) {
      await q.query(`DROP VIEW ${view}`);
    }
  }
}
