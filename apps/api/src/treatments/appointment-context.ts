import type { ProcedureKind } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError } from '../common/problems/domain-error';

/** What a treatment needs to know of the appointment it treats: who, where, with whom, and what the service asks. */
export interface AppointmentForTreatment {
  id: string;
  patientId: string;
  locationId: string;
  practitionerId: string;
  practitionerName: string;
  status: string;
  startsAt: Date;
  treatmentPlanId: string | null;
  plannedProcedure: ProcedureKind;
  serviceConsentKinds: string[];
  minDaysBetweenMedicalSessions: number;
}

/**
 * The appointment (locked for the caller's transaction when `lock`, for writes); a 400 naming `field` when it is not in
 * the organization.
 */
export async function loadAppointmentForTreatment(
  manager: EntityManager,
  actor: Actor,
  id: string,
  field = 'appointmentId',
  lock = true,
): Promise<AppointmentForTreatment> {
  const [row]: {
    id: string;
    patient_id: string;
    location_id: string;
    practitioner_id: string;
    practitioner_name: string;
    status: string;
    starts_at: Date;
    treatment_plan_id: string | null;
    procedure_kind: string;
    consent_kinds: string[];
    min_days_since_previous_medical: number;
  }[] = await manager.query(
    `SELECT a.id, a.patient_id, a.location_id, a.practitioner_id, st.name AS practitioner_name, a.status, a.starts_at,
            a.treatment_plan_id, s.procedure_kind, s.consent_kinds, s.min_days_since_previous_medical
     FROM appointments a JOIN services s ON s.id = a.service_id JOIN staff_members st ON st.id = a.practitioner_id
     WHERE a.organization_id = $1 AND a.id = $2
     ${lock ? 'FOR UPDATE OF a' : ''}`,
    [actor.organizationId, id],
  );
  if (!row) throw new InvalidFieldError(field, 'no such appointment in your organization');
  return {
    id: row.id,
    patientId: row.patient_id,
    locationId: row.location_id,
    practitionerId: row.practitioner_id,
    practitionerName: row.practitioner_name,
    status: row.status,
    startsAt: row.starts_at,
    treatmentPlanId: row.treatment_plan_id,
    // A medical-needling service plans medical depth; the zones charted decide in the end (domain.md section 1).
    plannedProcedure: row.procedure_kind === 'medical_needling' ? 'medical' : 'cosmetic',
    serviceConsentKinds: row.consent_kinds,
    minDaysBetweenMedicalSessions: row.min_days_since_previous_medical,
  };
}
