import { Injectable } from '@nestjs/common';
import { ADVERSE_EVENT_TYPE_INFO, isAdverseEventType } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { TimelineSource, type TimelineEntry, type TimelineProvider } from '../patients/timeline/timeline-source';

/** Sessions (started, signed, addenda) and adverse events on the patient's timeline. */
@TimelineSource()
@Injectable()
export class TreatmentsTimeline implements TimelineProvider {
  async entries(manager: EntityManager, organizationId: string, patientId: string): Promise<TimelineEntry[]> {
    const sessions: {
      id: string;
      procedure_kind: string;
      max_depth_mm: string;
      started_at: Date;
      signed_at: Date | null;
      practitioner_name: string;
      zones: string | null;
    }[] = await manager.query(
      `SELECT s.id, s.procedure_kind, s.max_depth_mm, s.started_at, s.signed_at, st.name AS practitioner_name,
              (SELECT string_agg(z.zone || ' ' || trim(trailing '.' from trim(trailing '0' from z.depth_mm::text)) || ' mm', ', ' ORDER BY z.position)
               FROM treatment_session_zones z WHERE z.session_id = s.id) AS zones
       FROM treatment_sessions s JOIN staff_members st ON st.id = s.practitioner_id
       WHERE s.organization_id = $1 AND s.patient_id = $2`,
      [organizationId, patientId],
    );
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
    const addenda: { session_id: string; text: string; created_at: Date; author_name: string }[] = await manager.query(
      `SELECT a.session_id, a.text, a.created_at, st.name AS author_name
       FROM treatment_session_addenda a JOIN treatment_sessions s ON s.id = a.session_id JOIN staff_members st ON st.id = a.author_id
       WHERE a.organization_id = $1 AND s.patient_id = $2`,
      [organizationId, patientId],
    );
    for (const a of addenda) {
      entries.push({ at: a.created_at, kind: 'session', title: 'Addendum to a session record', detail: a.text, refId: a.session_id, actorName: a.author_name });
    }
    const events: { id: string; type: string; onset_on: string; grade: number | null; outcome: string; recorded_at: Date; recorded_by_name: string; description: string }[] =
      await manager.query(
        `SELECT e.id, e.type, to_char(e.onset_on, 'YYYY-MM-DD') AS onset_on, e.grade, e.outcome, e.recorded_at, e.description, st.name AS recorded_by_name
         FROM adverse_events e JOIN staff_members st ON st.id = e.recorded_by
         WHERE e.organization_id = $1 AND e.patient_id = $2`,
        [organizationId, patientId],
      );
    for (const e of events) {
      const label = isAdverseEventType(e.type) ? ADVERSE_EVENT_TYPE_INFO[e.type].label : e.type;
      entries.push({
        at: e.recorded_at,
        kind: 'adverse_event',
        title: `Adverse event: ${label}${e.grade === null ? '' : `, grade ${e.grade}`} (onset ${e.onset_on}, ${e.outcome.replaceAll('_', ' ')})`,
        detail: e.description,
        refId: e.id,
        actorName: e.recorded_by_name,
      });
    }
    return entries;
  }
}
