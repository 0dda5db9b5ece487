import { daysInMonth, formatIsoDate, parseIsoDate, type IsoDate } from '../dates';

/**
 * The four-digit year of a GS1 two-digit year (GS1 General Specifications 7.12): the year is placed within
 * 49 years before to 50 years after the reference year. E.g. with reference 2026: 76 -> 2076, 77 -> 1977.
 */
export function expandGs1Year(twoDigitYear: number, referenceYear: number): number {
  if (!Number.isInteger(twoDigitYear) || twoDigitYear < 0 || twoDigitYear > 99) {
    throw new RangeError(`Two-digit year out of range: ${twoDigitYear}`);
  }
  const referenceTwoDigits = referenceYear % 100;
  const century = referenceYear - referenceTwoDigits;
  const difference = twoDigitYear - referenceTwoDigits;
  if (difference > 50) return century - 100 + twoDigitYear;
  if (difference < -49) return century + 100 + twoDigitYear;
  return century + twoDigitYear;
}

/** What DD = 00 means: expiry (17) = the last day of the month (domain.md section 10); production (11) = the first. */
export type Gs1DayZero = 'last_day_of_month' | 'first_day_of_month';

/** A GS1 YYMMDD date as YYYY-MM-DD, or null when it is not a real date. */
export function parseGs1Date(yymmdd: string, referenceDate: IsoDate, dayZero: Gs1DayZero): IsoDate | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const year = expandGs1Year(Number(yymmdd.slice(0, 2)), parseIsoDate(referenceDate).year);
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return null;
  const lastDay = daysInMonth(year, month);
  if (day > lastDay) return null;
  const resolvedDay = day !== 0 ? day : dayZero === 'last_day_of_month' ? lastDay : 1;
  return formatIsoDate({ year, month, day: resolvedDay });
}
