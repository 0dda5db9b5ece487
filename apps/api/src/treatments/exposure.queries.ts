import type { EntityManager } from 'typeorm';

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

/** A lot with its product (inventory's lot_directory), the subject of a lot exposure report. */
export async function exposureLot(
  manager: EntityManager,
  organizationId: string,
  lotId: string,
): Promise<{ id: string; lot_number: string; status: string; product_name: string; gtin: string | null } | undefined> {
  const [row] = await manager.query(`SELECT id, lot_number, status, product_name, gtin FROM lot_directory WHERE id = $1 AND organization_id = $2`, [lotId, organizationId]);
  return row;
}

/** A pen handpiece (inventory's device_directory), the subject of a device exposure report. */
export async function exposureDevice(
  manager: EntityManager,
  organizationId: string,
  deviceId: string,
): Promise<{ id: string; serial_number: string; model: string; status: string } | undefined> {
  const [row] = await manager.query(`SELECT id, serial_number, model, status FROM device_directory WHERE id = $1 AND organization_id = $2`, [deviceId, organizationId]);
  return row;
}

/**
 * Every session exposed to a cartridge lot (through the ledger's `used` movements, with how many of the lot's
 * cartridges it used) or to a pen handpiece (cartridges 0): pass the lot or the device, the other null. One
 * statement; each branch walks its own index (stock_movements_exposure_idx for a lot, treatment_sessions_device_idx
 * for a device), so a report's cost follows the subject's own use, not the size of the database. Each session comes
 * with the patient's contact (patient_directory), the practitioner, location and pen, its lots and adverse events.
 */
export async function exposedSessions(manager: EntityManager, organizationId: string, subject: { lotId: string | null; deviceId: string | null }): Promise<ExposureRow[]> {
  return manager.query(
    `WITH exposed AS (
       SELECT treatment_session_id AS session_id, sum(quantity)::int AS cartridges_used
       FROM session_cartridge_uses WHERE lot_id = $2 AND organization_id = $1
       GROUP BY treatment_session_id
       UNION ALL
       SELECT id, 0 FROM treatment_sessions WHERE device_id = $3 AND organization_id = $1)
     SELECT s.id AS session_id, to_char(s.performed_on, 'YYYY-MM-DD') AS performed_on, s.procedure_kind, s.status,
            p.id AS patient_id, p.first_name || ' ' || p.last_name AS patient_name, p.mrn,
            to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.phone, p.email,
            st.name AS practitioner_name, loc.name AS location_name, d.serial_number AS device_serial_number, d.model AS device_model,
            x.cartridges_used,
            ARRAY(SELECT DISTINCT u.lot_number FROM session_cartridge_uses u WHERE u.treatment_session_id = s.id ORDER BY u.lot_number) AS lot_numbers,
            coalesce((SELECT json_agg(json_build_object('id', a.id, 'type', a.type, 'onsetOn', to_char(a.onset_on, 'YYYY-MM-DD'),
                                                        'grade', a.grade, 'outcome', a.outcome, 'description', a.description)
                                      ORDER BY a.onset_on, a.recorded_at)
                      FROM adverse_events a WHERE a.session_id = s.id), '[]'::json) AS adverse_events
     FROM exposed x
     JOIN treatment_sessions s ON s.id = x.session_id
     JOIN patient_directory p ON p.id = s.patient_id
     JOIN staff_directory st ON st.id = s.practitioner_id
     JOIN location_directory loc ON loc.id = s.location_id
     JOIN device_directory d ON d.id = s.device_id
     ORDER BY s.performed_on, s.started_at, s.id`,
    [organizationId, subject.lotId, subject.deviceId],
  );
}
