import { OnlineMarker } from '@web/features/scheduling/components/OnlineMarker';
import { APPOINTMENT_STATUS_LABELS } from '@web/features/scheduling/schedulingVocabulary';
import type { Appointment } from '@web/features/scheduling/hooks/useSchedule';

export interface CalendarEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  appointment: Appointment;
}

/**
 * An appointment on the calendar: one line (cut with an ellipsis when the lane is narrow) and, on hover or keyboard
 * focus, a card with the full name, service, time, practitioner, room and status. The line holds the full text, so
 * the event's accessible name is never cut.
 */
export function CalendarEventContent({ event, withService, clock }: { event: CalendarEvent; withService: boolean; clock: (d: Date) => string }) {
  const a = event.appointment;
  return (
    <>
      <span className="sl-event-text">
        {a.source === 'online' && <OnlineMarker />}
        {a.patientName}
        {withService ? ` · ${a.serviceName}` : ''}
      </span>
      <span className="sl-event-card" aria-hidden="true">
        <strong>{a.patientName}</strong>
        <span>{a.serviceName}</span>
        <span>
          {clock(event.start)}–{clock(event.end)} · {a.practitionerName} · {a.roomName}
        </span>
        <span>{APPOINTMENT_STATUS_LABELS[a.status] ?? a.status}</span>
        {a.source === 'online' && <span>Booked online by the patient</span>}
        {a.patientIdentityToVerify && <span>Verify identity at check-in</span>}
      </span>
    </>
  );
}
