import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export interface NewPlan {
  organizationId: string;
  patientId: string;
  serviceId: string;
  locationId: string;
  practitionerId: string | null;
  sessions: number;
  intervalWeeks: number;
  startOn: string;
  createdBy: string;
  preferredPractitionerId: string | null;
  preferredTimeOfDay: string | null;
  preferredWindow: { fromMinute: number; toMinute: number } | null;
}

export async function insertPlan(manager: EntityManager, p: NewPlan): Promise<string> {
  const [row]: { id: string }[] = await manager.query(
    `INSERT INTO treatment_plans (organization_id, patient_id, service_id, location_id, practitioner_id, sessions, interval_weeks, start_on, created_by,
                                  preferred_practitioner_id, preferred_time_of_day, preferred_from_minute, preferred_to_minute)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      p.organizationId,
      p.patientId,
      p.serviceId,
      p.locationId,
      p.practitionerId,
      p.sessions,
      p.intervalWeeks,
      p.startOn,
      p.createdBy,
      p.preferredPractitionerId,
      p.preferredTimeOfDay,
      p.preferredWindow?.fromMinute ?? null,
      p.preferredWindow?.toMinute ?? null,
    ],
  );
  return row.id;
}

export interface ProposedSession {
  sessionNumber: number;
  targetOn: string;
  startsAt: Date | null;
  practitionerId: string | null;
  roomId: string | null;
}

export async function insertPlanSession(manager: EntityManager, organizationId: string, planId: string, s: ProposedSession): Promise<void> {
  await manager.query(
    `INSERT INTO treatment_plan_sessions (organization_id, plan_id, session_number, target_on, proposed_starts_at, practitioner_id, room_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [organizationId, planId, s.sessionNumber, s.targetOn, s.startsAt, s.practitionerId, s.roomId],
  );
}

export interface PlanRow {
  id: string;
  patient_id: string;
  service_id: string;
  location_id: string;
  practitioner_id: string | null;
  sessions: number;
  interval_weeks: number;
  status: 'proposed' | 'booked';
}

export async function lockPlan(manager: EntityManager, organizationId: string, id: string): Promise<PlanRow | undefined> {
  const [row] = await manager.query(`SELECT * FROM treatment_plans WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [organizationId, id]);
  return row;
}

export interface PlanSessionRow {
  session_number: number;
  proposed_starts_at: Date | null;
  practitioner_id: string | null;
  room_id: string | null;
}

export async function planSessionRows(manager: EntityManager, organizationId: string, planId: string): Promise<PlanSessionRow[]> {
  return manager.query(`SELECT * FROM treatment_plan_sessions WHERE organization_id = $1 AND plan_id = $2 ORDER BY session_number`, [organizationId, planId]);
}

export async function linkSessionAppointment(manager: EntityManager, organizationId: string, planId: string, sessionNumber: number, appointmentId: string): Promise<void> {
  await manager.query(`UPDATE treatment_plan_sessions SET appointment_id = $4 WHERE organization_id = $1 AND plan_id = $2 AND session_number = $3`, [
    organizationId,
    planId,
    sessionNumber,
    appointmentId,
  ]);
}

export async function markPlanBooked(manager: EntityManager, organizationId: string, id: string): Promise<void> {
  await manager.query(`UPDATE treatment_plans SET status = 'booked', booked_at = now() WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
}

export interface PlanViewRow extends PlanRow {
  start_on_text: string;
  service_name: string;
  timezone: string;
  preferred_practitioner_id: string | null;
  preferred_practitioner_name: string | null;
  preferred_time_of_day: 'morning' | 'afternoon' | 'evening' | null;
  preferred_from_minute: number | null;
  preferred_to_minute: number | null;
}

/** A plan with its sessions (as planSessionViews answers them), in one statement. */
export type PlanWithSessionsRow = PlanViewRow & { session_list: (Omit<PlanSessionViewRow, 'starts_at'> & { starts_at: string | null })[] };

const PLANS_WITH_SESSIONS = `
  SELECT t.*, to_char(t.start_on, 'YYYY-MM-DD') AS start_on_text, s.name AS service_name, l.timezone, pp.name AS preferred_practitioner_name,
         coalesce((SELECT json_agg(json_build_object(
                    'session_number', ps.session_number, 'target_on_text', to_char(ps.target_on, 'YYYY-MM-DD'),
                    'starts_at', coalesce(a.starts_at, ps.proposed_starts_at), 'practitioner_id', ps.practitioner_id, 'practitioner_name', st.name,
                    'room_id', ps.room_id, 'room_name', r.name, 'appointment_id', ps.appointment_id, 'appointment_status', a.status) ORDER BY ps.session_number)
                   FROM treatment_plan_sessions ps LEFT JOIN staff_directory st ON st.id = ps.practitioner_id
                   LEFT JOIN appointments a ON a.id = ps.appointment_id LEFT JOIN rooms r ON r.id = ps.room_id
                   WHERE ps.organization_id = t.organization_id AND ps.plan_id = t.id), '[]'::json) AS session_list
  FROM treatment_plans t JOIN services s ON s.id = t.service_id JOIN location_directory l ON l.id = t.location_id
  LEFT JOIN staff_directory pp ON pp.id = t.preferred_practitioner_id`;

export async function planWithSessions(db: Db, organizationId: string, id: string): Promise<PlanWithSessionsRow | undefined> {
  const [row] = await db.query(`${PLANS_WITH_SESSIONS} WHERE t.organization_id = $1 AND t.id = $2`, [organizationId, id]);
  return row;
}

/** Whether the patient is the organization's, and the patient's plans newest first with their sessions: one statement. */
export async function patientPlansWithSessions(db: Db, organizationId: string, patientId: string): Promise<{ patientFound: boolean; plans: PlanWithSessionsRow[] }> {
  const rows: (PlanWithSessionsRow & { patient_found: boolean })[] = await db.query(
    `SELECT p.id IS NOT NULL AS patient_found, plan.* FROM (SELECT 1) one
     LEFT JOIN patient_directory p ON p.organization_id = $1 AND p.id = $2
     LEFT JOIN LATERAL (${PLANS_WITH_SESSIONS} WHERE t.organization_id = $1 AND t.patient_id = p.id) plan ON true
     ORDER BY plan.created_at DESC, plan.id`,
    [organizationId, patientId],
  );
  return { patientFound: rows[0]?.patient_found ?? false, plans: rows.filter((r) => r.id !== null) };
}

export interface PlanSessionViewRow {
  session_number: number;
  target_on_text: string;
  starts_at: Date | null;
  practitioner_id: string | null;
  practitioner_name: string | null;
  room_id: string | null;
  room_name: string | null;
  appointment_id: string | null;
  appointment_status: string | null;
}

