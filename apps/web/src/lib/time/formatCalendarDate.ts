import { parseIsoDate, type IsoDate } from '@skinledger/domain';

const formatter = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A calendar date (YYYY-MM-DD, no zone) for reading, e.g. "Jun 30, 2027". */
export function formatCalendarDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return formatter.format(new Date(Date.UTC(year, month - 1, day)));
}
