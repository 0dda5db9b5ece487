import type { EntityManager } from 'typeorm';
import { ConsentRecord } from './consent.entities';

/**
 * A consent record's row with what its view needs beyond it, computed in the same statement (issue 15: one read per
 * route): the template's re-consent versions, the names of the staff it mentions and the appointment it names.
 */
export interface ConsentViewRow {
  [column: string]: unknown;
  view_reconsent_versions: number[];
  view_staff_names: Record<string, string> | null;
  view_appointment: { id: string; serviceName: string; startsAt: string; timeZone: string } | null;
}

/** The extras of ConsentViewRow, as select-list columns over `r` (a consent_records row, perhaps all nulls). */
const VIEW_EXTRAS = `
  coalesce((SELECT array_agg(v.version ORDER BY v.version) FROM consent_template_versions v
             WHERE v.organization_id = r.organization_id AND v.template_id = r.template_id AND v.requires_reconsent), '{}') AS view_reconsent_versions,
  (SELECT json_object_agg(s.id, s.name) FROM staff_directory s
    WHERE s.organization_id = r.organization_id AND s.id IN (r.created_by, r.witnessed_by, r.revoked_by)) AS view_staff_names,
  (SELECT json_build_object('id', a.id, 'serviceName', a.service_name, 'startsAt', a.starts_at, 'timeZone', l.timezone)
     FROM appointment_consent_context a JOIN location_directory l ON l.id = a.location_id
    WHERE a.organization_id = r.organization_id AND a.id = r.appointment_id) AS view_appointment`;

/** The record as TypeORM would load it, from a row holding consent_records' columns. */
export function hydrateConsentRecord(manager: EntityManager, row: Record<string, unknown>): ConsentRecord {
  const metadata = manager.connection.getMetadata(ConsentRecord);
  const record = new ConsentRecord();
  for (const column of metadata.columns) column.setEntityValue(record, manager.connection.driver.prepareHydratedValue(row[column.databaseName], column));
  return record;
}

/** One record with its view's extras; undefined for an unknown id (or another organization's). */
export async function consentViewRow(manager: EntityManager, organizationId: string, id: string): Promise<ConsentViewRow | undefined> {
  const [row]: ConsentViewRow[] = await manager.query(`SELECT r.*, ${VIEW_EXTRAS} FROM consent_records r WHERE r.organization_id = $1 AND r.id = $2`, [
    organizationId,
    id,
  ]);
  return row;
}

/**
 * A patient's records, newest first, with their views' extras; undefined when the patient is unknown. The patient's
 * existence comes with the records (a patient without consents answers one row of nulls).
 */
export async function patientConsentViewRows(
  manager: EntityManager,
  organizationId: string,
  patientId: string,
  kind: string | null,
): Promise<ConsentViewRow[] | undefined> {
  const rows: ConsentViewRow[] = await manager.query(
    `SELECT r.*, ${VIEW_EXTRAS}
       FROM patient_directory p
       LEFT JOIN consent_records r ON r.organization_id = p.organization_id AND r.patient_id = p.id AND ($3::text IS NULL OR r.kind = $3::text)
      WHERE p.organization_id = $1 AND p.id = $2
      ORDER BY r.created_at DESC, r.id DESC`,
    [organizationId, patientId, kind],
  );
  if (rows.length === 0) return undefined;
  return rows.filter((row) => row.id !== null);
}

/** An audit event of the record, as audit's published view audit_entity_chain gives it (with the chain evidence). */
export interface ConsentTrailJson {
  id: string;
  occurredAt: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  changes: Record<string, { from?: unknown; to?: unknown }> | null;
  chainLane: number;
  chainSeq: string | null;
  mac: string | null;
  chainTail: string;
  previousMac: string | null;
}

/** A record's view with what its verification and PDF need: its audit trail (these actions), patient MRN and clinic. */
export interface ConsentDocumentRow extends ConsentViewRow {
  view_trail: ConsentTrailJson[];
  view_patient_mrn: string | null;
  view_organization_name: string | null;
}

/**
 * One record with its view's extras, its audit events of these `actions` (oldest first, with their actor's name and
 * chain evidence) and the patient's MRN and the clinic's name: everything a verification or the PDF reads, in one
 * statement. Undefined for an unknown id.
 */
export async function consentDocumentRow(manager: EntityManager, organizationId: string, id: string, actions: readonly string[]): Promise<ConsentDocumentRow | undefined> {
  const [row]: ConsentDocumentRow[] = await manager.query(
    `SELECT r.*, ${VIEW_EXTRAS},
            (SELECT coalesce(json_agg(json_build_object(
                      'id', c.id::text, 'occurredAt', c.occurred_at, 'action', c.action, 'actorId', c.actor_id, 'actorName', s.name,
                      'ip', c.ip, 'changes', c.changes, 'chainLane', c.chain_lane, 'chainSeq', c.chain_seq, 'mac', c.mac, 'chainTail', c.chain_tail,
                      'previousMac', c.previous_mac) ORDER BY c.occurred_at, c.id), '[]')
               FROM audit_entity_chain c LEFT JOIN staff_directory s ON s.id = c.actor_id
              WHERE c.organization_id = r.organization_id AND c.entity_type = 'consent' AND c.entity_id = r.id::text
                AND c.action = ANY($3::text[])) AS view_trail,
            p.mrn AS view_patient_mrn, o.name AS view_organization_name
       FROM consent_records r
       LEFT JOIN patient_directory p ON p.organization_id = r.organization_id AND p.id = r.patient_id
       LEFT JOIN organization_directory o ON o.id = r.organization_id
      WHERE r.organization_id = $1 AND r.id = $2`,
    [organizationId, id, actions],
  );
  return row;
}
