import { Injectable } from '@nestjs/common';
import { readable } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { TimelineSource, type TimelineEntry, type TimelineProvider } from '../patients/timeline/timeline-source';
import { patientAppointmentTimeline } from './appointments.queries';

/** The patient's appointments on the timeline, at their start, with the time in the location's zone. */
@TimelineSource()
@Injectable()
export class AppointmentTimeline implements TimelineProvider {
  async entries(manager: EntityManager, organizationId: string, patientId: string): Promise<TimelineEntry[]> {
    const rows = await patientAppointmentTimeline(manager, organizationId, patientId);
    return rows.map((r) => ({
      at: r.starts_at,
      kind: 'appointment',
      title: `${r.service_name} (${r.status.replace('_', ' ')})`,
      detail: `${readable(r.locale).dateTime(r.starts_at, r.timezone)} (${r.timezone}) at ${r.location_name} with ${r.practitioner_name}${r.cancel_reason ? ` · cancelled: ${r.cancel_reason}` : ''}`,
      refId: r.id,
    }));
  }
}
