import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export interface AppointmentContextRow {
  id: string;
  patient_id: string;
  location_id: string;
  location_name: string;
  timezone: string;
  location_is_active: boolean;
  practitioner_id: string;
  practitioner_name: string;
  status: string;
  starts_at: Date;
  treatment_plan_id: string | null;
  service_procedure_kind: string;
  service_consent_kinds: string[];
  min_days_between_medical_sessions: number;
}

/**
 * What a treatment needs of its appointment, through scheduling's published appointment_treatment_context, with the
 * practitioner's name and the location from the directories: one statement.
 */
export async function appointmentContext(db: Db, organizationId: string, id: string): Promise<AppointmentContextRow | undefined> {
  const [row] = await db.query(
    `SELECT c.id, c.patient_id, c.location_id, l.name AS location_name, l.timezone, l.is_active AS location_is_active, c.practitioner_id,
            st.name AS practitioner_name, c.status, c.starts_at, c.treatment_plan_id, c.service_procedure_kind, c.service_consent_kinds,
            c.min_days_between_medical_sessions
     FROM appointment_treatment_context c
     JOIN staff_directory st ON st.id = c.practitioner_id
     JOIN location_directory l ON l.id = c.location_id
     WHERE c.organization_id = $1 AND c.id = $2`,
    [organizationId, id],
  );
  return row;
}

/** The course an appointment was booked in, if any (undefined: no such appointment). */
export async function courseOfAppointment(db: Db, organizationId: string, appointmentId: string): Promise<{ treatment_plan_id: string | null } | undefined> {
  const [row] = await db.query(`SELECT treatment_plan_id FROM appointment_treatment_context WHERE organization_id = $1 AND id = $2`, [organizationId, appointmentId]);
  return row;
}

/** A treatment course's patient, through scheduling's published treatment_course_directory. */
export async function coursePatient(db: Db, organizationId: string, planId: string): Promise<{ patient_id: string } | undefined> {
  const [row] = await db.query(`SELECT patient_id FROM treatment_course_directory WHERE organization_id = $1 AND id = $2`, [organizationId, planId]);
  return row;
}

export interface SessionLocationRow {
  id: string;
  name: string;
  timezone: string;
  is_active: boolean;
}

/** A location of the organization, through organizations' published location_directory. */
export async function sessionLocation(db: Db, organizationId: string, id: string): Promise<SessionLocationRow | undefined> {
  const [row] = await db.query(`SELECT id, name, timezone, is_active FROM location_directory WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
  return row;
}

/** The session already started for an appointment, if any (one per appointment). */
export async function sessionOfAppointment(db: Db, organizationId: string, appointmentId: string): Promise<{ id: string } | undefined> {
  const [row] = await db.query(`SELECT id FROM treatment_sessions WHERE organization_id = $1 AND appointment_id = $2`, [organizationId, appointmentId]);
  return row;
}
