import { formatIsoDate, type IsoDate } from './iso-date';

/** The calendar date of an instant in UTC. Callers that know the clinic's time zone should pass a date instead. */
export function utcIsoDate(instant: Date = new Date()): IsoDate {
  return formatIsoDate({ year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() });
}

/**
 * The calendar date of an instant on the wall clock of an IANA time zone, e.g. the clinic's "today".
 * Throws a RangeError for a time zone the runtime does not know.
 */
export function isoDateInTimeZone(instant: Date, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate({ year: part('year'), month: part('month'), day: part('day') });
}
