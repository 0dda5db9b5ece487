import { addDays, instantToLocal, isoWeekday, localTimeToInstant } from '@skinledger/domain';

/**
 * The instants the calendar asks the schedule for: the day, or the Monday-to-Sunday week, around `date` on the
 * location's wall clock (from its midnight to the next one, daylight-saving changes included). The page and the
 * prefetch before it use this one function, so they ask for the same thing.
 */
export function scheduleWindow(date: Date, timeZone: string, unit: 'day' | 'week'): { from: Date; to: Date } {
  const today = instantToLocal(date, timeZone).date;
  const first = unit === 'week' ? addDays(today, 1 - isoWeekday(today)) : today;
  return { from: localTimeToInstant(first, 0, timeZone), to: localTimeToInstant(addDays(first, unit === 'week' ? 7 : 1), 0, timeZone) };
}
