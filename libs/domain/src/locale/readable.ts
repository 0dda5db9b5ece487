import { parseIsoDate, type IsoDate } from '../dates/iso-date';
import { DEFAULT_CLINIC_LOCALE, type ClinicLocale } from './clinic-locale';
import { spell } from './spelling';

/** An instant as the API and the dashboard pass them around. */
export type Instant = Date | string | number;

/**
 * Dates, times and lists for people, in the clinic's English variant (issue 13: one time format, the locale's):
 * en-US "Dec 2, 2026", "10:30 AM", "10:30 – 11:00 AM"; en-GB "2 Dec 2026", "10:30", "10:30–11:00". Never seconds, never
 * ISO. Times are always read in an IANA zone (the location's); calendar dates have no zone.
 */
export interface Readable {
  readonly locale: ClinicLocale;
  /** A calendar date: "Dec 6, 2026" / "6 Dec 2026". */
  date(date: IsoDate): string;
  /** Several calendar dates: "Dec 6, 2026 and Jan 3, 2027". */
  dates(dates: readonly IsoDate[]): string;
  /** The clock time in the zone: "10:30 AM" / "10:30". */
  time(at: Instant, timeZone: string): string;
  /** Two clock times of one day: "10:30 – 11:00 AM" / "10:30–11:00". */
  timeRange(from: Instant, to: Instant, timeZone: string): string;
  /** The day in the zone: "Dec 2, 2026" / "2 Dec 2026". */
  day(at: Instant, timeZone: string): string;
  /** Day and time: "Dec 2, 2026, 10:30 AM" / "2 Dec 2026, 10:30". */
  dateTime(at: Instant, timeZone: string): string;
  /** For patients' messages, in full: "Wednesday, December 2, 2026 at 10:30 AM" / "Wednesday, 2 December 2026 at 10:30". */
  fullDateTime(at: Instant, timeZone: string): string;
  /** Day and times: "Dec 2, 2026, 10:30 – 11:00 AM" / "2 Dec 2026, 10:30–11:00" (spans days when it must). */
  dateTimeRange(from: Instant, to: Instant, timeZone: string): string;
  /** "a, b, and c" / "a, b and c". */
  list(items: readonly string[]): string;
  /** The text in the clinic's spelling. */
  spell(text: string): string;
}

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };

const formatters = new Map<string, Intl.DateTimeFormat>();

const FULL_DAY: Intl.DateTimeFormatOptions = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' };

function formatter(locale: ClinicLocale, kind: 'time' | 'day' | 'dateTime' | 'fullDay', timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const options = kind === 'time' ? TIME : kind === 'day' ? DAY : kind === 'fullDay' ? FULL_DAY : { ...DAY, ...TIME };
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

const toDate = (at: Instant): Date => (at instanceof Date ? at : new Date(at));

/**
 * Intl separates some parts with narrow or thin no-break spaces, and not consistently between `format` and
 * `formatRange` or between runtimes: people (and copied text) get plain spaces.
 */
const plain = (text: string): string => text.replace(/[\u202f\u2009\u00a0]/g, ' ');

function build(locale: ClinicLocale): Readable {
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const day = (at: Instant, timeZone: string) => plain(formatter(locale, 'day', timeZone).format(toDate(at)));
  const self: Readable = {
    locale,
    date: (date) => {
      const { year, month, day: d } = parseIsoDate(date);
      return plain(formatter(locale, 'day', 'UTC').format(new Date(Date.UTC(year, month - 1, d))));
    },
    dates: (dates) => lists.format(dates.map((d) => self.date(d))),
    time: (at, timeZone) => plain(formatter(locale, 'time', timeZone).format(toDate(at))),
    timeRange: (from, to, timeZone) => plain(formatter(locale, 'time', timeZone).formatRange(toDate(from), toDate(to))),
    day,
    dateTime: (at, timeZone) => plain(formatter(locale, 'dateTime', timeZone).format(toDate(at))),
    fullDateTime: (at, timeZone) =>
      `${plain(formatter(locale, 'fullDay', timeZone).format(toDate(at)))} at ${plain(formatter(locale, 'time', timeZone).format(toDate(at)))}`,
    dateTimeRange: (from, to, timeZone) => plain(formatter(locale, 'dateTime', timeZone).formatRange(toDate(from), toDate(to))),
    list: (items) => lists.format(items),
    spell: (text) => spell(text, locale),
  };
  return self;
}

const BY_LOCALE = new Map<ClinicLocale, Readable>();

/** The formatting helpers of one English variant (cached; safe to call per message). */
export function readable(locale: ClinicLocale = DEFAULT_CLINIC_LOCALE): Readable {
  let r = BY_LOCALE.get(locale);
  if (!r) {
    r = build(locale);
    BY_LOCALE.set(locale, r);
  }
  return r;
}
