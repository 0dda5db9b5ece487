import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';

/**
 * The one place an appointment becomes iCalendar (RFC 5545): the practitioner's subscribed feed and the patient's
 * e-mailed invitation (iTIP, RFC 5546) carry the same UID (the appointment's id) and the same SEQUENCE
 * (`appointments.calendar_sequence`, raised by the database with every change an attendee would see), so a calendar
 * that holds one version recognises the next. Times are UTC throughout (no VTIMEZONE needed); ical-generator folds
 * lines at 75 octets and we end the text with CRLF, as RFC 5545 §3.1 asks of the last line too.
 */
export interface AppointmentCalendarEvent {
  appointmentId: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  /** `appointments.calendar_sequence`. */
  sequence: number;
  /** `appointments.calendar_changed_at`: when the attendee-visible part last changed. */
  lastModified: Date;
  summary: string;
  location: string;
  description?: string;
}

export type InvitationMethod = 'REQUEST' | 'CANCEL';

const PROD_ID = { company: 'SkinLedger', product: 'appointments', language: 'EN' };

/**
 * A practitioner's feed: a published calendar without METHOD, so each DTSTAMP is when that event was last revised
 * (RFC 5545 §3.8.7.2), not when a phone fetched it; a fetch of an unchanged feed gives the same text.
 */
export function practitionerFeedICalendar(name: string, events: readonly AppointmentCalendarEvent[]): string {
  const calendar = ical({ name, prodId: PROD_ID, ttl: 15 * 60 });
  for (const event of events) addEvent(calendar, event, event.lastModified);
  return withFinalCrlf(calendar.toString());
}

/**
 * One appointment for the patient's own calendar: METHOD:REQUEST adds or updates it, METHOD:CANCEL (a cancelled
 * appointment) removes it. DTSTAMP is when this message was made (RFC 5546 §3.2). ORGANIZER is the clinic's sending
 * address, ATTENDEE the patient (first name only), who need not reply.
 */
export function patientInvitationICalendar(
  event: AppointmentCalendarEvent,
  people: { organizer?: { name: string; email: string }; attendee: { firstName: string; email: string } },
  madeAt: Date,
): { method: InvitationMethod; text: string } {
  const method: InvitationMethod = event.cancelled ? 'CANCEL' : 'REQUEST';
  const calendar = ical({ prodId: PROD_ID, method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  const added = addEvent(calendar, event, madeAt);
  if (people.organizer) added.organizer({ ...people.organizer, name: parameterText(people.organizer.name) });
  added.createAttendee({
    email: people.attendee.email,
    name: parameterText(people.attendee.firstName),
    role: ICalAttendeeRole.REQ,
    status: ICalAttendeeStatus.ACCEPTED,
    rsvp: false,
  });
  return { method, text: withFinalCrlf(calendar.toString()) };
}

/** What the practitioner's phone shows: the service and the patient's initials, the room and the place. */
export function practitionerEventWords(a: { serviceName: string; initials: string; roomName: string; locationName: string; status: string }): {
  summary: string;
  location: string;
  description: string;
} {
  const status = a.status === 'no_show' ? 'no-show' : a.status.replace('_', ' ');
  return {
    summary: `${a.status === 'cancelled' ? 'Cancelled: ' : ''}${a.serviceName} – ${a.initials}`,
    location: `${a.roomName}, ${a.locationName}`,
    description: `Status: ${status}`,
  };
}

/** What the patient's calendar shows: the service at the clinic, and where it is. Nothing clinical. */
export function patientEventWords(a: { serviceName: string; clinicName: string; locationName: string; address: string }): { summary: string; location: string } {
  const place = a.locationName === a.clinicName ? a.clinicName : `${a.clinicName}, ${a.locationName}`;
  return { summary: `${a.serviceName} – ${a.clinicName}`, location: a.address.trim() ? `${place}, ${a.address.trim()}` : place };
}

function addEvent(calendar: ICalCalendar, event: AppointmentCalendarEvent, stamp: Date) {
  return calendar.createEvent({
    id: event.appointmentId,
    sequence: event.sequence,
    start: event.startsAt,
    end: event.endsAt,
    stamp,
    lastModified: event.lastModified,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    summary: event.summary,
    location: event.location,
    description: event.description ?? null,
  });
}

/** A CN parameter is a quoted string, which RFC 5545 §3.1 lets hold neither DQUOTE nor control characters. */
function parameterText(name: string): string {
  return [...name.replace(/"/g, "'")].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c)).join('');
}

/** RFC 5545 §3.1: every content line, the last one included, ends in CRLF (ical-generator leaves the last bare). */
function withFinalCrlf(text: string): string {
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
