import { clinicLocaleForCountry, isClinicLocale } from './clinic-locale';
import { countryForTimeZone, isCountryCode, TIME_ZONE_COUNTRIES } from './countries';
import { readable } from './readable';
import { spell } from './spelling';

const NY = 'America/New_York';
// 10:30 and 11:00 in New York on 2 December 2026 (EST, UTC-5).
const START = '2026-12-02T15:30:00.000Z';
const END = '2026-12-02T16:00:00.000Z';
/** The helpers give plain spaces (Intl's narrow and thin no-break spaces are replaced). */
const plain = (text: string) => {
  expect(text).not.toMatch(/[\u202f\u2009\u00a0]/);
  return text;
};

describe('readable dates and times (one format per English variant)', () => {
  it('writes en-US as 12-hour clock and month-first dates, without seconds', () => {
    const us = readable('en-US');
    expect(us.date('2026-12-06')).toBe('Dec 6, 2026');
    expect(plain(us.time(START, NY))).toBe('10:30 AM');
    expect(plain(us.timeRange(START, END, NY))).toBe('10:30 – 11:00 AM');
    expect(plain(us.dateTime(START, NY))).toBe('Dec 2, 2026, 10:30 AM');
    expect(us.day(START, NY)).toBe('Dec 2, 2026');
    expect(us.dates(['2026-12-06', '2027-01-03'])).toBe('Dec 6, 2026 and Jan 3, 2027');
    expect(us.list(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(us.fullDateTime(START, NY)).toBe('Wednesday, December 2, 2026 at 10:30 AM');
  });

  it('writes en-GB as 24-hour clock and day-first dates', () => {
    const gb = readable('en-GB');
    expect(gb.date('2026-12-06')).toBe('6 Dec 2026');
    expect(gb.time(START, NY)).toBe('10:30');
    expect(plain(gb.timeRange(START, END, NY))).toBe('10:30–11:00');
    expect(gb.dateTime(START, NY)).toBe('2 Dec 2026, 10:30');
    expect(gb.list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(gb.fullDateTime(START, NY)).toBe('Wednesday, 2 December 2026 at 10:30');
  });

  it('reads the instant in the zone it is given (the location’s), not the server’s', () => {
    expect(readable('en-GB').time(START, 'Europe/London')).toBe('15:30');
    expect(readable('en-GB').day('2026-12-03T02:00:00Z', 'America/Los_Angeles')).toBe('2 Dec 2026');
  });

  it('never prints an ISO date or seconds', () => {
    for (const locale of ['en-US', 'en-GB'] as const) {
      const r = readable(locale);
      for (const text of [r.date('2026-12-06'), r.dateTime(START, NY), r.dateTimeRange(START, END, NY), r.time(START, NY)]) {
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}:\d{2}/);
      }
    }
  });
});

describe('spelling in the clinic’s variant', () => {
  it('turns British into American spelling for en-US, keeping capitals', () => {
    expect(spell('Topical anaesthetic', 'en-US')).toBe('Topical anesthetic');
    expect(spell('Licence type', 'en-US')).toBe('License type');
    expect(spell('The practitioner has no licence on file; licences expire', 'en-US')).toBe('The practitioner has no license on file; licenses expire');
    expect(spell('Colour key', 'en-US')).toBe('Color key');
  });

  it('turns American into British spelling for en-GB', () => {
    expect(spell('Topical anesthetic', 'en-GB')).toBe('Topical anaesthetic');
    expect(spell('Anesthetic', 'en-GB')).toBe('Anaesthetic');
    expect(spell('two-step enrollment', 'en-GB')).toBe('two-step enrolment');
  });

  it('leaves words that are the same in both, and parts of words, alone', () => {
    expect(spell('Licensed aesthetician', 'en-GB')).toBe('Licensed aesthetician');
    expect(spell('enrolled; licensed', 'en-US')).toBe('enrolled; licensed');
    expect(spell('aesthetic use', 'en-US')).toBe('aesthetic use');
  });
});

describe('country from the location’s time zone', () => {
  it.each([
    ['America/New_York', 'US'],
    ['America/Los_Angeles', 'US'],
    ['America/Phoenix', 'US'],
    ['Pacific/Honolulu', 'US'],
    ['America/Toronto', 'CA'],
    ['Europe/London', 'GB'],
    ['Europe/Dublin', 'IE'],
    ['Europe/Berlin', 'DE'],
    ['Australia/Sydney', 'AU'],
    ['Pacific/Auckland', 'NZ'],
    ['US/Eastern', 'US'],
    ['Asia/Calcutta', 'IN'],
  ])('%s → %s', (zone, country) => {
    expect(countryForTimeZone(zone)).toBe(country);
  });

  it('has no default for a zone not in the table', () => {
    expect(countryForTimeZone('UTC')).toBeNull();
    expect(countryForTimeZone('Antarctica/Troll')).toBeNull();
  });

  it('lists only zones the runtime knows, each with a two-letter country', () => {
    for (const [zone, country] of Object.entries(TIME_ZONE_COUNTRIES)) {
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone })).not.toThrow();
      expect(isCountryCode(country)).toBe(true);
    }
  });

  it('starts a clinic in the US on en-US and elsewhere on en-GB', () => {
    expect(clinicLocaleForCountry('US')).toBe('en-US');
    expect(clinicLocaleForCountry('GB')).toBe('en-GB');
    expect(clinicLocaleForCountry('AU')).toBe('en-GB');
    expect(clinicLocaleForCountry(null)).toBe('en-US');
    expect(isClinicLocale('en-GB')).toBe(true);
    expect(isClinicLocale('fr-FR')).toBe(false);
  });
});
