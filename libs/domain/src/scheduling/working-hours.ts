import { addDays } from '../dates/arithmetic';
import type { IsoDate } from '../dates/iso-date';
import { mergeIntervals, subtractIntervals, type Interval } from './intervals';
import { instantToLocal, isoWeekday, localTimeToInstant } from './local-time';

/** One weekly block of a practitioner at a location, in the location's wall-clock time (minutes after midnight). */
export interface WeeklyHours {
  /** ISO weekday: Monday 1 … Sunday 7. */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

/** A dated exception: time off (any location) or extra hours at this location, as instants. */
export interface HoursException {
  kind: 'time_off' | 'extra_hours';
  start: number;
  end: number;
}

/**
 * The instants a practitioner works at a location in [from, to): the weekly pattern laid on each local date in the
 * location's zone (so 09:00–17:00 stays 09:00–17:00 local across a daylight-saving change), plus extra hours,
 * minus time off. Merged and sorted.
 */
export function workingIntervals(input: {
  weekly: readonly WeeklyHours[];
  exceptions: readonly HoursException[];
  timeZone: string;
  from: number;
  to: number;
}): Interval[] {
  const { weekly, timeZone, from, to } = input;
  const blocks: Interval[] = [];
  if (weekly.length > 0) {
    const first = addDays(instantToLocal(from, timeZone).date, -1);
    const last = addDays(instantToLocal(to, timeZone).date, 1);
    for (let date: IsoDate = first; date <= last; date = addDays(date, 1)) {
      const weekday = isoWeekday(date);
      for (const w of weekly) {
        if (w.weekday !== weekday) continue;
        blocks.push({
          start: localTimeToInstant(date, w.startMinute, timeZone).getTime(),
          end: localTimeToInstant(date, w.endMinute, timeZone).getTime(),
        });
      }
    }
  }
  for (const e of input.exceptions) if (e.kind === 'extra_hours') blocks.push({ start: e.start, end: e.end });
  const off = input.exceptions.filter((e) => e.kind === 'time_off');
  return subtractIntervals(
    mergeIntervals(blocks).map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) })),
    off,
  ).filter((i) => i.end > i.start);
}
