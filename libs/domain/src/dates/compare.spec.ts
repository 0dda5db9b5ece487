import { compareIsoDates, earliestDate, isAfter, isBefore, isSameDay, latestDate } from './compare';

describe('date comparison', () => {
  it('orders dates', () => {
    expect(compareIsoDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareIsoDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(compareIsoDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(isBefore('2026-01-01', '2026-01-02')).toBe(true);
    expect(isAfter('2026-01-01', '2026-01-02')).toBe(false);
    expect(isSameDay('2026-01-01', '2026-01-01')).toBe(true);
  });
  it('throws on malformed dates rather than comparing strings', () => {
    expect(() => compareIsoDates('2026-1-1', '2026-01-01')).toThrow(RangeError);
  });
  it('picks the latest and earliest', () => {
    expect(latestDate('2026-03-01', '2027-01-01', '2026-12-31')).toBe('2027-01-01');
    expect(earliestDate('2026-03-01', '2027-01-01', '2026-02-28')).toBe('2026-02-28');
    expect(latestDate('2026-03-01')).toBe('2026-03-01');
  });
});
