import type { EntityManager } from 'typeorm';
import type { KeysetValue } from '../common/pagination/keyset-cursor';
import { LABEL_COLUMNS, LABELS_SQL, type LabelledEventRow } from './audit-labels.queries';

export interface AccessLogRow extends Omit<LabelledEventRow, 'id' | 'occurred_at' | 'action' | 'entity_type'> {
  /** False when the organization has no such patient (then the row carries nothing else). */
  patient_found: boolean;
  /** Null on the one row of an empty page. */
  id: string | null;
  occurred_at: Date;
  action: string;
  entity_type: string;
  actor_role: string | null;
  /** The sort key to the microsecond (a Date keeps milliseconds only). */
  cursor_at: string;
}

/**
 * Events about one patient, newest first (occurred_at DESC, id DESC), `limit` after the cursor's key: on the patient
 * itself (every clinical read is recorded so), on their consents, treatment sessions, appointments, waitlist entries
 * and courses, and searches that listed them. Each kind is its own branch, sorted and cut to `limit` by its index
 * (audit_events_entity_time_idx, or audit_events_search_patients_idx for searches), and the branches are merged: a
 * page costs what the patient's own events cost, whatever the size of the trail. Whose record is whose comes from the
 * views the owning modules publish (consents, treatments, scheduling). The page's ids are named in the same
 * statement (LABELS_SQL), and one row always comes back, saying whether the patient exists, so the route needs no
 * separate look-up.
 */
export async function patientAccessLog(
  manager: EntityManager,
  organizationId: string,
  patientId: string,
  after: KeysetValue[] | null,
  limit: number,
): Promise<AccessLogRow[]> {
  const seek = after === null ? '' : 'AND (e.occurred_at, e.id) < ($4::timestamptz, $5::bigint)';
  const branch = (condition: string) =>
    `(SELECT e.id, e.occurred_at, e.actor_id, e.action, e.entity_type, e.entity_id, e.changes FROM audit_events e
       WHERE e.organization_id = $1 AND ${condition} ${seek} ORDER BY e.occurred_at DESC, e.id DESC LIMIT $3)`;
  const owned = (entityType: string, view: string) =>
    branch(`e.entity_type = '${entityType}' AND e.entity_id IN (SELECT id::text FROM ${view} WHERE organization_id = $1 AND patient_id = $2::uuid)`);
  return manager.query(
    `WITH page AS (
       SELECT m.id::text AS id, m.occurred_at, m.actor_id, m.action, m.entity_type, m.entity_id, m.changes,
              to_char(m.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
         FROM (
           ${branch(`e.entity_type = 'patient' AND e.entity_id = $2::text`)}
           UNION ALL ${owned('consent', 'consent_record_patients')}
           UNION ALL ${owned('treatment_session', 'treatment_session_patients')}
           UNION ALL ${owned('appointment', 'appointment_patients')}
           UNION ALL ${owned('waitlist_entry', 'waitlist_entry_patients')}
           UNION ALL ${owned('treatment_plan', 'treatment_course_directory')}
           UNION ALL ${branch(`e.entity_type = 'patient_search' AND (e.changes -> 'patientIds' -> 'to') ? $2::text`)}
         ) m
        ORDER BY m.occurred_at DESC, m.id DESC
        LIMIT $3
     ),
     ${LABELS_SQL}
     SELECT EXISTS (SELECT 1 FROM patient_directory WHERE organization_id = $1 AND id = $2::uuid) AS patient_found,
            page.*, s.name AS actor_name, s.role AS actor_role, ${LABEL_COLUMNS}
       FROM (SELECT 1) one
       LEFT JOIN page ON true
       LEFT JOIN staff_directory s ON s.organization_id = $1 AND s.id = page.actor_id
      ORDER BY page.occurred_at DESC, page.id::bigint DESC`,
    after === null ? [organizationId, patientId, limit] : [organizationId, patientId, limit, after[0], after[1]],
  );
}
