import type { EntityManager } from 'typeorm';
import { rowsOfKnownPatient } from './patient-rows.queries';

export interface AssessmentRow {
  id: string;
  scale: string;
  scaleVersion: string;
  score: number;
  method: string | null;
  assessedOn: string;
  sessionId: string | null;
  planId: string | null;
  photoIds: string[];
  notes: string;
  assessorName: string;
}

/** A patient's outcome scores in the order they were assessed, with the assessor's name; null when there is no such patient. */
export async function patientAssessmentRows(db: Pick<EntityManager, 'query'>, organizationId: string, patientId: string): Promise<AssessmentRow[] | null> {
  const rows = await rowsOfKnownPatient<Omit<AssessmentRow, 'score'> & { score: string }>(
    db,
    `SELECT a.id, a.scale, a.scale_version AS "scaleVersion", a.score::text AS score, a.method, to_char(a.assessed_on, 'YYYY-MM-DD') AS "assessedOn",
            a.session_id AS "sessionId", a.plan_id AS "planId", a.photo_ids AS "photoIds", a.notes, st.name AS "assessorName"
     FROM outcome_assessments a JOIN staff_directory st ON st.id = a.assessor_id
     WHERE a.organization_id = $1 AND a.patient_id = $2
     ORDER BY a.assessed_on, a.recorded_at`,
    [organizationId, patientId],
    1,
    2,
  );
  return rows && rows.map((r) => ({ ...r, score: Number(r.score) }));
}
