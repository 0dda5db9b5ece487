import { Injectable } from '@nestjs/common';
import { ADVERSE_EVENT_TYPE_INFO, isAdverseEventType, readable } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { TimelineSource, type TimelineEntry, type TimelineProvider } from '../patients/timeline/timeline-source';
import { timelineAddenda, timelineAdverseEvents, timelineSessions } from './treatments-timeline.queries';

/** Sessions (started, signed, addenda) and adverse events on the patient's timeline. */
@TimelineSource()
@Injectable()
export class TreatmentsTimeline implements TimelineProvider {
  async entries(manager: EntityManager, organizationId: string, patientId: string): Promise<TimelineEntry[]> {
    const sessions = await timelineSessions(manager, organizationId, patientId);
    const entries: TimelineEntry[] = [];
    for (const s of sessions) {
      entries.push({
        at: s.started_at,
        kind: 'session',
        title: `${s.procedure_kind === 'medical' ? 'Medical' : 'Cosmetic'} needling session, up to ${Number(s.max_depth_mm)} mm`,
        ...(s.zones ? { detail: s.zones.replaceAll('_', ' ') } : {}),
        refId: s.id,
        actorName: s.practitioner_name,
      });
      if (s.signed_at) entries.push({ at: s.signed_at, kind: 'session', title: 'Session record signed', refId: s.id, actorName: s.practitioner_name });
    }
    const addenda = await timelineAddenda(manager, organizationId, patientId);
    for (const a of addenda) {
      entries.push({ at: a.created_at, kind: 'session', title: 'Addendum to a session record', detail: a.text, refId: a.session_id, actorName: a.author_name });
    }
    const events = await timelineAdverseEvents(manager, organizationId, patientId);
    for (const e of events) {
      const label = isAdverseEventType(e.type) ? ADVERSE_EVENT_TYPE_INFO[e.type].label : e.type;
      entries.push({
        at: e.recorded_at,
        kind: 'adverse_event',
        title: `Adverse event: ${label}${e.grade === null ? '' : `, grade ${e.grade}`} (onset ${readable(e.locale).date(e.onset_on)}, ${e.outcome.replaceAll('_', ' ')})`,
        detail: e.description,
        refId: e.id,
        actorName: e.recorded_by_name,
      });
    }
    return entries;
  }
}
