import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export interface SessionSummaryRow {
  id: string;
  patient_id: string;
  patient_name: string;
  location_id: string;
  practitioner_id: string;
  practitioner_name: string;
  appointment_id: string | null;
  procedure_kind: 'cosmetic' | 'medical';
  indication: string | null;
  max_depth_mm: string;
  performed_on: string;
  started_at: Date;
  status: 'in_progress' | 'signed';
  signed_at: Date | null;
}

/** Sessions with the patient's and practitioner's names (patient_directory, staff_directory). */
const SUMMARY_SELECT = `
  SELECT s.id, s.patient_id, p.first_name || ' ' || p.last_name AS patient_name, s.location_id, s.practitioner_id,
         st.name AS practitioner_name, s.appointment_id, s.procedure_kind, s.indication, s.max_depth_mm,
         to_char(s.performed_on, 'YYYY-MM-DD') AS performed_on, s.started_at, s.status, s.signed_at,
         to_char(s.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_started_at
  FROM treatment_sessions s
  JOIN patient_directory p ON p.id = s.patient_id
  JOIN staff_directory st ON st.id = s.practitioner_id`;

export interface PatientSessionPageRow extends Omit<SessionSummaryRow, 'id'> {
  /** False when the organization has no such patient (then the row carries nothing else). */
  patient_found: boolean;
  /** Null on the one row of an empty page. */
  id: string | null;
  /** started_at to the microsecond, for the cursor (a Date keeps milliseconds only). */
  cursor_started_at: string;
}

/**
 * One keyset page of a patient's sessions, newest first (performed_on DESC, started_at DESC, id DESC), `limit` after
 * the cursor's key, served in order by treatment_sessions_patient_page_idx. One row always comes back, saying
 * whether the patient exists, so the route needs no separate look-up.
 */
export async function patientSessionPage(
  db: Db,
  organizationId: string,
  patientId: string,
  after: readonly (string | number | null)[] | null,
  limit: number,
): Promise<PatientSessionPageRow[]> {
  const seek = after === null ? '' : 'AND (s.performed_on, s.started_at, s.id) < ($4::date, $5::timestamptz, $6::uuid)';
  return db.query(
    `SELECT EXISTS (SELECT 1 FROM patient_directory WHERE organization_id = $1 AND id = $2) AS patient_found, page.*
       FROM (SELECT 1) one
       LEFT JOIN (
         ${SUMMARY_SELECT}
         WHERE s.organization_id = $1 AND s.patient_id = $2 ${seek}
         ORDER BY s.performed_on DESC, s.started_at DESC, s.id DESC
         LIMIT $3
       ) page ON true
      ORDER BY page.performed_on DESC, page.started_at DESC, page.id DESC`,
    after === null ? [organizationId, patientId, limit] : [organizationId, patientId, limit, ...after],
  );
}

export async function sessionSummary(db: Db, organizationId: string, id: string): Promise<SessionSummaryRow | undefined> {
  const [row] = await db.query(`${SUMMARY_SELECT} WHERE s.organization_id = $1 AND s.id = $2`, [organizationId, id]);
  return row;
}

/** The session's pen, through inventory's published device_directory. */
export async function sessionDevice(db: Db, organizationId: string, deviceId: string): Promise<{ serial_number: string; model: string }> {
  const [row] = await db.query(`SELECT serial_number, model FROM device_directory WHERE organization_id = $1 AND id = $2`, [organizationId, deviceId]);
  return row;
}

export interface CartridgeUseRow {
  id: string;
  lot_id: string;
  lot_number: string;
  product_name: string;
  expires_on: string;
  quantity: number;
  reason: string | null;
  recorded_at: Date;
}

/** The cartridges the session used, in the order opened (inventory's session_cartridge_uses). */
export async function sessionCartridges(db: Db, organizationId: string, sessionId: string): Promise<CartridgeUseRow[]> {
  return db.query(
    `SELECT id, lot_id, lot_number, product_name, to_char(expires_on, 'YYYY-MM-DD') AS expires_on, quantity, reason, recorded_at
     FROM session_cartridge_uses WHERE organization_id = $1 AND treatment_session_id = $2
     ORDER BY recorded_at`,
    [organizationId, sessionId],
  );
}

export async function sessionAddenda(db: Db, organizationId: string, sessionId: string): Promise<{ id: string; text: string; author_id: string; author_name: string; created_at: Date }[]> {
  return db.query(
    `SELECT a.id, a.text, a.author_id, st.name AS author_name, a.created_at
     FROM treatment_session_addenda a JOIN staff_directory st ON st.id = a.author_id
     WHERE a.organization_id = $1 AND a.session_id = $2 ORDER BY a.created_at, a.id`,
    [organizationId, sessionId],
  );
}

export interface PreviousSessionRow {
  id: string;
  performed_on: string;
  practitioner_name: string;
  device_id: string;
  device_model: string;
  device_serial_number: string;
  device_status: string;
  device_location_id: string | null;
  product_id: string | null;
  product_name: string | null;
}

/**
 * The patient's latest signed session of the indication, with its pen (device_directory) and the product of its first
 * cartridge (session_cartridge_uses and lot_directory).
 */
export async function latestSignedSessionOf(db: Db, organizationId: string, patientId: string, indication: string): Promise<PreviousSessionRow | undefined> {
  const [row] = await db.query(
    `SELECT s.id, to_char(s.performed_on, 'YYYY-MM-DD') AS performed_on, st.name AS practitioner_name,
            s.device_id, d.model AS device_model, d.serial_number AS device_serial_number, d.status AS device_status, d.location_id AS device_location_id,
            first_use.product_id, first_use.product_name
       FROM treatment_sessions s
       JOIN staff_directory st ON st.id = s.practitioner_id
       JOIN device_directory d ON d.id = s.device_id
       LEFT JOIN LATERAL (
         SELECT l.product_id, l.product_name FROM session_cartridge_uses u JOIN lot_directory l ON l.id = u.lot_id
          WHERE u.organization_id = s.organization_id AND u.treatment_session_id = s.id ORDER BY u.recorded_at LIMIT 1
       ) first_use ON true
      WHERE s.organization_id = $1 AND s.patient_id = $2 AND s.indication = $3 AND s.status = 'signed'
      ORDER BY s.performed_on DESC, s.started_at DESC
      LIMIT 1`,
    [organizationId, patientId, indication],
  );
  return row;
}

export interface SessionRecordPartiesRow {
  organization_name: string;
  patient_mrn: string;
  patient_date_of_birth: string;
  location_name: string;
  location_timezone: string;
}

/** Who and where, for the printed record: the clinic, the patient's MRN and birth date, the location and its zone. */
export async function sessionRecordParties(db: Db, organizationId: string, sessionId: string): Promise<SessionRecordPartiesRow | undefined> {
  const [row] = await db.query(
    `SELECT o.name AS organization_name, p.mrn AS patient_mrn, to_char(p.date_of_birth, 'YYYY-MM-DD') AS patient_date_of_birth,
            l.name AS location_name, l.timezone AS location_timezone
       FROM treatment_sessions s
       JOIN organization_directory o ON o.id = s.organization_id
       JOIN patient_directory p ON p.id = s.patient_id
       JOIN location_directory l ON l.id = s.location_id
      WHERE s.organization_id = $1 AND s.id = $2`,
    [organizationId, sessionId],
  );
  return row;
}
