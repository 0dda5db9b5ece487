import type { DeviceStatus, LicenceType, LotHoldStatus, ProductKind } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/** The practitioner's licences (type and expiry), through staff's published practitioner_licences. */
export async function practitionerLicences(db: Db, organizationId: string, staffMemberId: string): Promise<{ licenceType: LicenceType; expiresOn: string }[]> {
  return db.query(
    `SELECT licence_type AS "licenceType", to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn"
     FROM practitioner_licences WHERE organization_id = $1 AND staff_member_id = $2 ORDER BY expires_on DESC`,
    [organizationId, staffMemberId],
  );
}

/** A pen handpiece, through inventory's published device_directory. */
export async function deviceForUse(
  db: Db,
  organizationId: string,
  id: string,
): Promise<{ serialNumber: string; status: DeviceStatus; statusReason: string | null; locationId: string } | undefined> {
  const [row] = await db.query(
    `SELECT serial_number AS "serialNumber", status, status_reason AS "statusReason", location_id AS "locationId"
     FROM device_directory WHERE organization_id = $1 AND id = $2`,
    [organizationId, id],
  );
  return row;
}

/** A lot with its product, through inventory's published lot_directory. */
export async function lotForUse(
  db: Db,
  organizationId: string,
  id: string,
): Promise<{ id: string; lotNumber: string; holdStatus: LotHoldStatus; expiresOn: string; productName: string; productKind: ProductKind } | undefined> {
  const [row] = await db.query(
    `SELECT id, lot_number AS "lotNumber", status AS "holdStatus", to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn",
            product_name AS "productName", product_kind AS "productKind"
     FROM lot_directory WHERE organization_id = $1 AND id = $2`,
    [organizationId, id],
  );
  return row;
}

/**
 * The patient's latest medical session on or before the date (another than `exceptSessionId`): the one the medical
 * interval is measured from at the chair. treatment_sessions_medical_idx serves it.
 */
export async function latestMedicalSessionUpTo(
  db: Db,
  organizationId: string,
  patientId: string,
  onDate: string,
  exceptSessionId: string | null,
): Promise<{ id: string; date: string } | undefined> {
  const [row] = await db.query(
    `SELECT id, to_char(performed_on, 'YYYY-MM-DD') AS date FROM treatment_sessions
     WHERE organization_id = $1 AND patient_id = $2 AND procedure_kind = 'medical' AND performed_on <= $3::date
       AND ($4::uuid IS NULL OR id <> $4::uuid)
     ORDER BY performed_on DESC LIMIT 1`,
    [organizationId, patientId, onDate, exceptSessionId],
  );
  return row;
}
