import type { ClinicLocale } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/**
 * The locks a booking check holds until its transaction ends: the patient's (two bookings of one patient cannot both
 * slip under the medical interval) and, shared, the practitioner's hours (working-hours and time-off writes take it
 * exclusively, so the hours stay still while they are checked).
 */
export async function holdBookingLocks(manager: EntityManager, patientId: string, practitionerId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 6)), pg_advisory_xact_lock_shared(hashtextextended($2, 6))`, [
    `appointment-patient:${patientId}`,
    practitionerHoursLockKey(practitionerId),
  ]);
}

/** The advisory lock key of a practitioner's working hours and time off. */
export function practitionerHoursLockKey(practitionerId: string): string {
  return `practitioner-hours:${practitionerId}`;
}

/**
 * The patient's other medical sessions by local date: medical-needling appointments (not cancelled, not no-show) and
 * medical treatment sessions not already counted through such an appointment (walk-ins, or deeper than the booked
 * service), the latter from treatments' published medical_session_history. `excludeAppointmentId`: a reschedule.
 */
export async function otherMedicalSessions(db: Db, organizationId: string, patientId: string, excludeAppointmentId: string | null): Promise<{ id: string; local_date: string }[]> {
  return db.query(
    `WITH medical_appointments AS (
       SELECT a.id, to_char(a.starts_at AT TIME ZONE l.timezone, 'YYYY-MM-DD') AS local_date
       FROM appointments a JOIN services s ON s.id = a.service_id JOIN location_directory l ON l.id = a.location_id
       WHERE a.organization_id = $1 AND a.patient_id = $2 AND s.procedure_kind = 'medical_needling'
         AND a.status NOT IN ('cancelled', 'no_show') AND ($3::uuid IS NULL OR a.id <> $3))
     SELECT id, local_date FROM medical_appointments
     UNION ALL
     SELECT m.id, to_char(m.performed_on, 'YYYY-MM-DD')
     FROM medical_session_history m
     WHERE m.organization_id = $1 AND m.patient_id = $2
       AND ($3::uuid IS NULL OR m.appointment_id IS DISTINCT FROM $3)
       AND (m.appointment_id IS NULL OR m.appointment_id NOT IN (SELECT id FROM medical_appointments))`,
    [organizationId, patientId, excludeAppointmentId],
  );
}

export async function findRoom(db: Db, organizationId: string, id: string): Promise<{ location_id: string; is_active: boolean } | undefined> {
  const [row] = await db.query(`SELECT location_id, is_active FROM rooms WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
  return row;
}

/** The live appointment holding the room or the practitioner (give one) over [startsAt, occupiedUntil), for a 409's explanation. */
/** The appointment holding a practitioner or room, with what a person needs to read the refusal. */
export interface ConflictingAppointment {
  id: string;
  starts_at: Date;
  ends_at: Date;
  occupied_until: Date;
  timezone: string;
  locale: ClinicLocale;
  practitioner_name: string | null;
  room_name: string | null;
  same_patient: boolean;
  /** A live online hold (issue 16): no patient yet, until this instant. */
  hold_expires_at: Date | null;
}

export async function conflictingAppointment(
  db: Db,
  organizationId: string,
  q: { roomId: string | null; practitionerId: string | null; startsAt: Date; occupiedUntil: Date; excludeAppointmentId: string | null; patientId: string | null },
): Promise<ConflictingAppointment | undefined> {
  const [row] = await db.query(
    `SELECT a.id, a.starts_at, a.ends_at, a.occupied_until, l.timezone, o.locale, s.name AS practitioner_name, r.name AS room_name,
            coalesce(a.patient_id = $7::uuid, false) AS same_patient, CASE WHEN a.status = 'held' THEN a.hold_expires_at END AS hold_expires_at
     FROM appointments a
     JOIN location_directory l ON l.id = a.location_id
     JOIN organization_directory o ON o.id = a.organization_id
     LEFT JOIN staff_directory s ON s.id = a.practitioner_id
     LEFT JOIN rooms r ON r.organization_id = a.organization_id AND r.id = a.room_id
     WHERE a.organization_id = $1 AND ($2::uuid IS NULL OR a.room_id = $2) AND ($3::uuid IS NULL OR a.practitioner_id = $3)
       AND a.status NOT IN ('cancelled', 'no_show') AND tstzrange(a.starts_at, a.occupied_until) && tstzrange($4, $5)
       AND ($6::uuid IS NULL OR a.id <> $6)
     ORDER BY a.starts_at LIMIT 1`,
    [organizationId, q.roomId, q.practitionerId, q.startsAt, q.occupiedUntil, q.excludeAppointmentId, q.patientId],
  );
  return row;
}
