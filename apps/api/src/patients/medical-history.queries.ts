import type { EntityManager } from 'typeorm';

/** The version number the patient's next medical history takes (the caller holds the patient row lock). */
export async function nextHistoryVersion(manager: EntityManager, organizationId: string, patientId: string): Promise<number> {
  const [{ next }]: { next: number }[] = await manager.query(
    `SELECT coalesce(max(version), 0) + 1 AS next FROM patient_medical_histories WHERE organization_id = $1 AND patient_id = $2`,
    [organizationId, patientId],
  );
  return next;
}
