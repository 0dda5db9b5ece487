import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TimelineSource, type TimelineEntry, type TimelineProvider } from './timeline-source';

const TITLES: Record<string, string> = {
  'patient.created': 'Patient registered',
  'patient.updated': 'Details updated',
  'patient.archived': 'Record archived',
  'patient.restored': 'Record restored',
};

/** Registration, edits, archiving and restoring, from the audit trail (which keeps each with who did it). */
@TimelineSource()
@Injectable()
export class PatientRecordTimeline implements TimelineProvider {
  async entries(manager: EntityManager, organizationId: string, patientId: string): Promise<TimelineEntry[]> {
    const rows: { occurred_at: Date; action: string; changes: Record<string, { to?: unknown }> | null; actor_name: string | null }[] =
      await manager.query(
        `SELECT e.occurred_at, e.action, e.changes, s.name AS actor_name
         FROM audit_events e LEFT JOIN staff_members s ON s.id = e.actor_id
         WHERE e.organization_id = $1 AND e.entity_type = 'patient' AND e.entity_id = $2 AND e.action = ANY($3::text[])`,
        [organizationId, patientId, Object.keys(TITLES)],
      );
    return rows.map((r) => ({
      at: r.occurred_at,
      kind: 'patient',
      title: TITLES[r.action],
      detail: describe(r.action, r.changes ?? {}),
      refId: patientId,
      ...(r.actor_name ? { actorName: r.actor_name } : {}),
    }));
  }
}

function describe(action: string, changes: Record<string, { to?: unknown }>): string | undefined {
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
