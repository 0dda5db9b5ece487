import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditQueryService } from '../../audit/audit-query.service';
import type { AuditChanges } from '../../audit/audit.service';
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
  constructor(private readonly auditTrail: AuditQueryService) {}

  async entries(manager: EntityManager, organizationId: string, patientId: string): Promise<TimelineEntry[]> {
    const events = await this.auditTrail.trailFor(manager, organizationId, { type: 'patient', id: patientId }, { actions: Object.keys(TITLES) });
    return events.map((e) => ({
      at: e.occurredAt,
      kind: 'patient',
      title: TITLES[e.action],
      detail: describe(e.action, e.changes ?? {}),
      refId: patientId,
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
