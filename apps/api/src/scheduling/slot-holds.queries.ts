import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/**
 * Online holds past their expiry still satisfy the exclusion constraints' predicate, so a booking that overlaps one
 * (the practitioner's or the room's time) first releases it in its own transaction: cancelled, with the reason.
 */
export async function releaseExpiredHolds(db: Db, organizationId: string, q: { practitionerId: string; roomId: string; startsAt: Date; occupiedUntil: Date; exceptId?: string }): Promise<void> {
  await db.query(
    `UPDATE appointments SET status = 'cancelled', cancel_reason = 'Online hold expired', status_changed_at = now(), updated_at = now()
      WHERE organization_id = $1 AND status = 'held' AND hold_expires_at <= now()
        AND (practitioner_id = $2 OR room_id = $3) AND starts_at < $5::timestamptz AND occupied_until > $4::timestamptz
        AND ($6::uuid IS NULL OR id <> $6)`,
    [organizationId, q.practitionerId, q.roomId, q.startsAt, q.occupiedUntil, q.exceptId ?? null],
  );
}

export interface NewHold {
  organizationId: string;
  locationId: string;
  serviceId: string;
  practitionerId: string;
  roomId: string;
  startsAt: Date;
  endsAt: Date;
  occupiedUntil: Date;
  expiresAt: Date;
}

/** The held slot: an appointment row without a patient, which the no-double-booking constraints cover. */
export async function insertHold(db: Db, h: NewHold): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO appointments (organization_id, location_id, patient_id, service_id, practitioner_id, room_id, starts_at, ends_at, occupied_until,
                               status, source, hold_expires_at)
     VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, 'held', 'online', $9) RETURNING id`,
    [h.organizationId, h.locationId, h.serviceId, h.practitionerId, h.roomId, h.startsAt, h.endsAt, h.occupiedUntil, h.expiresAt],
  );
  return row.id;
}

export interface HeldSlotRow {
  id: string;
  status: string;
  hold_expires_at: Date | null;
  service_id: string;
  practitioner_id: string;
  room_id: string;
  location_id: string;
  starts_at: Date;
}

/** The hold's row, locked for the rest of the caller's transaction. */
export async function lockHeldSlot(db: Db, organizationId: string, id: string): Promise<HeldSlotRow | undefined> {
  const [row] = await db.query(
    `SELECT id, status, hold_expires_at, service_id, practitioner_id, room_id, location_id, starts_at
       FROM appointments WHERE organization_id = $1 AND id = $2 AND source = 'online' FOR UPDATE`,
    [organizationId, id],
  );
  return row;
}

/** The hold becomes the appointment: same row, so the slot is never free in between. */
export async function bookHeldSlot(db: Db, organizationId: string, id: string, patientId: string): Promise<void> {
  await db.query(
    `UPDATE appointments SET patient_id = $3, status = 'booked', hold_expires_at = NULL, status_changed_at = now(), updated_at = now()
      WHERE organization_id = $1 AND id = $2 AND status = 'held'`,
    [organizationId, id, patientId],
  );
}

export async function releaseHeldSlot(db: Db, organizationId: string, id: string, reason: string): Promise<void> {
  await db.query(
    `UPDATE appointments SET status = 'cancelled', cancel_reason = $3, status_changed_at = now(), updated_at = now()
      WHERE organization_id = $1 AND id = $2 AND status = 'held'`,
    [organizationId, id, reason],
  );
}

/**
 * Issue 16's "existing patient" for a service open to existing patients only: a completed consultation, or a signed
 * medical-needling session (treatments' medical_session_history), on or after `since`.
 */
export async function hadRecentClinicalContact(db: Db, organizationId: string, patientId: string, since: Date): Promise<boolean> {
  const [row]: { found: boolean }[] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM appointments a JOIN services s ON s.id = a.service_id
                     WHERE a.organization_id = $1 AND a.patient_id = $2 AND a.status = 'completed'
                       AND s.procedure_kind = 'consultation' AND a.starts_at >= $3::timestamptz)
         OR EXISTS (SELECT 1 FROM medical_session_history m
                     WHERE m.organization_id = $1 AND m.patient_id = $2 AND m.status = 'signed' AND m.performed_on >= $3::date) AS found`,
    [organizationId, patientId, since],
  );
  return row.found;
}

export interface BookedOnlineRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  service_name: string;
  location_name: string;
  practitioner_name: string;
}

/** What the patient is told of her booking: times, service, place and practitioner names (nothing of anyone else). */
export async function bookedOnline(db: Db, organizationId: string, id: string): Promise<BookedOnlineRow> {
  const [row] = await db.query(
    `SELECT a.id, a.starts_at, a.ends_at, s.name AS service_name, l.name AS location_name, st.name AS practitioner_name
       FROM appointments a JOIN services s ON s.id = a.service_id JOIN location_directory l ON l.id = a.location_id
       JOIN staff_directory st ON st.id = a.practitioner_id
      WHERE a.organization_id = $1 AND a.id = $2`,
    [organizationId, id],
  );
  return row;
}

export interface ManagedAppointmentRow {
  id: string;
  status: string;
  starts_at: Date;
  ends_at: Date;
  timezone: string;
  service_id: string;
  service_name: string;
  location_id: string;
  location_name: string;
  location_address: string;
  location_phone: string | null;
  location_country: string;
  practitioner_id: string;
  practitioner_name: string;
  /** Whether a patient is on it: a hold (or a released hold) is never an appointment to manage. */
  has_patient: boolean;
}

/**
 * The appointment as its patient manages it online: no patient details, no notes, no room, nobody else. `lock`: the
 * row is held for the caller's transaction, so two changes through the link take turns and the second sees the first.
 */
export async function managedAppointment(db: Db, organizationId: string, id: string, lock = false): Promise<ManagedAppointmentRow | undefined> {
  const [row] = await db.query(
    `SELECT a.id, a.status, a.starts_at, a.ends_at, l.timezone, a.service_id, s.name AS service_name, a.location_id, l.name AS location_name,
            l.address AS location_address, l.phone AS location_phone, l.country_code AS location_country, a.practitioner_id, st.name AS practitioner_name,
            a.patient_id IS NOT NULL AS has_patient
       FROM appointments a JOIN services s ON s.id = a.service_id JOIN location_directory l ON l.id = a.location_id
       JOIN staff_directory st ON st.id = a.practitioner_id
      WHERE a.organization_id = $1 AND a.id = $2${lock ? ' FOR UPDATE OF a' : ''}`,
    [organizationId, id],
  );
  return row;
}
