import type { ClinicLocale } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

/** The patient's sessions with the practitioner's name and the zones charted ("cheeks 1 mm, forehead 0.25 mm"). */
export async function timelineSessions(
  manager: EntityManager,
  organizationId: string,
  patientId: string,
): Promise<{ id: string; procedure_kind: string; max_depth_mm: string; started_at: Date; signed_at: Date | null; practitioner_name: string; zones: string | null }[]> {
  return manager.query(
    `SELECT s.id, s.procedure_kind, s.max_depth_mm, s.started_at, s.signed_at, st.name AS practitioner_name,
            (SELECT string_agg(z.zone || ' ' || trim(trailing '.' from trim(trailing '0' from z.depth_mm::text)) || ' mm', ', ' ORDER BY z.position)
             FROM treatment_session_zones z WHERE z.session_id = s.id) AS zones
     FROM treatment_sessions s JOIN staff_directory st ON st.id = s.practitioner_id
     WHERE s.organization_id = $1 AND s.patient_id = $2`,
    [organizationId, patientId],
  );
}

export async function timelineAddenda(
  manager: EntityManager,
  organizationId: string,
  patientId: string,
): Promise<{ session_id: string; text: string; created_at: Date; author_name: string }[]> {
  return manager.query(
    `SELECT a.session_id, a.text, a.created_at, st.name AS author_name
     FROM treatment_session_addenda a JOIN treatment_sessions s ON s.id = a.session_id JOIN staff_directory st ON st.id = a.author_id
     WHERE a.organization_id = $1 AND s.patient_id = $2`,
    [organizationId, patientId],
  );
}

export async function timelineAdverseEvents(
  manager: EntityManager,
  organizationId: string,
  patientId: string,
): Promise<{ id: string; type: string; onset_on: string; grade: number | null; outcome: string; recorded_at: Date; recorded_by_name: string; description: string; locale: ClinicLocale }[]> {
  return manager.query(
    `SELECT e.id, e.type, to_char(e.onset_on, 'YYYY-MM-DD') AS onset_on, e.grade, e.outcome, e.recorded_at, e.description, st.name AS recorded_by_name,
            (SELECT o.locale FROM organization_directory o WHERE o.id = e.organization_id) AS locale
     FROM adverse_events e JOIN staff_directory st ON st.id = e.recorded_by
     WHERE e.organization_id = $1 AND e.patient_id = $2`,
    [organizationId, patientId],
  );
}
