import { addDays, daysBetween } from '../dates/arithmetic';
import type { IsoDate } from '../dates/iso-date';
import { readable, type Readable } from '../locale/readable';

/**
 * The medical interval (domain.md section 3): a medical session needs at least 28 days (configurable) since the
 * patient's previous medical session; cosmetic sessions may be weekly. Booking, check-in and the preflight all ask
 * this one rule.
 */
export const DEFAULT_MIN_DAYS_BETWEEN_MEDICAL_SESSIONS = 28;

/** Another medical session of the patient (done, or booked as an appointment) on its local calendar date. */
export interface MedicalSessionOnDate {
  id: string;
  date: IsoDate;
}

/** A type, not an interface: it is a RuleViolation (an open record) where the API reports it. */
export type MedicalIntervalViolation = {
  code: 'medical-interval';
  message: string;
  /** The nearest session that is too close (its date). */
  subject: IsoDate;
  /** Every session too close, in date order. */
  tooClose: MedicalSessionOnDate[];
};

/** The first date a medical session may take place after one on `date`. */
export function nextMedicalSessionFrom(date: IsoDate, minDays: number): IsoDate {
  return addDays(date, minDays);
}

/** Two medical sessions `daysApart` calendar days apart (either order) keep the interval. */
export function keepsMedicalInterval(daysApart: number, minDays: number): boolean {
  return Math.abs(daysApart) >= minDays;
}

/**
 * Whether a medical session on `onDate` keeps the interval from the patient's other medical sessions, before and
 * after it; null when it does. The caller passes the sessions it knows of (the preflight: those done up to the day;
 * booking: booked appointments too). Dates in the message are for people (`words`: the clinic's variant); the dates
 * themselves stay in `subject` and `tooClose`.
 */
export function medicalIntervalViolation(
  onDate: IsoDate,
  others: readonly MedicalSessionOnDate[],
  minDays: number,
  words: Readable = readable(),
): MedicalIntervalViolation | null {
  const tooClose = others
    .filter((o) => !keepsMedicalInterval(daysBetween(o.date, onDate), minDays))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  if (tooClose.length === 0) return null;
  const nearest = tooClose.reduce((best, o) =>
    Math.abs(daysBetween(o.date, onDate)) < Math.abs(daysBetween(best.date, onDate)) ? o : best,
  );
  const dates = [...new Set(tooClose.map((o) => o.date))];
  const latest = dates[dates.length - 1];
  // When every clash lies before the day, say from when the next session may be.
  const from = latest <= onDate ? ` (the next from ${words.date(nextMedicalSessionFrom(latest, minDays))})` : '';
  return {
    code: 'medical-interval',
    message: `Medical needling needs at least ${minDays} days between sessions; the patient has one on ${words.dates(dates)}${from}`,
    subject: nearest.date,
    tooClose,
  };
}

/** A course whose sessions are `intervalWeeks` apart keeps the medical interval; null when it does. */
export function courseIntervalViolation(intervalWeeks: number, minDays: number): { code: 'course-interval-too-short'; message: string } | null {
  const days = intervalWeeks * 7;
  if (keepsMedicalInterval(days, minDays)) return null;
  return {
    code: 'course-interval-too-short',
    message: `Medical needling needs at least ${minDays} days between sessions; ${intervalWeeks} weeks is ${days}`,
  };
}
