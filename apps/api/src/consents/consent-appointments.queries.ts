import type { ServiceProcedureKind } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

/** What a visit's consent bundle needs of its appointment (scheduling's published view appointment_consent_context). */
export interface VisitAppointmentRow {
  id: string;
  patient_id: string;
  practitioner_id: string;
  status: string;
  starts_at: Date;
  timezone: string;
  service_name: string;
  service_procedure_kind: ServiceProcedureKind;
  service_consent_kinds: string[];
}

export async function visitAppointment(manager: EntityManager, organizationId: string, id: string): Promise<VisitAppointmentRow | undefined> {
  const [row]: VisitAppointmentRow[] = await manager.query(
    `SELECT a.id, a.patient_id, a.practitioner_id, a.status, a.starts_at, l.timezone, a.service_name, a.service_procedure_kind, a.service_consent_kinds
       FROM appointment_consent_context a JOIN location_directory l ON l.id = a.location_id
      WHERE a.organization_id = $1 AND a.id = $2`,
    [organizationId, id],
  );
  return row;
}

/** How a consent names the appointment it was prepared for: the service and start, in the location's zone. */
export interface ConsentAppointment {
  id: string;
  serviceName: string;
  startsAt: Date;
  timeZone: string;
}

export async function consentAppointments(manager: EntityManager, organizationId: string, ids: readonly (string | null)[]): Promise<Map<string, ConsentAppointment>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows: { id: string; service_name: string; starts_at: Date; timezone: string }[] = await manager.query(
    `SELECT a.id, a.service_name, a.starts_at, l.timezone
       FROM appointment_consent_context a JOIN location_directory l ON l.id = a.location_id
      WHERE a.organization_id = $1 AND a.id = ANY($2::uuid[])`,
    [organizationId, wanted],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, serviceName: r.service_name, startsAt: r.starts_at, timeZone: r.timezone }]));
}

/**
 * Serializes preparing one appointment's consents (until the transaction ends), so two "Prepare and hand over" clicks
 * at once cannot both prepare the same forms.
 */
export async function lockVisitConsents(manager: EntityManager, appointmentId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 13))`, [`visit-consents:${appointmentId}`]);
}
