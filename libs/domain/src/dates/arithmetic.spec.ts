import { addDays, addMonths, addYears, daysBetween } from './arithmetic';

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-12', 0)).toBe('2026-03-12');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
  });
  it('does not drift across daylight-saving changes (no time zones involved)', () => {
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-10-24', 14)).toBe('2026-11-07');
  });
  it('refuses fractional days and malformed dates', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('keeps the day of month when it exists', () => {
    expect(addMonths('2026-05-25', 6)).toBe('2026-11-25');
    expect(addMonths('2026-08-25', 6)).toBe('2027-02-25');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
  it('handles whole years and leap days', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
  });
  it('refuses fractional months', () => {
    expect(() => addMonths('2026-01-01', 0.5)).toThrow(RangeError);
    expect(() => addYears('2026-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts calendar days', () => {
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(0);
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2028-01-01', '2028-03-01')).toBe(60);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
    expect(daysBetween('1970-01-01', '2000-01-01')).toBe(10957);
  });
  it('is the inverse of addDays', () => {
    for (const n of [-400, -1, 0, 1, 28, 90, 1000]) expect(daysBetween('2026-06-15', addDays('2026-06-15', n))).toBe(n);
  });
});
