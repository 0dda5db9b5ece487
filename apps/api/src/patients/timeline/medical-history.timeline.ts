import { Injectable } from '@nestjs/common';
import { TimelineSource, instant, type TimelineEntry, type TimelineProvider, type TimelineRow } from './timeline-source';

/** Each recorded version of the medical-history questionnaire (the patients module's own view), the patient's own marked so. */
@TimelineSource()
@Injectable()
export class MedicalHistoryTimeline implements TimelineProvider {
  readonly views = [{ name: 'medical_history_timeline_rows' }];

  entries([versions]: TimelineRow[][]): TimelineEntry[] {
    return [...versions]
      .sort((a, b) => Number(b.version) - Number(a.version))
      .map((v) => ({
        at: instant(v.recorded_at),
        kind: 'medical_history',
        title:
          v.source === 'patient'
            ? `Medical history filled in by the patient before the visit (version ${v.version}): patient-reported, review at check-in`
            : v.version === 1
              ? 'Medical history recorded'
              : `Medical history updated (version ${v.version})`,
        refId: v.id as string,
        actorName: v.source === 'patient' ? 'The patient, online' : ((v.recorded_by_name as string | null) ?? ''),
      }));
  }
}
