import { formatIsoDate, type IsoDate } from './iso-date';

/** The calendar date of an instant in UTC. Callers that know the clinic's time zone should pass a date instead. */
export function utcIsoDate(instant: Date = new Date()): IsoDate {
  return formatIsoDate({ year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() });
}
