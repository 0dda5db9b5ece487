import type { IsoDate } from '../dates/iso-date';
import { instantToLocal, isoWeekday } from '../scheduling/local-time';

/**
 * The time buckets of the clinic reports (issue 17): calendar months for trends, weekday × hour of the day for the
 * utilisation heat map. Keys are what the API answers and the CSV sorts by; labels are what the clinic reads.
 */

const MONTH_WORDS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY_WORDS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "2026-01" -> "Jan 2026". */
export function monthLabel(monthKey: string): string {
  const month = Number(monthKey.slice(5, 7));
  return `${MONTH_WORDS[month - 1] ?? monthKey} ${monthKey.slice(0, 4)}`;
}

/**
 * Every calendar month the range touches, oldest first, as `YYYY-MM` keys with their labels: a month with nothing
 * in it is still a row of a trend (a gap in a line would hide a quiet month).
 */
export function monthsOfRange(from: IsoDate, to: IsoDate): { key: string; label: string }[] {
  const months: { key: string; label: string }[] = [];
  if (to < from) return months;
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push({ key, label: monthLabel(key) });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** A heat-map cell: ISO weekday (1 Monday … 7 Sunday) and hour of the day, "1-09". */
export function weekdayHourKey(isoWeekdayNumber: number, hour: number): string {
  return `${isoWeekdayNumber}-${String(hour).padStart(2, '0')}`;
}

/** "1-09" -> "Mon 09:00". */
export function weekdayHourLabel(key: string): string {
  const [weekday, hour] = key.split('-');
  return `${WEEKDAY_WORDS[Number(weekday) - 1] ?? weekday} ${hour}:00`;
}

/** The hour `offset` hours after a cell's, wrapping past midnight into the next weekday (Sunday into Monday). */
export function weekdayHourAfter(key: string, offset: number): string {
  const [weekday, hour] = key.split('-').map(Number);
  const total = (weekday - 1) * 24 + hour + offset;
  const wrapped = ((total % 168) + 168) % 168;
  return weekdayHourKey(Math.floor(wrapped / 24) + 1, wrapped % 24);
}

/**
 * The minutes of [start, end) (epoch ms) in each local hour of the zone, cut at the wall clock's hour boundaries:
 * a 08:30–10:15 block gives 30 to hour 08, 60 to 09 and 15 to 10, whatever the zone's offset. Across a
 * daylight-saving change each piece keeps the hour the wall clock showed (the repeated autumn hour counts twice).
 */
export function minutesByLocalHour(start: number, end: number, timeZone: string): { date: IsoDate; hour: number; minutes: number }[] {
  const pieces: { date: IsoDate; hour: number; minutes: number }[] = [];
  let at = start;
  while (at < end) {
    const local = instantToLocal(at, timeZone);
    const hour = Math.floor(local.minutes / 60);
    // To the next full hour on the wall clock (seconds past the minute taken off).
    const next = Math.min(end, at + (60 - (local.minutes % 60)) * 60_000 - (at % 60_000));
    const last = pieces[pieces.length - 1];
    const minutes = (next - at) / 60_000;
    if (last && last.date === local.date && last.hour === hour) last.minutes += minutes;
    else pieces.push({ date: local.date, hour, minutes });
    at = next;
  }
  return pieces;
}

/** minutesByLocalHour keyed by heat-map cell ("1-09"). */
export function minutesByWeekdayHour(start: number, end: number, timeZone: string): Map<string, number> {
  const cells = new Map<string, number>();
  for (const p of minutesByLocalHour(start, end, timeZone)) {
    const key = weekdayHourKey(isoWeekday(p.date), p.hour);
    cells.set(key, (cells.get(key) ?? 0) + p.minutes);
  }
  return cells;
}
