import { daysInMonth } from './calendar';

/**
 * Calendar dates as ISO strings `YYYY-MM-DD` (no time, no time zone). Years 0000-9999.
 * Because the format is fixed-width, two valid ISO dates compare correctly as strings.
 */
export type IsoDate = string;

export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a valid ISO date, or null when the string is not a real calendar date. */
export function tryParseIsoDate(value: string): CalendarDate | null {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && tryParseIsoDate(value) !== null;
}

/** The parts of an ISO date; throws a RangeError when it is not a real calendar date. */
export function parseIsoDate(value: string): CalendarDate {
  const parts = tryParseIsoDate(value);
  if (!parts) throw new RangeError(`Not a YYYY-MM-DD calendar date: "${value}"`);
  return parts;
}

/** Formats date parts as `YYYY-MM-DD`; throws a RangeError when they do not form a real date. */
export function formatIsoDate({ year, month, day }: CalendarDate): IsoDate {
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid day ${day} for ${year}-${month}`);
  }
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
