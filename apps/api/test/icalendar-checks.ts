import ICAL from 'ical.js';
import ical from 'node-ical';

/**
 * RFC 5545 §3.1 as a receiving calendar checks it: every content line ends in CRLF (the last one too), no bare CR or
 * LF inside a line, and no line longer than 75 octets (UTF-8) once folded.
 */
export function contentLineProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('the last line does not end in CRLF');
  const lines = text.replace(/\r\n$/, '').split('\r\n');
  lines.forEach((line, i) => {
    if (/[\r\n]/.test(line)) problems.push(`line ${i + 1} holds a bare CR or LF`);
    const octets = Buffer.byteLength(line, 'utf8');
    if (octets > 75) problems.push(`line ${i + 1} is ${octets} octets long`);
  });
  return problems;
}

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  location: string;
  description: string | null;
  start: Date;
  end: Date;
  dtstamp: Date;
  lastModified: Date | null;
  organizer: string | null;
  attendees: string[];
}

/** The calendar as ical.js (Mozilla's parser) reads it: its METHOD and its events. */
export function readWithIcalJs(text: string): { method: string | null; events: ParsedEvent[]; timezones: number } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const date = (v: unknown) => (v instanceof ICAL.Time ? v.toJSDate() : null);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      summary: event.summary,
      location: event.location,
      description: event.description ?? null,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      dtstamp: date(vevent.getFirstPropertyValue('dtstamp')) as Date,
      lastModified: date(vevent.getFirstPropertyValue('last-modified')),
      organizer: (vevent.getFirstPropertyValue('organizer') as string | null) ?? null,
      attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
    };
  });
  return { method: (calendar.getFirstPropertyValue('method') as string | null) ?? null, events, timezones: calendar.getAllSubcomponents('vtimezone').length };
}

/** The same calendar as node-ical reads it: events by UID. */
export function readWithNodeIcal(text: string): Record<string, { sequence: number; status?: string; start: Date; end: Date; dtstamp: Date; lastmodified?: Date; summary: string }> {
  const parsed = ical.sync.parseICS(text);
  const events: Record<string, { sequence: number; status?: string; start: Date; end: Date; dtstamp: Date; lastmodified?: Date; summary: string }> = {};
  for (const component of Object.values(parsed)) {
    if (!component || component.type !== 'VEVENT') continue;
    const e = component as ical.VEvent;
    events[e.uid] = {
      sequence: Number(e.sequence),
      status: e.status,
      start: new Date(e.start),
      end: new Date(e.end as Date),
      dtstamp: new Date(e.dtstamp),
      lastmodified: e.lastmodified ? new Date(e.lastmodified) : undefined,
      summary: typeof e.summary === 'string' ? e.summary : String((e.summary as { val?: string })?.val ?? e.summary),
    };
  }
  return events;
}

/** Every DATE-TIME of the calendar, as written: in UTC ("Z") and never with a TZID, so no VTIMEZONE is needed. */
export function dateTimeValues(text: string): string[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter((line) => /^(DTSTART|DTEND|DTSTAMP|LAST-MODIFIED|CREATED)[;:]/.test(line))
    .map((line) => line.slice(line.indexOf(':') + 1) + (line.includes('TZID=') ? ' (TZID)' : ''));
}
