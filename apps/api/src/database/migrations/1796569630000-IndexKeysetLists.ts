import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the audit trail, a patient's access log and sessions, and the outbox are read by keyset page (newest
 * first, `WHERE (key) < (cursor) ORDER BY key LIMIT n`). Each index below holds a filter's equality columns followed
 * by the list's whole sort key, so PostgreSQL reads a page as one index range, in order, and stops after n rows: the
 * same cost on page 1 and page 20,000, with no sort and no count of the rest.
 *
 * - audit_events: by actor, by action, by entity (a patient's events; also the entity trail, read backwards) — each
 *   replaces a narrower index it extends. The unfiltered list keeps audit_events_org_time_idx.
 * - audit_events_search_patients_idx: the access log's "searches that listed this patient" branch (a GIN over the
 *   listed ids), instead of reading every search event of the organization.
 * - treatment_sessions: a patient's sessions in the list's order (performed_on, started_at, id).
 * - outbound_messages: the outbox in send order, all statuses or one.
 */
export class IndexKeysetLists1796569630000 implements MigrationInterface {
  name = 'IndexKeysetLists1796569630000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_actor_time_idx ON audit_events (organization_id, actor_id, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_action_time_idx ON audit_events (organization_id, action, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_entity_time_idx ON audit_events (organization_id, entity_type, entity_id, occurred_at DESC, id DESC)`);
    await q.query(`DROP INDEX audit_events_actor_idx`);
    await q.query(`DROP INDEX audit_events_entity_idx`);
    await q.query(`CREATE INDEX audit_events_search_patients_idx ON audit_events USING gin ((changes -> 'patientIds' -> 'to')) WHERE entity_type = 'patient_search'`);

    await q.query(`CREATE INDEX treatment_sessions_patient_page_idx ON treatment_sessions (organization_id, patient_id, performed_on DESC, started_at DESC, id DESC)`);
    await q.query(`DROP INDEX treatment_sessions_patient_idx`);

    await q.query(`CREATE INDEX outbound_messages_page_idx ON outbound_messages (organization_id, send_after DESC, id DESC)`);
    await q.query(`CREATE INDEX outbound_messages_status_page_idx ON outbound_messages (organization_id, status, send_after DESC, id DESC)`);
    await q.query(`DROP INDEX outbound_messages_org_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX outbound_messages_org_idx ON outbound_messages (organization_id, created_at DESC)`);
    await q.query(`DROP INDEX outbound_messages_status_page_idx`);
    await q.query(`DROP INDEX outbound_messages_page_idx`);

    await q.query(`CREATE INDEX treatment_sessions_patient_idx ON treatment_sessions (organization_id, patient_id, performed_on DESC)`);
    await q.query(`DROP INDEX treatment_sessions_patient_page_idx`);

    await q.query(`DROP INDEX audit_events_search_patients_idx`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (organization_id, entity_type, entity_id)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (organization_id, actor_id)`);
    await q.query(`DROP INDEX audit_events_entity_time_idx`);
    await q.query(`DROP INDEX audit_events_action_time_idx`);
    await q.query(`DROP INDEX audit_events_actor_time_idx`);
  }
}
