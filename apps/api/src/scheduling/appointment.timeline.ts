import { Injectable } from '@nestjs/common';
import { formatLocalDateTime } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { TimelineSource, type TimelineEntry, type TimelineProvider } from '../patients/timeline/timeline-source';

/** The patient's appointments on the timeline, at their start, with the time in the location's zone. */
@TimelineSource()
@Injectable()
export class AppointmentTimeline implements TimelineProvider {
  async entries(manager: EntityManager, organizationId: string, patientId: string): Promise<TimelineEntry[]> {
    const rows: { id: string; starts_at: Date; status: string; cancel_reason: string | null; service_name: string; practitioner_name: string; timezone: string; location_name: string }[] =
      await manager.query(
        `SELECT a.id, a.starts_at, a.status, a.cancel_reason, s.name AS service_name, st.name AS practitioner_name, l.timezone, l.name AS location_name
         FROM appointments a JOIN services s ON s.id = a.service_id JOIN staff_members st ON st.id = a.practitioner_id JOIN locations l ON l.id = a.location_id
         WHERE a.organization_id = $1 AND a.patient_id = $2 ORDER BY a.starts_at`,
        [organizationId, patientId],
      );
    return rows.map((r) => ({
      at: r.starts_at,
      kind: 'appointment',
      title: `${r.service_name} (${r.status.replace('_', ' ')})`,
      detail: `${formatLocalDateTime(r.starts_at, r.timezone)} ${r.timezone} at ${r.location_name} with ${r.practitioner_name}${r.cancel_reason ? ` · cancelled: ${r.cancel_reason}` : ''}`,
      refId: r.id,
    }));
  }
}
