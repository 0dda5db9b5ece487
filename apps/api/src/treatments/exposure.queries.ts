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
 * Every session that used the lot (the ledger's `used` movements, inventory's session_cartridge_uses), with how many
 * of its cartridges: one statement over treatments' session_exposure view. It walks stock_movements_exposure_idx, so
 * its cost follows the lot's own use, not the size of the database.
 */
export async function sessionsExposedToLot(manager: EntityManager, organizationId: string, lotId: string): Promise<ExposureRow[]> {
  return manager.query(
    `WITH uses AS (
       SELECT treatment_session_id AS session_id, sum(quantity)::int AS cartridges_used
       FROM session_cartridge_uses WHERE organization_id = $1 AND lot_id = $2
       GROUP BY treatment_session_id)
     SELECT e.*, u.cartridges_used FROM session_exposure e JOIN uses u ON u.session_id = e.session_id
     ORDER BY e.performed_on, e.started_at, e.session_id`,
    [organizationId, lotId],
  );
}

/** Every session treated with the pen (cartridges 0): one statement over session_exposure, on treatment_sessions_device_idx. */
export async function sessionsExposedToDevice(manager: EntityManager, organizationId: string, deviceId: string): Promise<ExposureRow[]> {
  return manager.query(
    `SELECT e.*, 0 AS cartridges_used FROM session_exposure e WHERE e.organization_id = $1 AND e.device_id = $2
     ORDER BY e.performed_on, e.started_at, e.session_id`,
    [organizationId, deviceId],
  );
}
