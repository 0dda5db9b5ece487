/**
 * The ratios of the clinic reports (issue 17), each defined once so the API, the dashboard and the tests that
 * recompute a report agree. Percents are rounded to one decimal; a ratio of nothing is null, not 0, so an empty month
 * reads "—" rather than a perfect score.
 */

export function percentOf(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/**
 * Wasted cartridges as a share of the cartridges taken out of stock for patients (used + wasted): how many of those
 * opened never reached a patient's skin. Expired unused stock is reported beside it, not in it.
 */
export function wastePercent(used: number, wasted: number): number | null {
  return percentOf(wasted, used + wasted);
}

/**
 * No-shows as a share of the appointments that were due: completed, no-shows and those that arrived but were not
 * completed. Cancelled appointments (early or late) were never due, so they do not count.
 */
export function noShowPercent(counts: { completed: number; noShows: number; arrivedNotCompleted?: number }): number | null {
  const due = counts.completed + counts.noShows + (counts.arrivedNotCompleted ?? 0);
  return percentOf(counts.noShows, due);
}

/**
 * Utilisation: booked clinical minutes over available minutes (working hours minus time off). Can exceed 100 % when
 * staff book over their hours; the report shows it as it is.
 */
export function utilisationPercent(bookedMinutes: number, availableMinutes: number): number | null {
  return percentOf(bookedMinutes, availableMinutes);
}

/** Cartridges per session, to two decimals (a second cartridge per session is the exception, domain.md section 9). */
export function cartridgesPerSession(cartridges: number, sessions: number): number | null {
  if (sessions <= 0) return null;
  return Math.round((cartridges / sessions) * 100) / 100;
}

/** Adverse events per 100 sessions, to one decimal: the safety report's rate (issue 17); null without sessions. */
export function per100Sessions(events: number, sessions: number): number | null {
  if (sessions <= 0) return null;
  return Math.round((events / sessions) * 1000) / 10;
}
