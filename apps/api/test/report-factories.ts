import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { signedInOrganization } from './factories';

/**
 * History for the report tests (issue 17), written straight into the tables as the demo loader does, because a report
 * needs sessions, scores and stock movements on chosen past dates, which the API (rightly) records only as of today.
 */
export type ReportOrg = Awaited<ReturnType<typeof signedInOrganization>>;

export async function seedDevice(dataSource: DataSource, org: ReportOrg, locationId = org.location.id): Promise<string> {
  const [device]: { id: string }[] = await dataSource.query(
    `INSERT INTO devices (organization_id, location_id, model, serial_number) VALUES ($1, $2, 'SkinPen Precision', $3) RETURNING id`,
    [org.organization.id, locationId, `SN-${randomUUID()}`],
  );
  return device.id;
}

/** A charted session at one depth on a date, signed unless told otherwise. */
export async function seedSession(
  dataSource: DataSource,
  org: ReportOrg,
  s: {
    patientId: string;
    deviceId: string;
    depthMm: number;
    on: string;
    locationId?: string;
    practitionerId?: string;
    signed?: boolean;
    indication?: string;
    /** Relative contraindications acknowledged with a reason. */
    acknowledgements?: { code: string; reason: string }[];
    /** The zone went past the clinic's maximum for this reason. */
    overrideReason?: string;
    /** Cartridge lots used, one unit each, recorded while the session is open (the ledger refuses a signed one). */
    cartridgeLotIds?: string[];
  },
): Promise<string> {
  const [row]: { id: string }[] = await dataSource.query(
    `INSERT INTO treatment_sessions (organization_id, patient_id, location_id, practitioner_id, walk_in_reason, device_id, procedure_kind,
                                     max_depth_mm, performed_on, created_by, indication, acknowledgements)
     VALUES ($1, $2, $3, $4, 'report seed', $5, $6, $7, $8, $4, $9, $10) RETURNING id`,
    [
      org.organization.id,
      s.patientId,
      s.locationId ?? org.location.id,
      s.practitionerId ?? org.staffMember.id,
      s.deviceId,
      s.depthMm >= 0.5 ? 'medical' : 'cosmetic',
      s.depthMm,
      s.on,
      s.indication ?? 'acne_scars',
      JSON.stringify(s.acknowledgements ?? []),
    ],
  );
  await dataSource.query(
    `INSERT INTO treatment_session_zones (organization_id, session_id, zone, depth_mm, passes, position, override_reason) VALUES ($1, $2, 'cheeks', $3, 2, 0, $4)`,
    [org.organization.id, row.id, s.depthMm, s.overrideReason ?? null],
  );
  for (const lotId of s.cartridgeLotIds ?? []) {
    await seedMovement(dataSource, org, {
      lotId,
      type: 'used',
      quantity: 1,
      on: s.on,
      sessionId: row.id,
      recordedBy: s.practitionerId ?? org.staffMember.id,
      locationId: s.locationId ?? org.location.id,
    });
  }
  if (s.signed !== false) {
    await dataSource.query(`UPDATE treatment_sessions SET status = 'signed', signed_by = practitioner_id, signed_at = now() WHERE id = $1`, [row.id]);
  }
  return row.id;
}

export async function seedScores(dataSource: DataSource, org: ReportOrg, patientId: string, scale: string, byDate: [string, number][]): Promise<void> {
  for (const [on, score] of byDate) {
    await dataSource.query(
      `INSERT INTO outcome_assessments (organization_id, patient_id, scale, scale_version, score, assessed_on, assessor_id, method)
       VALUES ($1, $2, $3, 'seed', $4, $5, $6, $7)`,
      [org.organization.id, patientId, scale, score, on, org.staffMember.id, scale.endsWith('_index') ? 'seed device' : null],
    );
  }
}

export async function seedLot(dataSource: DataSource, org: ReportOrg, productId: string, lotNumber: string, expiresOn: string): Promise<string> {
  const [lot]: { id: string }[] = await dataSource.query(
    `INSERT INTO lots (organization_id, product_id, lot_number, expires_on) VALUES ($1, $2, $3, $4) RETURNING id`,
    [org.organization.id, productId, lotNumber, expiresOn],
  );
  return lot.id;
}

/** One line of the stock ledger on a date (the database keeps the balances from it). */
export async function seedMovement(
  dataSource: DataSource,
  org: ReportOrg,
  m: { lotId: string; type: 'received' | 'used' | 'wasted'; quantity: number; on: string; sessionId?: string; reason?: string; recordedBy?: string; locationId?: string },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, reason, treatment_session_id, occurred_on, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [org.organization.id, m.lotId, m.locationId ?? org.location.id, m.type, m.quantity, m.reason ?? null, m.sessionId ?? null, m.on, m.recordedBy ?? org.staffMember.id],
  );
}
