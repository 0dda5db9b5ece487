import type { MedicalHistoryAnswers } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

/** The version number the patient's next medical history takes (the caller holds the patient row lock). */
export async function nextHistoryVersion(manager: EntityManager, organizationId: string, patientId: string): Promise<number> {
  const [{ next }]: { next: number }[] = await manager.query(
    `SELECT coalesce(max(version), 0) + 1 AS next FROM patient_medical_histories WHERE organization_id = $1 AND patient_id = $2`,
    [organizationId, patientId],
  );
  return next;
}

export interface HistoryVersionRow {
  id: string;
  organizationId: string;
  patientId: string;
  version: number;
  answers: MedicalHistoryAnswers;
  recordedBy: string | null;
  recordedAt: Date;
  source: 'staff' | 'patient';
  recordedByName: string;
}

/**
 * Every version of the patient's history, newest first, with who recorded it; null when the organization has no such
 * patient. One statement: the patient check rides on the read (issue 15).
 */
export async function historyOfKnownPatient(db: Pick<EntityManager, 'query'>, organizationId: string, patientId: string): Promise<HistoryVersionRow[] | null> {
  const rows: (HistoryVersionRow & { patient_found: boolean })[] = await db.query(
    `SELECT k.patient_found, h.*
     FROM (SELECT EXISTS (SELECT 1 FROM patients WHERE organization_id = $1 AND id = $2) AS patient_found) k
     LEFT JOIN LATERAL (
       SELECT h.id, h.organization_id AS "organizationId", h.patient_id AS "patientId", h.version, h.answers, h.recorded_by AS "recordedBy",
              h.recorded_at AS "recordedAt", h.source, coalesce(s.name, '') AS "recordedByName"
       FROM patient_medical_histories h LEFT JOIN staff_directory s ON s.id = h.recorded_by
       WHERE h.organization_id = $1 AND h.patient_id = $2
       ORDER BY h.version DESC) h ON k.patient_found`,
    [organizationId, patientId],
  );
  if (!rows[0]?.patient_found) return null;
  return rows.filter((r) => r.id !== null).map(({ patient_found: _found, ...row }) => row);
}
