import type { EntityManager } from 'typeorm';
import { PUBLISHED_VIEWS, TABLE_OWNERS } from '../../database/table-owners';
import type { TimelineRow, TimelineView } from './timeline-source';

/** The views this module may read (its own and those published to it): a source naming another is a programming error. */
function readableByPatients(view: string): boolean {
  return (
    (TABLE_OWNERS.patients as readonly string[]).includes(view) ||
    PUBLISHED_VIEWS.some((v) => v.view === view && (v.readers === '*' || v.readers.includes('patients')))
  );
}

/**
 * Whether the organization has the patient, and the patient's rows of every timeline view, in ONE statement (issue
 * 15): one JSON array per view, in the order given. The views are the owners' published read models (table-owners.ts),
 * checked here since their names come from the sources.
 */
export async function timelineRows(
  manager: Pick<EntityManager, 'query'>,
  organizationId: string,
  patientId: string,
  views: readonly TimelineView[],
  /** More select-list columns of the caller's module over the same $1 and $2 (the export's record, history and access log). */
  extraColumns?: string,
): Promise<{ patientFound: boolean; rows: TimelineRow[][]; extra: Record<string, unknown> }> {
  const perView = views.map((view) => {
    if (!readableByPatients(view.name)) throw new Error(`${view.name} is not a timeline view published to the patients module`);
    return `(SELECT coalesce(json_agg(to_jsonb(v) - 'organization_id'), '[]') FROM ${view.name} v
              WHERE v.organization_id = $1 AND v.patient_id = ${view.patientIdIsText ? '$2::uuid::text' : '$2::uuid'})`;
  });
  const [row]: ({ patient_found: boolean; rows: TimelineRow[][] } & Record<string, unknown>)[] = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM patients p WHERE p.organization_id = $1 AND p.id = $2::uuid) AS patient_found,
            json_build_array(${perView.length > 0 ? perView.join(',\n') : ''}) AS rows${extraColumns ? `,\n${extraColumns}` : ''}`,
    [organizationId, patientId],
  );
  const { patient_found: patientFound, rows, ...extra } = row;
  return { patientFound, rows, extra };
}
