import type { EntityManager } from 'typeorm';
import type { AppointmentDto } from './appointments.dto';
import { appointmentRow } from './appointments.queries';

/** An appointment row with the names the calendar shows (appointments.queries.ts). */
export interface AppointmentRow {
  id: string;
  location_id: string;
  timezone: string;
  patient_id: string;
  patient_name: string;
  mrn: string;
  service_id: string;
  service_name: string;
  procedure_kind: AppointmentDto['procedureKind'];
  practitioner_id: string;
  practitioner_name: string;
  room_id: string;
  room_name: string;
  starts_at: Date;
  ends_at: Date;
  occupied_until: Date;
  status: AppointmentDto['status'];
  cancel_reason: string | null;
  cancelled_by: AppointmentDto['cancelledBy'];
  late_cancellation: boolean;
  treatment_plan_id: string | null;
  plan_session_number: number | null;
  notes: string;
  source: AppointmentDto['source'];
  identity_to_verify: boolean;
}

export function toAppointmentDto(r: AppointmentRow): AppointmentDto {
  return {
    id: r.id,
    locationId: r.location_id,
    timeZone: r.timezone,
    patientId: r.patient_id,
    patientName: r.patient_name,
    patientMrn: r.mrn,
    serviceId: r.service_id,
    serviceName: r.service_name,
    procedureKind: r.procedure_kind,
    practitionerId: r.practitioner_id,
    practitionerName: r.practitioner_name,
    roomId: r.room_id,
    roomName: r.room_name,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    occupiedUntil: r.occupied_until.toISOString(),
    status: r.status,
    cancelReason: r.cancel_reason,
    cancelledBy: r.cancelled_by,
    lateCancellation: r.late_cancellation,
    treatmentPlanId: r.treatment_plan_id,
    planSessionNumber: r.plan_session_number,
    notes: r.notes,
    source: r.source,
    patientIdentityToVerify: r.identity_to_verify,
  };
}

/** The appointment as the calendar shows it, scoped to one organization. */
export async function readAppointment(manager: EntityManager, organizationId: string, id: string): Promise<AppointmentDto | undefined> {
  const row = await appointmentRow(manager, organizationId, id);
  return row ? toAppointmentDto(row) : undefined;
}
