import type { EntityManager } from 'typeorm';
import { LABEL_COLUMNS, LABELS_SQL, type LabelledEventRow } from './audit-labels.queries';

export interface AccessLogRow extends LabelledEventRow {
  actor_role: string | null;
  total: string;
}

/**
 * Events about one patient, newest first: on the patient itself (every clinical read is recorded so), on their
 * consents, treatment sessions, appointments, waitlist entries and courses, and searches that listed them. Each branch is served by
 * audit_events_entity_idx or the organization's time index. Whose record is whose comes from the views the owning
 * modules publish (consents, treatments, scheduling), which PostgreSQL inlines into this one statement; the page's ids
 * are named in the same statement (LABELS_SQL), so each entry reads as a sentence.
 */
export async function patientAccessLog(manager: EntityManager, organizationId: string, patientId: string, limit: number, offset: number): Promise<AccessLogRow[]> {
  return manager.query(ACCESS_LOG_PAGE, [organizationId, patientId, limit, offset]);
}

/** The page, or null when the organization has no such patient: the patient check rides on it (issue 15). */
export async function knownPatientAccessLog(manager: EntityManager, organizationId: string, patientId: string, limit: number, offset: number): Promise<AccessLogRow[] | null> {
  const rows: (AccessLogRow & { patient_found: boolean })[] = await manager.query(
    `SELECT k.patient_found, x.*
     FROM (SELECT EXISTS (SELECT 1 FROM patient_directory WHERE organization_id = $1 AND id = $2::uuid) AS patient_found) k
     LEFT JOIN LATERAL (${ACCESS_LOG_PAGE}) x ON k.patient_found
     ORDER BY x.occurred_at DESC, x.id::bigint DESC`,
    [organizationId, patientId, limit, offset],
  );
  if (!rows[0]?.patient_found) return null;
  return rows.filter((r) => r.id !== null).map(({ patient_found: _found, ...row }) => row);
}

const ACCESS_LOG_PAGE = `WITH page AS (
       SELECT e.id::text AS id, e.occurred_at, e.actor_id, e.action, e.entity_type, e.entity_id, e.changes, count(*) OVER () AS total
       FROM audit_events e
       WHERE e.organization_id = $1 AND (
            (e.entity_type = 'patient' AND e.entity_id = $2::text)
         OR (e.entity_type = 'consent' AND e.entity_id IN (SELECT id::text FROM consent_record_patients WHERE organization_id = $1 AND patient_id = $2::uuid))
         OR (e.entity_type = 'treatment_session' AND e.entity_id IN (SELECT id::text FROM treatment_session_patients WHERE organization_id = $1 AND patient_id = $2::uuid))
         OR (e.entity_type = 'appointment' AND e.entity_id IN (SELECT id::text FROM appointment_patients WHERE organization_id = $1 AND patient_id = $2::uuid))
         OR (e.entity_type = 'waitlist_entry' AND e.entity_id IN (SELECT id::text FROM waitlist_entry_patients WHERE organization_id = $1 AND patient_id = $2::uuid))
         OR (e.entity_type = 'treatment_plan' AND e.entity_id IN (SELECT id::text FROM treatment_course_directory WHERE organization_id = $1 AND patient_id = $2::uuid))
         OR (e.entity_type = 'patient_search' AND e.changes -> 'patientIds' -> 'to' ? $2::text))
       ORDER BY e.occurred_at DESC, e.id DESC
       LIMIT $3 OFFSET $4
     ),
     ${LABELS_SQL}
     SELECT page.*, s.name AS actor_name, s.role AS actor_role, ${LABEL_COLUMNS}
       FROM page LEFT JOIN staff_directory s ON s.organization_id = $1 AND s.id = page.actor_id
      ORDER BY page.occurred_at DESC, page.id::bigint DESC`;

/** The total when the page is past the end (no row carries the window count). */
export async function patientAccessLogCount(manager: EntityManager, organizationId: string, patientId: string): Promise<number> {
  const [row] = await patientAccessLog(manager, organizationId, patientId, 1, 0);
  return row ? Number(row.total) : 0;
}
