import type { EntityManager } from 'typeorm';
import { runNamedStatement } from '../database/named-query';

export interface ExposureRow {
  session_id: string;
  performed_on: string;
  procedure_kind: 'cosmetic' | 'medical';
  status: 'in_progress' | 'signed';
  patient_id: string;
  patient_name: string;
  mrn: string;
  date_of_birth: string;
  phone: string | null;
  email: string | null;
  practitioner_name: string;
  location_name: string;
  device_serial_number: string;
  device_model: string;
  lot_numbers: string[];
  cartridges_used: number;
  adverse_events: { id: string; type: string; onsetOn: string; grade: number | null; outcome: string; description: string }[];
}

/** The subject of a report beside each of its rows: a report is one statement, so it reads one snapshot. */
export interface LotExposureRow extends Partial<ExposureRow> {
  lot_id: string;
  lot_number: string;
  lot_status: string;
  product_name: string;
  gtin: string | null;
}

export interface DeviceExposureRow extends Partial<ExposureRow> {
  device_id: string;
  serial_number: string;
  model: string;
  device_status: string;
}

/**
 * The report's rows for the sessions in the `uses` CTE (session_id, cartridges_used), organization $1: whom to call
 * (session_exposure's plain columns only: its per-row lot and adverse event subqueries are not selected, so not
 * run), the lots each session used and its adverse events, each aggregated by a join over the report's sessions.
 * Each session's lots come from a covering index (stock_movements_session_use_idx).
 */
const EXPOSURE_SESSIONS = `session_lots AS (
       SELECT x.treatment_session_id AS session_id, array_agg(DISTINCT x.lot_number ORDER BY x.lot_number) AS lot_numbers
       FROM uses u JOIN session_cartridge_uses x ON x.treatment_session_id = u.session_id AND x.organization_id = $1
       GROUP BY x.treatment_session_id),
     events AS (
       SELECT a.session_id,
              json_agg(json_build_object('id', a.id, 'type', a.type, 'onsetOn', to_char(a.onset_on, 'YYYY-MM-DD'),
                                         'grade', a.grade, 'outcome', a.outcome, 'description', a.description)
                       ORDER BY a.onset_on, a.recorded_at) AS adverse_events
       FROM uses u JOIN adverse_events a ON a.session_id = u.session_id AND a.organization_id = $1
       GROUP BY a.session_id),
     exposed AS (
       SELECT e.session_id, e.performed_on, e.started_at, e.procedure_kind, e.status, e.patient_id, e.patient_name, e.mrn,
              e.date_of_birth, e.phone, e.email, e.practitioner_name, e.location_name, e.device_serial_number, e.device_model,
              coalesce(sl.lot_numbers, '{}'::text[]) AS lot_numbers, u.cartridges_used,
              coalesce(ev.adverse_events, '[]'::json) AS adverse_events
       FROM uses u
       JOIN session_exposure e ON e.session_id = u.session_id AND e.organization_id = $1
       LEFT JOIN session_lots sl ON sl.session_id = u.session_id
       LEFT JOIN events ev ON ev.session_id = u.session_id)`;

/**
 * A lot (inventory's lot_directory) and every session that used it (the ledger's `used` movements, inventory's
 * session_cartridge_uses), with how many of its cartridges: ONE statement (see EXPOSURE_SESSIONS). The lot's
 * movements come from a covering index (stock_movements_lot_use_idx), so the cost follows the lot's own use, not the
 * size of the database; a named statement, so its plan is kept. No row: no such lot; one row without a session: a lot
 * nobody was treated with.
 */
export async function lotExposureRows(manager: EntityManager, organizationId: string, lotId: string): Promise<LotExposureRow[]> {
  return runNamedStatement<LotExposureRow>(manager, {
    name: 'treatments_lot_exposure_v1',
    text: `WITH uses AS (
       SELECT treatment_session_id AS session_id, sum(quantity)::int AS cartridges_used
       FROM session_cartridge_uses WHERE organization_id = $1 AND lot_id = $2
       GROUP BY treatment_session_id),
     ${EXPOSURE_SESSIONS}
     SELECT d.id AS lot_id, d.lot_number, d.status AS lot_status, d.product_name, d.gtin, x.*
     FROM lot_directory d LEFT JOIN exposed x ON true
     WHERE d.organization_id = $1 AND d.id = $2
     ORDER BY x.performed_on, x.started_at, x.session_id`,
    values: [organizationId, lotId],
  });
}

/** A pen handpiece (inventory's device_directory) and every session treated with it (cartridges 0), in one statement. */
export async function deviceExposureRows(manager: EntityManager, organizationId: string, deviceId: string): Promise<DeviceExposureRow[]> {
  return runNamedStatement<DeviceExposureRow>(manager, {
    name: 'treatments_device_exposure_v1',
    text: `WITH uses AS (
       SELECT id AS session_id, 0 AS cartridges_used FROM treatment_sessions WHERE organization_id = $1 AND device_id = $2),
     ${EXPOSURE_SESSIONS}
     SELECT d.id AS device_id, d.serial_number, d.model, d.status AS device_status, x.*
     FROM device_directory d LEFT JOIN exposed x ON true
     WHERE d.organization_id = $1 AND d.id = $2
     ORDER BY x.performed_on, x.started_at, x.session_id`,
    values: [organizationId, deviceId],
  });
}
