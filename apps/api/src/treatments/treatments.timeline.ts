import { Injectable } from '@nestjs/common';
import { ADVERSE_EVENT_TYPE_INFO, isAdverseEventType, readable, type ClinicLocale } from '@skinledger/domain';
import { TimelineSource, instant, type TimelineEntry, type TimelineProvider, type TimelineRow } from '../patients/timeline/timeline-source';

/** Sessions (started, signed, addenda) and adverse events on the patient's timeline, from the treatments module's timeline views. */
@TimelineSource()
@Injectable()
export class TreatmentsTimeline implements TimelineProvider {
  readonly views = [{ name: 'treatment_session_timeline_rows' }, { name: 'session_addendum_timeline_rows' }, { name: 'adverse_event_timeline_rows' }];

  entries([sessions, addenda, events]: TimelineRow[][]): TimelineEntry[] {
    const entries: TimelineEntry[] = [];
    for (const s of sessions) {
      const practitionerName = s.practitioner_name as string;
      const zones = s.zones as string | null;
      entries.push({
        at: instant(s.started_at),
        kind: 'session',
        title: `${s.procedure_kind === 'medical' ? 'Medical' : 'Cosmetic'} needling session, up to ${Number(s.max_depth_mm)} mm`,
        ...(zones ? { detail: zones.replaceAll('_', ' ') } : {}),
        refId: s.id as string,
        actorName: practitionerName,
      });
      const signedAt = instant(s.signed_at, true);
      if (signedAt) entries.push({ at: signedAt, kind: 'session', title: 'Session record signed', refId: s.id as string, actorName: practitionerName });
    }
    for (const a of addenda) {
      entries.push({ at: instant(a.created_at), kind: 'session', title: 'Addendum to a session record', detail: a.text as string, refId: a.session_id as string, actorName: a.author_name as string });
    }
    for (const e of events) {
      const type = e.type as string;
      const label = isAdverseEventType(type) ? ADVERSE_EVENT_TYPE_INFO[type].label : type;
      const grade = e.grade as number | null;
      entries.push({
        at: instant(e.recorded_at),
        kind: 'adverse_event',
        title: `Adverse event: ${label}${grade === null ? '' : `, grade ${grade}`} (onset ${readable(e.locale as ClinicLocale).date(e.onset_on as string)}, ${(e.outcome as string).replaceAll('_', ' ')})`,
        detail: e.description as string,
        refId: e.id as string,
        actorName: e.recorded_by_name as string,
      });
    }
    return entries;
  }
}
