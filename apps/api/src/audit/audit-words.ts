import { readable, type ClinicLocale } from '@skinledger/domain';
import { auditDetails, type AuditDetail } from './audit-details';
import type { LabelledEventRow } from './audit-labels.queries';
import { auditSentence, EventWords, type RecordLabel } from './audit-sentences';

export interface EventInWords {
  sentence: string;
  /** What the event touched, by name ("Jordan Avery", "lot LOT42A"), or null. */
  entityName: string | null;
  details: AuditDetail[];
}

/**
 * An event of a labelled page (audit-labels.queries) in the clinic's words: its sentence, its entity's name and its
 * changed fields. The locale is the organization's (from the row, else the reader's).
 */
export function describeEvent(row: LabelledEventRow, readerLocale: ClinicLocale): EventInWords {
  const words = readable(row.locale ?? readerLocale);
  const labels = row.labels ?? {};
  const label = (id: unknown): RecordLabel | undefined => (typeof id === 'string' ? labels[id.toLowerCase()] : undefined);
  const timeZone = row.time_zone ?? 'UTC';
  const input = {
    action: row.action,
    actorName: row.actor_name,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: row.changes,
    label,
    words,
    timeZone,
  };
  return {
    sentence: auditSentence(input),
    entityName: entityName(new EventWords(input)),
    details: auditDetails(row.changes, { label, words, timeZone }),
  };
}

function entityName(e: EventWords): string | null {
  if (!e.entity?.label) return null;
  switch (e.input.entityType) {
    case 'appointment':
      return e.appointment;
    case 'treatment_session':
      return e.session;
    case 'consent':
      return e.consent;
    case 'lot':
      return e.lot;
    case 'device':
      return e.device;
    case 'treatment_plan':
      return e.course;
    case 'room':
      return e.room;
    default:
      return e.entity.label;
  }
}
