import type { ProcedureKind } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError } from '../common/problems/domain-error';
import type { AppointmentsService } from '../scheduling/appointments.service';
import { appointmentContext, type AppointmentContextRow, type SessionLocationRow } from './appointment-context.queries';

/** Where a session takes place (organizations' location_directory). */
export interface SessionLocation {
  id: string;
  name: string;
  timezone: string;
  isActive: boolean;
}

export const toSessionLocation = (r: SessionLocationRow): SessionLocation => ({ id: r.id, name: r.name, timezone: r.timezone, isActive: r.is_active });

/** What a treatment needs to know of the appointment it treats: who, where, with whom, and what the service asks. */
export interface AppointmentForTreatment {
  id: string;
  patientId: string;
  location: SessionLocation;
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
 * The appointment, read through scheduling's published appointment_treatment_context; a 400 naming `field` when it is
 * not in the organization. With `hold`, scheduling first locks it for the caller's transaction (a session starting
 * from it: a cancellation waits, and a second start sees the first's session).
 */
export async function loadAppointmentForTreatment(
  manager: EntityManager,
  actor: Actor,
  id: string,
  options: { field?: string; hold?: AppointmentsService } = {},
): Promise<AppointmentForTreatment> {
  const field = options.field ?? 'appointmentId';
  if (options.hold && !(await options.hold.holdForTreatment(manager, actor.organizationId, id))) {
    throw new InvalidFieldError(field, 'no such appointment in your organization');
  }
  const row = await appointmentContext(manager, actor.organizationId, id);
  if (!row) throw new InvalidFieldError(field, 'no such appointment in your organization');
  return toAppointmentForTreatment(row);
}

/** The appointment as a treatment sees it, from a row of appointment_treatment_context with its names. */
export function toAppointmentForTreatment(row: AppointmentContextRow): AppointmentForTreatment {
  return {
    id: row.id,
    patientId: row.patient_id,
    location: { id: row.location_id, name: row.location_name, timezone: row.timezone, isActive: row.location_is_active },
    practitionerId: row.practitioner_id,
    practitionerName: row.practitioner_name,
    status: row.status,
    startsAt: row.starts_at,
    treatmentPlanId: row.treatment_plan_id,
    // A medical-needling service plans medical depth; the zones charted decide in the end (domain.md section 1).
    plannedProcedure: row.service_procedure_kind === 'medical_needling' ? 'medical' : 'cosmetic',
    serviceConsentKinds: row.service_consent_kinds,
    minDaysBetweenMedicalSessions: row.min_days_between_medical_sessions,
  };
}
