import { formatIsoDate, isIsoDate, parseIsoDate, tryParseIsoDate } from './iso-date';

describe('ISO dates', () => {
  it('parses real calendar dates', () => {
    expect(parseIsoDate('2026-03-12')).toEqual({ year: 2026, month: 3, day: 12 });
    expect(tryParseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });
  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '2026-1-1', '26-01-01', '', '2026-01-01T00:00:00Z', ' 2026-01-01'])(
    'rejects %p',
    (value) => {
      expect(tryParseIsoDate(value)).toBeNull();
      expect(isIsoDate(value)).toBe(false);
      expect(() => parseIsoDate(value)).toThrow(RangeError);
    },
  );
  it('treats non-strings as not dates', () => {
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });
  it('formats with zero padding and refuses impossible dates', () => {
    expect(formatIsoDate({ year: 2026, month: 3, day: 5 })).toBe('2026-03-05');
    expect(formatIsoDate({ year: 7, month: 1, day: 1 })).toBe('0007-01-01');
    expect(() => formatIsoDate({ year: 2026, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => formatIsoDate({ year: 10000, month: 1, day: 1 })).toThrow(RangeError);
  });
});
