import { DateTime } from 'luxon';

/**
 * The instants the calendar asks the schedule for: the day (or the Monday-based week, as luxon counts it) around
 * `date` in the location's zone. The page and the prefetch before it use this one function, so they ask the same.
 */
export function scheduleWindow(date: Date, timeZone: string, unit: 'day' | 'week'): { from: Date; to: Date } {
  const local = DateTime.fromJSDate(date).setZone(timeZone);
  return { from: local.startOf(unit).toJSDate(), to: local.plus(unit === 'week' ? { weeks: 1 } : { days: 1 }).startOf(unit).toJSDate() };
}
