/**
 * Cancellations (issue 13): who asked for it, and whether a patient's cancellation came inside the clinic's
 * late-cancellation window (hours before the start; many clinics charge a fee or require a deposit after a few).
 * A cancellation by the clinic is never late: the patient did nothing wrong.
 */
export const CANCELLED_BY = ['patient', 'clinic'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];

/** The window when the clinic has not set one: a day before the start. */
export const DEFAULT_LATE_CANCELLATION_HOURS = 24;
/** 0 turns the flag off; a week is the longest window that still means "late". */
export const MAX_LATE_CANCELLATION_HOURS = 168;

export function isLateCancellation(c: { startsAt: Date | number; cancelledAt: Date | number; windowHours: number; cancelledBy: CancelledBy }): boolean {
  if (c.cancelledBy !== 'patient' || c.windowHours <= 0) return false;
  const start = typeof c.startsAt === 'number' ? c.startsAt : c.startsAt.getTime();
  const at = typeof c.cancelledAt === 'number' ? c.cancelledAt : c.cancelledAt.getTime();
  return start - at < c.windowHours * 3_600_000;
}
