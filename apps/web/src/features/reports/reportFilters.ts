import { addDays, addMonths, daysBetween, isIsoDate, type IsoDate } from '@skinledger/domain';

/** What every report is asked for (issue 17): a range of calendar days in the clinic's zone, a location, a practitioner. */
export interface ReportFilters {
  /** First day, inclusive (YYYY-MM-DD in the location's zone). */
  from: IsoDate;
  /** Last day, inclusive. */
  to: IsoDate;
  /** '' for every location. */
  locationId: string;
  /** '' for everyone. */
  practitionerId: string;
}

/**
 * The API answers at most this many days per request (apps/api/src/reports/report-range.ts, MAX_REPORT_DAYS); the
 * page explains it before asking, the API stays the guard.
 */
export const MAX_REPORT_DAYS = 3 * 366;

/** The last 12 months up to and including today (today as a calendar date in the clinic's zone). */
export function defaultReportRange(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(addMonths(today, -12), 1), to: today };
}

/** Why a range cannot be asked for, in words for the field, or null when it can. */
export function rangeProblem(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  if (!isIsoDate(from)) return { field: 'from', message: 'Enter the first day of the range' };
  if (!isIsoDate(to)) return { field: 'to', message: 'Enter the last day of the range' };
  if (to < from) return { field: 'to', message: 'Must be on or after the first day' };
  if (daysBetween(from, to) > MAX_REPORT_DAYS) return { field: 'to', message: 'At most three years after the first day' };
  return null;
}

/** The query string parameters of a report: the filters given, empty ones left out, then the report's own. */
export function reportQuery(filters: ReportFilters, own: Record<string, string | undefined> = {}): Record<string, string> {
  const query: Record<string, string> = { from: filters.from, to: filters.to };
  if (filters.locationId) query.locationId = filters.locationId;
  if (filters.practitionerId) query.practitionerId = filters.practitionerId;
  for (const [key, value] of Object.entries(own)) if (value) query[key] = value;
  return query;
}

/** The spreadsheet of a report: the same route and filters with format=csv (a plain same-origin link; the session cookie goes with it). */
export function reportCsvHref(path: `/api/reports/${string}`, query: Record<string, string>): string {
  return `${path}?${new URLSearchParams({ ...query, format: 'csv' }).toString()}`;
}
