import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MedicalHistoryService } from '../medical-history.service';
import { TimelineSource, type TimelineEntry, type TimelineProvider } from './timeline-source';

/** Each recorded version of the medical-history questionnaire. */
@TimelineSource()
@Injectable()
export class MedicalHistoryTimeline implements TimelineProvider {
  constructor(private readonly histories: MedicalHistoryService) {}

  async entries(manager: EntityManager, organizationId: string, patientId: string): Promise<TimelineEntry[]> {
    const versions = await this.histories.versions(manager, organizationId, patientId);
    return versions.map((v) => ({
      at: v.recordedAt,
      kind: 'medical_history',
      title: v.version === 1 ? 'Medical history recorded' : `Medical history updated (version ${v.version})`,
      refId: v.id,
      actorName: v.recordedByName,
    }));
  }
}
