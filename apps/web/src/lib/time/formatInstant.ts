import { clinicFormat, clinicLocale } from './clinicFormat';

type Style = 'dateTime' | 'date' | 'time';

/**
 * An instant (ISO 8601) as wall-clock time in an IANA zone, in the clinic's format: "dateTime" (Nov 25, 2025, 9:14 AM
 * / 25 Nov 2025, 09:14), "date" (Nov 25, 2025) or "time" (9:14 AM / 09:14). Never seconds.
 */
export function formatInstant(instant: string, timeZone: string, style: Style = 'dateTime'): string {
  const f = clinicFormat();
  if (style === 'date') return f.day(instant, timeZone);
  if (style === 'time') return f.time(instant, timeZone);
  return f.dateTime(instant, timeZone);
}

/** Two instants of one appointment or block: "Dec 2, 2026, 10:30 – 11:00 AM" (spans days when it must). */
export function formatInstantRange(from: string, to: string, timeZone: string): string {
  return clinicFormat().dateTimeRange(from, to, timeZone);
}

/** Two clock times of one day: "10:30 – 11:00 AM" / "10:30–11:00". */
export function formatTimeRange(from: string, to: string, timeZone: string): string {
  return clinicFormat().timeRange(from, to, timeZone);
}

/** A day as a heading, in the clinic's format: "Sunday, Dec 6, 2026" / "Sunday 6 Dec 2026". */
export function formatDayHeading(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(clinicLocale(), { weekday: 'long', day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(new Date(instant));
}

/** A day as a column header, in the clinic's format: "Mon, Dec 7" / "Mon 7 Dec". */
export function formatDayShort(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(clinicLocale(), { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(new Date(instant));
}
