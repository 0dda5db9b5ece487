import type { EntityManager } from 'typeorm';

export interface PreflightRefusal {
  organizationId: string;
  patientId: string;
  locationId: string;
  practitionerId: string;
  appointmentId: string | null;
  procedureKind: 'cosmetic' | 'medical' | null;
  reasons: { code: string; message: string; subject?: string }[];
}

/**
 * One refused session start with every reason the preflight gave (issue 17: the safety report counts them), in a
 * transaction of its own. It never waits long behind the refused request's locks: the answer matters more than its record.
 */
export async function insertPreflightRefusal(manager: EntityManager, r: PreflightRefusal): Promise<void> {
  await manager.query(`SET LOCAL lock_timeout = '2s'`);
  await manager.query(
    `INSERT INTO preflight_refusals (organization_id, patient_id, location_id, practitioner_id, appointment_id, procedure_kind, codes, reasons)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [r.organizationId, r.patientId, r.locationId, r.practitionerId, r.appointmentId, r.procedureKind, [...new Set(r.reasons.map((x) => x.code))], JSON.stringify(r.reasons)],
  );
}
