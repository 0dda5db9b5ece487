import { addDays } from '../dates/arithmetic';
import { parseIsoDate, type IsoDate } from '../dates/iso-date';

/**
 * Wall-clock time in an IANA time zone, with the runtime's Intl database only (no external package), safe across
 * daylight-saving changes: 09:00 local stays 09:00 local on both sides of a change.
 */
const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Wall clocks already computed, per zone and instant: Intl's formatToParts costs tens of microseconds, and a week's
 * working time for ten practitioners asks for the same few instants (the same dates and hours) hundreds of times.
 * Bounded: emptied when full.
 */
const wallClocks = new Map<string, number>();
const WALL_CLOCK_CACHE_SIZE = 20_000;

/** The wall clock of an instant in a zone, as if it were UTC (ms). */
function wallClockMs(instantMs: number, timeZone: string): number {
  const key = `${timeZone} ${instantMs}`;
  const known = wallClocks.get(key);
  if (known !== undefined) return known;
  const parts = formatter(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  if (wallClocks.size >= WALL_CLOCK_CACHE_SIZE) wallClocks.clear();
  wallClocks.set(key, wall);
  return wall;
}

/** The zone's offset from UTC at an instant, in minutes (New York in winter: -300). */
export function zoneOffsetMinutes(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return Math.round((wallClockMs(wholeSecond, timeZone) - wholeSecond) / MINUTE_MS);
}

/** "HH:MM" (00:00–24:00) to minutes after midnight; undefined when malformed. */
export function parseClockTime(value: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` + `minutesAfterMidnight`. A time skipped by a
 * spring-forward change (02:30 on the changeover night) moves forward by the change (to 03:30); a repeated time
 * (autumn) is its first occurrence.
 */
export function localTimeToInstant(date: IsoDate, minutesAfterMidnight: number, timeZone: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const local = Date.UTC(year, month - 1, day) + minutesAfterMidnight * MINUTE_MS;
  const before = zoneOffsetMinutes(local - 36 * 60 * MINUTE_MS, timeZone);
  const after = zoneOffsetMinutes(local + 36 * 60 * MINUTE_MS, timeZone);
  const candidates = [local - before * MINUTE_MS, local - after * MINUTE_MS].sort((a, b) => a - b);
  const exact = candidates.find((t) => wallClockMs(t, timeZone) === local);
  return new Date(exact ?? local - before * MINUTE_MS);
}

/** The local calendar date and minutes after midnight of an instant in a zone. */
export function instantToLocal(instant: Date | number, timeZone: string): { date: IsoDate; minutes: number } {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const wall = wallClockMs(Math.floor(ms / 1000) * 1000, timeZone);
  const date = new Date(wall).toISOString().slice(0, 10);
  const minutes = Math.floor((wall - Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))) / MINUTE_MS);
  return { date, minutes };
}

/** ISO weekday of a date: Monday 1 … Sunday 7. */
export function isoWeekday(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Every local date whose day overlaps [from, to) in the zone, in order. */
export function localDatesBetween(from: Date, to: Date, timeZone: string): IsoDate[] {
  const first = instantToLocal(from, timeZone).date;
  const last = instantToLocal(new Date(to.getTime() - 1), timeZone).date;
  const dates: IsoDate[] = [];
  for (let d = first; d <= last && dates.length < 400; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** "2026-03-09T09:00" style wall clock of an instant, for messages shown in the location's zone. */
export function formatLocalDateTime(instant: Date | number, timeZone: string): string {
  const { date, minutes } = instantToLocal(instant, timeZone);
  return `${date} ${formatClockTime(minutes)}`;
}
