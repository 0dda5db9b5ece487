import { contentLineProblems, readWithIcalJs, readWithNodeIcal } from '../../test/icalendar-checks';
import { patientEventWords, patientInvitationICalendar, practitionerEventWords, practitionerFeedICalendar, type AppointmentCalendarEvent } from './appointment-icalendar';

const event: AppointmentCalendarEvent = {
  appointmentId: '6f1c2a4e-3b5d-4e7f-8a9b-0c1d2e3f4a5b',
  startsAt: new Date('2026-12-02T15:30:00Z'),
  endsAt: new Date('2026-12-02T16:30:00Z'),
  cancelled: false,
  sequence: 3,
  lastModified: new Date('2026-11-20T09:15:42Z'),
  // Multi-byte characters around the 75-octet boundary: folding must count octets.
  ...patientEventWords({
    serviceName: 'Microneedling für Aknenarben – Gesicht, Hals und Dekolleté (Behandlungsserie) ✨✨✨',
    clinicName: 'Praxis Müller & Söhne',
    locationName: 'Königsallee',
    address: 'Königsallee 92a; 40212 Düsseldorf, Deutschland',
  }),
};

describe('appointment-icalendar (the one builder of feed and invitations)', () => {
  it('writes the practitioner feed as RFC 5545 lines that ical.js and node-ical read back, DTSTAMP the last change', () => {
    const text = practitionerFeedICalendar('SkinLedger – Nora Reyes', [
      { ...event, ...practitionerEventWords({ serviceName: 'Facial', initials: 'ZQ', roomName: 'Room 1', locationName: 'Main', status: 'no_show' }) },
      { ...event, appointmentId: 'a0000000-0000-4000-8000-000000000001', summary: event.summary },
    ]);
    expect(contentLineProblems(text)).toEqual([]);
    const parsed = readWithIcalJs(text);
    expect(parsed.method).toBeNull();
    expect(parsed.events[0]).toMatchObject({ uid: event.appointmentId, sequence: 3, status: 'CONFIRMED', summary: 'Facial – ZQ', description: 'Status: no-show' });
    expect(parsed.events[0].dtstamp).toEqual(event.lastModified);
    expect(parsed.events[0].lastModified).toEqual(event.lastModified);
    expect(parsed.events[1].summary).toBe(event.summary);
    expect(readWithNodeIcal(text)['a0000000-0000-4000-8000-000000000001']).toMatchObject({ summary: event.summary, sequence: 3 });
  });

  it('invites with METHOD:REQUEST and cancels with METHOD:CANCEL, same UID and SEQUENCE, names that cannot break a parameter', () => {
    const madeAt = new Date('2026-11-21T08:00:00Z');
    const people = { organizer: { name: 'Praxis "Müller"', email: 'termine@praxis.test' }, attendee: { firstName: 'Zo"ë\n', email: 'zoe@example.test' } };
    const request = patientInvitationICalendar(event, people, madeAt);
    const cancel = patientInvitationICalendar({ ...event, cancelled: true, sequence: 4 }, people, madeAt);
    expect(request.method).toBe('REQUEST');
    expect(cancel.method).toBe('CANCEL');
    for (const [made, method, status, sequence] of [
      [request, 'REQUEST', 'CONFIRMED', 3],
      [cancel, 'CANCEL', 'CANCELLED', 4],
    ] as const) {
      expect(contentLineProblems(made.text)).toEqual([]);
      const parsed = readWithIcalJs(made.text);
      expect(parsed.method).toBe(method);
      expect(parsed.events).toHaveLength(1);
      expect(parsed.events[0]).toMatchObject({ uid: event.appointmentId, sequence, status, summary: event.summary, location: event.location });
      expect(parsed.events[0].dtstamp).toEqual(madeAt);
      expect(parsed.events[0].organizer?.toLowerCase()).toBe('mailto:termine@praxis.test');
      expect(readWithNodeIcal(made.text)[event.appointmentId]).toMatchObject({ sequence, status });
    }
  });
});
