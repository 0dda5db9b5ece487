import { readable } from '../locale/readable';

/**
 * Times as people read them, in the location's zone (issue 13: never an ISO string or a UTC time in a message).
 * US English for now, the clinic's locale once organizations carry one.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(kind: 'dateTime' | 'time' | 'day', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { timeZone, hour: 'numeric', minute: '2-digit' }
        : kind === 'day'
          ? { timeZone, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }
          : { timeZone, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' };
    f = new Intl.DateTimeFormat('en-US', options);
    formats.set(key, f);
  }
  return f;
}

/** "Thursday, March 12, 2026 at 10:30 AM" in the zone (US English: `readable(locale).fullDateTime` for the clinic's). */
export function readableDateTime(instant: Date | number, timeZone: string): string {
  return readable('en-US').fullDateTime(instant, timeZone);
}

/** "10:30 AM" in the zone. */
export function readableTime(instant: Date | number, timeZone: string): string {
  return format('time', timeZone).format(instant);
}

/** "10:30 AM–11:15 AM" in the zone. */
export function readableTimeRange(start: Date | number, end: Date | number, timeZone: string): string {
  return `${readableTime(start, timeZone)}–${readableTime(end, timeZone)}`;
}
