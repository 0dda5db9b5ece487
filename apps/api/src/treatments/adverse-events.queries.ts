import type { EntityManager } from 'typeorm';

import { rowsOfKnownPatient } from './patient-rows.queries';

type Db = Pick<EntityManager, 'query'>;

export interface AdverseEventRow {
  id: string;
  session_id: string;
  patient_id: string;
  performed_on: string;
  type: string;
  onset_on: string;
  grade: number | null;
  duration_days: number | null;
  description: string;
  treatment: string;
  outcome: string;
  lot_numbers: string[];
  serial_number: string;
  topical_products: { name: string; lotNumber: string | null }[];
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date;
}

/**
 * Adverse events by one event id, one patient or one session (give one), newest onset first, each with what it
 * links to: the session's cartridge lots (inventory's session_cartridge_uses), pen (device_directory) and topical
 * products, and who recorded it (staff_directory).
 */
const ADVERSE_EVENT_ROWS = `
  SELECT e.id, e.session_id, e.patient_id, to_char(s.performed_on, 'YYYY-MM-DD') AS performed_on, e.type,
         to_char(e.onset_on, 'YYYY-MM-DD') AS onset_on, e.grade, e.duration_days, e.description, e.treatment, e.outcome,
         ARRAY(SELECT DISTINCT u.lot_number FROM session_cartridge_uses u WHERE u.treatment_session_id = s.id ORDER BY u.lot_number) AS lot_numbers,
         d.serial_number, s.topical_products, e.recorded_by, st.name AS recorded_by_name, e.recorded_at
  FROM adverse_events e
  JOIN treatment_sessions s ON s.id = e.session_id
  JOIN device_directory d ON d.id = s.device_id
  JOIN staff_directory st ON st.id = e.recorded_by
  WHERE e.organization_id = $1 AND ($2::uuid IS NULL OR e.id = $2) AND ($3::uuid IS NULL OR e.patient_id = $3) AND ($4::uuid IS NULL OR e.session_id = $4)
  ORDER BY e.onset_on DESC, e.recorded_at DESC`;

export async function adverseEventRows(db: Db, organizationId: string, by: { eventId?: string; patientId?: string; sessionId?: string }): Promise<AdverseEventRow[]> {
  return db.query(ADVERSE_EVENT_ROWS, [organizationId, by.eventId ?? null, by.patientId ?? null, by.sessionId ?? null]);
}

/** A patient's adverse events, or null when the organization has no such patient: one statement. */
export function patientAdverseEventRows(db: Db, organizationId: string, patientId: string): Promise<AdverseEventRow[] | null> {
  return rowsOfKnownPatient<AdverseEventRow>(db, ADVERSE_EVENT_ROWS, [organizationId, null, patientId, null], 1, 3);
}
