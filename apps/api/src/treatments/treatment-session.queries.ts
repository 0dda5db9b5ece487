import type { EntityManager } from 'typeorm';
import type { ContraindicationAcknowledgement, RecordedWarning, TopicalProductUse } from './treatment-session.entity';

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
  /** In charting order; depth_mm a JSON number. */
  zones: { zone: string; depth_mm: number; passes: number }[];
  /** The first-expiring lot of the cartridge product usable at the location today (inventory's usable_lot_stock). */
  lot: { id: string; lot_number: string; expires_on: string; on_hand: number } | null;
}

export interface RepeatSourceRow {
  patient_found: boolean;
  location_found: boolean;
  /** Null when the patient has no signed session of the indication. */
  previous: PreviousSessionRow | null;
}

/**
 * What "start from last session" reads, in one statement (issue 15): whether the patient and the location are the
 * organization's, and the patient's latest signed session of the indication with its zones, its pen
 * (device_directory), the product of its first cartridge (session_cartridge_uses, lot_directory) and that product's
 * first-expiring lot usable at the location (usable_lot_stock: first expiry, first out).
 */
export async function repeatSource(db: Db, organizationId: string, patientId: string, indication: string, locationId: string): Promise<RepeatSourceRow> {
  const [row] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM patient_directory WHERE organization_id = $1 AND id = $2) AS patient_found,
            EXISTS (SELECT 1 FROM location_directory WHERE organization_id = $1 AND id = $4) AS location_found,
            (SELECT json_build_object(
                      'id', s.id, 'performed_on', to_char(s.performed_on, 'YYYY-MM-DD'), 'practitioner_name', st.name,
                      'device_id', s.device_id, 'device_model', d.model, 'device_serial_number', d.serial_number, 'device_status', d.status,
                      'device_location_id', d.location_id, 'product_id', first_use.product_id, 'product_name', first_use.product_name,
                      'zones', COALESCE((SELECT json_agg(json_build_object('zone', z.zone, 'depth_mm', z.depth_mm, 'passes', z.passes) ORDER BY z.position)
                                           FROM treatment_session_zones z WHERE z.organization_id = s.organization_id AND z.session_id = s.id), '[]'),
                      'lot', (SELECT json_build_object('id', u.lot_id, 'lot_number', u.lot_number, 'expires_on', to_char(u.expires_on, 'YYYY-MM-DD'), 'on_hand', u.on_hand)
                                FROM usable_lot_stock u
                               WHERE u.organization_id = s.organization_id AND u.product_id = first_use.product_id AND u.location_id = $4
                               ORDER BY u.expires_on, u.lot_number, u.lot_id LIMIT 1))
               FROM treatment_sessions s
               JOIN staff_directory st ON st.id = s.practitioner_id
               JOIN device_directory d ON d.id = s.device_id
               LEFT JOIN LATERAL (
                 SELECT l.product_id, l.product_name FROM session_cartridge_uses u JOIN lot_directory l ON l.id = u.lot_id
                  WHERE u.organization_id = s.organization_id AND u.treatment_session_id = s.id ORDER BY u.recorded_at LIMIT 1
               ) first_use ON true
              WHERE s.organization_id = $1 AND s.patient_id = $2 AND s.indication = $3 AND s.status = 'signed'
              ORDER BY s.performed_on DESC, s.started_at DESC
              LIMIT 1) AS previous`,
    [organizationId, patientId, indication, locationId],
  );
  return row;
}

/** A session's own columns as the record shows them, with everything around it (see sessionRecord). */
export interface SessionRecordRow extends SessionSummaryRow {
  walk_in_reason: string | null;
  device_id: string;
  device_serial_number: string;
  device_model: string;
  technique: string | null;
  clinical_endpoint: string | null;
  erythema_grade: number | null;
  anesthetic_product: string | null;
  anesthetic_strength: string | null;
  anesthetic_lot_number: string | null;
  anesthetic_area: string | null;
  anesthetic_applied_at: Date | null;
  anesthetic_removed_at: Date | null;
  topical_products: TopicalProductUse[];
  post_care_instructions: string | null;
  notes: string;
  acknowledgements: ContraindicationAcknowledgement[];
  preflight_warnings: RecordedWarning[];
  photos_planned: boolean;
  signed_by: string | null;
  /** In charting order; depth_mm a JSON number. */
  zones: { zone: string; depth_mm: number; passes: number; override_reason: string | null }[];
  /** In the order opened; recorded_at an ISO text. */
  cartridges: { id: string; lot_id: string; lot_number: string; product_name: string; expires_on: string; quantity: number; reason: string | null; recorded_at: string }[];
  /** Oldest first; created_at an ISO text. */
  addenda: { id: string; text: string; author_id: string; author_name: string; created_at: string }[];
  /** The hash in the first `treatment_session.signed` event (audit's treatment_session_seals), null before signing. */
  sealed_hash: string | null;
  organization_name: string;
  patient_mrn: string;
  patient_date_of_birth: string;
  location_name: string;
  location_timezone: string;
}

/**
 * The whole session record in one statement (issue 15): the session with its names, pen, zones, cartridges
 * (inventory's session_cartridge_uses), addenda, the sealed record hash (audit's treatment_session_seals) and, for
 * the printed record, the clinic, the patient's MRN and birth date and the location.
 */
export async function sessionRecord(db: Db, organizationId: string, id: string): Promise<SessionRecordRow | undefined> {
  const [row] = await db.query(
    `SELECT s.id, s.patient_id, p.first_name || ' ' || p.last_name AS patient_name, s.location_id, s.practitioner_id,
            st.name AS practitioner_name, s.appointment_id, s.procedure_kind, s.indication, s.max_depth_mm,
            to_char(s.performed_on, 'YYYY-MM-DD') AS performed_on, s.started_at, s.status, s.signed_at,
            s.walk_in_reason, s.device_id, d.serial_number AS device_serial_number, d.model AS device_model,
            s.technique, s.clinical_endpoint, s.erythema_grade, s.anesthetic_product, s.anesthetic_strength, s.anesthetic_lot_number,
            s.anesthetic_area, s.anesthetic_applied_at, s.anesthetic_removed_at, s.topical_products, s.post_care_instructions, s.notes,
            s.acknowledgements, s.preflight_warnings, s.photos_planned, s.signed_by,
            COALESCE((SELECT json_agg(json_build_object('zone', z.zone, 'depth_mm', z.depth_mm, 'passes', z.passes, 'override_reason', z.override_reason)
                                      ORDER BY z.position)
                        FROM treatment_session_zones z WHERE z.organization_id = s.organization_id AND z.session_id = s.id), '[]') AS zones,
            COALESCE((SELECT json_agg(json_build_object('id', u.id, 'lot_id', u.lot_id, 'lot_number', u.lot_number, 'product_name', u.product_name,
                                                        'expires_on', to_char(u.expires_on, 'YYYY-MM-DD'), 'quantity', u.quantity, 'reason', u.reason,
                                                        'recorded_at', u.recorded_at) ORDER BY u.recorded_at)
                        FROM session_cartridge_uses u WHERE u.organization_id = s.organization_id AND u.treatment_session_id = s.id), '[]') AS cartridges,
            COALESCE((SELECT json_agg(json_build_object('id', a.id, 'text', a.text, 'author_id', a.author_id, 'author_name', au.name, 'created_at', a.created_at)
                                      ORDER BY a.created_at, a.id)
                        FROM treatment_session_addenda a JOIN staff_directory au ON au.id = a.author_id
                       WHERE a.organization_id = s.organization_id AND a.session_id = s.id), '[]') AS addenda,
            (SELECT k.session_hash FROM treatment_session_seals k
              WHERE k.organization_id = s.organization_id AND k.session_id = s.id::text ORDER BY k.occurred_at, k.event_id LIMIT 1) AS sealed_hash,
            o.name AS organization_name, p.mrn AS patient_mrn, to_char(p.date_of_birth, 'YYYY-MM-DD') AS patient_date_of_birth,
            l.name AS location_name, l.timezone AS location_timezone
       FROM treatment_sessions s
       JOIN patient_directory p ON p.id = s.patient_id
       JOIN staff_directory st ON st.id = s.practitioner_id
       JOIN device_directory d ON d.id = s.device_id
       JOIN organization_directory o ON o.id = s.organization_id
       JOIN location_directory l ON l.id = s.location_id
      WHERE s.organization_id = $1 AND s.id = $2`,
    [organizationId, id],
  );
  return row;
}
