import { Injectable } from '@nestjs/common';
import type { AuditChanges } from '../../audit/audit.service';
import { TimelineSource, instant, type TimelineEntry, type TimelineProvider, type TimelineRow } from './timeline-source';

const TITLES: Record<string, string> = {
  'patient.created': 'Patient registered',
  'patient.updated': 'Details updated',
  'patient.archived': 'Record archived',
  'patient.restored': 'Record restored',
};

/** Registration, edits, archiving and restoring, from the audit trail's view (which keeps each with who did it). */
@TimelineSource()
@Injectable()
export class PatientRecordTimeline implements TimelineProvider {
  readonly views = [{ name: 'patient_record_timeline_rows', patientIdIsText: true }];

  entries([events]: TimelineRow[][]): TimelineEntry[] {
    return events
      .map((e) => ({ id: e.id as string, patientId: e.patient_id as string, at: instant(e.occurred_at), action: e.action as string, changes: (e.changes ?? {}) as AuditChanges, actorName: e.actor_name as string | null }))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) // the trail's order (ids are bigints as text)
      .filter((e) => e.action in TITLES)
      .map((e) => ({
        at: e.at,
        kind: 'patient',
        title: TITLES[e.action],
        detail: describe(e.action, e.changes),
        refId: e.patientId,
        ...(e.actorName ? { actorName: e.actorName } : {}),
      }));
  }
}

function describe(action: string, changes: AuditChanges): string | undefined {
  switch (action) {
    case 'patient.created':
      return [changes.mrn?.to, changes.source?.to].filter(Boolean).join(', ') || undefined;
    case 'patient.updated': {
      const fields = Object.keys(changes).filter((f) => f !== 'confirmedDuplicateOf');
      return fields.length > 0 ? `Changed: ${fields.join(', ')}` : undefined;
    }
    case 'patient.archived':
      return typeof changes.reason?.to === 'string' ? changes.reason.to : undefined;
    default:
      return undefined;
  }
}
