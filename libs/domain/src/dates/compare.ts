import { parseIsoDate, type IsoDate } from './iso-date';

/** -1 when a is earlier, 0 when the same day, 1 when a is later. Throws on a malformed date. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseIsoDate(a);
  parseIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) > 0;
}

export function isSameDay(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) === 0;
}

/** The latest of one or more dates. */
export function latestDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((latest, d) => (isAfter(d, latest) ? d : latest), first);
}

/** The earliest of one or more dates. */
export function earliestDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((earliest, d) => (isBefore(d, earliest) ? d : earliest), first);
}
