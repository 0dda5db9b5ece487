import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export interface TreatmentRecordCounts {
  signed_sessions: number;
  open_sessions: number;
  photos: number;
  adverse_events: number;
  assessments: number;
}

/** The patient's treatment records by kind, in one statement. */
export async function countTreatmentRecords(db: Db, organizationId: string, patientId: string): Promise<TreatmentRecordCounts> {
  const [counts]: TreatmentRecordCounts[] = await db.query(
    `SELECT (SELECT count(*)::int FROM treatment_sessions WHERE organization_id = $1 AND patient_id = $2 AND status = 'signed') AS signed_sessions,
            (SELECT count(*)::int FROM treatment_sessions WHERE organization_id = $1 AND patient_id = $2 AND status <> 'signed') AS open_sessions,
            (SELECT count(*)::int FROM treatment_session_photos WHERE organization_id = $1 AND patient_id = $2) AS photos,
            (SELECT count(*)::int FROM adverse_events WHERE organization_id = $1 AND patient_id = $2) AS adverse_events,
            (SELECT count(*)::int FROM outcome_assessments WHERE organization_id = $1 AND patient_id = $2) AS assessments`,
    [organizationId, patientId],
  );
  return counts;
}
