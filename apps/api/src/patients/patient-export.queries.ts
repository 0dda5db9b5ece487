import type { EntityManager } from 'typeorm';
import type { HistoryVersionRow } from './medical-history.queries';
import { Patient } from './patient.entity';

/**
 * What an export reads beside the timeline, as columns of the timeline's one statement ($1 organization, $2
 * patient): the record, every medical-history version (newest first) and the access log so far (oldest first).
 */
export const PATIENT_EXPORT_COLUMNS = `
  (SELECT to_jsonb(p) FROM patients p WHERE p.organization_id = $1 AND p.id = $2::uuid) AS patient,
  (SELECT coalesce(json_agg(json_build_object('id', h.id, 'organizationId', h.organization_id, 'patientId', h.patient_id, 'version', h.version,
                                              'answers', h.answers, 'recordedBy', h.recorded_by, 'recordedAt', h.recorded_at,
                                              'recordedByName', coalesce(s.name, '')) ORDER BY h.version DESC), '[]')
     FROM patient_medical_histories h LEFT JOIN staff_directory s ON s.id = h.recorded_by
    WHERE h.organization_id = $1 AND h.patient_id = $2::uuid) AS versions,
  (SELECT coalesce(json_agg(json_build_object('at', t.occurred_at, 'action', t.action, 'actorName', t.actor_name) ORDER BY t.occurred_at, t.id), '[]')
     FROM patient_audit_trail_rows t WHERE t.organization_id = $1 AND t.patient_id = $2::uuid::text) AS access_log`;

export interface PatientExportColumns {
  patient: Record<string, unknown> | null;
  versions: (Omit<HistoryVersionRow, 'recordedAt'> & { recordedAt: string })[];
  access_log: { at: string; action: string; actorName: string | null }[];
}

/** The record from its JSON row (column names, instants as text) as the entity TypeORM would have read. */
export function patientFromJson(manager: EntityManager, row: Record<string, unknown>): Patient {
  const patient = new Patient();
  const fields = patient as unknown as Record<string, unknown>;
  for (const column of manager.connection.getMetadata(Patient).columns) {
    const value = row[column.databaseName] ?? null;
    fields[column.propertyName] = column.type === 'timestamptz' && typeof value === 'string' ? new Date(value) : value;
  }
  return patient;
}
