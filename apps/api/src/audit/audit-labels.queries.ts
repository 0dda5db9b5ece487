import type { ClinicLocale } from '@skinledger/domain';
import type { AuditChanges } from './audit-event.entity';
import type { RecordLabel } from './audit-sentences';

/**
 * The part of an audit read that names things (issue 13): given a CTE `page` of events (columns entity_id,
 * actor_id, changes), every id on the page — entities, actors and the uuids inside `changes` — is looked up at once
 * in the directories (staff, patients, locations, the organization) and the record labels each owning module
 * publishes (scheduling, inventory, consents, treatments), with the labelled record's patient, practitioner and
 * location joined, all in the caller's one statement. `$1` is the organization.
 */
export const LABELS_SQL = `
  refs AS (
    SELECT coalesce(array_agg(DISTINCT r.id::uuid), '{}') AS ids FROM (
      SELECT page.entity_id AS id FROM page
      UNION ALL SELECT page.actor_id::text FROM page
      UNION ALL SELECT v #>> '{}' FROM page, jsonb_path_query(coalesce(page.changes, '{}'::jsonb), 'strict $.**') v WHERE jsonb_typeof(v) = 'string'
    ) r
    WHERE r.id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  ),
  named AS (
    SELECT n.* FROM (
      SELECT organization_id, id, 'staff_member'::text AS kind, name AS label, NULL::text AS detail,
             NULL::uuid AS patient_id, NULL::uuid AS staff_member_id, NULL::uuid AS location_id, NULL::timestamptz AS at
        FROM staff_directory
      UNION ALL SELECT organization_id, id, 'patient', first_name || ' ' || last_name, mrn, NULL, NULL, NULL, NULL FROM patient_directory
      UNION ALL SELECT organization_id, id, 'location', name, NULL, NULL, NULL, id, NULL FROM location_directory
      UNION ALL SELECT id, id, 'organization', name, NULL, NULL, NULL, NULL, NULL FROM organization_directory
      UNION ALL SELECT organization_id, id, kind, label, detail, patient_id, staff_member_id, location_id, at FROM scheduling_record_labels
      UNION ALL SELECT organization_id, id, kind, label, detail, patient_id, staff_member_id, location_id, at FROM inventory_record_labels
      UNION ALL SELECT organization_id, id, kind, label, detail, patient_id, staff_member_id, location_id, at FROM consent_record_labels
      UNION ALL SELECT organization_id, id, kind, label, detail, patient_id, staff_member_id, location_id, at FROM treatment_record_labels
    ) n
    WHERE n.organization_id = $1 AND n.id = ANY((SELECT ids FROM refs)::uuid[])
  ),
  labels AS (
    -- The patient's and practitioner's names by key, one look-up per label: as joins, PostgreSQL nested-looped every
    -- patient of the organization against each label (most labels have none), 140,000 comparisons at 2,000 patients.
    SELECT coalesce(jsonb_object_agg(n.id::text, jsonb_build_object(
             'kind', n.kind, 'label', n.label, 'detail', n.detail, 'at', n.at,
             'patient', (SELECT p.first_name || ' ' || p.last_name FROM patient_directory p WHERE p.organization_id = $1 AND p.id = n.patient_id),
             'staff', (SELECT s.name FROM staff_directory s WHERE s.organization_id = $1 AND s.id = n.staff_member_id),
             'location', l.name, 'timeZone', l.timezone)), '{}'::jsonb) AS labels
      FROM named n
      LEFT JOIN location_directory l ON l.organization_id = $1 AND l.id = n.location_id
  ),
  clinic AS (
    SELECT o.locale,
           coalesce((SELECT l.timezone FROM location_directory l WHERE l.organization_id = $1 ORDER BY l.is_active DESC, l.name LIMIT 1), 'UTC') AS time_zone
      FROM organization_directory o WHERE o.id = $1
  )`;

/** The columns LABELS_SQL adds to each row (the same on every row of a page). */
export const LABEL_COLUMNS = `(SELECT labels FROM labels) AS labels, (SELECT locale FROM clinic) AS locale, (SELECT time_zone FROM clinic) AS time_zone`;

export interface LabelledRow {
  labels: Record<string, RecordLabel> | null;
  locale: ClinicLocale | null;
  time_zone: string | null;
}

/** An event row of a labelled page. */
export interface LabelledEventRow extends LabelledRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: AuditChanges | null;
}
