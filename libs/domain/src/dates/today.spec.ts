import { isoDateInTimeZone, utcIsoDate } from './today';

describe('utcIsoDate', () => {
  it('takes the UTC calendar date of an instant', () => {
    expect(utcIsoDate(new Date(Date.UTC(2026, 1, 28, 23, 59, 59)))).toBe('2026-02-28');
    expect(utcIsoDate(new Date('2026-03-01T00:30:00+02:00'))).toBe('2026-02-28');
  });
  it('defaults to now', () => {
    expect(utcIsoDate()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('isoDateInTimeZone', () => {
  const instant = new Date('2026-03-01T03:30:00Z');
  it('takes the wall-clock date of the time zone', () => {
    expect(isoDateInTimeZone(instant, 'UTC')).toBe('2026-03-01');
    expect(isoDateInTimeZone(instant, 'America/New_York')).toBe('2026-02-28');
    expect(isoDateInTimeZone(instant, 'Pacific/Kiritimati')).toBe('2026-03-01');
    expect(isoDateInTimeZone(new Date('2026-12-31T11:00:00Z'), 'Pacific/Kiritimati')).toBe('2027-01-01');
  });
  it('refuses an unknown time zone', () => {
    expect(() => isoDateInTimeZone(instant, 'Mars/Olympus')).toThrow(RangeError);
  });
});
