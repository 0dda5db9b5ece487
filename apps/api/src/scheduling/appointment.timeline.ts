import { Injectable } from '@nestjs/common';
import { readable, type ClinicLocale } from '@skinledger/domain';
import { TimelineSource, instant, type TimelineEntry, type TimelineProvider, type TimelineRow } from '../patients/timeline/timeline-source';

/** The patient's appointments on the timeline, at their start, with the time in the location's zone (view appointment_timeline_rows). */
@TimelineSource()
@Injectable()
export class AppointmentTimeline implements TimelineProvider {
  readonly views = [{ name: 'appointment_timeline_rows' }];

  entries([appointments]: TimelineRow[][]): TimelineEntry[] {
    return appointments
      .map((r) => ({ r, startsAt: instant(r.starts_at) }))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map(({ r, startsAt }) => {
        const timezone = r.timezone as string;
        const cancelReason = r.cancel_reason as string | null;
        return {
          at: startsAt,
          kind: 'appointment',
          title: `${r.service_name as string} (${(r.status as string).replace('_', ' ')})`,
          detail: `${readable(r.locale as ClinicLocale).dateTime(startsAt, timezone)} (${timezone}) at ${r.location_name as string} with ${r.practitioner_name as string}${cancelReason ? ` · cancelled: ${cancelReason}` : ''}`,
          refId: r.id as string,
        };
      });
  }
}
